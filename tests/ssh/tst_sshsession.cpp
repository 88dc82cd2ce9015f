// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SshSession against a real OpenSSH server on loopback (tests/fixtures/sshd.sh). Needs root.
#include "sshtestutil.h"

#include <ssh/core/knownhosts.h>
#include <ssh/core/sshsession.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <unistd.h>

using namespace Qwq;
using namespace Qwq::Ssh;
using QwqTest::errText;
using QwqTest::readFileText;
using QwqTest::waitFor;

namespace {

int parentPid(int pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray s = f.readAll();
    const int close = s.lastIndexOf(')');
    return s.mid(close + 2).split(' ').value(1).toInt();
}

} // namespace

class tst_SshSession final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void unknownHostKeyStopsBeforeAuth();
    void connectWithKey();
    void runEcho();
    void runStdinRoundTrip();
    void runExitStatusAndStderr();
    void runTimeout();
    void streamingExec();
    void shellWithPty();
    void uploadDownload();
    void homeDirectory();
    void passphraseKey();
    void passwordAuth();
    void wrongKeyFails();
    void agentAuth();
    void concurrentRuns();
    void refusedChannelIsChannelFailed();
    void linkDropFailsPendingCalls();
    void changedHostKeyStopsBeforeAuth();

private:
    SshTarget target() const;
    std::unique_ptr<SshSession> connected(const SshTarget &t);
    QString fixture(const QString &cmd);

    QTemporaryDir m_dir;
    QString m_script;
    QString m_port;
    QString m_key;
    QString m_keyPw;
    QString m_hostPub;
    std::unique_ptr<SshSession> m_session;
};

QString tst_SshSession::fixture(const QString &cmd)
{
    QProcess p;
    p.start(QStringLiteral("bash"), {m_script, cmd, m_dir.path()});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning().noquote() << "sshd.sh" << cmd << "failed:" << p.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

void tst_SshSession::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The sshd fixture creates a user and runs sshd: run this test as root (sudo).");
    QVERIFY(m_dir.isValid());
    m_script = QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/sshd.sh");
    m_port = fixture(QStringLiteral("start"));
    QVERIFY2(!m_port.isEmpty(), "sshd fixture did not start");
    m_key = m_dir.filePath(QStringLiteral("id_ed25519"));
    m_keyPw = m_dir.filePath(QStringLiteral("id_ed25519_pw"));
    m_hostPub = m_dir.filePath(QStringLiteral("ssh_host_ed25519_key.pub"));
}

void tst_SshSession::cleanupTestCase()
{
    m_session.reset();
    if (!m_script.isEmpty() && !m_port.isEmpty())
        fixture(QStringLiteral("stop"));
}

SshTarget tst_SshSession::target() const
{
    SshTarget t;
    t.host = QStringLiteral("127.0.0.1");
    t.port = quint16(m_port.toUInt());
    t.user = QStringLiteral("qwqtest");
    t.identityFile = m_key;
    t.useAgent = false;
    t.knownHostsFile = m_dir.filePath(QStringLiteral("qwq/known_hosts"));
    t.userKnownHostsFile = m_dir.filePath(QStringLiteral("no_user_known_hosts"));
    t.connectTimeoutMs = 10000;
    return t;
}

std::unique_ptr<SshSession> tst_SshSession::connected(const SshTarget &t)
{
    auto s = std::make_unique<SshSession>(t);
    auto f = s->connectToHost();
    if (!waitFor(f) || !f.result().ok()) {
        qWarning().noquote() << "connect failed:"
                             << (f.isFinished() ? f.result().error().toString() : QStringLiteral("timeout"));
        return {};
    }
    return s;
}

void tst_SshSession::unknownHostKeyStopsBeforeAuth()
{
    const QString log = m_dir.filePath(QStringLiteral("sshd.log"));
    const qint64 before = QFileInfo(log).size();
    SshSession s(target());
    auto f = s.connectToHost();
    QVERIFY(waitFor(f));
    QVERIFY(!f.result().ok());
    QCOMPARE(f.result().error().code, ErrorCode::HostKeyUnknown);
    QVERIFY(!f.result().error().message.isEmpty());
    QCOMPARE(s.state(), ConnectionState::Failed);

    QProcess lf;
    lf.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-lf"), m_hostPub});
    QVERIFY(lf.waitForFinished(10000));
    const QString expected = QString::fromUtf8(lf.readAllStandardOutput().split(' ').value(1));
    const HostKeyInfo key = s.lastHostKey();
    QCOMPARE(key.sha256, expected);
    QCOMPARE(key.type, QStringLiteral("ssh-ed25519"));

    QTest::qWait(300); // let sshd write its log line for the closed connection
    const QString newLog = readFileText(log, before);
    QVERIFY2(!newLog.contains(QStringLiteral("qwqtest")) && !newLog.contains(QStringLiteral("Accepted")),
             qPrintable(newLog));

    KnownHosts kh(target().knownHostsFile, target().userKnownHostsFile);
    QVERIFY(kh.accept(key).ok());
}

