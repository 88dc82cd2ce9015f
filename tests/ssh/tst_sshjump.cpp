// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Jump chains against three real OpenSSH servers on loopback (A -> B -> C). Needs root.
#include "sshtestutil.h"

#include <ssh/core/knownhosts.h>
#include <ssh/core/sshsession.h>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMultiMap>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>

using namespace Qwq;
using namespace Qwq::Ssh;
using namespace QwqTest;

class tst_SshJump final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void unknownKeyAtSecondHopStopsThere();
    void chainConnectsAndRuns();
    void chainTransfersFiles();
    void chainForwardsAndStreams();
    void chainExecAndSftpBulk();
    void hopKeepAliveDetectsSilentMiddleHop();
    void droppedHopOrTargetFailsSession_data();
    void droppedHopOrTargetFailsSession();
    void changedKeyAtFirstHopStopsBeforeAuth();

private:
    SshTarget hop(int i) const; // 0 = A, 1 = B, 2 = C
    SshTarget chain() const;
    std::unique_ptr<SshSession> connected(const SshTarget &t);
    void acceptKey(int i);
    QString dir(int i) const { return m_dir.filePath(QStringLiteral("sshd%1").arg(QChar(u'a' + i))); }

    QTemporaryDir m_dir;
    QString m_port[3];
};

void tst_SshJump::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The sshd fixture creates a user and runs sshd: run this test as root (sudo).");
    QVERIFY(m_dir.isValid());
    // sshd reads each server's authorized_keys as the test user: the parent must be traversable.
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                            | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                            | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                            | QFileDevice::ExeOther);
    for (int i = 0; i < 3; ++i) {
        m_port[i] = sshdFixture(QStringLiteral("start"), dir(i));
        QVERIFY2(!m_port[i].isEmpty(), "sshd fixture did not start");
    }
}

void tst_SshJump::cleanupTestCase()
{
    for (int i = 0; i < 3; ++i)
        if (!m_port[i].isEmpty())
            sshdFixture(QStringLiteral("stop"), dir(i));
}

SshTarget tst_SshJump::hop(int i) const
{
    SshTarget t;
    t.host = QStringLiteral("127.0.0.1");
    t.port = quint16(m_port[i].toUInt());
    t.user = QStringLiteral("qwqtest");
    t.identityFile = dir(i) + QStringLiteral("/id_ed25519"); // each server knows only its own key
    t.useAgent = false;
    t.knownHostsFile = m_dir.filePath(QStringLiteral("qwq/known_hosts"));
    t.userKnownHostsFile = m_dir.filePath(QStringLiteral("no_user_known_hosts"));
    t.connectTimeoutMs = 10000;
    t.keepAliveSeconds = 0;
    return t;
}

SshTarget tst_SshJump::chain() const
{
    SshTarget t = hop(2);
    t.jumps = {hop(0), hop(1)};
    return t;
}

void tst_SshJump::acceptKey(int i)
{
    QFile pub(dir(i) + QStringLiteral("/ssh_host_ed25519_key.pub"));
    QVERIFY(pub.open(QIODevice::ReadOnly));
    const QList<QByteArray> parts = pub.readAll().trimmed().split(' ');
    HostKeyInfo k;
    k.host = QStringLiteral("127.0.0.1");
    k.port = quint16(m_port[i].toUInt());
    k.type = QString::fromLatin1(parts.value(0));
    k.publicKeyBase64 = parts.value(1);
    KnownHosts kh(hop(i).knownHostsFile, hop(i).userKnownHostsFile);
    QVERIFY(kh.accept(k).ok());
}

