// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmclient.h"

#include "aitr.h"
#include "llmerrors.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QRandomGenerator>

#include <memory>

Q_LOGGING_CATEGORY(lcAi, "qwq.ai")

namespace Qwq::Ai {

namespace {
constexpr qsizetype kMaxErrorBody = 64 * 1024;

std::optional<qint64> retryAfterOf(QNetworkReply *reply)
{
    // OpenAI also sends the finer retry-after-ms; the standard header is Retry-After.
    const QByteArray ms = reply->rawHeader("retry-after-ms").trimmed();
    bool ok = false;
    const double v = ms.toDouble(&ok);
    if (ok && v >= 0)
        return qint64(v);
    if (reply->hasRawHeader("Retry-After"))
        return parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
    return std::nullopt;
}

bool countsAgainstProvider(const Error &e)
{
    return e.code == ErrorCode::AiUnavailable || e.code == ErrorCode::Timeout;
}
} // namespace

// ---------------------------------------------------------------------------------------------
// ChatReply

ChatReply::ChatReply(LlmClient *client, QByteArray body, QString model)
    : QObject(client), m_client(client), m_body(std::move(body)), m_model(std::move(model))
{
    m_watchdog.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer);   // a coarse timer may fire 5% early
    m_watchdog.setTimerType(Qt::PreciseTimer);
    connect(&m_watchdog, &QTimer::timeout, this, &ChatReply::onTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &ChatReply::startAttempt);
}

ChatReply::~ChatReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (!m_result && m_breakerTicket)
        m_client->m_breaker.recordAbandoned();
}

void ChatReply::startAttempt()
{
    if (m_cancelled || m_result)
        return;
    if (!m_breakerTicket) {
        CircuitBreaker &b = m_client->m_breaker;
        if (!b.allowRequest()) {
            const qint64 wait = (b.remainingCooldownMs() + 999) / 1000;
            return complete(Error(
                ErrorCode::AiUnavailable,
                Tr::tr("The AI provider at %1 failed %2 times in a row; qwq waits %3 s before "
                       "trying it again").arg(m_client->host()).arg(b.consecutiveFailures()).arg(wait),
                QStringLiteral("circuit breaker open")));
        }
        m_breakerTicket = true;
    }
    ++m_attempt;
    m_parser.reset();
    m_assembler.reset();
    m_errorBody.clear();
    m_abortReason.reset();
    m_reply = m_client->post(m_body);
    qCDebug(lcAi).noquote() << "chat request to" << m_client->host() << "attempt" << m_attempt;
    connect(m_reply, &QNetworkReply::requestSent, this, [this] { arm(Phase::Waiting); });
    connect(m_reply, &QNetworkReply::readyRead, this, &ChatReply::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ChatReply::onFinished);
    arm(Phase::Connecting);
}

void ChatReply::arm(Phase phase)
{
    m_phase = phase;
    const LlmTimeouts &t = m_client->timeouts();
    m_watchdog.start(phase == Phase::Connecting ? t.connectMs
                     : phase == Phase::Waiting  ? t.firstByteMs
                                                : t.idleMs);
}

void ChatReply::onTimeout()
{
    if (!m_reply)
        return;
    const LlmTimeouts &t = m_client->timeouts();
    using P = LlmErrors::TimeoutPhase;
    switch (m_phase) {
    case Phase::Connecting:
        m_abortReason = LlmErrors::timeout(P::Connect, m_client->host(), t.connectMs);
        break;
    case Phase::Waiting:
    case Phase::Idle:
        m_abortReason = LlmErrors::timeout(P::FirstByte, m_client->host(), t.firstByteMs);
        break;
    case Phase::Streaming:
        m_abortReason = m_assembler.hasOutput()
                            ? LlmErrors::timeout(P::Idle, m_client->host(), t.idleMs)
                            : LlmErrors::timeout(P::FirstByte, m_client->host(), t.idleMs);
        break;
    }
    m_reply->abort();
}

