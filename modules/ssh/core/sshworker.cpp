// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sshworker.h"
#include "sshworkerparts.h"

#include "sshsession.h"
#include "sshtr.h"

#include <QSocketNotifier>
#include <QTimer>

#ifndef _WIN32
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace Qwq::Ssh::Internal {

namespace {
constexpr int PumpIntervalMs = 20;
constexpr int ReadChunk = 64 * 1024;
constexpr uint32_t WriteChunk = 32 * 1024;

// sshd sends its host-keys message and then a channel confirmation without TCP_NODELAY for
// non-interactive sessions; the kernel holds the second until the first is ACKed, and a
// delayed ACK costs ~40 ms per round trip. Quick ACKs are not sticky: set after every read.
void quickAck(ssh_session ssh)
{
#ifdef TCP_QUICKACK
    const int fd = ssh_get_fd(ssh);
    if (fd >= 0) {
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
    }
#else
    Q_UNUSED(ssh);
#endif
}
} // namespace

void SshWorker::makeNonBlocking(ssh_session ssh)
{
    // libssh 0.10 switches its TCP socket to blocking mode once connected. It only writes after
    // POLLOUT and copes with short writes, but a blocking send() of a large buffer can stall
    // this thread while the peer waits for us to read: in a jump chain that is a deadlock.
    const int fd = ssh_get_fd(ssh);
    if (fd >= 0) {
        const int flags = ::fcntl(fd, F_GETFL);
        if (flags >= 0 && !(flags & O_NONBLOCK))
            ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    }
}

SshWorker::SshWorker(SshSession *session, SshTarget target, std::shared_ptr<SharedState> shared)
    : m_session(session), m_target(std::move(target)), m_shared(std::move(shared))
{}

SshWorker::~SshWorker() = default;

QString SshWorker::hostName() const
{
    return m_target.port == 22 ? m_target.host
                               : QStringLiteral("%1:%2").arg(m_target.host).arg(m_target.port);
}

void SshWorker::setState(ConnectionState s)
{
    {
        QMutexLocker lock(&m_shared->mutex);
        if (m_shared->state == s)
            return;
        m_shared->state = s;
    }
    SshSession *session = m_session;
    QMetaObject::invokeMethod(session, [session, s] { emit session->stateChanged(s); },
                              Qt::QueuedConnection);
}

bool SshWorker::isReady() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_ssh && m_shared->state == ConnectionState::Ready;
}

Error SshWorker::notConnected() const
{
    return Error(ErrorCode::ConnectionFailed, Tr::tr("Not connected to %1.").arg(hostName()));
}

bool SshWorker::linkDown() const
{
    if (!m_ssh || chainDown())
        return true;
    return !ssh_is_connected(m_ssh) || (ssh_get_status(m_ssh) & (SSH_CLOSED | SSH_CLOSED_ERROR));
}

void SshWorker::postToStream(const std::weak_ptr<ExecChannel> &stream,
                             std::function<void(ExecChannel *)> fn)
{
    // Routed through the session, which lives in the channel's thread and outlives this worker.
    QMetaObject::invokeMethod(
        m_session,
        [stream, fn = std::move(fn)] {
            if (auto c = stream.lock(); c && !c->m_done)
                fn(c.get());
        },
        Qt::QueuedConnection);
}

void SshWorker::doConnect(const PromisePtr<HostKeyInfo> &promise)
{
    if (m_ssh) {
        if (isReady()) {
            QMutexLocker lock(&m_shared->mutex);
            return resolve(promise, Result<HostKeyInfo>(m_shared->hostKey));
        }
        return resolve(promise, Result<HostKeyInfo>(Error(
                                    ErrorCode::ConnectionFailed,
                                    Tr::tr("Already connecting to %1.").arg(hostName()))));
    }
    setState(ConnectionState::Connecting);
    HostKeyInfo key;
    Result<void> r;
    if (!m_target.jumps.isEmpty()) {
        r = connectChain(&key);
    } else {
        m_ssh = ssh_new();
        if (!m_ssh)
            r = Error(ErrorCode::Internal, Tr::tr("Could not create an SSH session."));
        else
            r = connectAndVerify(m_ssh, m_target, -1, &key);
        if (r)
            r = authenticate(m_ssh, m_target);
    }
    if (!r) {
        {
            QMutexLocker lock(&m_shared->mutex);
            m_shared->hostKey = key;
        }
        if (m_ssh) {
            if (m_event)
                ssh_event_remove_session(m_event, m_ssh);
            ssh_disconnect(m_ssh);
            ssh_free(m_ssh);
            m_ssh = nullptr;
        }
        closeChain();
        setState(ConnectionState::Failed);
        return resolve(promise, Result<HostKeyInfo>(r.error()));
    }
    finishConnect(promise, key);
}

