// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <ssh/core/sshtypes.h>

#include <QString>

namespace Qwq::Ssh {

/// Host key verification against OpenSSH-format known_hosts files. Pure file logic, no
/// network. Two files are consulted: qwq's own file (read and written by accept()) and the
/// user's ~/.ssh/known_hosts (only read). Hosts on a port other than 22 are written as
/// "[host]:port"; hashed entries ("|1|salt|hash") and wildcard/negated patterns are read.
/// A matching "@revoked" entry counts as Changed; "@cert-authority" lines are ignored.
class KnownHosts final
{
public:
    enum class Match { Known, Unknown, Changed };

    /// An empty userFile means ~/.ssh/known_hosts.
    KnownHosts(QString qwqFile, QString userFile);

    /// Known when some entry for host+port holds exactly this key; Changed when entries of
    /// the same key type exist but none holds it (*knownSha256 gets the fingerprint on file);
    /// Unknown otherwise (including when only keys of other types are known, like OpenSSH).
    Match check(const QString &host, quint16 port, const QString &type,
                const QByteArray &keyBase64, QString *knownSha256 = nullptr) const;

    /// Appends the key to qwq's file (creating directories, mode 0600), replacing older
    /// entries for the same host+port+type. Fails with FileError.
    Result<void> accept(const HostKeyInfo &key);

    /// "SHA256:<base64 without padding>" of a key blob, as `ssh-keygen -lf` prints it.
    static QString sha256Fingerprint(const QByteArray &keyBlob);

    /// The name a host has in known_hosts: "host" for port 22, "[host]:port" otherwise.
    static QString hostEntryName(const QString &host, quint16 port);

private:
    QString m_qwqFile;
    QString m_userFile;
};

} // namespace Qwq::Ssh
