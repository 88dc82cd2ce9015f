// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI thread never waits on the network, not even to close a session whose worker is
// stuck in a blocking connect: a server that accepts TCP and never says a word.
#include <ssh/core/sshsession.h>

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

using namespace Qwq;
using namespace Qwq::Ssh;

namespace {
// A TCP listener that never accepts: the kernel completes the handshake into the backlog and
// the client then waits for an SSH banner that never comes.
class SilentServer
{
public:
    SilentServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 ||
            ::listen(m_fd, 16) != 0)
            return;
        socklen_t len = sizeof a;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&a), &len);
        m_port = ntohs(a.sin_port);
    }
    ~SilentServer()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    quint16 port() const { return m_port; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
};
} // namespace

class tst_SshLifetime final : public QObject
{
    Q_OBJECT

private slots:
    void deletingAStuckSessionDoesNotBlock();
    void manyStuckSessionsCloseAtOnce();

private:
    SshTarget target(quint16 port, int timeoutMs) const
    {
        SshTarget t;
        t.host = QStringLiteral("127.0.0.1");
        t.port = port;
        t.user = QStringLiteral("nobody");
        t.knownHostsFile = m_dir.filePath(QStringLiteral("known_hosts"));
        t.userKnownHostsFile = m_dir.filePath(QStringLiteral("user_known_hosts"));
        t.connectTimeoutMs = timeoutMs;
        return t;
    }
    QTemporaryDir m_dir;
};

void tst_SshLifetime::deletingAStuckSessionDoesNotBlock()
{
    SilentServer server;
    QVERIFY(server.port() != 0);
    auto session = std::make_unique<SshSession>(target(server.port(), 3000));
    const QFuture<Result<HostKeyInfo>> connecting = session->connectToHost();
    QTest::qWait(300); // the worker is now inside libssh's blocking banner wait
    QVERIFY(!connecting.isFinished());

    QElapsedTimer t;
    t.start();
    session.reset();
    QVERIFY2(t.elapsed() < 100, qPrintable(QStringLiteral("closing took %1 ms").arg(t.elapsed())));

    // The worker finishes on its own thread; the future still resolves (with an error) and
    // nothing touches the deleted session meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(connecting.isFinished(), 6000);
    QVERIFY(!connecting.result().ok());
    QTest::qWait(100); // let the orphaned thread's clean-up run
}

void tst_SshLifetime::manyStuckSessionsCloseAtOnce()
{
    SilentServer server;
    QVERIFY(server.port() != 0);
    std::vector<std::unique_ptr<SshSession>> sessions;
    QList<QFuture<Result<HostKeyInfo>>> futures;
    for (int i = 0; i < 10; ++i) {
        sessions.push_back(std::make_unique<SshSession>(target(server.port(), 2000)));
        futures.append(sessions.back()->connectToHost());
    }
    QTest::qWait(300);
    QElapsedTimer t;
    t.start();
    sessions.clear();
    QVERIFY2(t.elapsed() < 200, qPrintable(QStringLiteral("closing took %1 ms").arg(t.elapsed())));
    for (const auto &f : futures)
        QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 6000);
    QTest::qWait(100);
}

int runLifetimeTests(int argc, char **argv)
{
    tst_SshLifetime t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_sshlifetime.moc"
