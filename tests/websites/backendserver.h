// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

/// A tiny HTTP backend on 127.0.0.1 for the reverse-proxy tests, on its own thread (the test's
/// thread blocks in waitForReadyRead while nginx talks to it). Answers every request with
/// `200 <name>`, remembers the last request's head, and answers a websocket upgrade with 101
/// and then echoes whatever comes.
class BackendServer final : public QThread
{
public:
    explicit BackendServer(const QByteArray &name) : m_name(name) {}
    ~BackendServer() override
    {
        quit();
        wait(5000);
    }

    quint16 startAndWait()
    {
        start();
        for (int i = 0; i < 500 && port() == 0; ++i)
            QThread::msleep(10);
        return port();
    }
    quint16 port() const
    {
        QMutexLocker lock(&m_mutex);
        return m_port;
    }
    QByteArray lastRequest() const
    {
        QMutexLocker lock(&m_mutex);
        return m_last;
    }
    int requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_count;
    }

protected:
    void run() override
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
            while (QTcpSocket *s = server.nextPendingConnection())
                serve(s);
        });
        {
            QMutexLocker lock(&m_mutex);
            m_port = server.serverPort();
        }
        exec();
    }

private:
    void serve(QTcpSocket *s)
    {
        auto *buffer = new QByteArray;
        auto *upgraded = new bool(false);
        QObject::connect(s, &QTcpSocket::disconnected, s, [s, buffer, upgraded] {
            delete buffer;
            delete upgraded;
            s->deleteLater();
        });
        QObject::connect(s, &QTcpSocket::readyRead, s, [this, s, buffer, upgraded] {
            if (*upgraded) { // websocket tunnel: echo
                s->write(s->readAll());
                return;
            }
            *buffer += s->readAll();
            const int end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer->left(end);
            {
                QMutexLocker lock(&m_mutex);
                m_last = head;
                ++m_count;
            }
            if (head.toLower().contains("\r\nupgrade: websocket")) {
                *upgraded = true;
                s->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                         "Connection: Upgrade\r\n\r\n");
                return;
            }
            const QByteArray body = m_name + "\n";
            s->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                     + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            s->disconnectFromHost();
        });
    }

    const QByteArray m_name;
    mutable QMutex m_mutex;
    quint16 m_port = 0;
    QByteArray m_last;
    int m_count = 0;
};
