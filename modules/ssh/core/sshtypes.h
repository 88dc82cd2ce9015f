// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace Qwq::Ssh {

enum class ConnectionState { Disconnected, Connecting, Authenticating, Ready, Failed };

/// Everything needed to reach and log into one server. Secrets come from the keychain and
/// are never logged or copied into errors.
struct SshTarget
{
    QString host;
    quint16 port = 22;
    QString user;
    QString identityFile;       // private key path, optional
    QString keyPassphrase;      // from the keychain, may be empty
    QString password;           // from the keychain, may be empty
    bool useAgent = true;       // try ssh-agent (SSH_AUTH_SOCK) first
    QString knownHostsFile;     // qwq's own known_hosts (read/write); required
    QString userKnownHostsFile; // ~/.ssh/known_hosts, read-only; empty = default
    int connectTimeoutMs = 15000;
};

/// The server's host key as seen during key exchange.
struct HostKeyInfo
{
    QString host;
    quint16 port = 22;
    QString type;               // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", ...
    QString sha256;             // "SHA256:base64" like OpenSSH
    QByteArray publicKeyBase64; // the key blob, base64, as in known_hosts
    QString knownSha256;        // the fingerprint on file, set when the key changed
};

struct ExecResult
{
    int exitStatus = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace Qwq::Ssh

Q_DECLARE_METATYPE(Qwq::Ssh::ConnectionState)
Q_DECLARE_METATYPE(Qwq::Ssh::HostKeyInfo)
