// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_integration.h"

#include "awaitfuture.h"

#include <core/core/paths.h>
#include <helper/core/helperdeployer.h>
#include <ssh/core/sshsession.h>

#include <QHostInfo>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <unistd.h>

using namespace Qwq;
using namespace Qwq::Helper;
using Profiles::AuthMethod;
using State = ServerConnection::State;

namespace {
// QVERIFY2 evaluates its message even on success: never touch error() of a good result.
template<typename T>
QString errText(const Result<T> &r)
{
    return r.ok() ? QString() : r.error().toString();
}
QString errText(const ServerConnection *c)
{
    return c->state() == State::Ready ? QString()
                                      : QStringLiteral("state %1, error %2: %3")
                                            .arg(int(c->state()))
                                            .arg(c->lastError().number())
                                            .arg(c->lastError().toString());
}
} // namespace

void tst_Integration::initTestCase()
{
    if (geteuid() != 0) {
        m_skip = true;
        QSKIP("The sshd fixture creates users and runs sshd (and sudo tests install a root "
              "helper): run this test as root.");
    }
    QVERIFY(m_home.isValid());
    qputenv("QWQ_HOME", m_home.path().toUtf8());
    m_knownHosts = m_home.filePath(QStringLiteral("known_hosts.test"));
    m_userKnownHosts = m_home.filePath(QStringLiteral("user_known_hosts"));
    const QString err = m_sshd.start();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    m_sha = QString::fromLatin1(QwqTest::fileSha256(QStringLiteral(QWQ_HELPER_PATH)));
    QVERIFY(!m_sha.isEmpty());
    // Every run starts without a deployed helper, so the first connect uploads.
    QwqTest::sh(QStringLiteral("rm -rf ~qwqtest/.cache/qwq ~qwqnosudo/.cache/qwq /var/lib/qwq/helper/%1")
                    .arg(m_sha));
    m_audit = std::make_unique<AuditLog>(Paths::auditDatabase());
    const auto opened = m_audit->open();
    QVERIFY2(opened.ok(), qPrintable(errText(opened)));
}

void tst_Integration::cleanupTestCase()
{
    if (m_skip)
        return;
    if (m_twoFactorPort)
        QwqTest::runProcess(QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/sshd-2fa.sh"),
                            {QStringLiteral("stop"), m_twoFactorDir.path()});
    const auto r = m_sshd.stop();
    if (!r.ok())
        qWarning() << "sshd.sh stop failed:" << r.err;
}

Profiles::Profile tst_Integration::makeProfile(AuthMethod auth, const QString &key,
                                               const QString &user) const
{
    Profiles::Profile p;
    p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    p.name = QStringLiteral("it-") + p.id.left(8);
    p.host = QStringLiteral("127.0.0.1");
    p.port = m_sshd.port;
    p.user = user;
    p.auth = auth;
    p.identityFile = key;
    return p;
}

std::unique_ptr<ServerConnection> tst_Integration::makeConnection(const Profiles::Profile &p)
{
    auto c = std::make_unique<ServerConnection>(p, &m_secrets, m_audit.get());
    c->setHelperBinary(QStringLiteral(QWQ_HELPER_PATH));
    c->setKnownHostsFiles(m_knownHosts, m_userKnownHosts);
    return c;
}

