// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Connect, host key verification and authentication: blocking, inside the worker thread.
#include "sshworker.h"

#include "knownhosts.h"
#include "sshtr.h"

#include <QDir>
#include <QStringList>

namespace Qwq::Ssh::Internal {

namespace {

QString sshError(ssh_session s)
{
    return QString::fromUtf8(ssh_get_error(s));
}

} // namespace

QString SshWorker::hostName(const SshTarget &t)
{
    return t.port == 22 ? t.host : QStringLiteral("%1:%2").arg(t.host).arg(t.port);
}

// fd >= 0: the session runs over that socket (a jump tunnel) and ssh_connect() is left to the
// caller, which must pump the tunnel meanwhile; otherwise this connects (blocking) and checks
// the host key.
Result<void> SshWorker::connectAndVerify(ssh_session s, const SshTarget &t, int fd, HostKeyInfo *key)
{
    key->host = t.host;
    key->port = t.port;
    if (t.knownHostsFile.isEmpty())
        return Error(ErrorCode::InvalidParam, Tr::tr("No known_hosts file is configured."), {},
                     {}, QStringLiteral("knownHostsFile"));

    // libssh must not read ssh_config (Match exec, ProxyCommand): qwq parses it itself.
    const int off = 0;
    const int on = 1;
    ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &off);
    const QByteArray host = t.host.toUtf8();
    const unsigned int port = t.port;
    const long timeoutSec = std::max(1, t.connectTimeoutMs) / 1000;
    const long timeoutUsec = (std::max(1, t.connectTimeoutMs) % 1000) * 1000L;
    ssh_options_set(s, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(s, SSH_OPTIONS_PORT, &port);
    if (!t.user.isEmpty())
        ssh_options_set(s, SSH_OPTIONS_USER, t.user.toUtf8().constData());
    if (fd >= 0) {
        socket_t sock = fd;
        ssh_options_set(s, SSH_OPTIONS_FD, &sock);
    } else {
        ssh_options_set(s, SSH_OPTIONS_NODELAY, &on);
    }
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeoutSec);
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT_USEC, &timeoutUsec);
    // libssh only uses these to prefer the host key types already known for this host (so a
    // server cannot dodge a "changed" warning by offering another type); KnownHosts decides.
    const QString userKnown = t.userKnownHostsFile.isEmpty()
                                  ? QDir::homePath() + QStringLiteral("/.ssh/known_hosts")
                                  : t.userKnownHostsFile;
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, t.knownHostsFile.toUtf8().constData());
    ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, userKnown.toUtf8().constData());
    if (fd >= 0)
        return {};

    if (ssh_connect(s) != SSH_OK)
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("Could not connect to %1.").arg(hostName(t)), sshError(s));
    return verifyHostKey(s, t, key);
}

Result<void> SshWorker::verifyHostKey(ssh_session s, const SshTarget &t, HostKeyInfo *key)
{
    ssh_key serverKey = nullptr;
    if (ssh_get_server_publickey(s, &serverKey) != SSH_OK)
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("%1 did not present a host key.").arg(hostName(t)), sshError(s));
    char *b64 = nullptr;
    const int rc = ssh_pki_export_pubkey_base64(serverKey, &b64);
    key->type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(serverKey)));
    ssh_key_free(serverKey);
    if (rc != SSH_OK || !b64)
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("Could not read the host key of %1.").arg(hostName(t)), sshError(s));
    key->publicKeyBase64 = QByteArray(b64);
    ssh_string_free_char(b64);
    key->sha256 = KnownHosts::sha256Fingerprint(QByteArray::fromBase64(key->publicKeyBase64));

    const QString userKnown = t.userKnownHostsFile.isEmpty()
                                  ? QDir::homePath() + QStringLiteral("/.ssh/known_hosts")
                                  : t.userKnownHostsFile;
    const KnownHosts known(t.knownHostsFile, userKnown);
    switch (known.check(key->host, key->port, key->type, key->publicKeyBase64, &key->knownSha256)) {
    case KnownHosts::Match::Known:
        return {};
    case KnownHosts::Match::Unknown:
        return Error(ErrorCode::HostKeyUnknown,
                     Tr::tr("The host key of %1 is not known yet (%2 %3).")
                         .arg(hostName(t), key->type, key->sha256),
                     key->sha256, Tr::tr("Compare the fingerprint with the server's before trusting it."));
    case KnownHosts::Match::Changed:
        return Error(ErrorCode::HostKeyChanged,
                     Tr::tr("The host key of %1 has changed. Someone may be intercepting the "
                            "connection, or the server was reinstalled.")
                         .arg(hostName(t)),
                     QStringLiteral("offered %1 %2, known %3").arg(key->type, key->sha256, key->knownSha256),
                     Tr::tr("Verify the new key with the server's administrator before replacing it."));
    }
    return {};
}

