// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iterminalsession.h"

#include <QPointer>

#include <memory>

namespace Qwq::Ssh {
class ExecChannel;
class SshSession;
} // namespace Qwq::Ssh

namespace Qwq::Terminal {

/// A terminal tab on a server: the login shell on an SSH channel with a PTY
/// (SshSession::openShell, xterm-256color), on the connection the server already has — no
/// second login. Keys typed before the channel is open are kept and sent when it is.
class SshPtySession final : public ITerminalSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshPtySession)
public:
    SshPtySession(Ssh::SshSession *session, QString name, QObject *parent = nullptr);
    ~SshPtySession() override;

    Result<void> start(int rows, int cols) override;
    void write(QByteArrayView bytes) override;
    void resize(int rows, int cols) override;
    void terminate() override;
    bool isRunning() const override { return m_running; }
    QString displayName() const override { return m_name; }

private:
    void end(int exitCode, const QString &description);

    QPointer<Ssh::SshSession> m_session;
    QString m_name;
    std::shared_ptr<Ssh::ExecChannel> m_channel;
    QByteArray m_pending;
    int m_rows = 24;
    int m_cols = 80;
    bool m_running = false;
};

} // namespace Qwq::Terminal