bool tst_Integration::settle(ServerConnection *c, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    auto busy = [c] {
        return c->state() == State::Connecting || c->state() == State::Deploying
               || c->state() == State::Starting;
    };
    while (busy() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !busy();
}

bool tst_Integration::connectAndSettle(ServerConnection *c, int timeoutMs)
{
    c->connectToServer();
    return settle(c, timeoutMs);
}

bool tst_Integration::storeSecret(const QString &key, const QString &value)
{
    const auto r = QwqTest::await(m_secrets.write(key, value), 30000);
    if (!r)
        qWarning() << "keychain write failed:" << r.error().toString();
    return r.ok();
}

QString tst_Integration::remoteUserHelper(const QString &user) const
{
    return QStringLiteral("/home/%1/.cache/qwq/helper/%2/qwq-helper").arg(user, m_sha);
}

QString tst_Integration::rootHelper() const
{
    return QStringLiteral("/var/lib/qwq/helper/%1/qwq-helper").arg(m_sha);
}

bool tst_Integration::corruptRemoteHelper() const
{
    // A helper of an earlier connection may still be running from the file (it exits on EOF,
    // a moment after its channel closed); until then the file cannot be written (ETXTBSY).
    QElapsedTimer t;
    t.start();
    while (!QwqTest::sh(QStringLiteral("printf x >> ") + remoteUserHelper()).ok()) {
        if (t.elapsed() > 10000)
            return false;
        QTest::qWait(100);
    }
    return QString::fromLatin1(QwqTest::fileSha256(remoteUserHelper())) != m_sha;
}

bool tst_Integration::haveSudo() const
{
    return QFile::exists(QStringLiteral("/usr/bin/sudo"));
}

void tst_Integration::unknownHostKeyThenTrust()
{
    auto c = makeConnection(makeProfile(AuthMethod::Key, m_sshd.key()));
    QSignalSpy approval(c.get(), &ServerConnection::hostKeyApprovalNeeded);
    QVERIFY(connectAndSettle(c.get()));
    QCOMPARE(c->state(), State::Failed);
    QCOMPARE(c->lastError().code, ErrorCode::HostKeyUnknown);
    QVERIFY(!c->lastError().message.isEmpty());
    QCOMPARE(approval.count(), 1);
    QCOMPARE(approval.at(0).at(1).toBool(), false);
    const QString fp = m_sshd.hostKeyFingerprint();
    QVERIFY(fp.startsWith(QLatin1String("SHA256:")));
    QCOMPARE(c->hostKey().sha256, fp);

    const auto trusted = c->trustHostKeyAndReconnect();
    QVERIFY2(trusted.ok(), qPrintable(errText(trusted)));
    QVERIFY(settle(c.get(), 30000));
    QVERIFY2(c->state() == State::Ready, qPrintable(errText(c.get())));
    QVERIFY(c->connectMs() >= 0);
    QCOMPARE(c->helper()->info().userName, QStringLiteral("qwqtest"));

    const auto info = QwqTest::await(c->helper()->call(QStringLiteral("system.info")), 20000);
    QVERIFY2(info.ok(), qPrintable(errText(info)));
    const QJsonObject o = info->toObject();
    QCOMPARE(o.value(QStringLiteral("hostname")).toString(), QHostInfo::localHostName());
    QVERIFY(o.value(QStringLiteral("memory")).toObject().value(QStringLiteral("total")).toDouble() > 0);

    // The helper landed in the user's cache under its own hash, and is byte-identical.
    QCOMPARE(QString::fromLatin1(QwqTest::fileSha256(remoteUserHelper())), m_sha);
    QCOMPARE(QwqTest::sh(QStringLiteral("stat -c %U ") + remoteUserHelper()).out.trimmed(),
             QByteArray("qwqtest"));
}

Result<DeployedHelper> tst_Integration::deployOnce() const
{
    // The deployer alone, on its own session with the key, so a test can see `uploaded`.
    Ssh::SshTarget t;
    t.host = QStringLiteral("127.0.0.1");
    t.port = m_sshd.port;
    t.user = QStringLiteral("qwqtest");
    t.identityFile = m_sshd.key();
    t.useAgent = false;
    t.knownHostsFile = m_knownHosts;
    t.userKnownHostsFile = m_userKnownHosts;
    Ssh::SshSession session(t);
    const auto connected = QwqTest::await(session.connectToHost(), 20000);
    if (!connected)
        return connected.error();
    HelperDeployer deployer(&session, QStringLiteral(QWQ_HELPER_PATH));
    return QwqTest::await(deployer.deploy(), 30000);
}

void tst_Integration::secondConnectDoesNotUpload()
{
    const auto before = QwqTest::sh(QStringLiteral("stat -c '%i %Y' ") + remoteUserHelper());
    QVERIFY(before.ok());

    // Directly: the deployer says nothing was uploaded.
    const auto d = deployOnce();
    QVERIFY2(d.ok(), qPrintable(errText(d)));
    QCOMPARE(d->uploaded, false);
    QCOMPARE(d->remotePath, remoteUserHelper());

    // Through ServerConnection: same file (inode and mtime unchanged).
    auto c = makeConnection(makeProfile(AuthMethod::Key, m_sshd.key()));
    QVERIFY(connectAndSettle(c.get()));
    QVERIFY2(c->state() == State::Ready, qPrintable(errText(c.get())));
    const auto after = QwqTest::sh(QStringLiteral("stat -c '%i %Y' ") + remoteUserHelper());
    QCOMPARE(after.out, before.out);
}

void tst_Integration::corruptedHelperIsReplaced()
{
    QVERIFY(corruptRemoteHelper());

    const auto d = deployOnce();
    QVERIFY2(d.ok(), qPrintable(errText(d)));
    QVERIFY2(d->uploaded, qPrintable(QwqTest::sh(QStringLiteral("ls -l --time-style=full-iso "
                                                               "$(dirname ") + remoteUserHelper()
                                                + QStringLiteral("); sha256sum ") + remoteUserHelper())
                                         .out));
    QCOMPARE(QString::fromLatin1(QwqTest::fileSha256(remoteUserHelper())), m_sha);

    // Corrupt it again: a full connect repairs it too and still works.
    QVERIFY(corruptRemoteHelper());
    auto c = makeConnection(makeProfile(AuthMethod::Key, m_sshd.key()));
    QVERIFY(connectAndSettle(c.get()));
    QVERIFY2(c->state() == State::Ready, qPrintable(errText(c.get())));
    QCOMPARE(QString::fromLatin1(QwqTest::fileSha256(remoteUserHelper())), m_sha);
    const auto info = QwqTest::await(c->helper()->call(QStringLiteral("system.info")), 20000);
    QVERIFY2(info.ok(), qPrintable(errText(info)));
}

void tst_Integration::passwordFromKeychain()
{
    const auto p = makeProfile(AuthMethod::Password, QString());
    QVERIFY(storeSecret(Profiles::SecretStore::passwordKey(p.id),
                        QString::fromLatin1(QwqTest::SshdFixture::kPassword)));
    auto c = makeConnection(p);
    QVERIFY(connectAndSettle(c.get()));
    QVERIFY2(c->state() == State::Ready, qPrintable(errText(c.get())));
    QCOMPARE(c->helper()->info().userName, QStringLiteral("qwqtest"));
    QVERIFY(QwqTest::readAll(m_sshd.logFile()).contains("Accepted password for qwqtest"));
}

void tst_Integration::passphraseFromKeychain()
{
    const auto p = makeProfile(AuthMethod::Key, m_sshd.keyWithPassphrase());
    QVERIFY(storeSecret(Profiles::SecretStore::passphraseKey(p.id),
                        QString::fromLatin1(QwqTest::SshdFixture::kPassphrase)));
    auto c = makeConnection(p);
    QVERIFY(connectAndSettle(c.get()));
    QVERIFY2(c->state() == State::Ready, qPrintable(errText(c.get())));
    QCOMPARE(c->helper()->info().userName, QStringLiteral("qwqtest"));
}

void tst_Integration::wrongKeyFails()
{
    auto c = makeConnection(makeProfile(AuthMethod::Key, m_sshd.otherKey()));
    QSignalSpy errors(c.get(), &ServerConnection::errorOccurred);
    QVERIFY(connectAndSettle(c.get()));
    QCOMPARE(c->state(), State::Failed);
    QCOMPARE(c->lastError().code, ErrorCode::AuthenticationFailed);
    QVERIFY(!c->lastError().message.isEmpty());
    QCOMPARE(errors.count(), 1);
    QVERIFY(!c->helper());
}

void tst_Integration::readOnlyProfile()
{
    auto p = makeProfile(AuthMethod::Key, m_sshd.key());
    p.mode = Profiles::Mode::ReadOnly;
    auto c = makeConnection(p);
    QVERIFY(connectAndSettle(c.get()));
    QVERIFY2(c->state() == State::Ready, qPrintable(errText(c.get())));
    QVERIFY(c->helper()->info().readOnly);
    QVERIFY(c->helper()->isReadOnly());

    // Reads still work; anything that is not known to be a read is refused before it is sent.
    const auto info = QwqTest::await(c->helper()->call(QStringLiteral("system.info")), 20000);
    QVERIFY2(info.ok(), qPrintable(errText(info)));
    for (const char *m : {"files.delete", "containers.remove", "no.such"}) {
        const auto r = QwqTest::await(c->helper()->call(QLatin1String(m)), 5000);
        QVERIFY2(!r.ok(), m);
        QCOMPARE(r.error().code, ErrorCode::Forbidden);
        QVERIFY(!r.error().message.isEmpty());
    }
    QCOMPARE(c->state(), State::Ready);
}

QTEST_GUILESS_MAIN(tst_Integration)
