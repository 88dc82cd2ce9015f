// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Qwq::Ssh {

enum class ConnectionState { Disconnected, Connecting, Authenticating, Ready, Failed };

/// What a server asks during authentication that qwq cannot answer from the keychain: the
/// prompts of a keyboard-interactive round (a 2FA code, a PAM password) or a password the
/// profile does not store.
struct AuthPrompt
{
    enum class Kind { KeyboardInteractive, Password };
    struct Field
    {
        QString text;      // as the server sent it ("Verification code: ")
        bool echo = false; // false: hidden input (passwords, codes)
    };
    Kind kind = Kind::KeyboardInteractive;
    QString account;       // user@host[:port] the prompt is for
    QString name;          // keyboard-interactive name and instruction, may be empty
    QString instruction;
    QList<Field> fields;
};

/// Answers an AuthPrompt with one value per field, or nullopt when the user cancels. Called on
/// the session's worker thread while authentication waits; it may block until the user has
/// answered, and must return promptly when the connection is abandoned.
using AuthResponder = std::function<std::optional<QStringList>(const AuthPrompt &prompt)>;

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
    /// Seconds between keepalive@openssh.com requests (0 = off). The first one goes out right
    /// after connecting so latencyMs() has a value quickly; no answer for 3 intervals means
    /// the link is dead.
    int keepAliveSeconds = 30;
    /// Jump hosts, nearest first. Each hop is a full target (own user, key, known_hosts,
    /// timeouts); its host key is checked before any credential is sent to it. The jumps of
    /// a hop itself are ignored.
    QList<SshTarget> jumps;
    /// Asked for what the stored secrets cannot answer (keyboard-interactive prompts other
    /// than one password prompt, a password that is not stored). Empty: never ask.
    AuthResponder authResponder;
};

/// A pseudo-terminal for an interactive channel (SshSession::openShell).
struct PtyRequest
{
    QByteArray term = "xterm-256color";
    int columns = 80;
    int rows = 24;
};

/// A port forward on an open session.
///   Local:   listen on bindAddress:bindPort here; each connection -> targetHost:targetPort as
///            seen from the server (direct-tcpip).
///   Remote:  the server listens on bindAddress:bindPort; each connection there ->
///            targetHost:targetPort as seen from here.
///   Dynamic: a SOCKS5 server (no auth, CONNECT only) on bindAddress:bindPort here.
/// bindPort 0 picks a free port (Local/Dynamic); ForwardStatus::boundPort has the real one.
struct ForwardRule
{
    enum Kind { Local, Remote, Dynamic };
    Kind kind = Local;
    QString bindAddress = QStringLiteral("127.0.0.1");
    quint16 bindPort = 0;
    QString targetHost;
    quint16 targetPort = 0;
    /// The wildcard addresses (0.0.0.0, ::) are refused unless this is set: qwq opens no
    /// listener on other interfaces that the user did not ask for explicitly.
    bool allowAllInterfaces = false;
    /// Local forwards only: listen on this unix socket instead of bindAddress:bindPort (the
    /// internal bridge a database driver connects to). Its directory must exist, belong to this
    /// user and be private (mode 0700): only this user's processes can reach the far end.
    QString bindPath;
};

struct ForwardStatus
{
    int id = 0;
    ForwardRule rule;
    quint16 boundPort = 0;
    int activeConnections = 0;
    qint64 bytesIn = 0;  // from the far side to the connecting side
    qint64 bytesOut = 0; // from the connecting side to the far side
    QString lastError;
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
Q_DECLARE_METATYPE(Qwq::Ssh::ForwardStatus)
