// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// direct-tcpip streams, port forwards (local, remote, SOCKS5) and keepalive against a real
// OpenSSH server on loopback (tests/fixtures/sshd.sh). Needs root.
#include "sshtestutil.h"

#include <ssh/core/knownhosts.h>
#include <ssh/core/sshsession.h>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qwq;
using namespace Qwq::Ssh;
using namespace QwqTest;

class tst_SshForward final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void directTcpipRoundTrip();
    void directTcpipRefused();
    void invalidRulesNameTheField();
    void localForwardBulkAndConcurrent();
    void localForwardRefusedTargetKeepsForward();
    void stopForwardClosesListener();
    void dynamicSocks5();
    void remoteForward();
    void keepAliveMeasuresAndDetectsDeadLink();

private:
    SshTarget target() const;
    std::unique_ptr<SshSession> connected(SshTarget t);
    int startForward(SshSession *s, const ForwardRule &rule, quint16 *bound);

    QTemporaryDir m_dir;
    QString m_port;
    std::unique_ptr<SshSession> m_session;
    std::unique_ptr<EchoServer> m_echo;
};

void tst_SshForward::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The sshd fixture creates a user and runs sshd: run this test as root (sudo).");
    QVERIFY(m_dir.isValid());
    m_port = sshdFixture(QStringLiteral("start"), m_dir.path());
    QVERIFY2(!m_port.isEmpty(), "sshd fixture did not start");
    QFile pub(m_dir.filePath(QStringLiteral("ssh_host_ed25519_key.pub")));
    QVERIFY(pub.open(QIODevice::ReadOnly));
    const QList<QByteArray> parts = pub.readAll().trimmed().split(' ');
    HostKeyInfo k;
    k.host = QStringLiteral("127.0.0.1");
    k.port = quint16(m_port.toUInt());
    k.type = QString::fromLatin1(parts.value(0));
    k.publicKeyBase64 = parts.value(1);
    QVERIFY(KnownHosts(target().knownHostsFile, target().userKnownHostsFile).accept(k).ok());
    m_session = connected(target());
    QVERIFY(m_session);
    unniceThreads(); // the session's worker has started by now
    m_echo = std::make_unique<EchoServer>();
}

void tst_SshForward::cleanup()
{
    // A failed check returns before its test stops its forward: do it here, so the next test
    // starts without it.
    if (!m_session)
        return;
    for (const ForwardStatus &st : m_session->forwards())
        m_session->stopForward(st.id);
    QTRY_VERIFY(m_session->forwards().isEmpty());
}

void tst_SshForward::cleanupTestCase()
{
    m_session.reset();
    m_echo.reset();
    if (!m_port.isEmpty())
        sshdFixture(QStringLiteral("stop"), m_dir.path());
}

SshTarget tst_SshForward::target() const
{
    SshTarget t;
    t.host = QStringLiteral("127.0.0.1");
    t.port = quint16(m_port.toUInt());
    t.user = QStringLiteral("qwqtest");
    t.identityFile = m_dir.filePath(QStringLiteral("id_ed25519"));
    t.useAgent = false;
    t.knownHostsFile = m_dir.filePath(QStringLiteral("qwq/known_hosts"));
    t.userKnownHostsFile = m_dir.filePath(QStringLiteral("no_user_known_hosts"));
    t.connectTimeoutMs = 10000;
    return t;
}

std::unique_ptr<SshSession> tst_SshForward::connected(SshTarget t)
{
    auto s = std::make_unique<SshSession>(std::move(t));
    auto f = s->connectToHost();
    if (!waitFor(f) || !f.result().ok()) {
        qWarning().noquote() << "connect failed:"
                             << (f.isFinished() ? f.result().error().toString() : QStringLiteral("timeout"));
        return {};
    }
    return s;
}

int tst_SshForward::startForward(SshSession *s, const ForwardRule &rule, quint16 *bound)
{
    auto f = s->startForward(rule);
    if (!waitFor(f) || !f.result().ok()) {
        qWarning().noquote() << "startForward failed:" << (f.isFinished() ? errText(f.result()) : QString());
        return -1;
    }
    const int id = f.result().value();
    for (const ForwardStatus &st : s->forwards())
        if (st.id == id)
            *bound = st.boundPort;
    return id;
}

void tst_SshForward::directTcpipRoundTrip()
{
    auto f = m_session->openDirectTcpip(QStringLiteral("127.0.0.1"), m_echo->port());
    QVERIFY(waitFor(f));
    QVERIFY2(f.result().ok(), qPrintable(errText(f.result())));
    auto ch = f.result().value();
    QByteArray got;
    int finished = -2;
    connect(ch.get(), &ExecChannel::stdoutReceived, this, [&](const QByteArray &d) { got += d; });
    connect(ch.get(), &ExecChannel::finished, this, [&](int st) { finished = st; });
    ch->write("hello ");
    ch->write("through direct-tcpip");
    QTRY_COMPARE(got, QByteArray("hello through direct-tcpip"));
    ch->closeWrite(); // the echo server closes after our EOF
    QTRY_COMPARE(finished, -1);
}

