// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// tst_Integration, part three: what only the user can answer. Keyboard-interactive with a real
// second factor (PAM: password, then a TOTP code from libpam-google-authenticator, see
// tests/fixtures/sshd-2fa.sh) and the sudo password asked once.
#include "tst_integration.h"

#include "awaitfuture.h"

#include <terminal/core/sshptysession.h>
#include <terminal/core/terminalscreen.h>

#include <QDateTime>
#include <QSignalSpy>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QPromise>
#include <QTest>
#include <QtEndian>

using namespace Qwq;
using namespace Qwq::Helper;
using Profiles::AuthMethod;
using State = ServerConnection::State;
using Kind = CredentialRequest::Kind;

namespace {

QByteArray base32Decode(const QByteArray &in)
{
    static const QByteArray alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (char c : in) {
        const qsizetype v = alphabet.indexOf(c);
        if (v < 0)
            continue;
        buffer = (buffer << 5) | quint32(v);
        bits += 5;
        if (bits >= 8) {
            out.append(char((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

// RFC 6238 with the defaults of Google Authenticator: SHA-1, 30 s, 6 digits.
QString totp(const QByteArray &base32Secret)
{
    const quint64 step = quint64(QDateTime::currentSecsSinceEpoch()) / 30;
    QByteArray counter(8, '\0');
    qToBigEndian(step, counter.data());
    const QByteArray mac = QMessageAuthenticationCode::hash(counter, base32Decode(base32Secret),
                                                            QCryptographicHash::Sha1);
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 code = qFromBigEndian<quint32>(mac.constData() + offset) & 0x7fffffff;
    return QStringLiteral("%1").arg(code % 1000000, 6, 10, QLatin1Char('0'));
}

QString stateText(const ServerConnection *c)
{
    return QStringLiteral("state %1, error %2: %3")
        .arg(int(c->state()))
        .arg(c->lastError().number())
        .arg(c->lastError().toString());
}

QFuture<std::optional<CredentialAnswer>> answered(std::optional<CredentialAnswer> a)
{
    QPromise<std::optional<CredentialAnswer>> p;
    p.start();
    p.addResult(std::move(a));
    p.finish();
    return p.future();
}

} // namespace

bool tst_Integration::startTwoFactorServer()
{
    if (m_twoFactorPort)
        return true;
    const auto r = QwqTest::runProcess(QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/sshd-2fa.sh"),
                                       {QStringLiteral("start"), m_twoFactorDir.path()}, 60000);
    if (!r.ok()) {
        qWarning() << "sshd-2fa.sh:" << r.err;
        return false;
    }
    m_twoFactorPort = quint16(r.out.trimmed().toUInt());
    const QByteArray env = QwqTest::readAll(m_twoFactorDir.filePath(QStringLiteral("env")));
    for (const QByteArray &l : env.split('\n'))
        if (l.startsWith("SSHD_TOTP_SECRET="))
            m_totpSecret = l.mid(int(qstrlen("SSHD_TOTP_SECRET=")));
    // Trusted up front: host keys are tested elsewhere.
    const QList<QByteArray> pub = QwqTest::readAll(m_twoFactorDir.filePath(
                                                       QStringLiteral("ssh_host_ed25519_key.pub")))
                                      .split(' ');
    QFile kh(m_knownHosts);
    if (!kh.open(QIODevice::Append) || pub.size() < 2)
        return false;
    kh.write(QStringLiteral("[127.0.0.1]:%1 ").arg(m_twoFactorPort).toUtf8() + pub.at(0) + ' '
             + pub.at(1).trimmed() + '\n');
    return m_twoFactorPort != 0 && !m_totpSecret.isEmpty();
}

Profiles::Profile tst_Integration::twoFactorProfile() const
{
    auto p = makeProfile(AuthMethod::Password, {});
    p.port = m_twoFactorPort;
    return p;
}

void tst_Integration::twoFactorCodeAskedPasswordFromKeychain()
{
    QVERIFY(startTwoFactorServer());
    const auto p = twoFactorProfile();
    QVERIFY(storeSecret(Profiles::SecretStore::passwordKey(p.id),
                        QString::fromLatin1(QwqTest::SshdFixture::kPassword)));
    auto c = makeConnection(p);
    QList<CredentialRequest> asked;
    c->setCredentialHandler([&](const CredentialRequest &r) {
        asked.append(r);
        return answered(CredentialAnswer{{totp(m_totpSecret)}, false});
    });
    QVERIFY(connectAndSettle(c.get(), 40000));
    QVERIFY2(c->state() == State::Ready, qPrintable(stateText(c.get())));
    // The stored password answered the "Password:" round; only the code was asked for.
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.at(0).kind, Kind::KeyboardInteractive);
    QCOMPARE(asked.at(0).fields.size(), 1);
    QVERIFY2(asked.at(0).fields.at(0).text.contains(QLatin1String("Verification code")),
             qPrintable(asked.at(0).fields.at(0).text));
    QVERIFY(!asked.at(0).fields.at(0).echo);
    QCOMPARE(asked.at(0).rememberField, -1); // a one-time code is never offered for keeping
    QCOMPARE(asked.at(0).serverId, p.id);
    QVERIFY(asked.at(0).account.startsWith(QLatin1String("qwqtest@127.0.0.1")));
    const auto info = QwqTest::await(c->helper()->call(QStringLiteral("system.info")), 20000);
    QVERIFY(info.ok());
}

void tst_Integration::twoFactorPasswordAskedAndRemembered()
{
    QVERIFY(startTwoFactorServer());
    const auto p = twoFactorProfile();
    auto c = makeConnection(p);
    QList<CredentialRequest> asked;
    const auto handler = [&](const CredentialRequest &r) {
        asked.append(r);
        if (r.fields.value(0).text.contains(QLatin1String("Password")))
            return answered(CredentialAnswer{{QString::fromLatin1(QwqTest::SshdFixture::kPassword)}, true});
        return answered(CredentialAnswer{{totp(m_totpSecret)}, true});
    };
    c->setCredentialHandler(handler);
    QVERIFY(connectAndSettle(c.get(), 40000));
    QVERIFY2(c->state() == State::Ready, qPrintable(stateText(c.get())));
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked.at(0).rememberField, 0); // the PAM password prompt may be kept
    QCOMPARE(asked.at(1).rememberField, -1);

    // Saved once Ready: the next connect asks only for the code.
    QTRY_VERIFY_WITH_TIMEOUT(QwqTest::await(m_secrets.read(Profiles::SecretStore::passwordKey(p.id)), 30000)
                                     .valueOr(QString())
                                 == QLatin1String(QwqTest::SshdFixture::kPassword),
                             20000);
    asked.clear();
    auto again = makeConnection(p);
    again->setCredentialHandler(handler);
    QVERIFY(connectAndSettle(again.get(), 40000));
    QVERIFY2(again->state() == State::Ready, qPrintable(stateText(again.get())));
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked.at(0).fields.at(0).text.contains(QLatin1String("Verification code")));
}

void tst_Integration::twoFactorWrongOrCancelled()
{
    QVERIFY(startTwoFactorServer());
    const auto p = twoFactorProfile();
    QVERIFY(storeSecret(Profiles::SecretStore::passwordKey(p.id),
                        QString::fromLatin1(QwqTest::SshdFixture::kPassword)));
    for (const bool cancel : {true, false}) {
        auto c = makeConnection(p);
        c->setCredentialHandler([&](const CredentialRequest &) {
            return answered(cancel ? std::nullopt
                                   : std::optional<CredentialAnswer>(CredentialAnswer{{QStringLiteral("000000")}, false}));
        });
        QElapsedTimer t;
        t.start();
        QVERIFY(connectAndSettle(c.get(), 40000));
        QCOMPARE(c->state(), State::Failed);
        QCOMPARE(c->lastError().code, ErrorCode::AuthenticationFailed);
        if (cancel)
            QVERIFY2(c->lastError().message.contains(QLatin1String("cancel")),
                     qPrintable(c->lastError().message));
        QVERIFY(!c->lastError().detail.contains(QLatin1String(QwqTest::SshdFixture::kPassword)));
        QVERIFY(t.elapsed() < 30000);
    }
    // Without a handler nothing can answer the code: a clear failure, no hang.
    auto c = makeConnection(p);
    QVERIFY(connectAndSettle(c.get(), 40000));
    QCOMPARE(c->lastError().code, ErrorCode::AuthenticationFailed);
}

void tst_Integration::twoFactorDisconnectWhileAsking()
{
    QVERIFY(startTwoFactorServer());
    const auto p = twoFactorProfile();
    QVERIFY(storeSecret(Profiles::SecretStore::passwordKey(p.id),
                        QString::fromLatin1(QwqTest::SshdFixture::kPassword)));
    auto c = makeConnection(p);
    auto pending = std::make_shared<QPromise<std::optional<CredentialAnswer>>>();
    bool asked = false;
    c->setCredentialHandler([&](const CredentialRequest &) {
        asked = true;
        pending->start();
        return pending->future(); // the user never answers
    });
    c->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(asked, 30000);
    QElapsedTimer t;
    t.start();
    c->disconnectFromServer(); // must release the SSH worker that waits for the answer
    c.reset();                 // joins the worker thread
    QVERIFY2(t.elapsed() < 5000, "a prompt left open must not block disconnecting");
}

void tst_Integration::sudoPasswordAskedOnce()
{
    if (!haveSudo())
        QSKIP("sudo is not installed (apt-get install sudo)");
    auto p = makeProfile(AuthMethod::Key, m_sshd.key());
    p.elevation = Profiles::Elevation::Sudo;
    int asked = 0;
    const auto handler = [&](const CredentialRequest &r) {
        ++asked;
        if (r.kind != Kind::SudoPassword || r.rememberField != 0)
            return answered(std::nullopt);
        return answered(CredentialAnswer{{QString::fromLatin1(QwqTest::SshdFixture::kPassword)}, true});
    };
    auto c = makeConnection(p);
    c->setCredentialHandler(handler);
    QVERIFY(connectAndSettle(c.get(), 40000));
    QVERIFY2(c->state() == State::Ready, qPrintable(stateText(c.get())));
    QCOMPARE(c->helper()->info().uid, 0);
    QCOMPARE(asked, 1); // install and start both went through sudo: asked once
    QTRY_VERIFY_WITH_TIMEOUT(QwqTest::await(m_secrets.read(Profiles::SecretStore::sudoKey(p.id)), 30000)
                                     .valueOr(QString())
                                 == QLatin1String(QwqTest::SshdFixture::kPassword),
                             20000);
    auto again = makeConnection(p);
    again->setCredentialHandler(handler);
    QVERIFY(connectAndSettle(again.get(), 40000));
    QVERIFY2(again->state() == State::Ready, qPrintable(stateText(again.get())));
    QCOMPARE(asked, 1); // remembered: not asked again

    // Declined: sudo's refusal is reported, nothing is stored.
    auto q = makeProfile(AuthMethod::Key, m_sshd.key());
    q.elevation = Profiles::Elevation::Sudo;
    auto declined = makeConnection(q);
    declined->setCredentialHandler([](const CredentialRequest &) { return answered(std::nullopt); });
    QVERIFY(connectAndSettle(declined.get(), 40000));
    QCOMPARE(declined->state(), State::Failed);
    QCOMPARE(declined->lastError().code, ErrorCode::SudoRefused);
    QVERIFY(!QwqTest::await(m_secrets.read(Profiles::SecretStore::sudoKey(q.id)), 30000).ok());
}

// A terminal tab on the server's own connection: type into the login shell through a PTY and
// read the answer back on the screen, as the terminal panel does.
void tst_Integration::terminalTabOverSsh()
{
    auto c = makeConnection(makeProfile(AuthMethod::Key, m_sshd.key()));
    QVERIFY(connectAndSettle(c.get(), 40000));
    QVERIFY2(c->state() == State::Ready, qPrintable(stateText(c.get())));
    QVERIFY(c->sshSession());

    Terminal::TerminalScreen screen(24, 80);
    Terminal::SshPtySession tab(c->sshSession(), QStringLiteral("qwqtest@127.0.0.1"));
    connect(&tab, &Terminal::ITerminalSession::dataReceived, &screen,
            [&screen](const QByteArray &d) { screen.feed(d); });
    QSignalSpy finished(&tab, &Terminal::ITerminalSession::finished);
    QVERIFY(tab.start(24, 80).ok());
    const auto screenHas = [&screen](const QString &text) {
        for (int i = 0; i < screen.totalLines(); ++i)
            if (screen.lineText(i).trimmed() == text)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(screenHas(QStringLiteral("$")), 10000); // the shell's prompt
    tab.write("echo \"hi-$((40+2))\"; stty size\r");
    QTRY_VERIFY_WITH_TIMEOUT(screenHas(QStringLiteral("hi-42")), 10000);
    QVERIFY(screenHas(QStringLiteral("24 80")));
    tab.resize(30, 100);
    tab.write("stty size\r");
    QTRY_VERIFY_WITH_TIMEOUT(screenHas(QStringLiteral("30 100")), 10000);
    tab.write("exit 7\r");
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.at(0).at(0).toInt(), 7);
    QVERIFY(!tab.isRunning());

    // Not connected: a clear error, nothing started.
    Terminal::SshPtySession offline(nullptr, QStringLiteral("x"));
    const auto r = offline.start(24, 80);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::ConnectionFailed);
}
