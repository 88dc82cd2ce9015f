// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace Qwq::Ssh {
class SshSession;
class ExecChannel;
}

namespace Qwq::Helper {

/// Where the helper lives on a server and how to start it.
struct DeployedHelper
{
    QString remotePath;     // the file that is executed
    QString startCommand;   // one quoted command line for the login shell
    bool uploaded = false;  // false when the right binary was already there
    bool viaSudo = false;
};

/// Puts the carried qwq-helper on a server: one exec learns the arch, the home directory and
/// whether the hash-named binary is already there (and intact); only if not is it uploaded
/// over SFTP and verified by SHA-256. With sudo the helper is installed as a root-owned copy
/// under /var/lib/qwq/<sha>/ (root never runs a file the login user can write) and re-hashed
/// before each start. The sudo password is sent only when sudo's prompt sentinel appears.
class HelperDeployer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelperDeployer)
public:
    HelperDeployer(Ssh::SshSession *session, QString localHelper, QObject *parent = nullptr);

    void setSudo(bool sudo, const QString &password = {});
    /// Asked (once per deploy) when sudo prompts and no password was set; nullopt or an empty
    /// answer refuses. The value then answers every later prompt of this deploy.
    using SudoPasswordProvider = std::function<QFuture<std::optional<QString>>()>;
    void setSudoPasswordProvider(SudoPasswordProvider provider);
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }

    QFuture<Result<DeployedHelper>> deploy();

    /// Opens the exec channel for `serve`, answering sudo's prompt first when needed.
    QFuture<Result<std::shared_ptr<Ssh::ExecChannel>>> start(const DeployedHelper &helper);

    static QString shellQuote(const QString &s);
    static Result<QByteArray> localSha256(const QString &path);
    static QString sudoSentinel();

private:
    QFuture<Result<QByteArray>> runSudo(const QString &command);
    void probe(const std::shared_ptr<QPromise<Result<DeployedHelper>>> &promise, const QString &hex);

    Ssh::SshSession *m_session;
    QString m_localHelper;
    bool m_sudo = false;
    bool m_readOnly = false;
    struct SudoSecret;
    std::shared_ptr<SudoSecret> m_secret;
};

} // namespace Qwq::Helper
