// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the SSH integration tests: waiting for futures, the sshd fixture, and a
// small blocking TCP echo server / client on loopback (plain threads, no event loop needed).
#pragma once

#include <core/core/result.h>

#include <QDebug>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QProcess>
#include <QRandomGenerator>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace QwqTest {

// Tests may block the test thread; the app may not.
template<typename T>
bool waitFor(const QFuture<T> &future, int ms = 30000)
{
    if (future.isFinished())
        return true;
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.isFinished();
}

template<typename T>
QString errText(const Qwq::Result<T> &r)
{
    return r.ok() ? QString() : r.error().toString();
}

inline QString readFileText(const QString &path, qint64 from = 0)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    f.seek(from);
    return QString::fromUtf8(f.readAll());
}

/// tests/fixtures/sshd.sh CMD DIR; stdout trimmed, empty on failure.
inline QString sshdFixture(const QString &cmd, const QString &dir)
{
    QProcess p;
    p.start(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/sshd.sh"), cmd, dir});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning().noquote() << "sshd.sh" << cmd << "failed:" << p.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

inline int connectTcp(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    timeval tv {20, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    return fd;
}

inline bool sendAll(int fd, const QByteArray &data)
{
    qsizetype off = 0;
    while (off < data.size()) {
        const ssize_t n = ::send(fd, data.constData() + off, size_t(data.size() - off), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        off += n;
    }
    return true;
}

/// Reads until EOF (or error/timeout, or `max` bytes).
inline QByteArray readAll(int fd, qsizetype max = -1)
{
    QByteArray out;
    char buf[65536];
    while (max < 0 || out.size() < max) {
        const size_t want = max < 0 ? sizeof buf : std::min<size_t>(sizeof buf, size_t(max - out.size()));
        const ssize_t n = ::recv(fd, buf, want, 0);
        if (n <= 0)
            break;
        out.append(buf, n);
    }
    return out;
}

/// Echoes every connection until the client half-closes, then closes. Blocking sockets,
/// one thread per connection.
class EchoServer
{
public:
    EchoServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int one = 1;
        ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
        ::listen(m_fd, 64);
        socklen_t len = sizeof a;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&a), &len);
        m_port = ntohs(a.sin_port);
        m_accept = std::thread([this] {
            for (;;) {
                const int c = ::accept(m_fd, nullptr, nullptr);
                if (c < 0)
                    return;
                ++m_connections;
                std::lock_guard lock(m_mutex);
                m_workers.emplace_back([c] {
                    char buf[65536];
                    for (;;) {
                        const ssize_t n = ::recv(c, buf, sizeof buf, 0);
                        if (n <= 0)
                            break;
                        if (!sendAll(c, QByteArray(buf, int(n))))
                            break;
                    }
                    ::close(c);
                });
            }
        });
    }
    ~EchoServer()
    {
        ::shutdown(m_fd, SHUT_RDWR);
        ::close(m_fd);
        m_accept.join();
        std::lock_guard lock(m_mutex);
        for (auto &t : m_workers)
            t.join();
    }
    quint16 port() const { return m_port; }
    int connections() const { return m_connections; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
    std::atomic<int> m_connections {0};
    std::thread m_accept;
    std::mutex m_mutex;
    std::vector<std::thread> m_workers;
};

/// Puts every thread of this process back to nice 0. Session workers and jump relays run niced
/// so a GUI stays responsive; timing checks (keepalive cadence, how soon a dead link is noticed)
/// should measure qwq, not how busy the shared machine is (under a parallel build, a niced
/// thread's timers fire seconds late). Needs root, which the sshd fixture needs anyway.
inline void unniceThreads()
{
    const QStringList tids =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tids)
        ::setpriority(PRIO_PROCESS, id_t(tid.toInt()), 0);
}

/// A loopback port nothing uses, from the 4000 just below the kernel's ephemeral range: a port
/// from inside it (bind to 0) may be handed to an outgoing connection of a test running in
/// parallel before the caller uses it. tests/fixtures/sshd.sh takes its ports from below these.
inline quint16 freePort()
{
    const auto bindable = [](quint16 port) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
        if (ok && port == 0) {
            socklen_t len = sizeof a;
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
        }
        ::close(fd);
        return ok ? ntohs(a.sin_port) : quint16(0);
    };
    const int low = readFileText(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"))
                        .simplified()
                        .section(QLatin1Char(' '), 0, 0)
                        .toInt();
    if (low >= 5024) {
        for (int attempt = 0; attempt < 200; ++attempt) {
            const int candidate = low - 4000 + QRandomGenerator::global()->bounded(4000);
            if (const quint16 port = bindable(quint16(candidate)))
                return port;
        }
    }
    return bindable(0);
}

} // namespace QwqTest
