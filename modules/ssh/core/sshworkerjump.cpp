// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Jump chains and keepalive, inside the worker thread.
//
// libssh 0.10 has no ProxyJump. Hop 1 is an ordinary session; for each next hop a direct-tcpip
// channel is opened on the previous one and the next session gets one end of a socketpair as
// its socket (SSH_OPTIONS_FD). Two libssh connectors move bytes between the channel and our end
// of the pair. Every session and connector of the chain sits in one ssh_event, so whatever
// waits on any of them (a blocking authentication or SFTP call on the final session, or the
// worker's pump) moves the bytes of the whole chain, all in this thread.
#include "sshworker.h"
#include "sshworkerparts.h"

#include "sshsession.h"

#include "sshtr.h"

#include <QSocketNotifier>
#include <QTimer>

#include <libssh/server.h> // ssh_send_keepalive() is declared there, and works for clients

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Qwq::Ssh::Internal {


namespace {
QString sshError(ssh_session s)
{
    return QString::fromUtf8(ssh_get_error(s));
}
} // namespace

Result<void> SshWorker::connectChain(HostKeyInfo *key)
{
    const QList<SshTarget> &jumps = m_target.jumps;
    m_event = ssh_event_new();
    if (!m_event)
        return Error(ErrorCode::Internal, Tr::tr("Could not create an SSH session."));

    auto first = std::make_unique<Hop>();
    first->target = jumps.first();
    first->ssh = ssh_new();
    Hop *hop = first.get();
    m_hops.push_back(std::move(first));
    if (!hop->ssh)
        return Error(ErrorCode::Internal, Tr::tr("Could not create an SSH session."));
    Result<void> r = connectAndVerify(hop->ssh, hop->target, -1, key);
    if (r)
        r = authenticate(hop->ssh, hop->target);
    if (!r)
        return r;
    if (ssh_event_add_session(m_event, hop->ssh) != SSH_OK)
        return Error(ErrorCode::Internal, Tr::tr("Could not create an SSH session."));
    makeNonBlocking(hop->ssh);

    for (int i = 0; i < jumps.size(); ++i) {
        hop = m_hops.at(size_t(i)).get();
        const bool last = i + 1 == jumps.size();
        const SshTarget &next = last ? m_target : jumps.at(i + 1);
        *key = HostKeyInfo();
        key->host = next.host;
        key->port = next.port;
        if (r = openTunnel(*hop, next); !r)
            return r;
        ssh_session s = nullptr;
        Hop *nextHop = nullptr;
        hop->peerHandedOver = true; // connectThroughTunnel closes it on failure
        if (last) {
            r = connectThroughTunnel(next, hop->peerFd, hostName(hop->target), key, &m_ssh);
            s = m_ssh;
        } else {
            auto h = std::make_unique<Hop>();
            h->target = next;
            nextHop = h.get();
            m_hops.push_back(std::move(h));
            r = connectThroughTunnel(next, hop->peerFd, hostName(hop->target), key, &nextHop->ssh);
            s = nextHop->ssh;
        }
        if (r)
            r = authenticate(s, next);
        if (!r)
            return r;
    }
    return {};
}

Result<void> SshWorker::openTunnel(Hop &hop, const SshTarget &next)
{
    const auto unreachable = [&](const QString &detail) {
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("Could not reach %1 through %2.").arg(hostName(next), hostName(hop.target)),
                     detail);
    };
    hop.channel = ssh_channel_new(hop.ssh);
    if (!hop.channel)
        return unreachable(sshError(hop.ssh));
    // Blocking: the hop's poll handle is in the chain's event, so earlier hops keep moving.
    ssh_set_blocking(hop.ssh, 1);
    if (ssh_channel_open_forward(hop.channel, next.host.toUtf8().constData(), next.port,
                                 "127.0.0.1", 0)
        != SSH_OK)
        return unreachable(sshError(hop.ssh));
    ssh_set_blocking(hop.ssh, 0);

    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) != 0)
        return unreachable(QString::fromLocal8Bit(strerror(errno)));
    hop.ourFd = sv[0];
    hop.peerFd = sv[1];
    hop.fdIn = ::fcntl(sv[0], F_DUPFD_CLOEXEC, 0);
    struct stat st {};
    if (::fstat(hop.ourFd, &st) == 0)
        hop.inode = st.st_ino;

    hop.toFd = ssh_connector_new(hop.ssh);
    hop.toChannel = ssh_connector_new(hop.ssh);
    if (!hop.toFd || !hop.toChannel || hop.fdIn < 0)
        return unreachable(QStringLiteral("cannot create the tunnel"));
    ssh_connector_set_in_channel(hop.toFd, hop.channel, SSH_CONNECTOR_STDOUT);
    ssh_connector_set_out_fd(hop.toFd, hop.ourFd);
    ssh_connector_set_in_fd(hop.toChannel, hop.fdIn);
    ssh_connector_set_out_channel(hop.toChannel, hop.channel, SSH_CONNECTOR_STDOUT);
    ssh_event_add_connector(m_event, hop.toFd);
    ssh_event_add_connector(m_event, hop.toChannel);
    return {};
}