void tst_SshJump::unknownKeyAtSecondHopStopsThere()
{
    acceptKey(0); // A known, B and C not
    // sshd.sh probes each new server's port: let those log lines land before taking offsets.
    QTest::qWait(1000);
    const QString logB = dir(1) + QStringLiteral("/sshd.log");
    const QString logC = dir(2) + QStringLiteral("/sshd.log");
    const qint64 beforeB = QFileInfo(logB).size();
    const qint64 beforeC = QFileInfo(logC).size();

    SshSession s(chain());
    auto f = s.connectToHost();
    QVERIFY(waitFor(f));
    QVERIFY(!f.result().ok());
    QCOMPARE(f.result().error().code, ErrorCode::HostKeyUnknown);
    QVERIFY2(f.result().error().message.contains(m_port[1]), qPrintable(f.result().error().message));
    QCOMPARE(s.lastHostKey().port, quint16(m_port[1].toUInt()));
    QCOMPARE(s.state(), ConnectionState::Failed);

    QTest::qWait(300);
    const QString newB = readFileText(logB, beforeB);
    QVERIFY2(newB.contains(QStringLiteral("Connection from")), qPrintable(newB));
    QVERIFY2(!newB.contains(QStringLiteral("Accepted")) && !newB.contains(QStringLiteral("Failed")),
             qPrintable(newB));
    const QString newC = readFileText(logC, beforeC);
    QVERIFY2(!newC.contains(QStringLiteral("Connection from")), qPrintable(newC));
}

void tst_SshJump::chainConnectsAndRuns()
{
    acceptKey(0);
    acceptKey(1);
    acceptKey(2);
    SshSession s(chain());
    auto f = s.connectToHost();
    QVERIFY(waitFor(f));
    QVERIFY2(f.result().ok(), qPrintable(errText(f.result())));
    QCOMPARE(s.state(), ConnectionState::Ready);
    QCOMPARE(f.result()->port, quint16(m_port[2].toUInt()));
    auto r = s.run(QStringLiteral("echo hi"));
    QVERIFY(waitFor(r));
    QVERIFY2(r.result().ok(), qPrintable(errText(r.result())));
    QCOMPARE(r.result()->out, QByteArray("hi\n"));
    // The command really ran behind C: C's sshd saw the login.
    QTRY_VERIFY(readFileText(dir(2) + QStringLiteral("/sshd.log")).contains(QStringLiteral("Accepted publickey")));

    QSignalSpy dropped(&s, &SshSession::disconnected);
    s.disconnectFromHost();
    QTRY_COMPARE(dropped.size(), 1);
}

void tst_SshJump::chainTransfersFiles()
{
    SshSession s(chain());
    auto f = s.connectToHost();
    QVERIFY(waitFor(f));
    QVERIFY2(f.result().ok(), qPrintable(errText(f.result())));
    QByteArray data(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (char &c : data)
        c = char(QRandomGenerator::global()->generate());
    const QString path = QStringLiteral("/tmp/qwq-jump-%1/blob").arg(QRandomGenerator::global()->generate());
    QElapsedTimer t;
    t.start();
    auto up = s.upload(data, path, 0600);
    QVERIFY(waitFor(up, 60000));
    QVERIFY2(up.result().ok(), qPrintable(errText(up.result())));
    qInfo("3 MiB up through SFTP over A -> B -> C in %lld ms", t.restart());
    auto down = s.download(path);
    QVERIFY(waitFor(down, 60000));
    QVERIFY2(down.result().ok(), qPrintable(errText(down.result())));
    qInfo("3 MiB down through SFTP over A -> B -> C in %lld ms", t.elapsed());
    QVERIFY(down.result().value() == data);
    // Commands still work after the blocking SFTP calls, several at once.
    QList<QFuture<Result<ExecResult>>> runs;
    for (int i = 0; i < 8; ++i)
        runs.append(s.run(QStringLiteral("echo %1").arg(i)));
    for (int i = 0; i < 8; ++i) {
        QVERIFY(waitFor(runs[i]));
        QVERIFY2(runs[i].result().ok(), qPrintable(errText(runs[i].result())));
        QCOMPARE(runs[i].result()->out, QByteArray::number(i) + '\n');
    }
    auto rm = s.run(QStringLiteral("rm -rf \"$(dirname %1)\"").arg(path));
    QVERIFY(waitFor(rm));
}

namespace {
// Far beyond every channel window on the way (libssh's ~1.2 MB, OpenSSH's 2 MB for forwards).
constexpr qsizetype BulkSize = 8 * 1024 * 1024;

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; i += 4) {
        const quint32 w = QRandomGenerator::global()->generate();
        memcpy(data.data() + i, &w, size_t(std::min<qsizetype>(4, size - i)));
    }
    return data;
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QString remoteTempPath()
{
    return QStringLiteral("/tmp/qwq-jump-%1").arg(QRandomGenerator::global()->generate());
}

// Empty when the command ran and exited with 0, otherwise what went wrong.
QByteArray problem(const Result<ExecResult> &r)
{
    if (!r.ok())
        return r.error().toString().toUtf8();
    if (r->exitStatus != 0)
        return "exit status " + QByteArray::number(r->exitStatus) + ": " + r->err;
    return {};
}

// Every process below pid (sshd's per-connection processes), from /proc.
QList<int> descendants(int pid)
{
    QMultiMap<int, int> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &e : entries) {
        bool ok = false;
        const int p = e.toInt(&ok);
        if (!ok)
            continue;
        const QString stat = readFileText(QStringLiteral("/proc/%1/stat").arg(p));
        // "pid (comm) state ppid ...": comm may hold spaces, so split after its ')'.
        const QStringList rest = stat.mid(stat.lastIndexOf(QLatin1Char(')')) + 2)
                                     .split(QLatin1Char(' '));
        if (rest.size() > 1)
            children.insert(rest.at(1).toInt(), p);
    }
    QList<int> out;
    QList<int> todo{pid};
    while (!todo.isEmpty()) {
        const QList<int> kids = children.values(todo.takeFirst());
        out += kids;
        todo += kids;
    }
    return out;
}
} // namespace

