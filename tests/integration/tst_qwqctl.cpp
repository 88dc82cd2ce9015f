// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// qwqctl as a user runs it: exit codes, stdout JSON, stderr "error <code>: …", profiles, and a
// real server on loopback (tests/fixtures/sshd.sh, needs root; the --local cases do not).
#include "sshdfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using QwqTest::ProcessResult;

class tst_Qwqctl final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void callLocalSystemInfo();
    void callLocalUnknownMethod();
    void callLocalBadParam();
    void callLocalBadJson();
    void usageExitsTwo();
    void addRejectsBadFields_data();
    void addRejectsBadFields();
    void profileLifecycle();
    void sshConfigJumpChain();
    void aiAskDiagnosesOverSsh();
    void callUnknownProfile();
    void forwardCarriesTraffic();

private:
    ProcessResult qwqctl(const QStringList &args, int timeoutMs = 60000) const;
    QByteArray profilesFileBytes() const;
    QProcessEnvironment env() const;

    QTemporaryDir m_home{QStringLiteral("/tmp/qwqctl-home-XXXXXX")};
    QwqTest::SshdFixture m_sshd;
    bool m_serverUp = false;
};

ProcessResult tst_Qwqctl::qwqctl(const QStringList &args, int timeoutMs) const
{
    return QwqTest::runProcess(QStringLiteral(QWQ_BINARY_DIR "/bin/qwqctl"), args, timeoutMs, env());
}

QProcessEnvironment tst_Qwqctl::env() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QWQ_HOME"), m_home.path());
    env.insert(QStringLiteral("QWQ_HELPER"), QStringLiteral(QWQ_HELPER_PATH));
    env.insert(QStringLiteral("HOME"), m_home.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("LC_ALL"));
    // No Secret Service here: without a bus the keychain fails at once instead of stalling.
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("SSH_AUTH_SOCK"));
    return env;
}

QByteArray tst_Qwqctl::profilesFileBytes() const
{
    QByteArray all;
    // Whatever qwqctl keeps under QWQ_HOME except logs and the audit db: nothing may change.
    const ProcessResult r = QwqTest::sh(
        QStringLiteral("cd '%1' && find . -type f ! -name '*.log' ! -name '*.sqlite*' "
                       "! -path './home/*' | sort | xargs -r cat")
            .arg(m_home.path()));
    return r.out;
}

void tst_Qwqctl::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(QWQ_BINARY_DIR "/bin/qwqctl")), "build qwqctl first");
    if (geteuid() != 0)
        return;   // the --local cases still run
    const QString err = m_sshd.start();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    m_serverUp = true;
}

void tst_Qwqctl::cleanupTestCase()
{
    if (m_serverUp)
        m_sshd.stop();
}