Result<void> SshWorker::connectThroughTunnel(const SshTarget &t, int fd, const QString &via,
                                             HostKeyInfo *key, ssh_session *out)
{
    const auto unreachable = [&](const QString &detail) {
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("Could not reach %1 through %2.").arg(hostName(t), via), detail);
    };
    ssh_session s = ssh_new();
    *out = s;
    if (!s) {
        ::close(fd);
        return Error(ErrorCode::Internal, Tr::tr("Could not create an SSH session."));
    }
    if (Result<void> r = connectAndVerify(s, t, fd, key); !r) {
        ::close(fd);
        return r;
    }
    // Key exchange without blocking, so this thread can pump the tunnel in between.
    ssh_set_blocking(s, 0);
    const QDeadlineTimer deadline(std::max(1000, t.connectTimeoutMs));
    for (;;) {
        const int rc = ssh_connect(s);
        if (rc == SSH_OK)
            break;
        if (rc == SSH_ERROR)
            return unreachable(sshError(s));
        if (chainDown())
            return unreachable(Tr::tr("the jump host closed the connection"));
        if (deadline.hasExpired())
            return Error(ErrorCode::Timeout,
                         Tr::tr("Could not reach %1 through %2 in time.").arg(hostName(t), via));
        ssh_event_dopoll(m_event, 50);
    }
    if (Result<void> r = verifyHostKey(s, t, key); !r)
        return r;
    if (ssh_event_add_session(m_event, s) != SSH_OK)
        return unreachable(QStringLiteral("cannot add the session to the event"));
    ssh_set_blocking(s, 1);
    return {};
}

bool SshWorker::chainDown() const
{
    for (const auto &h : m_hops) {
        if (!h->ssh || !ssh_is_connected(h->ssh)
            || (ssh_get_status(h->ssh) & (SSH_CLOSED | SSH_CLOSED_ERROR)))
            return true;
        if (h->channel && (ssh_channel_is_closed(h->channel) || ssh_channel_is_eof(h->channel)))
            return true;
    }
    return false;
}

void SshWorker::addNotifier(int fd)
{
    auto *n = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(n, &QSocketNotifier::activated, this, &SshWorker::pump);
    m_extraNotifiers.push_back(n);
}

void SshWorker::closeChain()
{
    for (QSocketNotifier *n : m_extraNotifiers)
        delete n;
    m_extraNotifiers.clear();
    for (auto it = m_hops.rbegin(); it != m_hops.rend(); ++it) {
        Hop &h = **it;
        for (ssh_connector *c : {&h.toChannel, &h.toFd}) {
            if (*c) {
                if (m_event)
                    ssh_event_remove_connector(m_event, *c);
                ssh_connector_free(*c);
                *c = nullptr;
            }
        }
        if (h.channel) {
            if (ssh_is_connected(h.ssh) && !ssh_channel_is_closed(h.channel))
                ssh_channel_close(h.channel);
            ssh_channel_free(h.channel);
            h.channel = nullptr;
        }
        if (h.fdIn >= 0) {
            // The connector closes ourFd when the channel ends; the inode (the dup keeps the
            // socket alive until here) tells whether that number still is our socket.
            struct stat st {};
            if (h.ourFd >= 0 && ::fstat(h.ourFd, &st) == 0 && st.st_ino == h.inode)
                ::close(h.ourFd);
            ::close(h.fdIn);
        }
        h.ourFd = h.fdIn = -1;
        if (h.peerFd >= 0 && !h.peerHandedOver)
            ::close(h.peerFd);
        h.peerFd = -1;
        if (h.ssh) {
            if (m_event)
                ssh_event_remove_session(m_event, h.ssh);
            ssh_disconnect(h.ssh);
            ssh_free(h.ssh);
            h.ssh = nullptr;
        }
    }
    m_hops.clear();
    if (m_event) {
        ssh_event_free(m_event);
        m_event = nullptr;
    }
}