void tst_SshSession::connectWithKey()
{
    auto s = std::make_unique<SshSession>(target());
    QSignalSpy states(s.get(), &SshSession::stateChanged);
    QElapsedTimer t;
    t.start();
    auto f = s->connectToHost();
    QVERIFY(waitFor(f));
    QVERIFY2(f.result().ok(), qPrintable(errText(f.result())));
    qInfo("connect + key auth took %lld ms", t.elapsed());
    QCOMPARE(s->state(), ConnectionState::Ready);
    QTRY_VERIFY(!states.isEmpty() && states.last().at(0).value<ConnectionState>() == ConnectionState::Ready);
    m_session = std::move(s);

    // Average over a few more connections, for the report.
    const int n = 5;
    t.restart();
    for (int i = 0; i < n; ++i)
        QVERIFY(connected(target()));
    qInfo("average connect + key auth + close: %lld ms", t.elapsed() / n);
    // The same work as `ssh -i KEY host true`, for comparison with OpenSSH.
    t.restart();
    for (int i = 0; i < n; ++i) {
        auto c = connected(target());
        QVERIFY(c);
        auto r = c->run(QStringLiteral("true"));
        QVERIFY(waitFor(r));
        QCOMPARE(r.result()->exitStatus, 0);
    }
    qInfo("average connect + key auth + run(\"true\") + close: %lld ms", t.elapsed() / n);
}

void tst_SshSession::runEcho()
{
    QVERIFY(m_session);
    auto f = m_session->run(QStringLiteral("echo hi"));
    QVERIFY(waitFor(f));
    QVERIFY2(f.result().ok(), qPrintable(errText(f.result())));
    QCOMPARE(f.result()->out, QByteArray("hi\n"));
    QCOMPARE(f.result()->exitStatus, 0);
}

