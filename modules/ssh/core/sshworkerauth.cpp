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

Result<void> SshWorker::connectAndVerify(HostKeyInfo *key)
{
    key->host = m_target.host;
    key->port = m_target.port;
    if (m_target.knownHostsFile.isEmpty())
        return Error(ErrorCode::InvalidParam, Tr::tr("No known_hosts file is configured."), {},
                     {}, QStringLiteral("knownHostsFile"));

    m_ssh = ssh_new();
    if (!m_ssh)
        return Error(ErrorCode::Internal, Tr::tr("Could not create an SSH session."));

    // libssh must not read ssh_config (Match exec, ProxyCommand): qwq parses it itself.
    const int off = 0;
    const int on = 1;
    ssh_options_set(m_ssh, SSH_OPTIONS_PROCESS_CONFIG, &off);
    const QByteArray host = m_target.host.toUtf8();
    const unsigned int port = m_target.port;
    const long timeoutSec = std::max(1, m_target.connectTimeoutMs) / 1000;
    const long timeoutUsec = (std::max(1, m_target.connectTimeoutMs) % 1000) * 1000L;
    ssh_options_set(m_ssh, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(m_ssh, SSH_OPTIONS_PORT, &port);
    if (!m_target.user.isEmpty())
        ssh_options_set(m_ssh, SSH_OPTIONS_USER, m_target.user.toUtf8().constData());
    ssh_options_set(m_ssh, SSH_OPTIONS_NODELAY, &on);
    ssh_options_set(m_ssh, SSH_OPTIONS_TIMEOUT, &timeoutSec);
    ssh_options_set(m_ssh, SSH_OPTIONS_TIMEOUT_USEC, &timeoutUsec);
    // libssh only uses these to prefer the host key types already known for this host (so a
    // server cannot dodge a "changed" warning by offering another type); KnownHosts decides.
    const QString userKnown = m_target.userKnownHostsFile.isEmpty()
                                  ? QDir::homePath() + QStringLiteral("/.ssh/known_hosts")
                                  : m_target.userKnownHostsFile;
    ssh_options_set(m_ssh, SSH_OPTIONS_KNOWNHOSTS, m_target.knownHostsFile.toUtf8().constData());
    ssh_options_set(m_ssh, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, userKnown.toUtf8().constData());

    if (ssh_connect(m_ssh) != SSH_OK)
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("Could not connect to %1.").arg(hostName()), sshError(m_ssh));

    ssh_key serverKey = nullptr;
    if (ssh_get_server_publickey(m_ssh, &serverKey) != SSH_OK)
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("%1 did not present a host key.").arg(hostName()), sshError(m_ssh));
    char *b64 = nullptr;
    const int rc = ssh_pki_export_pubkey_base64(serverKey, &b64);
    key->type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(serverKey)));
    ssh_key_free(serverKey);
    if (rc != SSH_OK || !b64)
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("Could not read the host key of %1.").arg(hostName()), sshError(m_ssh));
    key->publicKeyBase64 = QByteArray(b64);
    ssh_string_free_char(b64);
    key->sha256 = KnownHosts::sha256Fingerprint(QByteArray::fromBase64(key->publicKeyBase64));

    const KnownHosts known(m_target.knownHostsFile, userKnown);
    switch (known.check(key->host, key->port, key->type, key->publicKeyBase64, &key->knownSha256)) {
    case KnownHosts::Match::Known:
        return {};
    case KnownHosts::Match::Unknown:
        return Error(ErrorCode::HostKeyUnknown,
                     Tr::tr("The host key of %1 is not known yet (%2 %3).")
                         .arg(hostName(), key->type, key->sha256),
                     key->sha256, Tr::tr("Compare the fingerprint with the server's before trusting it."));
    case KnownHosts::Match::Changed:
        return Error(ErrorCode::HostKeyChanged,
                     Tr::tr("The host key of %1 has changed. Someone may be intercepting the "
                            "connection, or the server was reinstalled.")
                         .arg(hostName()),
                     QStringLiteral("offered %1 %2, known %3").arg(key->type, key->sha256, key->knownSha256),
                     Tr::tr("Verify the new key with the server's administrator before replacing it."));
    }
    return {};
}

