// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedllmserver.h"

#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace QwqTest {

ScriptedResponse ScriptedResponse::body(int status, const QByteArray &body,
                                        const QList<QPair<QByteArray, QByteArray>> &headers)
{
    ScriptedResponse r;
    r.status = status;
    r.headers = headers;
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    r.chunks = {{body, 0}};
    r.chunked = false;
    return r;
}

ScriptedResponse ScriptedResponse::sse(const QList<QByteArray> &payloads, int delayMs)
{
    ScriptedResponse r;
    r.headers = {{"Content-Type", "text/event-stream"}};
    for (const QByteArray &p : payloads)
        r.chunks.append(ScriptedChunk{"data: " + p + "\n\n", delayMs});
    return r;
}

ScriptedResponse ScriptedResponse::raw(const QByteArray &bytes, int size, int delayMs)
{
    ScriptedResponse r;
    r.headers = {{"Content-Type", "text/event-stream"}};
    for (qsizetype i = 0; i < bytes.size(); i += size)
        r.chunks.append(ScriptedChunk{bytes.mid(i, size), delayMs});
    return r;
}

QJsonObject RecordedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

ScriptedLlmServer::ScriptedLlmServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_server.nextPendingConnection()) {
            s->setParent(this);
            connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadyRead(s); });
            connect(s, &QTcpSocket::disconnected, this, [this, s] {
                m_buffers.remove(s);
                s->deleteLater();
            });
        }
    });
}

ScriptedLlmServer::~ScriptedLlmServer() = default;

bool ScriptedLlmServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedLlmServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort()));
}

void ScriptedLlmServer::enqueue(const QByteArray &path, const ScriptedResponse &response)
{
    m_queues[path].append(response);
}

void ScriptedLlmServer::setFallback(const QByteArray &path, const ScriptedResponse &response)
{
    m_fallbacks.insert(path, response);
}

QList<RecordedRequest> ScriptedLlmServer::requests(const QByteArray &path) const
{
    if (path.isEmpty())
        return m_requests;
    QList<RecordedRequest> out;
    for (const RecordedRequest &r : m_requests) {
        if (r.path == "/v1/" + path)
            out.append(r);
    }
    return out;
}

void ScriptedLlmServer::clear()
{
    m_queues.clear();
    m_fallbacks.clear();
    m_requests.clear();
}

void ScriptedLlmServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buf = m_buffers[socket];
    buf += socket->readAll();
    const qsizetype end = buf.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    RecordedRequest req;
    const QList<QByteArray> lines = buf.left(end).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    req.method = first.value(0);
    req.path = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            req.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = req.headers.value("content-length", "0").toLongLong();
    if (buf.size() < end + 4 + length)
        return;
    req.body = buf.mid(end + 4, length);
    buf.clear();
    socket->disconnect(this, nullptr);   // one request per connection
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_buffers.remove(socket);
    m_requests.append(req);
    emit requestReceived(req);
    respond(socket, req);
}

void ScriptedLlmServer::respond(QTcpSocket *socket, const RecordedRequest &req)
{
    QByteArray path = req.path;
    if (path.startsWith("/v1/"))
        path = path.mid(4);
    ScriptedResponse r;
    if (!m_queues.value(path).isEmpty())
        r = m_queues[path].takeFirst();
    else if (m_fallbacks.contains(path))
        r = m_fallbacks.value(path);
    else
        r = ScriptedResponse::body(404, R"({"error":{"message":"no script for this path"}})");

    QPointer<QTcpSocket> s(socket);
    QTimer::singleShot(r.headerDelayMs, this, [this, s, r] {
        if (!s)
            return;
        QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + " Scripted\r\n";
        for (const auto &h : r.headers)
            head += h.first + ": " + h.second + "\r\n";
        if (r.chunked) {
            head += "Transfer-Encoding: chunked\r\n";
        } else {
            qsizetype total = 0;
            for (const ScriptedChunk &c : r.chunks)
                total += c.bytes.size();
            head += "Content-Length: " + QByteArray::number(total) + "\r\n";
        }
        head += "Connection: close\r\n\r\n";
        s->write(head);
        sendChunks(s, r, 0);
    });
}

void ScriptedLlmServer::sendChunks(QTcpSocket *socket, ScriptedResponse r, int index)
{
    if (index >= r.chunks.size()) {
        if (r.cut) {
            // Close without the end of the body: the client sees a stream cut mid-way.
            socket->disconnectFromHost();
            return;
        }
        if (r.chunked)
            socket->write("0\r\n\r\n");
        socket->disconnectFromHost();
        return;
    }
    QPointer<QTcpSocket> s(socket);
    QTimer::singleShot(r.chunks[index].delayMs, this, [this, s, r, index] {
        if (!s || s->state() != QAbstractSocket::ConnectedState)
            return;
        const QByteArray &bytes = r.chunks[index].bytes;
        if (r.chunked && !bytes.isEmpty())
            s->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
        else
            s->write(bytes);
        s->flush();
        sendChunks(s, r, index + 1);
    });
}

} // namespace QwqTest
