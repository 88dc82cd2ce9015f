// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QFuture>
#include <QList>
#include <QString>

namespace Qwq::Profiles {

/// Secrets in the OS keychain (QtKeychain: Secret Service, macOS Keychain, Windows Credential
/// Store), never on disk. Keys look like "<profileId>/password". Jobs are asynchronous and run
/// in the calling thread's event loop; a missing entry reads as NotFound. There is no
/// plain-text fallback: a keychain failure is reported as KeychainFailed.
class SecretStore final
{
public:
    explicit SecretStore(QString service = QStringLiteral("qwq"));

    QFuture<Result<QString>> read(const QString &key) const;
    QFuture<Result<void>> write(const QString &key, const QString &secret) const;
    QFuture<Result<void>> remove(const QString &key) const;
    /// Writes every (key, secret) pair; resolves once all are done, with the first failure if
    /// any (the others are still attempted). An empty list resolves at once.
    QFuture<Result<void>> writeAll(const QList<std::pair<QString, QString>> &entries) const;

    static QString passwordKey(const QString &profileId) { return profileId + QStringLiteral("/password"); }
    static QString passphraseKey(const QString &profileId) { return profileId + QStringLiteral("/passphrase"); }
    static QString sudoKey(const QString &profileId) { return profileId + QStringLiteral("/sudo"); }
    /// Secrets of a reusable Identity: "identity:<id>/password", "identity:<id>/passphrase".
    static QString identityPasswordKey(const QString &identityId)
    {
        return QStringLiteral("identity:") + identityId + QStringLiteral("/password");
    }
    static QString identityPassphraseKey(const QString &identityId)
    {
        return QStringLiteral("identity:") + identityId + QStringLiteral("/passphrase");
    }

private:
    QString m_service;
};

} // namespace Qwq::Profiles
