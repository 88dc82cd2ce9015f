// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Connect, host key verification and authentication: blocking, inside the worker thread.
#include "sshworker.h"

#include "knownhosts.h"
#include "sshtr.h"

#include <QDir>
#include <QRegularExpression>
#include <QStringList>

namespace Qwq::Ssh::Internal {

namespace {

QString sshError(ssh_session s)
{
    return QString::fromUtf8(ssh_get_error(s));
}

QString account(const SshTarget &t)
{
    const QString host = t.port == 22 ? t.host : QStringLiteral("%1:%2").arg(t.host).arg(t.port);
    return t.user.isEmpty() ? host : t.user + QLatin1Char('@') + host;
}

Error cancelled(const SshTarget &t)
{
    return Error(ErrorCode::AuthenticationFailed,
                 Tr::tr("Authentication for %1 was cancelled.").arg(account(t)));
}

// The rounds of one keyboard-interactive exchange. A round of hidden prompts that all ask for
// a password is answered once from the keychain; anything else (a 2FA code, a second password
// round) goes to the responder, never to a guess.
int keyboardInteractive(ssh_session s, const SshTarget &t, bool *userCancelled)
{
    static const QRegularExpression passwordPrompt(QStringLiteral("pass(word|phrase)"),
                                                   QRegularExpression::CaseInsensitiveOption);
    bool storedUsed = false;
    int rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    for (int round = 0; rc == SSH_AUTH_INFO && round < 10; ++round) {
        const int n = ssh_userauth_kbdint_getnprompts(s);
        AuthPrompt prompt;
        prompt.account = account(t);
        prompt.name = QString::fromUtf8(ssh_userauth_kbdint_getname(s));
        prompt.instruction = QString::fromUtf8(ssh_userauth_kbdint_getinstruction(s));
        bool allPasswords = n > 0;
        for (int i = 0; i < n; ++i) {
            char echo = 1;
            const char *text = ssh_userauth_kbdint_getprompt(s, i, &echo);
            prompt.fields.append({QString::fromUtf8(text ? text : ""), echo != 0});
            allPasswords = allPasswords && !echo
                           && prompt.fields.constLast().text.contains(passwordPrompt);
        }
        QStringList answers;
        if (n == 0) {
            // OpenSSH's PAM glue sends empty rounds (e.g. after a message); answer them.
        } else if (allPasswords && !storedUsed && !t.password.isEmpty()) {
            storedUsed = true;
            for (int i = 0; i < n; ++i)
                answers.append(t.password);
        } else if (t.authResponder) {
            const auto given = t.authResponder(prompt);
            if (!given || given->size() < n) {
                *userCancelled = true;
                return SSH_AUTH_DENIED;
            }
            answers = *given;
        } else {
            return SSH_AUTH_DENIED;
        }
        for (int i = 0; i < n; ++i)
            ssh_userauth_kbdint_setanswer(s, i, answers.at(i).toUtf8().constData());
        rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    }
    return rc;
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
    const bool canAsk = bool(t.authResponder);
    // Keyboard-interactive can carry a second factor, so a responder prefers it to password.
    const bool kbdFirst = canAsk && t.password.isEmpty() && offered(SSH_AUTH_METHOD_INTERACTIVE);
    if (!kbdFirst && offered(SSH_AUTH_METHOD_PASSWORD)) {
        QString password = t.password;
        if (password.isEmpty() && canAsk) {
            AuthPrompt prompt;
            prompt.kind = AuthPrompt::Kind::Password;
            prompt.account = account(t);
            prompt.fields.append({Tr::tr("Password:"), false});
            const auto answer = t.authResponder(prompt);
            if (!answer)
                return cancelled(t);
            password = answer->value(0);
        }
        if (!password.isEmpty()
            && note(QStringLiteral("password"),
                    ssh_userauth_password(s, nullptr, password.toUtf8().constData())))
            return {};
    }
    if ((canAsk || !t.password.isEmpty()) && offered(SSH_AUTH_METHOD_INTERACTIVE)) {
        bool userCancelled = false;
        rc = keyboardInteractive(s, t, &userCancelled);
        if (userCancelled)
            return cancelled(t);
        if (note(QStringLiteral("keyboard-interactive"), rc))
            return {};
    }
    if (!ssh_is_connected(s))
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("The connection to %1 failed during authentication.").arg(hostName(t)),
                     sshError(s));

    const QString who = account(t);
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
