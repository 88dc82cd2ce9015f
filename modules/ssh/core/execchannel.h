// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QObject>

#include <memory>

namespace Qwq::Ssh {

namespace Internal {
class SshWorker;
}

/// A streaming exec channel, as handed out by SshSession::openExec(). It lives in the
/// session's (caller's) thread and is only a proxy: the libssh channel belongs to the session's
/// worker thread. Calls are queued to the worker in order; output and the end arrive as
/// signals. After the session drops, failed() is emitted once and further calls do nothing.
/// Destroying it (the last shared_ptr) closes the remote channel.
class ExecChannel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExecChannel)

public:
    ~ExecChannel() override;

    void write(const QByteArray &data); // queued to the worker, written in order, respects the window
    void closeWrite();                  // send EOF
    void close();
    /// A channel opened with a PTY: tells the server the terminal's new size (window-change).
    void resizePty(int columns, int rows);

signals:
    void stdoutReceived(const QByteArray &data);
    void stderrReceived(const QByteArray &data);
    void finished(int exitStatus);        // channel closed by the remote (exit status, -1 if none)
    void failed(const Qwq::Error &error); // session dropped

private:
    friend class SshSession;
    friend class Internal::SshWorker;
    ExecChannel(std::weak_ptr<Internal::SshWorker> worker, int id);

    std::weak_ptr<Internal::SshWorker> m_worker;
    int m_id = 0;
    bool m_done = false;
};

} // namespace Qwq::Ssh