Result<void> SshWorker::authenticate()
{
    setState(ConnectionState::Authenticating);
    QStringList tried;
    QStringList details;
    int rc = ssh_userauth_none(m_ssh, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("The connection to %1 failed during authentication.").arg(hostName()),
                     sshError(m_ssh));

    // libssh reports the offered methods as a set, not in the server's order, so qwq tries
    // them in a fixed order (agent, key file, password, keyboard-interactive) as offered.
    const auto offered = [this](int method) { return ssh_userauth_list(m_ssh, nullptr) & method; };
    const auto note = [&](const QString &method, int result) {
        if (!tried.contains(method))
            tried.append(method);
        if (result == SSH_AUTH_ERROR)
            details.append(method + QStringLiteral(": ") + sshError(m_ssh));
        return result == SSH_AUTH_SUCCESS;
    };

    const QByteArray agentSock = qgetenv("SSH_AUTH_SOCK");
    if (m_target.useAgent && !agentSock.isEmpty() && offered(SSH_AUTH_METHOD_PUBLICKEY)) {
        ssh_options_set(m_ssh, SSH_OPTIONS_IDENTITY_AGENT, agentSock.constData());
        if (note(QStringLiteral("agent"), ssh_userauth_agent(m_ssh, nullptr)))
            return {};
    }
    if (!m_target.identityFile.isEmpty() && offered(SSH_AUTH_METHOD_PUBLICKEY)) {
        ssh_key priv = nullptr;
        const QByteArray pass = m_target.keyPassphrase.toUtf8();
        if (ssh_pki_import_privkey_file(m_target.identityFile.toUtf8().constData(),
                                        pass.isEmpty() ? nullptr : pass.constData(), nullptr,
                                        nullptr, &priv)
            != SSH_OK) {
            tried.append(QStringLiteral("publickey"));
            details.append(QStringLiteral("publickey: cannot load %1 (unreadable, unsupported "
                                          "or wrong passphrase)")
                               .arg(m_target.identityFile));
        } else {
            rc = ssh_userauth_publickey(m_ssh, nullptr, priv);
            ssh_key_free(priv);
            if (note(QStringLiteral("publickey"), rc))
                return {};
        }
    }
    if (!m_target.password.isEmpty() && offered(SSH_AUTH_METHOD_PASSWORD)) {
        if (note(QStringLiteral("password"),
                 ssh_userauth_password(m_ssh, nullptr, m_target.password.toUtf8().constData())))
            return {};
    }
    if (!m_target.password.isEmpty() && offered(SSH_AUTH_METHOD_INTERACTIVE)) {
        rc = ssh_userauth_kbdint(m_ssh, nullptr, nullptr);
        // Answer only hidden (password) prompts, and only a few rounds of them.
        for (int round = 0; rc == SSH_AUTH_INFO && round < 5; ++round) {
            const int n = ssh_userauth_kbdint_getnprompts(m_ssh);
            bool answerable = true;
            for (int i = 0; i < n; ++i) {
                char echo = 1;
                ssh_userauth_kbdint_getprompt(m_ssh, i, &echo);
                if (echo) {
                    answerable = false;
                    break;
                }
                ssh_userauth_kbdint_setanswer(m_ssh, i, m_target.password.toUtf8().constData());
            }
            if (!answerable)
                break;
            rc = ssh_userauth_kbdint(m_ssh, nullptr, nullptr);
        }
        if (note(QStringLiteral("keyboard-interactive"), rc))
            return {};
    }
    if (!ssh_is_connected(m_ssh))
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("The connection to %1 failed during authentication.").arg(hostName()),
                     sshError(m_ssh));

    const QString who = m_target.user.isEmpty() ? hostName()
                                                : m_target.user + QLatin1Char('@') + hostName();
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