std::unique_ptr<SshSession> tst_SshJump::connected(const SshTarget &t)
{
    auto s = std::make_unique<SshSession>(t);
    auto f = s->connectToHost();
    if (!waitFor(f) || !f.result().ok()) {
        qWarning().noquote() << "connect failed:"
                             << (f.isFinished() ? errText(f.result()) : QStringLiteral("timeout"));
        return {};
    }
    unniceThreads(); // the worker and the relay have started by now
    return s;
}

void tst_SshJump::chainForwardsAndStreams()
{
    EchoServer echo;
    auto s = connected(chain());
    QVERIFY(s);
    // A file on C to fetch over SFTP while the forward is busy.
    const QString dirPath = remoteTempPath();
    auto made = s->run(QStringLiteral("mkdir -p %1 && head -c 3145728 /dev/urandom > %1/blob && "
                                      "sha256sum < %1/blob")
                           .arg(dirPath));
    QVERIFY(waitFor(made));
    QVERIFY2(problem(made.result()).isEmpty(), problem(made.result()).constData());
    const QByteArray blobHash = made.result()->out.left(64);

    ForwardRule rule;
    rule.kind = ForwardRule::Local;
    rule.targetHost = QStringLiteral("127.0.0.1");
    rule.targetPort = echo.port();
    auto fw = s->startForward(rule);
    QVERIFY(waitFor(fw));
    QVERIFY2(fw.result().ok(), qPrintable(errText(fw.result())));
    const quint16 port = s->forwards().value(0).boundPort;
    QVERIFY(port != 0);

    // Both ways at once: the echo sends everything back while we are still sending.
    const QByteArray data = randomBytes(BulkSize);
    const int fd = connectTcp(port);
    QVERIFY(fd >= 0);
    QElapsedTimer t;
    t.start();
    bool sent = false;
    QByteArray back;
    std::thread writer([&] {
        sent = sendAll(fd, data);
        ::shutdown(fd, SHUT_WR);
    });
    std::thread reader([&] { back = readAll(fd); });
    // Meanwhile the final session blocks in synchronous SFTP calls: the tunnels keep moving,
    // and the forward picks up again after each call.
    auto down = s->download(dirPath + QStringLiteral("/blob"));
    const bool downloaded = waitFor(down, 120000);
    writer.join();
    reader.join();
    const qint64 ms = t.elapsed();
    ::close(fd);
    qInfo("8 MiB each way through a local forward over A -> B -> C in %lld ms", ms);
    QVERIFY(downloaded);
    QVERIFY2(down.result().ok(), qPrintable(errText(down.result())));
    QCOMPARE(sha256(down.result().value()), blobHash);
    QVERIFY(sent);
    QCOMPARE(back.size(), data.size());
    QCOMPARE(sha256(back), sha256(data));
    QTRY_VERIFY([&] {
        const ForwardStatus st = s->forwards().value(0);
        return st.activeConnections == 0 && st.bytesOut == BulkSize && st.bytesIn == BulkSize;
    }());
    auto rm = s->run(QStringLiteral("rm -rf %1").arg(dirPath));
    QVERIFY(waitFor(rm));
}