void tst_SshSession::runStdinRoundTrip()
{
    QVERIFY(m_session);
    QByteArray data(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (auto &c : data)
        c = char(QRandomGenerator::global()->bounded(256));
    auto f = m_session->run(QStringLiteral("cat"), data);
    QVERIFY(waitFor(f, 60000));
    QVERIFY2(f.result().ok(), qPrintable(errText(f.result())));
    QCOMPARE(f.result()->out.size(), data.size());
    QVERIFY(f.result()->out == data);
}

void tst_SshSession::runExitStatusAndStderr()
{
    QVERIFY(m_session);
    auto f = m_session->run(QStringLiteral("sh -c 'exit 3'"));
    QVERIFY(waitFor(f));
    QVERIFY(f.result().ok());
    QCOMPARE(f.result()->exitStatus, 3);

    auto g = m_session->run(QStringLiteral("echo out; echo oops >&2"));
    QVERIFY(waitFor(g));
    QVERIFY(g.result().ok());
    QCOMPARE(g.result()->out, QByteArray("out\n"));
    QCOMPARE(g.result()->err, QByteArray("oops\n"));
}

void tst_SshSession::runTimeout()
{
    QVERIFY(m_session);
    auto f = m_session->run(QStringLiteral("sleep 5"), {}, 300);
    QVERIFY(waitFor(f, 5000));
    QVERIFY(!f.result().ok());
    QCOMPARE(f.result().error().code, ErrorCode::Timeout);
    QCOMPARE(m_session->state(), ConnectionState::Ready);
}

void tst_SshSession::streamingExec()
{
    QVERIFY(m_session);
    auto f = m_session->openExec(QStringLiteral("cat; echo done >&2"));
    QVERIFY(waitFor(f));
    QVERIFY2(f.result().ok(), qPrintable(errText(f.result())));
    std::shared_ptr<ExecChannel> ch = f.result().value();
    QByteArray out, err;
    int status = -2;
    connect(ch.get(), &ExecChannel::stdoutReceived, this, [&](const QByteArray &d) { out += d; });
    connect(ch.get(), &ExecChannel::stderrReceived, this, [&](const QByteArray &d) { err += d; });
    connect(ch.get(), &ExecChannel::finished, this, [&](int s) { status = s; });
    ch->write("hello");
    QTRY_COMPARE(out, QByteArray("hello"));
    ch->write(" world");
    QTRY_COMPARE(out, QByteArray("hello world"));
    ch->closeWrite();
    QTRY_COMPARE(status, 0);
    QCOMPARE(err, QByteArray("done\n"));
}

void tst_SshSession::shellWithPty()
{
    QVERIFY(m_session);
    PtyRequest pty;
    pty.columns = 91;
    pty.rows = 27;
    auto f = m_session->openShell(pty);
    QVERIFY(waitFor(f));
    QVERIFY2(f.result().ok(), qPrintable(errText(f.result())));
    std::shared_ptr<ExecChannel> ch = f.result().value();
    QByteArray out;
    int status = -2;
    connect(ch.get(), &ExecChannel::stdoutReceived, this, [&](const QByteArray &d) { out += d; });
    connect(ch.get(), &ExecChannel::finished, this, [&](int s) { status = s; });
    // A real terminal of the requested type and size; the markers are split so the echo of
    // the typed line does not match.
    ch->write("echo \"T=$TERM\"; stty size; tty; echo EN\"D1\"\n");
    QTRY_VERIFY_WITH_TIMEOUT(out.contains("END1"), 10000);
    QVERIFY2(out.contains("T=xterm-256color"), out.constData());
    QVERIFY2(out.contains("27 91"), out.constData());
    QVERIFY2(out.contains("/dev/pts/"), out.constData());
    out.clear();
    ch->resizePty(120, 40);
    ch->write("stty size; echo EN\"D2\"\n");
    QTRY_VERIFY_WITH_TIMEOUT(out.contains("END2"), 10000);
    QVERIFY2(out.contains("40 120"), out.constData());
    ch->write("exit 3\n");
    QTRY_COMPARE_WITH_TIMEOUT(status, 3, 10000);

    // A bad terminal type never reaches the server's environment.
    PtyRequest bad;
    bad.term = "xterm; rm -rf /";
    auto refused = m_session->openShell(bad);
    QVERIFY(waitFor(refused));
    QVERIFY(!refused.result().ok());
    QCOMPARE(refused.result().error().code, ErrorCode::InvalidParam);
    QCOMPARE(refused.result().error().field, QStringLiteral("pty"));
}

void tst_SshSession::uploadDownload()
{
    QVERIFY(m_session);
    QByteArray data(5 * 1024 * 1024, Qt::Uninitialized);
    for (auto &c : data)
        c = char(QRandomGenerator::global()->bounded(256));
    const QString dir = QStringLiteral("/home/qwqtest/qwq-up/a/b");
    const QString path = dir + QStringLiteral("/file.bin");
    QElapsedTimer t;
    t.start();
    auto up = m_session->upload(data, path, 0640);
    QVERIFY(waitFor(up, 120000));
    QVERIFY2(up.result().ok(), qPrintable(errText(up.result())));
    qInfo("upload of 5 MiB took %lld ms", t.elapsed());
    t.restart();
    auto down = m_session->download(path);
    QVERIFY(waitFor(down, 120000));
    QVERIFY2(down.result().ok(), qPrintable(errText(down.result())));
    qInfo("download of 5 MiB took %lld ms", t.elapsed());
    QVERIFY(down.result().value() == data);

    auto st = m_session->run(QStringLiteral("stat -c %a ") + path + QStringLiteral("; stat -c %a ") + dir
                             + QStringLiteral("; ls -A ") + dir);
    QVERIFY(waitFor(st));
    QCOMPARE(st.result()->out, QByteArray("640\n700\nfile.bin\n"));

    // Replacing an existing file (SFTP v3 rename refuses that: the atomic fallback runs).
    const QByteArray second("second version\n");
    auto up2 = m_session->upload(second, path, 0600);
    QVERIFY(waitFor(up2));
    QVERIFY2(up2.result().ok(), qPrintable(errText(up2.result())));
    auto down2 = m_session->download(path);
    QVERIFY(waitFor(down2));
    QCOMPARE(down2.result().value(), second);
    auto ls = m_session->run(QStringLiteral("stat -c %a ") + path + QStringLiteral("; ls -A ") + dir);
    QVERIFY(waitFor(ls));
    QCOMPARE(ls.result()->out, QByteArray("600\nfile.bin\n"));

    auto tooBig = m_session->download(path, 4);
    QVERIFY(waitFor(tooBig));
    QVERIFY(!tooBig.result().ok());
    QCOMPARE(tooBig.result().error().code, ErrorCode::FileError);
    auto missing = m_session->download(QStringLiteral("/nonexistent/file"));
    QVERIFY(waitFor(missing));
    QCOMPARE(missing.result().error().code, ErrorCode::FileError);
    QVERIFY(!missing.result().error().message.isEmpty());
}

void tst_SshSession::homeDirectory()
{
    QVERIFY(m_session);
    auto f = m_session->homeDirectory();
    QVERIFY(waitFor(f));
    QVERIFY2(f.result().ok(), qPrintable(errText(f.result())));
    QCOMPARE(f.result().value(), QStringLiteral("/home/qwqtest"));
}

void tst_SshSession::passphraseKey()
{
    SshTarget t = target();
    t.identityFile = m_keyPw;
    t.keyPassphrase = QStringLiteral("secret-pass");
    QVERIFY(connected(t));

    t.keyPassphrase = QStringLiteral("bad-pass-123");
    SshSession s(t);
    auto f = s.connectToHost();
    QVERIFY(waitFor(f));
    QCOMPARE(f.result().error().code, ErrorCode::AuthenticationFailed);
    QVERIFY(!f.result().error().toString().contains(QStringLiteral("bad-pass-123")));
}

void tst_SshSession::passwordAuth()
{
    SshTarget t = target();
    t.identityFile.clear();
    t.password = QStringLiteral("qwq-test-pw");
    auto s = connected(t);
    QVERIFY(s);
    auto f = s->run(QStringLiteral("id -un"));
    QVERIFY(waitFor(f));
    QCOMPARE(f.result()->out, QByteArray("qwqtest\n"));
}

void tst_SshSession::wrongKeyFails()
{
    SshTarget t = target();
    t.identityFile = m_dir.filePath(QStringLiteral("id_other"));
    SshSession s(t);
    auto f = s.connectToHost();
    QVERIFY(waitFor(f));
    QVERIFY(!f.result().ok());
    QCOMPARE(f.result().error().code, ErrorCode::AuthenticationFailed);
    QVERIFY2(f.result().error().message.contains(QStringLiteral("publickey")),
             qPrintable(f.result().error().message));
    QCOMPARE(s.state(), ConnectionState::Failed);

    t.password = QStringLiteral("not-the-password");
    SshSession s2(t);
    auto g = s2.connectToHost();
    QVERIFY(waitFor(g));
    QCOMPARE(g.result().error().code, ErrorCode::AuthenticationFailed);
    QVERIFY(g.result().error().message.contains(QStringLiteral("password")));
    QVERIFY(!g.result().error().toString().contains(QStringLiteral("not-the-password")));
}

void tst_SshSession::agentAuth()
{
    const QString sock = m_dir.filePath(QStringLiteral("agent.sock"));
    QProcess agent;
    agent.start(QStringLiteral("ssh-agent"), {QStringLiteral("-s"), QStringLiteral("-a"), sock});
    QVERIFY(agent.waitForFinished(10000));
    const QString out = QString::fromUtf8(agent.readAllStandardOutput());
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("SSH_AGENT_PID=(\\d+)")).match(out);
    QVERIFY2(m.hasMatch(), qPrintable(out));
    const int agentPid = m.captured(1).toInt();
    const QByteArray oldSock = qgetenv("SSH_AUTH_SOCK");
    auto cleanup = qScopeGuard([&] {
        ::kill(agentPid, SIGTERM);
        if (oldSock.isEmpty())
            qunsetenv("SSH_AUTH_SOCK");
        else
            qputenv("SSH_AUTH_SOCK", oldSock);
    });
    qputenv("SSH_AUTH_SOCK", sock.toUtf8());
    QProcess add;
    add.start(QStringLiteral("ssh-add"), {m_key});
    QVERIFY(add.waitForFinished(10000));
    QCOMPARE(add.exitCode(), 0);

    SshTarget t = target();
    t.identityFile.clear();
    t.useAgent = true;
    QVERIFY(connected(t));
    t.useAgent = false;
    SshSession s(t);
    auto f = s.connectToHost();
    QVERIFY(waitFor(f));
    QCOMPARE(f.result().error().code, ErrorCode::AuthenticationFailed);
}

