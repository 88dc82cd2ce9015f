// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>

namespace Qwq::Terminal {

/// A program behind a terminal tab: a local PTY (LocalPtySession) or, later, an SSH PTY
/// channel or a container exec. The view feeds dataReceived into its TerminalScreen and
/// sends keys back with write(). All calls are made on the GUI thread and never block;
/// a session that does its I/O on a worker thread queues to it.
class ITerminalSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ITerminalSession)
public:
    using QObject::QObject;
    ~ITerminalSession() override;

    /// Starts the program with a terminal of `rows` x `cols`. An error here means nothing was
    /// started; a session that starts asynchronously reports later failures through
    /// finished().
    virtual Result<void> start(int rows, int cols) = 0;
    /// Bytes for the program (keys, pastes, answers to its queries). Buffered if the program
    /// is not reading; dropped once it has finished.
    virtual void write(QByteArrayView bytes) = 0;
    /// The terminal's new size (the program gets SIGWINCH or its SSH equivalent).
    virtual void resize(int rows, int cols) = 0;
    /// Hangs up: the program gets SIGHUP (or the channel is closed); finished() follows.
    virtual void terminate() = 0;
    virtual bool isRunning() const = 0;
    /// A short name for the tab before the program sets a title ("bash", "root@web1").
    virtual QString displayName() const = 0;

signals:
    void dataReceived(const QByteArray &bytes);
    /// The program ended: `exitCode` is its exit status, or -1 if it was killed, could not
    /// run, or the connection dropped; `description` says which, translated.
    void finished(int exitCode, const QString &description);
};

} // namespace Qwq::Terminal