void tst_SshForward::directTcpipRefused()
{
    auto f = m_session->openDirectTcpip(QStringLiteral("127.0.0.1"), freePort());
    QVERIFY(waitFor(f));
    QVERIFY(!f.result().ok());
    QCOMPARE(f.result().error().code, ErrorCode::ChannelFailed);
    // The session survives.
    auto r = m_session->run(QStringLiteral("echo ok"));
    QVERIFY(waitFor(r));
    QCOMPARE(r.result()->out, QByteArray("ok\n"));
}

void tst_SshForward::invalidRulesNameTheField()
{
    const auto fieldOf = [&](const ForwardRule &rule) {
        auto f = m_session->startForward(rule);
        if (!waitFor(f) || f.result().ok())
            return QStringLiteral("<accepted>");
        if (f.result().error().code != ErrorCode::InvalidParam)
            return QStringLiteral("<code %1>").arg(int(f.result().error().code));
        return f.result().error().field;
    };
    ForwardRule r;
    r.kind = ForwardRule::Local;
    r.targetPort = 80;
    QCOMPARE(fieldOf(r), QStringLiteral("targetHost"));
    r.targetHost = QStringLiteral("127.0.0.1");
    r.targetPort = 0;
    QCOMPARE(fieldOf(r), QStringLiteral("targetPort"));
    r.targetPort = 80;
    r.bindAddress = QStringLiteral("0.0.0.0");
    QCOMPARE(fieldOf(r), QStringLiteral("bindAddress"));
    r.bindAddress = QStringLiteral("not an address");
    QCOMPARE(fieldOf(r), QStringLiteral("bindAddress"));
    ForwardRule rr;
    rr.kind = ForwardRule::Remote;
    rr.targetHost = QStringLiteral("127.0.0.1");
    rr.targetPort = 80;
    rr.bindPort = 0;
    QCOMPARE(fieldOf(rr), QStringLiteral("bindPort"));
    // A port in use locally: the bind fails, naming bindPort.
    ForwardRule busy;
    busy.kind = ForwardRule::Dynamic;
    busy.bindPort = m_echo->port();
    QCOMPARE(fieldOf(busy), QStringLiteral("bindPort"));
    QVERIFY(m_session->forwards().isEmpty());
}

void tst_SshForward::localForwardBulkAndConcurrent()
{
    ForwardRule rule;
    rule.kind = ForwardRule::Local;
    rule.bindPort = 0;
    rule.targetHost = QStringLiteral("127.0.0.1");
    rule.targetPort = m_echo->port();
    quint16 port = 0;
    const int id = startForward(m_session.get(), rule, &port);
    QVERIFY(id > 0);
    QVERIFY(port != 0);

    constexpr int N = 10;
    constexpr int Size = 1024 * 1024;
    std::vector<QByteArray> sent(N), got(N);
    for (int i = 0; i < N; ++i) {
        sent[i].resize(Size);
        for (int j = 0; j < Size; ++j)
            sent[i][j] = char((j * 31 + i * 7) ^ (j >> 9));
    }
    std::vector<std::thread> threads;
    for (int i = 0; i < N; ++i) {
        threads.emplace_back([&, i] {
            const int fd = connectTcp(port);
            if (fd < 0)
                return;
            std::thread writer([&, fd] {
                sendAll(fd, sent[i]);
                ::shutdown(fd, SHUT_WR); // half-close: the echo keeps coming back
            });
            got[i] = readAll(fd);
            writer.join();
            ::close(fd);
        });
    }
    // The worker thread does the work; keep this thread's event loop turning meanwhile.
    QElapsedTimer t;
    t.start();
    for (auto &th : threads)
        th.join();
    qInfo("10 x 1 MiB echoed through a local forward in %lld ms", t.elapsed());
    for (int i = 0; i < N; ++i) {
        QCOMPARE(got[i].size(), Size);
        QVERIFY(got[i] == sent[i]);
    }
    // The counters settle once every channel has closed on both sides; on a loaded 2-core CI
    // machine that took 7.75 s once (2026-12-08), so wait longer than QTRY's default 5 s.
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        const ForwardStatus st = m_session->forwards().value(0);
        return st.activeConnections == 0 && st.bytesOut == qint64(N) * Size && st.bytesIn == qint64(N) * Size;
    }(), 30000);
    m_session->stopForward(id);
    QTRY_VERIFY(m_session->forwards().isEmpty());
}

