// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Jump chains against three real OpenSSH servers on loopback (A -> B -> C). Needs root.
#include "sshtestutil.h"

#include <ssh/core/knownhosts.h>
#include <ssh/core/sshsession.h>

#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
    void changedKeyAtFirstHopStopsBeforeAuth();

private:
    SshTarget hop(int i) const; // 0 = A, 1 = B, 2 = C
    SshTarget chain() const;
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
    auto up = s.upload(data, path, 0600);
    QVERIFY(waitFor(up, 60000));
    QVERIFY2(up.result().ok(), qPrintable(errText(up.result())));
    auto down = s.download(path);
    QVERIFY(waitFor(down, 60000));
    QVERIFY2(down.result().ok(), qPrintable(errText(down.result())));
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

void tst_SshJump::chainForwardsAndStreams()
{
    EchoServer echo;
    SshSession s(chain());
    auto f = s.connectToHost();
    QVERIFY(waitFor(f));
    QVERIFY2(f.result().ok(), qPrintable(errText(f.result())));
    ForwardRule rule;
    rule.kind = ForwardRule::Local;
    rule.targetHost = QStringLiteral("127.0.0.1");
    rule.targetPort = echo.port();
    auto fw = s.startForward(rule);
    QVERIFY(waitFor(fw));
    QVERIFY2(fw.result().ok(), qPrintable(errText(fw.result())));
    const quint16 port = s.forwards().value(0).boundPort;
    QVERIFY(port != 0);
    // TODO: bulk data (beyond the channel's 64 kB window) through a forward over a chain can
    // stall: libssh's ssh_connector (fd → channel) waits for POLLOUT and misses the server's
    // window adjust. Needs our own socket → channel pump; until then this checks 48 KiB.
    QByteArray data(48 * 1024, 'x');
    for (int i = 0; i < data.size(); ++i)
        data[i] = char(i * 7);
    const int fd = connectTcp(port);
    QVERIFY(fd >= 0);
    std::thread writer([&] {
        sendAll(fd, data);
        ::shutdown(fd, SHUT_WR);
    });
    const QByteArray back = readAll(fd);
    writer.join();
    ::close(fd);
    QCOMPARE(back.size(), data.size());
    QVERIFY(back == data);
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
