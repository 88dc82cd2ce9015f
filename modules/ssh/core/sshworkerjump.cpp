// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Jump chains (ProxyJump), set up in the worker thread.
//
// libssh 0.10 has no ProxyJump. Hop 1 is an ordinary session; for each next hop a direct-tcpip
// channel is opened on the previous one and the next session gets one end of a socketpair as
// its socket (SSH_OPTIONS_FD). Something has to move the bytes between the channel and our end
// of the pair, both ways, within the channel window - and keep doing so while the session
// behind is inside a blocking libssh call (key exchange, authentication, SFTP, which is
// synchronous in 0.10, a blocking channel read), or that call waits for bytes only its own
// thread could move.
//
// That pump is a thread of its own per chain (JumpRelay, sshjumprelay.cpp), not this thread's
// libssh poll loop: that loop runs only while the worker is inside libssh, but the worker also
// waits outside it (the authentication responder waits for the user; between two synchronous
// SFTP requests nothing polls), and hops must answer and send keepalives meanwhile. Pumping
// from callbacks inside the final session's poll would also re-enter libssh from its own
// packet handlers - where the ssh_connector bridge this replaces lost window adjusts and
// stalled as soon as data outgrew the window.
//
// Each hop is set up here (connect, host key, authentication, tunnel; blocking, while the relay
// already pumps the hops before it) and then handed over with JumpRelay::adopt(). A session is
// handed over, never shared: from then on only the relay thread touches it. The relay polls
// the hops' sockets and our pair ends, moves bytes with bounded buffers and non-blocking calls
// (never more than ssh_channel_window_size(), EOF passed on each way), sends each hop's
// keepalives, and frees the hops when the chain closes. The final session, like every next
// hop, sees an ordinary socket and may block on it at will. A dead hop (dropped, or silent for
// 3 of its keepalive intervals) takes the relay down: every pair end reads EOF, the worker is
// told, and the session fails like a dropped direct link.
#include "sshworker.h"

#include "sshjumprelay.h"
#include "sshtr.h"

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
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
    m_relay = std::make_unique<JumpRelay>(hostName(), [this] {
        // From the relay thread: this object outlives the relay, which closeChain() joins.
        QMetaObject::invokeMethod(this, &SshWorker::pump, Qt::QueuedConnection);
    });

    int fd = -1; // the socket of the next session: -1 for TCP to its host
    QString via;
    for (int i = 0; i <= jumps.size(); ++i) {
        const bool last = i == jumps.size();
        const SshTarget &t = last ? m_target : jumps.at(i);
        *key = HostKeyInfo();
        ssh_session s = ssh_new();
        std::unique_ptr<Hop> hop; // frees the session on any failure below
        if (last) {
            m_ssh = s;
        } else {
            hop = std::make_unique<Hop>();
            hop->target = t;
            hop->ssh = s;
            hop->tcp = fd < 0;
        }
        if (!s) {
            if (fd >= 0)
                ::close(fd);
            return Error(ErrorCode::Internal, Tr::tr("Could not create an SSH session."));
        }
        Result<void> r = fd < 0 ? connectAndVerify(s, t, -1, key)
                                : connectThroughTunnel(s, t, fd, via, key);
        if (r)
            r = authenticate(s, t);
        if (!r)
            return chainDown() ? Result<void>(m_relay->downError()) : r;
        if (last)
            return {};

        const SshTarget &next = i + 1 == jumps.size() ? m_target : jumps.at(i + 1);
        if (r = openTunnel(*hop, next); !r)
            return chainDown() ? Result<void>(m_relay->downError()) : r;
        fd = hop->peerFd;
        hop->peerHandedOver = true; // to the next session (or closed by connectThroughTunnel)
        via = hostName(t);
        // Hand over: from here on only the relay thread touches this session.
        ssh_set_blocking(s, 0);
        makeNonBlocking(s);
        m_relay->adopt(std::move(hop));
    }
    return {};
}

Result<void> SshWorker::openTunnel(Hop &hop, const SshTarget &next)
{
    const auto unreachable = [&](const QString &detail) {
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("Could not reach %1 through %2.")
                         .arg(hostName(next), hostName(hop.target)),
                     detail);
    };
    hop.channel = ssh_channel_new(hop.ssh);
    if (!hop.channel)
        return unreachable(sshError(hop.ssh));
    // Blocking: the hops before this one are pumped by the relay thread meanwhile.
    ssh_set_blocking(hop.ssh, 1);
    if (ssh_channel_open_forward(hop.channel, next.host.toUtf8().constData(), next.port,
                                 "127.0.0.1", 0)
        != SSH_OK)
        return unreachable(sshError(hop.ssh));

    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) != 0)
        return unreachable(QString::fromLocal8Bit(strerror(errno)));
    hop.ourFd = sv[0];
    hop.peerFd = sv[1];
    return {};
}

// The session runs over fd, one end of the tunnel of the hop before it, which the relay pumps:
// a plain blocking connect works. fd belongs to the session once ssh_connect() has seen it.
Result<void> SshWorker::connectThroughTunnel(ssh_session s, const SshTarget &t, int fd,
                                             const QString &via, HostKeyInfo *key)
{
    if (Result<void> r = connectAndVerify(s, t, fd, key); !r) {
        ::close(fd);
        return r;
    }
    ssh_set_blocking(s, 1);
    if (ssh_connect(s) != SSH_OK)
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("Could not reach %1 through %2.").arg(hostName(t), via), sshError(s));
    return verifyHostKey(s, t, key);
}

bool SshWorker::chainDown() const
{
    return m_relay && m_relay->isDown();
}

void SshWorker::closeChain()
{
    // Joins the relay thread, which frees the hops (last first). The final session is gone by
    // now, so each tunnel has seen its EOF.
    m_relay.reset();
}

} // namespace Qwq::Ssh::Internal