void SshWorker::finishConnect(const PromisePtr<HostKeyInfo> &promise, const HostKeyInfo &key)
{
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->hostKey = key;
    }
    ssh_set_blocking(m_ssh, 0);
    makeNonBlocking(m_ssh);
    quickAck(m_ssh);
    // The event owns the session's poll handle from now on; ssh_event_dopoll() reads the
    // socket even when no channel is open, which is how an idle link drop is noticed. A jump
    // chain created the event already and put every hop and tunnel into it.
    if (!m_event) {
        m_event = ssh_event_new();
        ssh_event_add_session(m_event, m_ssh);
    }
    m_notifier = new QSocketNotifier(ssh_get_fd(m_ssh), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SshWorker::pump);
    m_timer = new QTimer(this);
    m_timer->setInterval(PumpIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &SshWorker::pump);
    setState(ConnectionState::Ready);
    resolve(promise, Result<HostKeyInfo>(key));
    startKeepAlive();
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

void SshWorker::pump()
{
    if (m_pumping || !m_ssh || !m_event)
        return;
    m_pumping = true;
    pollEvents();
    quickAck(m_ssh);
    if (!linkDown())
        checkKeepAliveReply();
    if (!linkDown()) {
        acceptRemote();
        pumpForwards();
    }
    if (!linkDown()) {
        for (auto it = m_ops.begin(); it != m_ops.end();) {
            if (advance(*it->second)) {
                ++it;
            } else {
                freeChannel(*it->second);
                it = m_ops.erase(it);
            }
            if (linkDown())
                break;
        }
    }
    // In a jump chain what the final session just wrote sits in a socketpair until the
    // tunnel's connector moves it on: do that now, not at the next wake-up.
    if (!m_hops.empty() && !linkDown())
        pollEvents();
    m_pumping = false;
    if (linkDown()) {
        const QString detail = QString::fromUtf8(ssh_get_error(m_ssh));
        if (chainDown()) {
            closeAll(Error(ErrorCode::ConnectionFailed,
                           Tr::tr("The connection to %1 was lost at a jump host.").arg(hostName()),
                           detail),
                     ConnectionState::Failed);
            return;
        }
        closeAll(Error(ErrorCode::ConnectionFailed,
                       Tr::tr("The connection to %1 was lost.").arg(hostName()), detail),
                 ConnectionState::Failed);
        return;
    }
    updateTimer();
}

void SshWorker::pollEvents()
{
    // Several rounds: in a jump chain one round moves bytes from a hop into a tunnel, the next
    // lets the session behind it read them. Bounded, and each round is a zero-timeout poll.
    int round = 0;
    for (; round < 32 && ssh_event_dopoll(m_event, 0) == SSH_OK; ++round) {
        if (linkDown())
            return;
    }
    if (round == 32) // still busy: carry on after other events, not in a tight loop
        QMetaObject::invokeMethod(this, &SshWorker::pump, Qt::QueuedConnection);
}

void SshWorker::updateTimer()
{
    if (!m_timer)
        return;
    if (m_ops.empty())
        m_timer->stop();
    else if (!m_timer->isActive())
        m_timer->start();
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
    if (op.phase == Phase::Requesting) {
        const int rc = op.direct ? SSH_OK : ssh_channel_request_exec(op.channel, op.command.constData());
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

void SshWorker::closeAll(const Error &reason, ConnectionState finalState)
{
    delete m_notifier;
    m_notifier = nullptr;
    delete m_timer;
    m_timer = nullptr;
    delete m_keepAlive;
    m_keepAlive = nullptr;
    m_kaAwaiting = false;
    closeForwards();
    for (auto &[id, op] : m_ops) {
        failOp(*op, reason);
        freeChannel(*op);
    }
    m_ops.clear();
    if (m_sftp) {
        sftp_free(m_sftp);
        m_sftp = nullptr;
    }
    const bool wasOpen = m_ssh != nullptr;
    if (m_ssh) {
        if (m_event)
            ssh_event_remove_session(m_event, m_ssh);
        ssh_disconnect(m_ssh);
        ssh_free(m_ssh);
        m_ssh = nullptr;
    }
    closeChain(); // frees the event too
    setState(finalState);
    if (wasOpen) {
        SshSession *session = m_session;
        QMetaObject::invokeMethod(session, [session, reason] { emit session->disconnected(reason); },
                                  Qt::QueuedConnection);
    }
}

void SshWorker::doDisconnect()
{
    closeAll(Error(ErrorCode::ConnectionFailed,
                   Tr::tr("The connection to %1 was closed.").arg(hostName())),
             ConnectionState::Disconnected);
}

void SshWorker::shutdown()
{
    doDisconnect();
    // Timers and notifiers belong to this thread: delete them here, not in ~SshWorker (which
    // runs in the session's thread after this one ended), including those awaiting deleteLater.
    m_publishTimer = nullptr;
    qDeleteAll(findChildren<QObject *>(Qt::FindDirectChildrenOnly));
}

} // namespace Qwq::Ssh::Internal