void tst_SshJump::chainExecAndSftpBulk()
{
    auto s = connected(chain());
    QVERIFY(s);
    // cat: 8 MiB up as stdin and the same 8 MiB back as stdout, concurrently.
    const QByteArray data = randomBytes(BulkSize);
    QElapsedTimer t;
    t.start();
    auto cat = s->run(QStringLiteral("cat"), data, 120000);
    QVERIFY(waitFor(cat, 130000));
    qInfo("8 MiB each way through `cat` over A -> B -> C in %lld ms", t.elapsed());
    QVERIFY2(cat.result().ok(), qPrintable(errText(cat.result())));
    QCOMPARE(cat.result()->exitStatus, 0);
    QCOMPARE(cat.result()->out.size(), data.size());
    QCOMPARE(sha256(cat.result()->out), sha256(data));

    // A file made on C, read back with `head -c` and with SFTP.
    const QString path = remoteTempPath();
    auto made = s->run(
        QStringLiteral("head -c %1 /dev/urandom > %2 && sha256sum < %2").arg(BulkSize).arg(path));
    QVERIFY(waitFor(made));
    QVERIFY2(problem(made.result()).isEmpty(), problem(made.result()).constData());
    const QByteArray hash = made.result()->out.left(64);
    t.restart();
    auto head = s->run(QStringLiteral("head -c %1 %2").arg(BulkSize).arg(path), {}, 120000);
    QVERIFY(waitFor(head, 130000));
    qInfo("8 MiB down through `head -c` over A -> B -> C in %lld ms", t.elapsed());
    QVERIFY2(head.result().ok(), qPrintable(errText(head.result())));
    QCOMPARE(head.result()->out.size(), BulkSize);
    QCOMPARE(sha256(head.result()->out), hash);
    t.restart();
    auto down = s->download(path);
    QVERIFY(waitFor(down, 120000));
    qInfo("8 MiB down through SFTP over A -> B -> C in %lld ms", t.elapsed());
    QVERIFY2(down.result().ok(), qPrintable(errText(down.result())));
    QCOMPARE(down.result()->size(), BulkSize);
    QCOMPARE(sha256(down.result().value()), hash);
    auto rm = s->run(QStringLiteral("rm -f %1").arg(path));
    QVERIFY(waitFor(rm));
}

void tst_SshJump::hopKeepAliveDetectsSilentMiddleHop()
{
    SshTarget t = chain();
    t.keepAliveSeconds = 0; // only the hops' own keepalives can notice
    for (SshTarget &j : t.jumps)
        j.keepAliveSeconds = 1;
    auto s = connected(t);
    QVERIFY(s);
    QSignalSpy dropped(s.get(), &SshSession::disconnected);
    // Idle for more than three intervals: the hops answer their keepalives and stay up.
    QTest::qWait(3500);
    QCOMPARE(dropped.size(), 0);
    QCOMPARE(s->state(), ConnectionState::Ready);
    auto alive = s->run(QStringLiteral("echo alive"));
    QVERIFY(waitFor(alive));
    QVERIFY2(alive.result().ok(), qPrintable(errText(alive.result())));

    // Freeze B's connection processes: its TCP connection stays up, nothing answers.
    const int master = readFileText(dir(1) + QStringLiteral("/sshd.pid")).trimmed().toInt();
    QVERIFY(master > 1);
    const QList<int> frozen = descendants(master);
    QVERIFY(!frozen.isEmpty());
    for (int pid : frozen)
        ::kill(pid, SIGSTOP);
    auto pending = s->run(QStringLiteral("echo never"));
    QElapsedTimer t0;
    t0.start();
    QTRY_VERIFY_WITH_TIMEOUT(dropped.size() == 1, 8000);
    const qint64 ms = t0.elapsed();
    for (int pid : frozen)
        ::kill(pid, SIGCONT);
    qInfo("silent middle hop noticed after %lld ms", ms);
    qInfo("%s", qPrintable(dropped.first().at(0).value<Error>().message));
    QVERIFY2(ms <= 6500, qPrintable(QString::number(ms))); // 3 silent intervals + slack
    const Error e = dropped.first().at(0).value<Error>();
    QCOMPARE(e.code, ErrorCode::ConnectionFailed);
    QVERIFY2(e.message.contains(m_port[1]), qPrintable(e.message));
    QVERIFY(waitFor(pending, 2000));
    QVERIFY(!pending.result().ok());
    QCOMPARE(pending.result().error().code, ErrorCode::ConnectionFailed);
    QCOMPARE(s->state(), ConnectionState::Failed);
}

