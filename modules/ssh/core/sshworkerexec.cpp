// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Exec and direct-tcpip channels in the worker thread: each call is a ChanOp that pump() moves
// through open, request and running without blocking; run() collects the output, openExec()
// and openDirectTcpip() stream it to an ExecChannel in the caller's thread.
#include "sshworker.h"

#include "sshsession.h"
#include "sshtr.h"

#include <QRegularExpression>

namespace Qwq::Ssh::Internal {

namespace {
constexpr int ReadChunk = 64 * 1024;
constexpr uint32_t WriteChunk = 32 * 1024;
} // namespace

void SshWorker::postToStream(const std::weak_ptr<ExecChannel> &stream,
                             std::function<void(ExecChannel *)> fn)
{
    // Routed through the session, which lives in the channel's thread; once the session is
    // deleted its channels hear nothing more (as before: its pending events were discarded).
    postToSession([stream, fn = std::move(fn)](SshSession *) {
        if (auto c = stream.lock(); c && !c->m_done)
            fn(c.get());
    });
}

void SshWorker::doOpenDirect(int id, const QString &host, quint16 port,
                             std::shared_ptr<ExecChannel> channel,
                             const PromisePtr<std::shared_ptr<ExecChannel>> &promise)
{
    if (!isReady())
        return resolve(promise, Result<std::shared_ptr<ExecChannel>>(notConnected()));
    if (host.isEmpty() || port == 0)
        return resolve(promise, Result<std::shared_ptr<ExecChannel>>(Error(
                                    ErrorCode::InvalidParam,
                                    Tr::tr("A host and a port from 1 to 65535 are needed."), {}, {},
                                    host.isEmpty() ? QStringLiteral("host") : QStringLiteral("port"))));
    auto op = std::make_unique<ChanOp>();
    op->id = id;
    op->direct = true;
    op->directHost = host.toUtf8();
    op->directPort = port;
    op->command = QStringLiteral("%1:%2").arg(host).arg(port).toUtf8();
    op->openPromise = promise;
    op->stream = channel;
    op->openChannel = std::move(channel);
    startChannel(std::move(op));
}

void SshWorker::doRun(int id, const QString &command, const QByteArray &stdinData, int timeoutMs,
                      const PromisePtr<ExecResult> &promise)
{
    if (!isReady())
        return resolve(promise, Result<ExecResult>(notConnected()));
    auto op = std::make_unique<ChanOp>();
    op->id = id;
    op->command = command.toUtf8();
    op->pendingWrite = stdinData;
    op->eofWanted = true;
    op->runPromise = promise;
    op->deadline = timeoutMs > 0 ? QDeadlineTimer(timeoutMs) : QDeadlineTimer(QDeadlineTimer::Forever);
    startChannel(std::move(op));
}

void SshWorker::doOpenExec(int id, const QString &command, std::shared_ptr<ExecChannel> channel,
                           const PromisePtr<std::shared_ptr<ExecChannel>> &promise)
{
    if (!isReady())
        return resolve(promise, Result<std::shared_ptr<ExecChannel>>(notConnected()));
    auto op = std::make_unique<ChanOp>();
    op->id = id;
    op->command = command.toUtf8();
    op->openPromise = promise;
    op->stream = channel;
    op->openChannel = std::move(channel);
    startChannel(std::move(op));
}

void SshWorker::doOpenShell(int id, const PtyRequest &pty, const QString &command,
                            std::shared_ptr<ExecChannel> channel,
                            const PromisePtr<std::shared_ptr<ExecChannel>> &promise)
{
    if (!isReady())
        return resolve(promise, Result<std::shared_ptr<ExecChannel>>(notConnected()));
    // The terminal type goes into the server's environment: a short token, nothing else.
    static const QRegularExpression termPattern(QStringLiteral("^[A-Za-z0-9._+-]{1,64}$"));
    if (!termPattern.match(QString::fromLatin1(pty.term)).hasMatch() || pty.columns <= 0
        || pty.rows <= 0 || pty.columns > 10000 || pty.rows > 10000)
        return resolve(promise, Result<std::shared_ptr<ExecChannel>>(Error(
                                    ErrorCode::InvalidParam,
                                    Tr::tr("The terminal type or size is not valid."), {}, {},
                                    QStringLiteral("pty"))));
    auto op = std::make_unique<ChanOp>();
    op->id = id;
    op->command = command.toUtf8();
    op->pty = true;
    op->ptySize = pty;
    op->openPromise = promise;
    op->stream = channel;
    op->openChannel = std::move(channel);
    startChannel(std::move(op));
}

void SshWorker::channelResize(int id, int columns, int rows)
{
    auto it = m_ops.find(id);
    if (it == m_ops.end() || !it->second->pty)
        return;
    ChanOp &op = *it->second;
    op.ptySize.columns = columns;
    op.ptySize.rows = rows;
    // Before the PTY exists the new size simply goes into the request.
    if (op.ptyRequested)
        ssh_channel_change_pty_size(op.channel, columns, rows);
    pump();
}

void SshWorker::startChannel(std::unique_ptr<ChanOp> op)
{
    op->channel = ssh_channel_new(m_ssh);
    if (!op->channel) {
        failOp(*op, Error(ErrorCode::ChannelFailed,
                          Tr::tr("Could not open a channel on %1.").arg(hostName()),
                          QString::fromUtf8(ssh_get_error(m_ssh))));
        return;
    }
    const int id = op->id;
    m_ops[id] = std::move(op);
    pump();
}

void SshWorker::channelWrite(int id, const QByteArray &data)
{
    auto it = m_ops.find(id);
    if (it == m_ops.end() || it->second->eofWanted)
        return;
    it->second->pendingWrite += data;
    pump();
}

void SshWorker::channelCloseWrite(int id)
{
    auto it = m_ops.find(id);
    if (it == m_ops.end())
        return;
    it->second->eofWanted = true;
    pump();
}

void SshWorker::channelClose(int id)
{
    auto it = m_ops.find(id);
    if (it == m_ops.end())
        return;
    freeChannel(*it->second);
    m_ops.erase(it);
    updateTimer();
}

bool SshWorker::advance(ChanOp &op)
{
    const auto channelError = [&](const QString &message) {
        failOp(op, Error(ErrorCode::ChannelFailed, message, QString::fromUtf8(ssh_get_error(m_ssh))));
        return false;
    };
    if (op.phase == Phase::Opening && op.direct) {
        const int rc = ssh_channel_open_forward(op.channel, op.directHost.constData(),
                                                op.directPort, "127.0.0.1", 0);
        if (rc == SSH_AGAIN)
            return true;
        if (rc != SSH_OK)
            return channelError(Tr::tr("%1 could not open a connection to %2.")
                                    .arg(hostName(), QString::fromUtf8(op.command)));
        op.phase = Phase::Requesting;
    }
    if (op.phase == Phase::Opening) {
        const int rc = ssh_channel_open_session(op.channel);
        if (rc == SSH_AGAIN)
            return true;
        if (rc != SSH_OK)
            return channelError(Tr::tr("%1 refused to open a channel.").arg(hostName()));
        op.phase = Phase::Requesting;
    }
    if (op.phase == Phase::Requesting && op.pty && !op.ptyRequested) {
        const int rc = ssh_channel_request_pty_size(op.channel, op.ptySize.term.constData(),
                                                    op.ptySize.columns, op.ptySize.rows);
        if (rc == SSH_AGAIN)
            return true;
        if (rc != SSH_OK)
            return channelError(Tr::tr("%1 refused a terminal (PTY).").arg(hostName()));
        op.ptyRequested = true;
    }
    if (op.phase == Phase::Requesting) {
        const int rc = op.direct ? SSH_OK
                       : op.pty && op.command.isEmpty()
                           ? ssh_channel_request_shell(op.channel)
                           : ssh_channel_request_exec(op.channel, op.command.constData());
        if (rc == SSH_AGAIN)
            return true;
        if (rc != SSH_OK)
            return channelError(Tr::tr("%1 refused to run a command.").arg(hostName()));
        op.phase = Phase::Running;
        if (op.openPromise) {
            resolve(op.openPromise, Result<std::shared_ptr<ExecChannel>>(op.openChannel));
            op.openPromise.reset();
            op.openChannel.reset();
        }
    }

    while (!op.pendingWrite.isEmpty()) {
        const uint32_t window = ssh_channel_window_size(op.channel);
        if (window == 0)
            break;
        const uint32_t n = std::min<uint32_t>({window, WriteChunk, uint32_t(op.pendingWrite.size())});
        const int rc = ssh_channel_write(op.channel, op.pendingWrite.constData(), n);
        if (rc == SSH_ERROR)
            return channelError(Tr::tr("Could not send data to a command on %1.").arg(hostName()));
        if (rc <= 0)
            break;
        op.pendingWrite.remove(0, rc);
    }
    if (op.pendingWrite.isEmpty() && op.eofWanted && !op.eofSent) {
        ssh_channel_send_eof(op.channel);
        op.eofSent = true;
    }

    drain(op);
    if (ssh_channel_is_closed(op.channel) || ssh_channel_is_eof(op.channel)) {
        if (!ssh_channel_is_closed(op.channel) && !op.direct) {
            // EOF seen: the close (and exit status) follows; keep waiting for it.
            if (op.runPromise && op.deadline.hasExpired())
                goto timeout;
            return true;
        }
        drain(op);
        const int status = op.direct ? -1 : ssh_channel_get_exit_status(op.channel);
        if (op.runPromise) {
            op.result.exitStatus = status;
            resolve(op.runPromise, Result<ExecResult>(op.result));
            op.runPromise.reset();
        } else {
            auto stream = op.stream;
            postToStream(stream, [status](ExecChannel *c) {
                c->m_done = true;
                emit c->finished(status);
            });
        }
        return false;
    }
    if (op.runPromise && op.deadline.hasExpired())
        goto timeout;
    return true;

timeout:
    failOp(op, Error(ErrorCode::Timeout,
                     Tr::tr("The command on %1 did not finish in time.").arg(hostName())));
    return false;
}

void SshWorker::drain(ChanOp &op)
{
    char buf[ReadChunk];
    for (int stream = 0; stream < 2; ++stream) {
        for (;;) {
            const int n = ssh_channel_read_nonblocking(op.channel, buf, sizeof buf, stream);
            if (n <= 0)
                break;
            const QByteArray data(buf, n);
            if (op.runPromise) {
                (stream ? op.result.err : op.result.out) += data;
            } else if (stream) {
                postToStream(op.stream, [data](ExecChannel *c) { emit c->stderrReceived(data); });
            } else {
                postToStream(op.stream, [data](ExecChannel *c) { emit c->stdoutReceived(data); });
            }
        }
    }
}

void SshWorker::failOp(ChanOp &op, const Error &error)
{
    if (op.runPromise) {
        resolve(op.runPromise, Result<ExecResult>(error));
        op.runPromise.reset();
    }
    if (op.openPromise) {
        resolve(op.openPromise, Result<std::shared_ptr<ExecChannel>>(error));
        op.openPromise.reset();
        op.openChannel.reset();
    } else if (!op.stream.expired()) {
        postToStream(op.stream, [error](ExecChannel *c) {
            c->m_done = true;
            emit c->failed(error);
        });
    }
}

void SshWorker::freeChannel(ChanOp &op)
{
    if (!op.channel)
        return;
    if (m_ssh && !linkDown() && op.phase == Phase::Running && !ssh_channel_is_closed(op.channel))
        ssh_channel_close(op.channel);
    ssh_channel_free(op.channel);
    op.channel = nullptr;
}

} // namespace Qwq::Ssh::Internal
