// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The worker: connects, keeps the session's state, and runs the non-blocking event loop that
// drives channels, forwards and keepalive. Exec channels are in sshworkerexec.cpp, keepalive
// in sshworkerkeepalive.cpp, jump chains in sshworkerjump.cpp.
#include "sshworker.h"
#include "sshworkerparts.h"

#include "sshjumprelay.h"
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
    // this thread while the peer waits for us to read: for a jump hop, whose socket the relay
    // thread itself drains, that is a deadlock.
    const int fd = ssh_get_fd(ssh);
    if (fd >= 0) {
        const int flags = ::fcntl(fd, F_GETFL);
        if (flags >= 0 && !(flags & O_NONBLOCK))
            ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    }
}

SshWorker::SshWorker(SshTarget target, std::shared_ptr<SharedState> shared)
    : m_target(std::move(target)), m_shared(std::move(shared))
{}

void SshWorker::postToSession(std::function<void(SshSession *)> fn)
{
    // Posting while holding the lock: ~SshSession clears the pointer under the same lock, and
    // an event already posted to it is discarded by Qt when it is deleted.
    QMutexLocker lock(&m_shared->sessionMutex);
    SshSession *session = m_shared->session;
    if (!session)
        return;
    QMetaObject::invokeMethod(session, [session, fn = std::move(fn)] { fn(session); },
                              Qt::QueuedConnection);
}

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
    postToSession([s](SshSession *session) { emit session->stateChanged(s); });
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

Error SshWorker::linkLost() const
{
    // A dead hop also ends the final session's socket: name the hop, not the symptom.
    if (chainDown())
        return m_relay->downError();
    return Error(ErrorCode::ConnectionFailed,
                 Tr::tr("The connection to %1 was lost.").arg(hostName()),
                 m_ssh ? QString::fromUtf8(ssh_get_error(m_ssh)) : QString());
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
    if (!m_relay) // a jump chain's final session runs over a socketpair
        quickAck(m_ssh);
    // The event owns the session's poll handle from now on; ssh_event_dopoll() reads the
    // socket even when no channel is open, which is how an idle link drop is noticed.
    m_event = ssh_event_new();
    ssh_event_add_session(m_event, m_ssh);
    m_notifier = new QSocketNotifier(ssh_get_fd(m_ssh), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SshWorker::pump);
    m_timer = new QTimer(this);
    m_timer->setInterval(PumpIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &SshWorker::pump);
    setState(ConnectionState::Ready);
    resolve(promise, Result<HostKeyInfo>(key));
    startKeepAlive();
}

void SshWorker::pump()
{
    if (m_pumping || !m_ssh || !m_event)
        return;
    m_pumping = true;
    pollEvents();
    if (!m_relay)
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
    m_pumping = false;
    if (linkDown()) {
        closeAll(linkLost(), ConnectionState::Failed);
        return;
    }
    updateTimer();
}

void SshWorker::pollEvents()
{
    // Several rounds: libssh reads at most 4 KiB of the socket per round. Bounded, and each
    // round is a zero-timeout poll.
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

void SshWorker::closeAll(const Error &reason, ConnectionState finalState)
{
    delete m_notifier;
    m_notifier = nullptr;
    delete m_timer;
    m_timer = nullptr;
    delete m_keepAlive;
    m_keepAlive = nullptr;
    delete m_kaDeadline;
    m_kaDeadline = nullptr;
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
    if (m_event) {
        ssh_event_free(m_event);
        m_event = nullptr;
    }
    closeChain(); // after the final session, whose socket is the last tunnel's end
    setState(finalState);
    if (wasOpen) {
        postToSession([reason](SshSession *session) { emit session->disconnected(reason); });
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
