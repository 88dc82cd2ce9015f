// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// tst_Integration, part two: sudo, a dropped link, a changed host key, secrets on disk.
#include "tst_integration.h"

#include "awaitfuture.h"

#include <core/core/paths.h>

#include <QDirIterator>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qwq;
using namespace Qwq::Helper;
using Profiles::AuthMethod;
using State = ServerConnection::State;

namespace {
constexpr char kWrongSudoPassword[] = "wrong-sudo-pw-31415";

QString stateText(const ServerConnection *c)
{
    return QStringLiteral("state %1, error %2: %3")
        .arg(int(c->state()))
        .arg(c->lastError().number())
        .arg(c->lastError().toString());
}
} // namespace

void tst_Integration::sudoElevation()
{
    if (!haveSudo())
        QSKIP("sudo is not installed (apt-get install sudo)");
    // Start without a root copy, so the install through sudo is exercised as well.
    QVERIFY(QwqTest::sh(QStringLiteral("rm -rf /var/lib/qwq/helper/") + m_sha).ok());
    auto p = makeProfile(AuthMethod::Key, m_sshd.key());
    p.elevation = Profiles::Elevation::Sudo;
    QVERIFY(storeSecret(Profiles::SecretStore::sudoKey(p.id),
                        QString::fromLatin1(QwqTest::SshdFixture::kPassword)));
    auto c = makeConnection(p);
    QElapsedTimer t;
    t.start();
    QVERIFY(connectAndSettle(c.get(), 40000));
    QVERIFY2(c->state() == State::Ready, qPrintable(stateText(c.get())));
    QCOMPARE(c->helper()->info().uid, 0);
    QCOMPARE(c->helper()->info().userName, QStringLiteral("root"));
    QCOMPARE(QwqTest::sh(QStringLiteral("stat -c '%U %G %a' ") + rootHelper()).out.trimmed(),
             QByteArray("root root 755"));
    QCOMPARE(QString::fromLatin1(QwqTest::fileSha256(rootHelper())), m_sha);
    const auto info = QwqTest::await(c->helper()->call(QStringLiteral("system.info")), 20000);
    QVERIFY(info.ok());

    // Again, with the root copy in place: only the start goes through sudo.
    auto again = makeConnection(p);
    QVERIFY(connectAndSettle(again.get(), 40000));
    QVERIFY2(again->state() == State::Ready, qPrintable(stateText(again.get())));
    QCOMPARE(again->helper()->info().uid, 0);
}

void tst_Integration::sudoWrongPassword_data()
{
    QTest::addColumn<bool>("rootCopyPresent");
    QTest::newRow("start") << true;     // sudo asks when the helper starts
    QTest::newRow("install") << false;  // sudo asks when the root copy is installed
}

void tst_Integration::sudoWrongPassword()
{
    if (!haveSudo())
        QSKIP("sudo is not installed (apt-get install sudo)");
    QFETCH(bool, rootCopyPresent);
    if (!rootCopyPresent)
        QVERIFY(QwqTest::sh(QStringLiteral("rm -rf /var/lib/qwq/helper/") + m_sha).ok());
    else
        QVERIFY2(QFile::exists(rootHelper()), "sudoElevation() installs the root copy");
    auto p = makeProfile(AuthMethod::Key, m_sshd.key());
    p.elevation = Profiles::Elevation::Sudo;
    QVERIFY(storeSecret(Profiles::SecretStore::sudoKey(p.id), QLatin1String(kWrongSudoPassword)));
    auto c = makeConnection(p);
    QElapsedTimer t;
    t.start();
    QVERIFY2(connectAndSettle(c.get(), 20000), "a wrong sudo password must not hang");
    QVERIFY(t.elapsed() < 20000);
    QCOMPARE(c->state(), State::Failed);
    QCOMPARE(c->lastError().code, ErrorCode::SudoRefused);
    QCOMPARE(c->lastError().number(), 8004);
    QVERIFY(!c->lastError().message.isEmpty());
    QVERIFY(!c->lastError().detail.contains(QLatin1String(kWrongSudoPassword)));
    if (!rootCopyPresent)
        QVERIFY(!QFile::exists(rootHelper()));
}