void tst_Qwqctl::callLocalSystemInfo()
{
    const ProcessResult r = qwqctl({QStringLiteral("call"), QStringLiteral("--local"),
                                    QStringLiteral("system.info")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &pe);
    QVERIFY2(doc.isObject(), qPrintable(pe.errorString()));
    QVERIFY(doc.object().value(QStringLiteral("memory")).toObject()
                .value(QStringLiteral("total")).toDouble() > 0);
    QVERIFY(!doc.object().value(QStringLiteral("hostname")).toString().isEmpty());
}

void tst_Qwqctl::callLocalUnknownMethod()
{
    const ProcessResult r = qwqctl({QStringLiteral("call"), QStringLiteral("--local"),
                                    QStringLiteral("no.such")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("error -32601"), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void tst_Qwqctl::callLocalBadParam()
{
    const ProcessResult r = qwqctl({QStringLiteral("call"), QStringLiteral("--local"),
                                    QStringLiteral("metrics.watch"),
                                    QStringLiteral("{\"intervalMs\":5}")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("intervalMs"), r.err.constData());
    QVERIFY2(r.err.startsWith("error "), r.err.constData());
}

void tst_Qwqctl::callLocalBadJson()
{
    for (const char *bad : {"{not json", "[1,2]", "42"}) {
        const ProcessResult r = qwqctl({QStringLiteral("call"), QStringLiteral("--local"),
                                        QStringLiteral("system.info"), QLatin1String(bad)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("params"), r.err.constData());
    }
}

void tst_Qwqctl::usageExitsTwo()
{
    QCOMPARE(qwqctl({}).exitCode, 2);
    QCOMPARE(qwqctl({QStringLiteral("frobnicate")}).exitCode, 2);
    QCOMPARE(qwqctl({QStringLiteral("call")}).exitCode, 2);
}

void tst_Qwqctl::addRejectsBadFields_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QByteArray>("field");
    QTest::newRow("port 70000") << QStringLiteral("127.0.0.1") << QStringLiteral("70000") << QByteArray("port");
    QTest::newRow("port 0") << QStringLiteral("127.0.0.1") << QStringLiteral("0") << QByteArray("port");
    QTest::newRow("port text") << QStringLiteral("127.0.0.1") << QStringLiteral("ssh") << QByteArray("port");
    QTest::newRow("host a;b") << QStringLiteral("a;b") << QStringLiteral("22") << QByteArray("host");
    QTest::newRow("host option") << QStringLiteral("-oProxyCommand=x") << QStringLiteral("22") << QByteArray("host");
    QTest::newRow("host empty") << QString() << QStringLiteral("22") << QByteArray("host");
}

void tst_Qwqctl::addRejectsBadFields()
{
    QFETCH(QString, host);
    QFETCH(QString, port);
    QFETCH(QByteArray, field);
    const QByteArray before = profilesFileBytes();
    const ProcessResult r = qwqctl({QStringLiteral("profiles"), QStringLiteral("add"),
                                    QStringLiteral("--name"), QStringLiteral("bad"),
                                    QStringLiteral("--host"), host, QStringLiteral("--port"), port,
                                    QStringLiteral("--user"), QStringLiteral("qwqtest")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QByteArray(QByteArray("field: ") + field)), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QCOMPARE(profilesFileBytes(), before);
}

void tst_Qwqctl::profileLifecycle()
{
    if (!m_serverUp)
        QSKIP("The sshd fixture creates users and runs sshd: run this test as root.");
    const ProcessResult added = qwqctl(
        {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"),
         QStringLiteral("t1"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
         QStringLiteral("--port"), QString::number(m_sshd.port), QStringLiteral("--user"),
         QStringLiteral("qwqtest"), QStringLiteral("--key"), m_sshd.key(),
         QStringLiteral("--auth"), QStringLiteral("key")});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    const QString id = QString::fromUtf8(added.out).trimmed();
    QVERIFY(!id.isEmpty());
    QVERIFY(!id.contains(QLatin1Char('\n')));

    const QString fp = m_sshd.hostKeyFingerprint();
    const ProcessResult unknown = qwqctl({QStringLiteral("check"), QStringLiteral("t1")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(fp.toUtf8()), unknown.err.constData());
    QVERIFY2(unknown.err.contains("error 8001"), unknown.err.constData());

    // A fingerprint that is not the server's is not trusted.
    const ProcessResult wrong = qwqctl({QStringLiteral("check"), QStringLiteral("t1"),
                                        QStringLiteral("--trust-host-key"),
                                        QStringLiteral("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")});
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.contains("error 8001"), wrong.err.constData());

    const ProcessResult checked = qwqctl({QStringLiteral("check"), QStringLiteral("t1"),
                                          QStringLiteral("--trust-host-key"), fp});
    QVERIFY2(checked.exitCode == 0, checked.err.constData());
    QVERIFY2(checked.out.contains("qwqtest"), checked.out.constData());

    // Trusted now: no fingerprint needed any more.
    const ProcessResult called = qwqctl({QStringLiteral("call"), QStringLiteral("t1"),
                                         QStringLiteral("system.info")});
    QVERIFY2(called.exitCode == 0, called.err.constData());
    const QJsonDocument doc = QJsonDocument::fromJson(called.out);
    QVERIFY(doc.isObject());
    QVERIFY(doc.object().value(QStringLiteral("memory")).toObject()
                .value(QStringLiteral("total")).toDouble() > 0);

    const ProcessResult listed = qwqctl({QStringLiteral("profiles"), QStringLiteral("list")});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(listed.out.contains(id.toUtf8()));
    QVERIFY(listed.out.contains("t1"));
    QVERIFY(listed.out.contains(QStringLiteral("qwqtest@127.0.0.1:%1").arg(m_sshd.port).toUtf8()));

    const ProcessResult removed = qwqctl({QStringLiteral("profiles"), QStringLiteral("remove"),
                                          QStringLiteral("t1")});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    const ProcessResult after = qwqctl({QStringLiteral("profiles"), QStringLiteral("list")});
    QCOMPARE(after.exitCode, 0);
    QVERIFY(!after.out.contains(id.toUtf8()));
    QCOMPARE(qwqctl({QStringLiteral("call"), QStringLiteral("t1"), QStringLiteral("system.info")})
                 .exitCode,
             1);
}

void tst_Qwqctl::aiAskDiagnosesOverSsh()
{
    if (!m_serverUp)
        QSKIP("needs the sshd fixture (root)");
    // The model is tests/ai/fakellm.py (a scripted OpenAI-compatible server); the server is the
    // loopback sshd, reached with a key, its helper deployed over SSH. The host key was trusted
    // in profileLifecycle.
    const ProcessResult added = qwqctl(
        {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("ai1"),
         QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(m_sshd.port),
         QStringLiteral("--user"), QStringLiteral("qwqtest"), QStringLiteral("--key"), m_sshd.key(),
         QStringLiteral("--auth"), QStringLiteral("key")});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    QProcess llm;
    llm.start(QStringLiteral("python3"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/ai/fakellm.py")});
    QVERIFY(llm.waitForStarted(5000));
    QVERIFY(llm.waitForReadyRead(10000));
    const int port = llm.readLine().trimmed().toInt();
    QVERIFY(port > 0);
    QProcessEnvironment e = env();
    e.insert(QStringLiteral("QWQ_AI_BASE_URL"), QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
    e.insert(QStringLiteral("QWQ_AI_MODEL"), QStringLiteral("fake-model"));
    e.remove(QStringLiteral("QWQ_AI_API_KEY"));
    const auto ask = [&](const QStringList &args) {
        return QwqTest::runProcess(QStringLiteral(QWQ_BINARY_DIR "/bin/qwqctl"),
                                   QStringList{QStringLiteral("ai"), QStringLiteral("ask"), QStringLiteral("ai1")} + args,
                                   120000, e);
    };

    // A diagnosis: the model reads system_info of the server over SSH and answers from it.
    const ProcessResult diagnosis = ask({QStringLiteral("Is my disk full?"), QStringLiteral("--json")});
    QVERIFY2(diagnosis.exitCode == 0, diagnosis.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(diagnosis.out).object();
    QVERIFY2(o.value(QStringLiteral("answer")).toString().contains(QStringLiteral("system_info")), diagnosis.out.constData());
    const QJsonArray calls = o.value(QStringLiteral("calls")).toArray();
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls[0].toObject().value(QStringLiteral("method")).toString(), QStringLiteral("system.info"));
    QCOMPARE(calls[0].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("done"));
    QCOMPARE(calls[0].toObject().value(QStringLiteral("risk")).toString(), QStringLiteral("read"));

    // A change asked for with --deny-all: offered, denied, not run; the answer says so.
    const ProcessResult denied = ask({QStringLiteral("restart web"), QStringLiteral("--deny-all")});
    QVERIFY2(denied.exitCode == 0, denied.err.constData());
    QVERIFY2(denied.err.contains("denied"), denied.err.constData());

    llm.kill();
    llm.waitForFinished(2000);
    QVERIFY(qwqctl({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("ai1")}).exitCode == 0);
}

void tst_Qwqctl::sshConfigJumpChain()
{
    if (!m_serverUp)
        QSKIP("needs the sshd fixture (root)");
    // Imported from ssh_config: a bastion and a host behind it (the same loopback sshd serves
    // as both hops). The host key was trusted in profileLifecycle.
    const QString pwned = QStringLiteral("/tmp/qwq-pwned-%1").arg(::getpid());
    const QString config = m_home.filePath(QStringLiteral("ssh_config"));
    QFile f(config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("Host bastion\n  HostName 127.0.0.1\n  Port %1\n  User qwqtest\n  IdentityFile %2\n"
                           "Host inner\n  HostName 127.0.0.1\n  Port %1\n  User qwqtest\n  IdentityFile %2\n"
                           "  ProxyJump bastion\n  ProxyCommand touch %3\n")
                .arg(m_sshd.port).arg(m_sshd.key(), pwned).toUtf8());
    f.close();
    const ProcessResult imported = qwqctl({QStringLiteral("profiles"), QStringLiteral("import-ssh-config"), config});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QVERIFY2(QByteArray(imported.out + imported.err).contains("ProxyCommand"), imported.out.constData());
    const ProcessResult called = qwqctl({QStringLiteral("call"), QStringLiteral("inner"),
                                         QStringLiteral("system.info")});
    QVERIFY2(called.exitCode == 0, called.err.constData());
    QVERIFY(QJsonDocument::fromJson(called.out).object().contains(QStringLiteral("hostname")));
    QVERIFY2(!QFile::exists(pwned), "ProxyCommand must never run");
    // Importing again changes nothing and duplicates nothing.
    const ProcessResult again = qwqctl({QStringLiteral("profiles"), QStringLiteral("import-ssh-config"), config});
    QCOMPARE(again.exitCode, 0);
    const ProcessResult listed = qwqctl({QStringLiteral("profiles"), QStringLiteral("list")});
    QCOMPARE(listed.out.count("\tinner\t"), 1);
}

void tst_Qwqctl::callUnknownProfile()
{
    const ProcessResult r = qwqctl({QStringLiteral("call"), QStringLiteral("nosuchprofile"),
                                    QStringLiteral("system.info")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("error 1004"), r.err.constData());
    QVERIFY(r.err.contains("nosuchprofile"));
}

void tst_Qwqctl::forwardCarriesTraffic()
{
    if (!m_serverUp)
        QSKIP("needs the sshd fixture (root)");
    // An echo server here; the forward reaches it through sshd (direct-tcpip to 127.0.0.1).
    QTcpServer echo;
    QVERIFY(echo.listen(QHostAddress::LocalHost, 0));
    connect(&echo, &QTcpServer::newConnection, &echo, [&echo] {
        while (QTcpSocket *s = echo.nextPendingConnection()) {
            connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll()); });
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });

    const ProcessResult added = qwqctl(
        {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"),
         QStringLiteral("t2"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
         QStringLiteral("--port"), QString::number(m_sshd.port), QStringLiteral("--user"),
         QStringLiteral("qwqtest"), QStringLiteral("--key"), m_sshd.key(),
         QStringLiteral("--auth"), QStringLiteral("key")});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    const ProcessResult checked = qwqctl({QStringLiteral("check"), QStringLiteral("t2"),
                                          QStringLiteral("--trust-host-key"),
                                          m_sshd.hostKeyFingerprint()});
    QVERIFY2(checked.exitCode == 0, checked.err.constData());

    // A bad rule names its field and connects to nothing.
    const ProcessResult bad = qwqctl({QStringLiteral("forward"), QStringLiteral("t2"),
                                      QStringLiteral("L0:127.0.0.1:0")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("rule.targetPort"), bad.err.constData());

    QProcess ctl;
    ctl.setProcessEnvironment(env());
    ctl.start(QStringLiteral(QWQ_BINARY_DIR "/bin/qwqctl"),
              {QStringLiteral("forward"), QStringLiteral("t2"),
               QStringLiteral("L0:127.0.0.1:%1").arg(echo.serverPort())});
    QVERIFY(ctl.waitForStarted(5000));
    auto killer = qScopeGuard([&ctl] {
        if (ctl.state() != QProcess::NotRunning) {
            ctl.kill();
            ctl.waitForFinished(2000);
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(ctl.canReadLine() || ctl.state() == QProcess::NotRunning, 60000);
    const QString line = QString::fromUtf8(ctl.readLine()).trimmed();
    QVERIFY2(!line.isEmpty(), ctl.readAllStandardError().constData());
    static const QRegularExpression re(
        QStringLiteral("^forwarding 127\\.0\\.0\\.1:(\\d+) -> 127\\.0\\.0\\.1:%1 \\(local\\)$")
            .arg(echo.serverPort()));
    const auto m = re.match(line);
    QVERIFY2(m.hasMatch(), qPrintable(line));
    const quint16 bound = quint16(m.captured(1).toUInt());
    QVERIFY(bound != 0);

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, bound);
    QVERIFY(client.waitForConnected(10000));
    const QByteArray payload = QByteArray("hello through ssh ") + QByteArray(64 * 1024, 'x');
    client.write(payload);
    QByteArray back;
    QTRY_VERIFY_WITH_TIMEOUT((back += client.readAll()).size() >= payload.size(), 30000);
    QCOMPARE(back, payload);
    client.disconnectFromHost();

    ::kill(pid_t(ctl.processId()), SIGINT);
    QVERIFY(ctl.waitForFinished(15000));
    QCOMPARE(ctl.exitStatus(), QProcess::NormalExit);
    QCOMPARE(ctl.exitCode(), 0);
    // Stopped: nothing listens on the bound port any more.
    QTcpSocket after;
    after.connectToHost(QHostAddress::LocalHost, bound);
    QVERIFY(!after.waitForConnected(2000));
}

QTEST_GUILESS_MAIN(tst_Qwqctl)
#include "tst_qwqctl.moc"
