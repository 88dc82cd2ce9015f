// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// ServerConnection end to end against a real OpenSSH server on loopback: host keys, the
// keychain, deploying and starting qwq-helper, sudo, read-only mode and a dropped link.
// Needs root (tests/fixtures/sshd.sh) and runs inside tests/fixtures/with-keyring.sh.

#include "sshdfixture.h"

#include <core/core/auditlog.h>
#include <helper/core/helperdeployer.h>
#include <helper/core/serverconnection.h>
#include <profiles/core/profile.h>
#include <profiles/core/secretstore.h>

#include <QObject>
#include <QTemporaryDir>

#include <memory>

class tst_Integration final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    // tst_integration.cpp
    void unknownHostKeyThenTrust();
    void secondConnectDoesNotUpload();
    void corruptedHelperIsReplaced();
    void passwordFromKeychain();
    void passphraseFromKeychain();
    void wrongKeyFails();
    void readOnlyProfile();

    // tst_integration_more.cpp
    void sudoElevation();
    void sudoWrongPassword_data();
    void sudoWrongPassword();
    void sudoUserNotInSudoers();
    void droppedLinkFailsPendingCalls();
    void reconnectsAfterSshdRestart();
    void changedHostKeyStopsBeforeAuth();
    void noSecretWrittenToDisk();

    // tst_integration_auth.cpp
    void twoFactorCodeAskedPasswordFromKeychain();
    void twoFactorPasswordAskedAndRemembered();
    void twoFactorWrongOrCancelled();
    void twoFactorDisconnectWhileAsking();
    void sudoPasswordAskedOnce();
    void terminalTabOverSsh();

private:
    Qwq::Profiles::Profile makeProfile(Qwq::Profiles::AuthMethod auth, const QString &key,
                                       const QString &user = QStringLiteral("qwqtest")) const;
    std::unique_ptr<Qwq::Helper::ServerConnection> makeConnection(const Qwq::Profiles::Profile &p);
    /// Connects and waits until the state is Ready or Failed; false on timeout.
    static bool connectAndSettle(Qwq::Helper::ServerConnection *c, int timeoutMs = 30000);
    static bool settle(Qwq::Helper::ServerConnection *c, int timeoutMs);
    bool storeSecret(const QString &key, const QString &value);
    QString remoteUserHelper(const QString &user = QStringLiteral("qwqtest")) const;
    QString rootHelper() const;
    bool haveSudo() const;
    bool corruptRemoteHelper() const;
    Qwq::Result<Qwq::Helper::DeployedHelper> deployOnce() const;
    bool startTwoFactorServer();
    Qwq::Profiles::Profile twoFactorProfile() const;

    bool m_skip = false;
    QTemporaryDir m_home{QStringLiteral("/tmp/qwq-home-XXXXXX")};
    QwqTest::SshdFixture m_sshd;
    QString m_knownHosts;
    QString m_userKnownHosts;
    QString m_sha;   // sha256 of the local helper binary
    std::unique_ptr<Qwq::AuditLog> m_audit;
    Qwq::Profiles::SecretStore m_secrets;
    int m_profileCounter = 0;
    QTemporaryDir m_twoFactorDir{QStringLiteral("/tmp/qwq-sshd2fa-XXXXXX")};
    quint16 m_twoFactorPort = 0;
    QByteArray m_totpSecret;
};