void tst_Integration::sudoUserNotInSudoers()
{
    if (!haveSudo())
        QSKIP("sudo is not installed (apt-get install sudo)");
    for (const bool rootCopyPresent : {false, true}) {
        if (rootCopyPresent) {
            // Put a root copy back (through qwqtest), so the refusal comes at start time.
            auto p = makeProfile(AuthMethod::Key, m_sshd.key());
            p.elevation = Profiles::Elevation::Sudo;
            QVERIFY(storeSecret(Profiles::SecretStore::sudoKey(p.id),
                                QString::fromLatin1(QwqTest::SshdFixture::kPassword)));
            auto ok = makeConnection(p);
            QVERIFY(connectAndSettle(ok.get(), 40000));
            QVERIFY2(ok->state() == State::Ready, qPrintable(stateText(ok.get())));
        } else {
            QVERIFY(QwqTest::sh(QStringLiteral("rm -rf /var/lib/qwq/helper/") + m_sha).ok());
        }
        auto p = makeProfile(AuthMethod::Key, m_sshd.key(), QStringLiteral("qwqnosudo"));
        p.elevation = Profiles::Elevation::Sudo;
        QVERIFY(storeSecret(Profiles::SecretStore::sudoKey(p.id),
                            QString::fromLatin1(QwqTest::SshdFixture::kPassword)));
        auto c = makeConnection(p);
        QElapsedTimer t;
        t.start();
        QVERIFY2(connectAndSettle(c.get(), 20000), "sudo refusing must not hang");
        QCOMPARE(c->state(), State::Failed);
        QCOMPARE(c->lastError().code, ErrorCode::SudoRefused);
        QVERIFY(!c->lastError().message.isEmpty());
    }
}

void tst_Integration::droppedLinkFailsPendingCalls()
{
    auto c = makeConnection(makeProfile(AuthMethod::Key, m_sshd.key()));
    QVERIFY(connectAndSettle(c.get()));
    QVERIFY2(c->state() == State::Ready, qPrintable(stateText(c.get())));
    int samples = 0;
    auto watch = c->helper()->call(QStringLiteral("metrics.watch"),
                                   QJsonObject{{QStringLiteral("intervalMs"), 200}},
                                   [&samples](const QJsonObject &) { ++samples; });
    QTRY_VERIFY_WITH_TIMEOUT(samples > 0, 10000);
    QVERIFY(!watch.isFinished());

    QElapsedTimer t;
    t.start();
    m_sshd.killSessions();
    QVERIFY2(QwqTest::waitFor(watch, 10000), "the pending call must resolve when the link drops");
    const auto r = watch.result();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::ConnectionFailed);
    QVERIFY(!r.error().message.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Failed, 10000);
    QVERIFY(t.elapsed() < 10000);
    QCOMPARE(c->lastError().code, ErrorCode::ConnectionFailed);
    // The listener survived: a new connection works.
    QVERIFY(connectAndSettle(c.get()));
    QVERIFY2(c->state() == State::Ready, qPrintable(stateText(c.get())));
}

void tst_Integration::reconnectsAfterSshdRestart()
{
    auto c = makeConnection(makeProfile(AuthMethod::Key, m_sshd.key()));
    c->setAutoReconnect(true);
    QVERIFY(connectAndSettle(c.get()));
    QVERIFY2(c->state() == State::Ready, qPrintable(stateText(c.get())));
    QSignalSpy ready(c.get(), &ServerConnection::ready);

    // The whole sshd goes away: the link drops and retries fail while it is down.
    m_sshd.killSessions();
    QVERIFY(m_sshd.stop().ok());
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Reconnecting, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(c->reconnectAttempt() >= 2, 10000);   // 1 s, then 2 s
    QCOMPARE(c->state(), State::Reconnecting);

    // Back on the same port: the next retry connects by itself and the helper answers.
    const quint16 port = m_sshd.port;
    const QString started = m_sshd.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QCOMPARE(m_sshd.port, port);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 15000);
    QCOMPARE(c->state(), State::Ready);
    QCOMPARE(c->reconnectAttempt(), 0);
    const auto info = QwqTest::await(c->helper()->call(QStringLiteral("system.info")), 10000);
    QVERIFY(info.ok());
}