Result<void> SshWorker::authenticate(ssh_session s, const SshTarget &t)
{
    setState(ConnectionState::Authenticating);
    QStringList tried;
    QStringList details;
    int rc = ssh_userauth_none(s, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("The connection to %1 failed during authentication.").arg(hostName(t)),
                     sshError(s));

    // libssh reports the offered methods as a set, not in the server's order, so qwq tries
    // them in a fixed order (agent, key file, password, keyboard-interactive) as offered.
    const auto offered = [s](int method) { return ssh_userauth_list(s, nullptr) & method; };
    const auto note = [&](const QString &method, int result) {
        if (!tried.contains(method))
            tried.append(method);
        if (result == SSH_AUTH_ERROR)
            details.append(method + QStringLiteral(": ") + sshError(s));
        return result == SSH_AUTH_SUCCESS;
    };

    const QByteArray agentSock = qgetenv("SSH_AUTH_SOCK");
    if (t.useAgent && !agentSock.isEmpty() && offered(SSH_AUTH_METHOD_PUBLICKEY)) {
        ssh_options_set(s, SSH_OPTIONS_IDENTITY_AGENT, agentSock.constData());
        if (note(QStringLiteral("agent"), ssh_userauth_agent(s, nullptr)))
            return {};
    }
    if (!t.identityFile.isEmpty() && offered(SSH_AUTH_METHOD_PUBLICKEY)) {
        ssh_key priv = nullptr;
        const QByteArray pass = t.keyPassphrase.toUtf8();
        if (ssh_pki_import_privkey_file(t.identityFile.toUtf8().constData(),
                                        pass.isEmpty() ? nullptr : pass.constData(), nullptr,
                                        nullptr, &priv)
            != SSH_OK) {
            tried.append(QStringLiteral("publickey"));
            details.append(QStringLiteral("publickey: cannot load %1 (unreadable, unsupported "
                                          "or wrong passphrase)")
                               .arg(t.identityFile));
        } else {
            rc = ssh_userauth_publickey(s, nullptr, priv);
            ssh_key_free(priv);
            if (note(QStringLiteral("publickey"), rc))
                return {};
        }
    }
    if (!t.password.isEmpty() && offered(SSH_AUTH_METHOD_PASSWORD)) {
        if (note(QStringLiteral("password"),
                 ssh_userauth_password(s, nullptr, t.password.toUtf8().constData())))
            return {};
    }
    if (!t.password.isEmpty() && offered(SSH_AUTH_METHOD_INTERACTIVE)) {
        rc = ssh_userauth_kbdint(s, nullptr, nullptr);
        // Answer only hidden (password) prompts, and only a few rounds of them.
        for (int round = 0; rc == SSH_AUTH_INFO && round < 5; ++round) {
            const int n = ssh_userauth_kbdint_getnprompts(s);
            bool answerable = true;
            for (int i = 0; i < n; ++i) {
                char echo = 1;
                ssh_userauth_kbdint_getprompt(s, i, &echo);
                if (echo) {
                    answerable = false;
                    break;
                }
                ssh_userauth_kbdint_setanswer(s, i, t.password.toUtf8().constData());
            }
            if (!answerable)
                break;
            rc = ssh_userauth_kbdint(s, nullptr, nullptr);
        }
        if (note(QStringLiteral("keyboard-interactive"), rc))
            return {};
    }
    if (!ssh_is_connected(s))
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("The connection to %1 failed during authentication.").arg(hostName(t)),
                     sshError(s));

    const QString who = t.user.isEmpty() ? hostName(t)
                                                : t.user + QLatin1Char('@') + hostName(t);
    if (tried.isEmpty())
        return Error(ErrorCode::AuthenticationFailed,
                     Tr::tr("Authentication failed for %1 (no usable method: no agent, key or "
                            "password for what the server offers).")
                         .arg(who));
    return Error(ErrorCode::AuthenticationFailed,
                 Tr::tr("Authentication failed for %1 (tried: %2).").arg(who, tried.join(QStringLiteral(", "))),
                 details.join(QStringLiteral("; ")));
}

} // namespace Qwq::Ssh::Internal
