// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatstreamassembler.h"
#include "chattypes.h"
#include "providerpreset.h"
#include "retrypolicy.h"
#include "sseparser.h"

#include <core/core/result.h>

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Qwq::Ai {

class LlmClient;

struct LlmTimeouts
{
    int connectMs = 15000;     // until the request is on the wire (TCP + TLS)
    int firstByteMs = 90000;   // from then until the provider starts answering
    int idleMs = 60000;        // longest silence in the middle of a stream
};

/// One streamed chat completion, possibly over several attempts. Emits deltas as they arrive
/// and `finished` exactly once; result() then holds the response or the error. Owned by the
/// LlmClient that made it; call deleteLater() when done with it (as with QNetworkReply).
class ChatReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatReply)
public:
    ~ChatReply() override;

    bool isFinished() const { return m_result.has_value(); }
    /// Valid once finished.
    const Result<ChatResponse> &result() const { return *m_result; }
    /// What has arrived so far.
    const ChatResponse &partial() const { return m_assembler.partial(); }
    int attempts() const { return m_attempt; }
    /// Aborts the request (or the wait before a retry); finishes with Cancelled.
    void cancel();

signals:
    void contentDelta(const QString &text);
    void reasoningDelta(const QString &text);
    void toolCallsChanged();
    /// A failed attempt will be retried after `delayMs` (nothing had been streamed yet).
    void retrying(int attempt, int delayMs, const Qwq::Error &reason);
    void finished();

private:
    friend class LlmClient;
    enum class Phase { Idle, Connecting, Waiting, Streaming };

    ChatReply(LlmClient *client, QByteArray body, QString model);
    void startAttempt();
    void onReadyRead();
    void onFinished();
    void onTimeout();
    void arm(Phase phase);
    void failAttempt(const Error &error, std::optional<qint64> retryAfterMs, bool retryable);
    void complete(const Result<ChatResponse> &result);

    LlmClient *m_client;
    QByteArray m_body;
    QString m_model;
    QPointer<QNetworkReply> m_reply;
    QTimer m_watchdog;
    QTimer m_retryTimer;
    Phase m_phase = Phase::Idle;
    SseParser m_parser;
    ChatStreamAssembler m_assembler;
    QByteArray m_errorBody;
    std::optional<Error> m_abortReason;
    std::optional<Result<ChatResponse>> m_result;
    int m_attempt = 0;
    bool m_cancelled = false;
    bool m_breakerTicket = false;
};

/// An OpenAI-compatible chat client: `POST {base}/chat/completions` with `stream: true` and
/// `GET {base}/models`, on the calling thread's event loop (the GUI thread; parsing is in the
/// pure SseParser and ChatStreamAssembler). Failures before anything was streamed are retried
/// with exponential backoff and jitter, honouring Retry-After; a circuit breaker stops calling
/// a provider that keeps failing. Errors are Qwq::Error with a translated message that names
/// the provider and what failed. The API key is sent in the Authorization header only: it is
/// never logged and is scrubbed from every error detail.
class LlmClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LlmClient)
public:
    /// Uses `nam` if given (not owned), else its own.
    explicit LlmClient(QNetworkAccessManager *nam = nullptr, QObject *parent = nullptr);
    ~LlmClient() override;

    void setConfig(const ProviderConfig &config) { m_config = config; }
    const ProviderConfig &config() const { return m_config; }
    void setTimeouts(const LlmTimeouts &t) { m_timeouts = t; }
    const LlmTimeouts &timeouts() const { return m_timeouts; }
    void setRetryPolicy(const RetryPolicy &p) { m_retry = p; }
    const RetryPolicy &retryPolicy() const { return m_retry; }
    CircuitBreaker &breaker() { return m_breaker; }
    /// Random numbers in [0, 1) for the jitter (tests make it deterministic).
    void setRandomSource(std::function<double()> random) { m_random = std::move(random); }

    /// Starts a streamed completion. The request's model defaults to the config's; usage
    /// reporting follows the config. Never returns nullptr; a config error finishes the reply
    /// on the next event-loop turn.
    ChatReply *chat(ChatRequest request);
    /// The provider's model ids, sorted.
    QFuture<Result<QStringList>> listModels();

private:
    friend class ChatReply;
    QString host() const;
    QNetworkReply *post(const QByteArray &body);

    QNetworkAccessManager *m_nam;
    ProviderConfig m_config;
    LlmTimeouts m_timeouts;
    RetryPolicy m_retry;
    CircuitBreaker m_breaker;
    std::function<double()> m_random;
};

} // namespace Qwq::Ai