void tst_Integration::changedHostKeyStopsBeforeAuth()
{
    const QString oldFp = m_sshd.hostKeyFingerprint();
    const auto rekeyed = m_sshd.rekey();
    QVERIFY2(rekeyed.ok(), rekeyed.err.constData());
    const QString newFp = m_sshd.hostKeyFingerprint();
    QVERIFY(!newFp.isEmpty() && newFp != oldFp);
    const qint64 logFrom = QFileInfo(m_sshd.logFile()).size();

    auto p = makeProfile(AuthMethod::Auto, m_sshd.key());
    QVERIFY(storeSecret(Profiles::SecretStore::passwordKey(p.id),
                        QString::fromLatin1(QwqTest::SshdFixture::kPassword)));
    auto c = makeConnection(p);
    QSignalSpy approval(c.get(), &ServerConnection::hostKeyApprovalNeeded);
    QVERIFY(connectAndSettle(c.get()));
    QCOMPARE(c->state(), State::Failed);
    QCOMPARE(c->lastError().code, ErrorCode::HostKeyChanged);
    QVERIFY(!c->lastError().message.isEmpty());
    QCOMPARE(approval.count(), 1);
    QCOMPARE(approval.at(0).at(1).toBool(), true);
    QCOMPARE(c->hostKey().sha256, newFp);
    QCOMPARE(c->hostKey().knownSha256, oldFp);

    // No credential reached the server: no authentication of qwqtest after the rekey.
    QTest::qWait(300);   // let sshd finish writing its log
    const QByteArray log = QwqTest::readAll(m_sshd.logFile(), logFrom);
    QVERIFY2(!log.contains("Accepted"), log.constData());
    QVERIFY2(!log.contains("Failed publickey for qwqtest"), log.constData());
    QVERIFY2(!log.contains("Failed password for qwqtest"), log.constData());
    QVERIFY2(!log.contains("Postponed publickey"), log.constData());

    // Trust the new key through a fresh known_hosts file, for the tests that follow.
    m_knownHosts = m_home.filePath(QStringLiteral("known_hosts.rekeyed"));
    auto fresh = makeConnection(p);
    QVERIFY(connectAndSettle(fresh.get()));
    QCOMPARE(fresh->lastError().code, ErrorCode::HostKeyUnknown);
    QCOMPARE(fresh->hostKey().sha256, newFp);
    const auto trusted = fresh->trustHostKeyAndReconnect();
    QVERIFY(trusted.ok());
    QVERIFY(settle(fresh.get(), 30000));
    QVERIFY2(fresh->state() == State::Ready, qPrintable(stateText(fresh.get())));
}

void tst_Integration::noSecretWrittenToDisk()
{
    const QList<QByteArray> secrets{QByteArray(QwqTest::SshdFixture::kPassword),
                                    QByteArray(QwqTest::SshdFixture::kPassphrase),
                                    QByteArray(kWrongSudoPassword)};
    QVERIFY(QFile::exists(Paths::auditDatabase()));
    int files = 0;
    QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        ++files;
        const QByteArray bytes = QwqTest::readAll(path);
        for (const QByteArray &s : secrets) {
            QVERIFY2(!bytes.contains(s), qPrintable(path + QStringLiteral(" contains a secret")));
            QVERIFY2(!bytes.contains(s.toBase64()), qPrintable(path));
        }
    }
    QVERIFY(files >= 2);   // the audit db and the known_hosts files at least
    const auto entries = m_audit->recent(1000);
    QVERIFY(entries.ok());
    for (const AuditEntry &e : *entries) {
        for (const QByteArray &s : secrets)
            QVERIFY(!e.params.contains(QLatin1String(s)) && !e.detail.contains(QLatin1String(s)));
    }
}