void ChatReply::onReadyRead()
{
    if (!m_reply || m_abortReason)
        return;
    arm(Phase::Streaming);
    const QByteArray data = m_reply->readAll();
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        if (m_errorBody.size() < kMaxErrorBody)
            m_errorBody += data.left(kMaxErrorBody - m_errorBody.size());
        return;
    }
    const QList<SseEvent> events = m_parser.feed(data);
    for (const SseEvent &ev : events) {
        const Result<ChatDelta> d = m_assembler.feed(ev);
        if (!d) {
            m_abortReason = d.error();
            m_reply->abort();
            return;
        }
        QPointer<ChatReply> self(this);
        if (!d->reasoning.isEmpty())
            emit reasoningDelta(d->reasoning);
        if (self && !d->content.isEmpty())
            emit contentDelta(d->content);
        if (self && d->toolCallsChanged)
            emit toolCallsChanged();
        if (!self || m_cancelled || !m_reply)
            return;   // a receiver cancelled or deleted us
    }
}

void ChatReply::onFinished()
{
    m_watchdog.stop();
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    reply->disconnect(this);
    if (m_cancelled)
        return complete(Error(ErrorCode::Cancelled, Tr::tr("The AI request was cancelled")));
    const QString host = m_client->host();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_abortReason)
        return failAttempt(*m_abortReason, std::nullopt, true);
    if (status != 0 && status != 200) {
        m_errorBody += reply->readAll().left(kMaxErrorBody);
        return failAttempt(LlmErrors::fromHttp(status, host, m_model, m_errorBody),
                           retryAfterOf(reply), LlmErrors::isRetryableStatus(status));
    }
    if (status == 0)
        return failAttempt(LlmErrors::fromNetwork(host, reply->errorString()), std::nullopt, true);

    // 200: take what is left, then see whether the stream was complete.
    const QByteArray rest = reply->readAll();
    for (const SseEvent &ev : m_parser.feed(rest)) {
        const Result<ChatDelta> d = m_assembler.feed(ev);
        if (!d)
            return failAttempt(d.error(), std::nullopt, true);
        if (!d->reasoning.isEmpty())
            emit reasoningDelta(d->reasoning);
        if (!d->content.isEmpty())
            emit contentDelta(d->content);
    }
    m_parser.finish();
    Result<ChatResponse> r = m_assembler.finish();
    if (!r) {
        Error e = r.error();
        if (reply->error() != QNetworkReply::NoError)
            e.detail += QStringLiteral("; ") + reply->errorString();
        e.message = Tr::tr("The answer from %1 ended early, before it was complete").arg(host);
        return failAttempt(e, std::nullopt, true);
    }
    m_client->m_breaker.recordSuccess();
    m_breakerTicket = false;
    qCDebug(lcAi) << "chat answer complete:" << r->finishReason << r->usage.totalTokens << "tokens";
    complete(r);
}

void ChatReply::failAttempt(const Error &raw, std::optional<qint64> retryAfterMs, bool retryable)
{
    Error error = raw;
    error.detail = LlmErrors::scrub(error.detail, m_client->config().apiKey);
    const RetryPolicy &policy = m_client->retryPolicy();
    bool retry = retryable && !m_assembler.hasOutput() && m_attempt < policy.maxAttempts;
    if (retryAfterMs && *retryAfterMs > policy.maxRetryAfterMs) {
        retry = false;
        error.hint = Tr::tr("The provider asks to wait %1 s before the next request.")
                         .arg((*retryAfterMs + 999) / 1000);
    }
    qCWarning(lcAi).noquote() << "AI request attempt" << m_attempt << "failed:" << error.toString();
    if (retry) {
        const int delay = retryAfterMs ? int(*retryAfterMs)
                                       : policy.backoffMs(m_attempt, m_client->m_random());
        emit retrying(m_attempt, delay, error);
        if (!m_cancelled && !m_result)
            m_retryTimer.start(delay);
        return;
    }
    if (countsAgainstProvider(error))
        m_client->m_breaker.recordFailure();
    else
        m_client->m_breaker.recordAbandoned();
    m_breakerTicket = false;
    complete(error);
}

void ChatReply::complete(const Result<ChatResponse> &result)
{
    if (m_result)
        return;
    m_watchdog.stop();
    m_retryTimer.stop();
    m_result = result;
    emit finished();
}

