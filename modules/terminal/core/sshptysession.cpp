// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sshptysession.h"

#include "terminaltr.h"

#include <ssh/core/execchannel.h>
#include <ssh/core/sshsession.h>

namespace Qwq::Terminal {

SshPtySession::SshPtySession(Ssh::SshSession *session, QString name, QObject *parent)
    : ITerminalSession(parent), m_session(session), m_name(std::move(name))
{}

SshPtySession::~SshPtySession()
{
    if (m_channel) {
        m_channel->disconnect(this);
        m_channel->close();
    }
}

Result<void> SshPtySession::start(int rows, int cols)
{
    if (!m_session || m_session->state() != Ssh::ConnectionState::Ready)
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("The server is not connected: connect it first, then open a terminal."));
    m_rows = rows;
    m_cols = cols;
    m_running = true;
    Ssh::PtyRequest pty;
    pty.columns = cols;
    pty.rows = rows;
    m_session->openShell(pty).then(this, [this](const Result<std::shared_ptr<Ssh::ExecChannel>> &r) {
        if (!m_running)
            return; // terminated while opening; the channel closes when `r` goes
        if (!r)
            return end(-1, r.error().message);
        m_channel = *r;
        Ssh::ExecChannel *ch = m_channel.get();
        connect(ch, &Ssh::ExecChannel::stdoutReceived, this, &ITerminalSession::dataReceived);
        connect(ch, &Ssh::ExecChannel::stderrReceived, this, &ITerminalSession::dataReceived);
        connect(ch, &Ssh::ExecChannel::finished, this, [this](int status) {
            end(status, status >= 0 ? Tr::tr("the shell exited with status %1").arg(status)
                                    : Tr::tr("the server closed the terminal"));
        });
        connect(ch, &Ssh::ExecChannel::failed, this,
                [this](const Error &e) { end(-1, e.message); });
        ch->resizePty(m_cols, m_rows); // the view may have been resized while opening
        if (!m_pending.isEmpty())
            ch->write(std::exchange(m_pending, {}));
    });
    return {};
}

void SshPtySession::write(QByteArrayView bytes)
{
    if (!m_running || bytes.isEmpty())
        return;
    if (m_channel)
        m_channel->write(bytes.toByteArray());
    else if (m_pending.size() < 64 * 1024)
        m_pending += bytes;
}

void SshPtySession::resize(int rows, int cols)
{
    m_rows = rows;
    m_cols = cols;
    if (m_channel && m_running)
        m_channel->resizePty(cols, rows);
}

void SshPtySession::terminate()
{
    if (!m_running)
        return;
    if (m_channel) {
        m_channel->disconnect(this);
        m_channel->close();
    }
    end(-1, Tr::tr("closed"));
}

void SshPtySession::end(int exitCode, const QString &description)
{
    if (!m_running)
        return;
    m_running = false;
    m_channel.reset();
    emit finished(exitCode, description);
}

} // namespace Qwq::Terminal