// --- keepalive ----------------------------------------------------------------------------

void SshWorker::startKeepAlive()
{
    m_sockCounter = {};
    m_rawCounter = {};
    ssh_set_counters(m_ssh, &m_sockCounter, &m_rawCounter);
    m_lastInPackets = 0;
    m_lastRx.start();
    m_kaAwaiting = false;
    for (const auto &h : m_hops)
        addNotifier(ssh_get_fd(h->ssh));
    if (m_target.keepAliveSeconds <= 0)
        return;
    m_keepAlive = new QTimer(this);
    m_keepAlive->setInterval(m_target.keepAliveSeconds * 1000);
    connect(m_keepAlive, &QTimer::timeout, this, &SshWorker::keepAliveTick);
    m_keepAlive->start();
    // A first round trip right away, so the UI has a number quickly.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_ssh)
                return;
            pump();
            sendKeepAlive();
            pump();
        },
        Qt::QueuedConnection);
}

void SshWorker::sendKeepAlive()
{
    if (!m_ssh || linkDown())
        return;
    // libssh keeps one global request in flight: a call while the previous keepalive is
    // unanswered only polls, a call after the answer arrived consumes it. Two calls at most.
    const uint64_t out0 = m_rawCounter.out_packets;
    ssh_send_keepalive(m_ssh);
    if (m_rawCounter.out_packets == out0)
        ssh_send_keepalive(m_ssh);
    if (m_rawCounter.out_packets != out0) {
        m_kaSent.start();
        m_kaInSnapshot = m_rawCounter.in_packets;
        m_kaAwaiting = true;
    }
}

void SshWorker::checkKeepAliveReply()
{
    if (m_rawCounter.in_packets != m_lastInPackets) {
        m_lastInPackets = m_rawCounter.in_packets;
        m_lastRx.restart();
    }
    if (m_kaAwaiting && m_rawCounter.in_packets > m_kaInSnapshot) {
        // The first packet after the request: its answer when the link is otherwise idle.
        m_kaAwaiting = false;
        const int ms = int(m_kaSent.nsecsElapsed() / 1000000);
        {
            QMutexLocker lock(&m_shared->mutex);
            m_shared->latencyMs = ms;
        }
        SshSession *session = m_session;
        QMetaObject::invokeMethod(session, [session, ms] { emit session->latencyMeasured(ms); },
                                  Qt::QueuedConnection);
    }
}

void SshWorker::keepAliveTick()
{
    if (!m_ssh)
        return;
    pump();
    if (!m_ssh)
        return;
    const qint64 limit = 3LL * m_target.keepAliveSeconds * 1000;
    if (m_lastRx.elapsed() >= limit) {
        closeAll(Error(ErrorCode::ConnectionFailed,
                       Tr::tr("No answer from %1 for %2 s.")
                           .arg(hostName())
                           .arg(m_lastRx.elapsed() / 1000)),
                 ConnectionState::Failed);
        return;
    }
    sendKeepAlive();
    pump();
}

void SshWorker::settleGlobalRequest()
{
    // listen/cancel-forward share libssh's one global-request slot with the keepalive: wait for
    // an outstanding keepalive answer first (or send one and wait), so the slot is free.
    if (!m_keepAlive || !m_ssh)
        return;
    ssh_set_blocking(m_ssh, 1);
    ssh_send_keepalive(m_ssh);
    ssh_set_blocking(m_ssh, 0);
    m_kaAwaiting = false;
}

} // namespace Qwq::Ssh::Internal
