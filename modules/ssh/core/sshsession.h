// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <ssh/core/execchannel.h>
#include <ssh/core/knownhosts.h>
#include <ssh/core/sshtypes.h>

#include <QFuture>
#include <QObject>
#include <QThread>

#include <memory>

namespace Qwq::Ssh {

namespace Internal {
class SshWorker;
struct SharedState;
} // namespace Internal

/// One SSH connection to one server. A worker thread owned by the session holds the libssh
/// session and every channel; the public calls are queued to it and return futures that
/// always finish (with a Result). The object itself, its signals and the ExecChannels it
/// hands out live in the thread that created it.
///
/// The host key is checked against the KnownHosts files before any authentication: an unknown
/// or changed key fails connectToHost() with HostKeyUnknown/HostKeyChanged (lastHostKey()
/// holds the key to show) and the connection is closed. When the link drops every pending
/// future resolves with ConnectionFailed, every ExecChannel emits failed(), the state becomes
/// Failed and disconnected() is emitted.
class SshSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshSession)

public:
    explicit SshSession(SshTarget target, QObject *parent = nullptr);
    /// Closes everything without waiting: a worker stuck in a blocking connect finishes on
    /// its own thread and is freed after it ends.
    ~SshSession() override;

    /// TCP connect, key exchange, host key check, then authentication: agent, the identity
    /// file, password, keyboard-interactive, as far as the server offers them.
    QFuture<Result<HostKeyInfo>> connectToHost();
    HostKeyInfo lastHostKey() const;
    ConnectionState state() const;
    const SshTarget &target() const { return m_target; }

    /// Runs a command to completion; stdinData is written and then EOF sent. The exit
    /// status is in the result (a non-zero status is not an error). Timeout -> ErrorCode::Timeout.
    QFuture<Result<ExecResult>> run(const QString &command, const QByteArray &stdinData = {},
                                    int timeoutMs = 30000);
    /// A streaming channel; a refused channel (e.g. sshd's MaxSessions) -> ChannelFailed.
    QFuture<Result<std::shared_ptr<ExecChannel>>> openExec(const QString &command);
    /// An interactive channel with a pseudo-terminal (a terminal tab): the login shell, or
    /// `command` when given. Output arrives on stdoutReceived() (a PTY merges stderr);
    /// ExecChannel::resizePty() sends the new size. A refused PTY or shell -> ChannelFailed.
    QFuture<Result<std::shared_ptr<ExecChannel>>> openShell(const PtyRequest &pty,
                                                            const QString &command = {});

    QFuture<Result<QString>> homeDirectory(); // via SFTP canonicalize "."
    /// Writes remotePath + ".part-<random>", fsyncs (fsync@openssh.com), chmods and renames it
    /// over remotePath; missing parent directories are created with mode 0700.
    QFuture<Result<void>> upload(const QByteArray &data, const QString &remotePath, int mode);
    QFuture<Result<QByteArray>> download(const QString &remotePath,
                                         qint64 maxBytes = 64 * 1024 * 1024);
    void disconnectFromHost();

    /// A byte stream to host:port as seen from the server (direct-tcpip): stdoutReceived()
    /// carries data from the far end, write() sends to it, closeWrite() half-closes, finished(-1)
    /// when the far end closes. A refusal (AllowTcpForwarding no, unreachable) -> ChannelFailed.
    QFuture<Result<std::shared_ptr<ExecChannel>>> openDirectTcpip(const QString &host, quint16 port);

    /// Starts a port forward (see ForwardRule) and returns its id. An invalid rule fails with
    /// InvalidParam naming the field (Error::field). A refused connection through a running
    /// forward is closed and noted in ForwardStatus::lastError; the forward keeps running.
    QFuture<Result<int>> startForward(const ForwardRule &rule);
    void stopForward(int id);
    QList<ForwardStatus> forwards() const;
    /// The last keepalive round trip in ms, -1 before the first one.
    int latencyMs() const;

signals:
    void forwardsChanged();
    void latencyMeasured(int ms);
    void stateChanged(Qwq::Ssh::ConnectionState state);
    void disconnected(const Qwq::Error &reason); // link dropped or closed

private:
    friend class Internal::SshWorker;

    SshTarget m_target;
    std::shared_ptr<Internal::SharedState> m_shared;
    QThread *m_thread = nullptr; // freed after it ended, possibly after this session
    std::shared_ptr<Internal::SshWorker> m_worker;
    int m_nextChannelId = 1;
};

} // namespace Qwq::Ssh
