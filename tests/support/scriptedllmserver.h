// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace QwqTest {

/// One piece of a scripted response body, sent after `delayMs`.
struct ScriptedChunk
{
    QByteArray bytes;
    int delayMs = 0;
};

/// What the scripted server answers to one request.
struct ScriptedResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QList<ScriptedChunk> chunks;
    bool chunked = true;        // Transfer-Encoding: chunked (else Content-Length)
    bool cut = false;           // drop the connection after the chunks, without the end
    int headerDelayMs = 0;      // wait this long before the status line

    /// A JSON (or any) body with Content-Length.
    static ScriptedResponse body(int status, const QByteArray &body,
                                 const QList<QPair<QByteArray, QByteArray>> &headers = {});
    /// An SSE stream: each element is one event's payload sent as `data: …\n\n`, one chunk
    /// per event, `delayMs` apart.
    static ScriptedResponse sse(const QList<QByteArray> &payloads, int delayMs = 0);
    /// Raw SSE bytes cut into chunks of `size` bytes.
    static ScriptedResponse raw(const QByteArray &bytes, int size, int delayMs = 0);
};

struct RecordedRequest
{
    QByteArray method;
    QByteArray path;
    QHash<QByteArray, QByteArray> headers;   // lower-case names
    QByteArray body;
    QJsonObject json() const;
};

/// A small HTTP/1.1 server on 127.0.0.1 that answers OpenAI-compatible requests from a
/// script: per path a queue of responses (then a fallback, else 404). One request per
/// connection (it answers "Connection: close"). For tests only: it is the one simulated peer.
class ScriptedLlmServer final : public QObject
{
    Q_OBJECT
public:
    explicit ScriptedLlmServer(QObject *parent = nullptr);
    ~ScriptedLlmServer() override;

    bool listen();
    /// http://127.0.0.1:<port>/v1
    QUrl baseUrl() const;

    /// `path` relative to /v1, e.g. "chat/completions".
    void enqueue(const QByteArray &path, const ScriptedResponse &response);
    void setFallback(const QByteArray &path, const ScriptedResponse &response);
    QList<RecordedRequest> requests(const QByteArray &path = {}) const;
    int count(const QByteArray &path) const { return requests(path).size(); }
    void clear();

signals:
    void requestReceived(const QwqTest::RecordedRequest &request);

private:
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const RecordedRequest &req);
    void sendChunks(QTcpSocket *socket, ScriptedResponse response, int index);

    QTcpServer m_server;
    QHash<QByteArray, QList<ScriptedResponse>> m_queues;
    QHash<QByteArray, ScriptedResponse> m_fallbacks;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<RecordedRequest> m_requests;
};

} // namespace QwqTest
