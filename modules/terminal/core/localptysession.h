// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iterminalsession.h"

#include <QStringList>

class QSocketNotifier;
class QTimer;

namespace Qwq::Terminal {

class PtyReader;

/// A program on this computer behind a pseudo-terminal (forkpty): by default the user's
/// login shell, started from argv with no shell in between. Output is read by a PtyReader
/// (a QSocketNotifier on the master fd, on its own thread, so reading overlaps parsing) and
/// handed out in chunks of up to 1 MiB; writes and resizes happen on the calling thread.
/// The child is reaped when it exits (pidfd, else a poll) and finished() reports its status
/// once its last output has been delivered. Closing the session (terminate() or the
/// destructor) hangs up the program's process group.
class LocalPtySession final : public ITerminalSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalPtySession)
public:
    struct Options
    {
        QString program;            // empty: defaultShell()
        QStringList arguments;      // after argv[0]
        QString workingDirectory;   // empty: the home directory
        QStringList environment;    // "NAME=value" entries over the inherited environment
    };

    explicit LocalPtySession(QObject *parent = nullptr);
    explicit LocalPtySession(Options options, QObject *parent = nullptr);
    ~LocalPtySession() override;

    Result<void> start(int rows, int cols) override;
    void write(QByteArrayView bytes) override;
    void resize(int rows, int cols) override;
    void terminate() override;
    bool isRunning() const override { return m_pid > 0 && !m_reaped; }
    QString displayName() const override;
    qint64 pid() const { return m_pid; }

    /// The user's shell: the passwd entry, else $SHELL, else /bin/sh (the first that is an
    /// absolute path to an executable).
    static QString defaultShell();

private:
    void deliver();
    void flushWrites();
    void checkChild();
    void finish();
    void closeMaster();

    Options m_options;
    QString m_program;
    int m_master = -1;
    qint64 m_pid = -1;
    int m_pidfd = -1;
    int m_status = 0;
    bool m_reaped = false;
    bool m_finished = false;
    bool m_deliverQueued = false;
    QByteArray m_pending;
    PtyReader *m_reader = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QSocketNotifier *m_exitNotifier = nullptr;
    QTimer *m_exitPoll = nullptr;
};

} // namespace Qwq::Terminal