void tst_SshForward::localForwardRefusedTargetKeepsForward()
{
    ForwardRule rule;
    rule.kind = ForwardRule::Local;
    rule.targetHost = QStringLiteral("127.0.0.1");
    rule.targetPort = freePort(); // nothing listens there
    quint16 port = 0;
    const int id = startForward(m_session.get(), rule, &port);
    QVERIFY(id > 0);
    for (int i = 0; i < 2; ++i) {
        const int fd = connectTcp(port);
        QVERIFY(fd >= 0);
        QCOMPARE(readAll(fd), QByteArray()); // closed without data
        ::close(fd);
    }
    QTRY_VERIFY(!m_session->forwards().value(0).lastError.isEmpty());
    const ForwardStatus st = m_session->forwards().value(0);
    QCOMPARE(st.id, id);
    QVERIFY2(st.lastError.contains(QString::number(rule.targetPort)), qPrintable(st.lastError));
    auto r = m_session->run(QStringLiteral("echo alive"));
    QVERIFY(waitFor(r));
    QCOMPARE(r.result()->out, QByteArray("alive\n"));
    m_session->stopForward(id);
    QTRY_VERIFY(m_session->forwards().isEmpty());
}

void tst_SshForward::stopForwardClosesListener()
{
    ForwardRule rule;
    rule.kind = ForwardRule::Local;
    rule.targetHost = QStringLiteral("127.0.0.1");
    rule.targetPort = m_echo->port();
    QSignalSpy changed(m_session.get(), &SshSession::forwardsChanged);
    quint16 port = 0;
    const int id = startForward(m_session.get(), rule, &port);
    QVERIFY(id > 0);
    QTRY_VERIFY(changed.size() >= 1);
    int fd = connectTcp(port);
    QVERIFY(fd >= 0);
    ::close(fd);
    m_session->stopForward(id);
    QTRY_VERIFY(m_session->forwards().isEmpty());
    QTest::qWait(50);
    fd = connectTcp(port);
    QCOMPARE(fd, -1);
}

namespace {
// A minimal SOCKS5 client: no-auth greeting, then one request. Returns the reply code, or -1.
int socksConnect(int fd, char cmd, char atyp, const QByteArray &addr, quint16 port)
{
    if (!sendAll(fd, QByteArray("\x05\x01\x00", 3)))
        return -1;
    if (readAll(fd, 2) != QByteArray("\x05\x00", 2))
        return -1;
    QByteArray req("\x05", 1);
    req += cmd;
    req += '\0';
    req += atyp;
    if (atyp == 0x03)
        req += char(addr.size());
    req += addr;
    req += char(port >> 8);
    req += char(port & 0xff);
    if (!sendAll(fd, req))
        return -1;
    const QByteArray reply = readAll(fd, 10);
    if (reply.size() != 10 || reply.at(0) != 0x05)
        return -1;
    return quint8(reply.at(1));
}
} // namespace

void tst_SshForward::dynamicSocks5()
{
    ForwardRule rule;
    rule.kind = ForwardRule::Dynamic;
    quint16 port = 0;
    const int id = startForward(m_session.get(), rule, &port);
    QVERIFY(id > 0);
    const quint16 echo = m_echo->port();

    // IPv4, domain name and IPv6 address types.
    const QByteArray v4("\x7f\x00\x00\x01", 4);
    QByteArray v6(16, '\0');
    v6[15] = 1;
    const struct { char atyp; QByteArray addr; } kinds[] = {
        {0x01, v4}, {0x03, QByteArray("localhost")}, {0x03, QByteArray("127.0.0.1")}};
    for (const auto &k : kinds) {
        const int fd = connectTcp(port);
        QVERIFY(fd >= 0);
        QCOMPARE(socksConnect(fd, 0x01, k.atyp, k.addr, echo), 0x00);
        QVERIFY(sendAll(fd, "socks payload"));
        ::shutdown(fd, SHUT_WR);
        QCOMPARE(readAll(fd), QByteArray("socks payload"));
        ::close(fd);
    }
    // IPv6 ::1: nothing listens there on this port -> refused (or unreachable without IPv6).
    {
        const int fd = connectTcp(port);
        const int code = socksConnect(fd, 0x01, 0x04, v6, echo);
        QVERIFY2(code == 0x05 || code == 0x04 || code == 0x03, qPrintable(QString::number(code)));
        ::close(fd);
    }
    // Refused target -> 0x05.
    {
        const int fd = connectTcp(port);
        QCOMPARE(socksConnect(fd, 0x01, 0x01, v4, freePort()), 0x05);
        ::close(fd);
    }
    // BIND and UDP ASSOCIATE -> 0x07 (command not supported).
    for (char cmd : {char(0x02), char(0x03)}) {
        const int fd = connectTcp(port);
        QCOMPARE(socksConnect(fd, cmd, 0x01, v4, echo), 0x07);
        ::close(fd);
    }
    // A client offering only username/password gets 0xFF.
    {
        const int fd = connectTcp(port);
        QVERIFY(sendAll(fd, QByteArray("\x05\x01\x02", 3)));
        QCOMPARE(readAll(fd, 2), QByteArray("\x05\xff", 2));
        ::close(fd);
    }
    m_session->stopForward(id);
    QTRY_VERIFY(m_session->forwards().isEmpty());
}