void tst_SshJump::droppedHopOrTargetFailsSession_data()
{
    QTest::addColumn<int>("server");
    QTest::addColumn<QString>("named"); // what the error message must say
    QTest::newRow("middle hop B") << 1 << QStringLiteral("jump host");
    QTest::newRow("target C") << 2 << QStringLiteral("was lost");
}

void tst_SshJump::droppedHopOrTargetFailsSession()
{
    QFETCH(int, server);
    QFETCH(QString, named);
    auto s = connected(chain());
    QVERIFY(s);
    QSignalSpy dropped(s.get(), &SshSession::disconnected);
    auto ch = s->openExec(QStringLiteral("cat"));
    QVERIFY(waitFor(ch));
    QVERIFY2(ch.result().ok(), qPrintable(errText(ch.result())));
    QSignalSpy failed(ch.result().value().get(), &ExecChannel::failed);

    // Kill that server's connection processes: its TCP connection closes, the tunnel before it
    // ends, and the EOF travels down the chain.
    const int master = readFileText(dir(server) + QStringLiteral("/sshd.pid")).trimmed().toInt();
    QVERIFY(master > 1);
    for (int pid : descendants(master))
        ::kill(pid, SIGKILL);
    QTRY_VERIFY_WITH_TIMEOUT(dropped.size() == 1, 5000);
    const Error e = dropped.first().at(0).value<Error>();
    qInfo("%s", qPrintable(e.message));
    QCOMPARE(e.code, ErrorCode::ConnectionFailed);
    QVERIFY2(e.message.contains(m_port[server]) && e.message.contains(named), qPrintable(e.message));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(s->state(), ConnectionState::Failed);
    auto after = s->run(QStringLiteral("echo late"));
    QVERIFY(waitFor(after));
    QCOMPARE(after.result().error().code, ErrorCode::ConnectionFailed);
}

void tst_SshJump::changedKeyAtFirstHopStopsBeforeAuth()
{
    QCOMPARE(sshdFixture(QStringLiteral("rekey"), dir(0)), m_port[0]);
    const QString logA = dir(0) + QStringLiteral("/sshd.log");
    const QString logB = dir(1) + QStringLiteral("/sshd.log");
    const qint64 beforeA = QFileInfo(logA).size();
    const qint64 beforeB = QFileInfo(logB).size();
    SshSession s(chain());
    auto f = s.connectToHost();
    QVERIFY(waitFor(f));
    QVERIFY(!f.result().ok());
    QCOMPARE(f.result().error().code, ErrorCode::HostKeyChanged);
    QVERIFY2(f.result().error().message.contains(m_port[0]), qPrintable(f.result().error().message));
    const HostKeyInfo key = s.lastHostKey();
    QCOMPARE(key.port, quint16(m_port[0].toUInt()));
    QVERIFY(!key.knownSha256.isEmpty() && key.knownSha256 != key.sha256);
    QTest::qWait(300);
    const QString newA = readFileText(logA, beforeA);
    QVERIFY2(newA.contains(QStringLiteral("Connection from")), qPrintable(newA));
    QVERIFY2(!newA.contains(QStringLiteral("Accepted")) && !newA.contains(QStringLiteral("Failed")),
             qPrintable(newA));
    QVERIFY2(!readFileText(logB, beforeB).contains(QStringLiteral("Connection from")),
             qPrintable(readFileText(logB, beforeB)));
}

QTEST_GUILESS_MAIN(tst_SshJump)

#include "tst_sshjump.moc"