void ChatReply::cancel()
{
    if (m_result || m_cancelled)
        return;
    m_cancelled = true;
    if (m_breakerTicket) {
        m_client->m_breaker.recordAbandoned();
        m_breakerTicket = false;
    }
    if (m_reply)
        m_reply->abort();   // normally finishes through onFinished() at once
    complete(Error(ErrorCode::Cancelled, Tr::tr("The AI request was cancelled")));
}

// ---------------------------------------------------------------------------------------------
// LlmClient

LlmClient::LlmClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent), m_nam(nam ? nam : new QNetworkAccessManager(this)),
      m_random([] { return QRandomGenerator::global()->generateDouble(); })
{}

LlmClient::~LlmClient()
{
    // Replies use the breaker and the network manager: they go first.
    qDeleteAll(findChildren<ChatReply *>(Qt::FindDirectChildrenOnly));
}

QString LlmClient::host() const
{
    const QUrl &u = m_config.baseUrl;
    return u.port() > 0 ? u.host() + QLatin1Char(':') + QString::number(u.port()) : u.host();
}

QNetworkReply *LlmClient::post(const QByteArray &body)
{
    QNetworkRequest req(m_config.endpoint(QStringLiteral("chat/completions")));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader("Accept", "text/event-stream");
    if (!m_config.apiKey.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_config.apiKey.toUtf8());
    // A redirect must not carry the key elsewhere, and a POST should not be replayed.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    return m_nam->post(req, body);
}

ChatReply *LlmClient::chat(ChatRequest request)
{
    if (request.model.isEmpty())
        request.model = m_config.model;
    request.includeUsage = request.includeUsage && m_config.streamUsage;
    auto *reply = new ChatReply(this, QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact),
                                request.model);
    ProviderConfig check = m_config;
    check.model = request.model;
    if (const Result<void> v = check.validate(); !v) {
        QTimer::singleShot(0, reply, [reply, e = v.error()] { reply->complete(e); });
        return reply;
    }
    QTimer::singleShot(0, reply, &ChatReply::startAttempt);
    return reply;
}

QFuture<Result<QStringList>> LlmClient::listModels()
{
    auto promise = std::make_shared<QPromise<Result<QStringList>>>();
    promise->start();
    QFuture<Result<QStringList>> future = promise->future();
    ProviderConfig check = m_config;
    if (check.model.isEmpty())
        check.model = QStringLiteral("-");
    if (const Result<void> v = check.validate(); !v) {
        promise->addResult(v.error());
        promise->finish();
        return future;
    }
    QNetworkRequest req(m_config.endpoint(QStringLiteral("models")));
    if (!m_config.apiKey.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_config.apiKey.toUtf8());
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(m_timeouts.connectMs + m_timeouts.firstByteMs);
    QNetworkReply *reply = m_nam->get(req);
    const QString host = this->host();
    const QString key = m_config.apiKey;
    const int limitMs = m_timeouts.connectMs + m_timeouts.firstByteMs;
    connect(reply, &QNetworkReply::finished, this, [reply, promise, host, key, limitMs] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        Result<QStringList> out = QStringList();
        if (status == 0) {
            out = reply->error() == QNetworkReply::OperationCanceledError
                      ? LlmErrors::timeout(LlmErrors::TimeoutPhase::FirstByte, host, limitMs)
                      : LlmErrors::fromNetwork(host, reply->errorString());
        } else if (status != 200) {
            out = LlmErrors::fromHttp(status, host, QString(), body);
        } else {
            QStringList ids;
            const QJsonArray data = QJsonDocument::fromJson(body).object()
                                        .value(QStringLiteral("data")).toArray();
            for (const QJsonValue &m : data)
                ids << m.toObject().value(QStringLiteral("id")).toString();
            ids.removeAll(QString());
            ids.sort();
            if (ids.isEmpty() && data.isEmpty())
                out = Error(ErrorCode::AiUnavailable,
                            Tr::tr("The AI provider at %1 sent no model list").arg(host),
                            QString::fromUtf8(body.left(200)));
            else
                out = ids;
        }
        if (!out) {
            Error e = out.error();
            e.detail = LlmErrors::scrub(e.detail, key);
            out = e;
        }
        promise->addResult(out);
        promise->finish();
    });
    return future;
}

} // namespace Qwq::Ai