void tst_SshSession::concurrentRuns()
{
    QVERIFY(m_session);
    QList<QFuture<Result<ExecResult>>> futures;
    for (int i = 0; i < 20; ++i)
        futures.append(m_session->run(QStringLiteral("echo %1").arg(i)));
    for (int i = 0; i < 20; ++i) {
        QVERIFY(waitFor(futures[i]));
        QVERIFY2(futures[i].result().ok(), qPrintable(errText(futures[i].result())));
        QCOMPARE(futures[i].result()->out, QByteArray::number(i) + '\n');
    }
}

void tst_SshSession::refusedChannelIsChannelFailed()
{
    // The fixture's sshd allows 64 sessions per connection: the rest are refused.
    auto s = connected(target());
    QVERIFY(s);
    QList<QFuture<Result<std::shared_ptr<ExecChannel>>>> futures;
    for (int i = 0; i < 70; ++i)
        futures.append(s->openExec(QStringLiteral("cat")));
    int opened = 0;
    int refused = 0;
    for (auto &f : futures) {
        QVERIFY(waitFor(f));
        if (f.result().ok()) {
            ++opened;
        } else {
            QCOMPARE(f.result().error().code, ErrorCode::ChannelFailed);
            QVERIFY(!f.result().error().message.isEmpty());
            ++refused;
        }
    }
    QVERIFY2(opened <= 64 && refused >= 6, qPrintable(QStringLiteral("%1 opened").arg(opened)));
    QCOMPARE(s->state(), ConnectionState::Ready);
    futures.clear(); // closes the channels
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto r = s->run(QStringLiteral("echo ok"));
            return waitFor(r) && r.result().ok() && r.result()->out == "ok\n";
        }(),
        10000);
}