void tst_SshForward::remoteForward()
{
    ForwardRule rule;
    rule.kind = ForwardRule::Remote;
    rule.bindPort = freePort();
    rule.targetHost = QStringLiteral("127.0.0.1");
    rule.targetPort = m_echo->port();
    quint16 port = 0;
    const int id = startForward(m_session.get(), rule, &port);
    QVERIFY(id > 0);
    QCOMPARE(port, rule.bindPort);
    const int before = m_echo->connections();
    // On the server: connect to the remote listener and talk through it back to our echo.
    auto r = m_session->run(QStringLiteral(
                                "python3 -c 'import socket; s=socket.create_connection((\"127.0.0.1\", %1)); "
                                "s.sendall(b\"via remote forward\"); s.shutdown(socket.SHUT_WR); "
                                "d=b\"\"\nwhile True:\n  c=s.recv(65536)\n  if not c: break\n  d+=c\n"
                                "print(d.decode())'")
                                .arg(port),
                            {}, 20000);
    QVERIFY(waitFor(r, 30000));
    QVERIFY2(r.result().ok(), qPrintable(errText(r.result())));
    QVERIFY2(r.result()->out == "via remote forward\n", QByteArray(r.result()->out + r.result()->err).constData());
    QCOMPARE(m_echo->connections(), before + 1);
    m_session->stopForward(id);
    QTRY_VERIFY(m_session->forwards().isEmpty());
    // The server's listener is gone.
    auto gone = m_session->run(QStringLiteral(
        "python3 -c 'import socket; socket.create_connection((\"127.0.0.1\", %1))' 2>/dev/null; echo $?").arg(port));
    QVERIFY(waitFor(gone));
    QCOMPARE(gone.result()->out, QByteArray("1\n"));
}

void tst_SshForward::keepAliveMeasuresAndDetectsDeadLink()
{
    SshTarget t = target();
    t.keepAliveSeconds = 1;
    auto s = std::make_unique<SshSession>(t);
    QSignalSpy latency(s.get(), &SshSession::latencyMeasured);
    QSignalSpy dropped(s.get(), &SshSession::disconnected);
    auto f = s->connectToHost();
    QVERIFY(waitFor(f));
    QVERIFY2(f.result().ok(), qPrintable(errText(f.result())));
    unniceThreads(); // the worker has started by now
    QTRY_VERIFY_WITH_TIMEOUT(latency.size() >= 1, 2000); // the first one right after connect
    QVERIFY(latency.first().at(0).toInt() >= 0 && latency.first().at(0).toInt() < 2000);   // loaded CI machines
    QVERIFY(s->latencyMs() >= 0);
    // And then every second; loosely, for a busy shared machine.
    QTRY_VERIFY_WITH_TIMEOUT(latency.size() >= 3, 8000);

    auto pp = s->run(QStringLiteral("echo $PPID"));
    QVERIFY(waitFor(pp));
    const int sessionPid = pp.result()->out.trimmed().toInt();
    QVERIFY(sessionPid > 1);
    // Freeze this connection's sshd: TCP stays up, nothing answers.
    QVERIFY(::kill(sessionPid, SIGSTOP) == 0);
    auto pending = s->run(QStringLiteral("echo never"));
    QElapsedTimer t0;
    t0.start();
    QTRY_VERIFY_WITH_TIMEOUT(dropped.size() == 1, 8000);
    const qint64 ms = t0.elapsed();
    ::kill(sessionPid, SIGCONT);
    ::kill(sessionPid, SIGKILL);
    qInfo("dead link noticed after %lld ms", ms);
    QVERIFY2(ms <= 6500, qPrintable(QString::number(ms)));   // 3 silent intervals + scheduling slack
    const Error e = dropped.first().at(0).value<Error>();
    QCOMPARE(e.code, ErrorCode::ConnectionFailed);
    QVERIFY2(e.message.contains(QStringLiteral("No answer")), qPrintable(e.message));
    QVERIFY(waitFor(pending, 2000));
    QCOMPARE(pending.result().error().code, ErrorCode::ConnectionFailed);
    QCOMPARE(s->state(), ConnectionState::Failed);
}

QTEST_GUILESS_MAIN(tst_SshForward)

#include "tst_sshforward.moc"