void tst_SshSession::linkDropFailsPendingCalls()
{
    auto s = connected(target());
    QVERIFY(s);
    QSignalSpy dropped(s.get(), &SshSession::disconnected);
    auto pp = s->run(QStringLiteral("echo $PPID"));
    QVERIFY(waitFor(pp));
    const int sessionPid = pp.result()->out.trimmed().toInt();
    QVERIFY(sessionPid > 1);
    const int monitorPid = parentPid(sessionPid);

    auto streamF = s->openExec(QStringLiteral("cat"));
    QVERIFY(waitFor(streamF));
    QVERIFY(streamF.result().ok());
    auto stream = streamF.result().value();
    Error streamError;
    connect(stream.get(), &ExecChannel::failed, this, [&](const Error &e) { streamError = e; });
    auto pending = s->run(QStringLiteral("sleep 30"));
    QTest::qWait(200);
    QVERIFY(!pending.isFinished());

    // Kill this connection's sshd processes (the session child and its privileged monitor).
    const QString master = readFileText(m_dir.filePath(QStringLiteral("sshd.pid"))).trimmed();
    ::kill(sessionPid, SIGKILL);
    if (monitorPid > 1 && QString::number(monitorPid) != master)
        ::kill(monitorPid, SIGKILL);

    QVERIFY(waitFor(pending, 10000));
    QVERIFY(!pending.result().ok());
    QCOMPARE(pending.result().error().code, ErrorCode::ConnectionFailed);
    QTRY_COMPARE(dropped.size(), 1);
    QCOMPARE(dropped.first().at(0).value<Error>().code, ErrorCode::ConnectionFailed);
    QCOMPARE(s->state(), ConnectionState::Failed);
    QTRY_COMPARE(streamError.code, ErrorCode::ConnectionFailed);

    auto after = s->run(QStringLiteral("true"));
    QVERIFY(waitFor(after));
    QCOMPARE(after.result().error().code, ErrorCode::ConnectionFailed);
}

void tst_SshSession::changedHostKeyStopsBeforeAuth()
{
    m_session.reset();
    QCOMPARE(fixture(QStringLiteral("rekey")), m_port);
    const QString log = m_dir.filePath(QStringLiteral("sshd.log"));
    const qint64 before = QFileInfo(log).size();
    SshSession s(target());
    auto f = s.connectToHost();
    QVERIFY(waitFor(f));
    QVERIFY(!f.result().ok());
    QCOMPARE(f.result().error().code, ErrorCode::HostKeyChanged);
    QVERIFY(f.result().error().message.contains(QStringLiteral("changed")));
    const HostKeyInfo key = s.lastHostKey();
    QVERIFY(!key.knownSha256.isEmpty());
    QVERIFY(key.knownSha256 != key.sha256);
    QVERIFY(f.result().error().detail.contains(key.sha256));
    QVERIFY(f.result().error().detail.contains(key.knownSha256));
    QTest::qWait(300);
    const QString newLog = readFileText(log, before);
    QVERIFY2(!newLog.contains(QStringLiteral("qwqtest")) && !newLog.contains(QStringLiteral("Accepted")),
             qPrintable(newLog));
}

QTEST_GUILESS_MAIN(tst_SshSession)

#include "tst_sshsession.moc"
