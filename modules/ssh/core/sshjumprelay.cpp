// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The relay thread of a jump chain: one poll() loop over every adopted hop's session socket and
// our end of its socketpair, moving bytes between that socket and the hop's direct-tcpip
// channel, and sending each hop's keepalives. See sshworkerjump.cpp for why it is a thread.
#include "sshjumprelay.h"

#include "sshtr.h"

#include <libssh/server.h> // ssh_send_keepalive() is declared there, and works for clients

#include <algorithm>
#include <cerrno>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#ifdef Q_OS_LINUX
#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#endif

namespace Qwq::Ssh::Internal {

namespace {
constexpr int BufferCap = 256 * 1024; // per direction and hop
constexpr int Chunk = 32 * 1024;
constexpr int EventRounds = 64; // libssh reads at most 4 KiB per poll round
constexpr int PumpRounds = 64;  // then the other hops get their turn

QString hopName(const SshTarget &t)
{
    return t.port == 22 ? t.host : QStringLiteral("%1:%2").arg(t.host).arg(t.port);
}

bool sessionAlive(ssh_session s)
{
    return s && ssh_is_connected(s) && !(ssh_get_status(s) & (SSH_CLOSED | SSH_CLOSED_ERROR));
}

bool wouldBlock(int e)
{
    return e == EAGAIN || e == EWOULDBLOCK || e == EINTR;
}

// As for a direct session (sshworker.cpp): sshd writes without TCP_NODELAY, so acknowledge what
// the first hop sent at once instead of after the delayed-ACK timer.
void quickAck(ssh_session s)
{
#ifdef TCP_QUICKACK
    const int one = 1;
    ::setsockopt(ssh_get_fd(s), IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
#else
    Q_UNUSED(s);
#endif
}
} // namespace

Hop::~Hop()
{
    if (ssh)
        ssh_set_blocking(ssh, 0); // teardown must never wait on a dead hop
    if (channel) {
        if (sessionAlive(ssh) && !ssh_channel_is_closed(channel))
            ssh_channel_close(channel);
        ssh_channel_free(channel);
    }
    if (ourFd >= 0)
        ::close(ourFd);
    if (peerFd >= 0 && !peerHandedOver)
        ::close(peerFd);
    if (ssh) {
        if (event)
            ssh_event_remove_session(event, ssh);
        ssh_disconnect(ssh);
        ssh_free(ssh);
    }
    if (event)
        ssh_event_free(event);
}

JumpRelay::JumpRelay(QString targetName, std::function<void()> onDown)
    : m_targetName(std::move(targetName)), m_onDown(std::move(onDown))
{
    m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    m_thread = std::thread([this] { run(); });
}

JumpRelay::~JumpRelay()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
    }
    wake();
    m_thread.join();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    // Hops adopted after the thread's last look are still in the inbox; it never touched them.
    m_inbox.clear();
}

void JumpRelay::adopt(std::unique_ptr<Hop> hop)
{
    {
        QMutexLocker lock(&m_mutex);
        m_inbox.push_back(std::move(hop));
    }
    wake();
}

Error JumpRelay::downError() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

void JumpRelay::wake()
{
    if (m_wakeFd >= 0) {
        const uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_wakeFd, &one, sizeof one);
    }
}

void JumpRelay::run()
{
#ifdef Q_OS_LINUX
    // Niced like the session workers, so bulk transfers do not starve the GUI thread.
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 10);
    pthread_setname_np(pthread_self(), "ssh-jump-relay");
#endif
    std::vector<pollfd> fds;
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            if (m_stop)
                break;
        }
        takeNewHops();
        if (!m_down)
            step();

        fds.clear();
        fds.push_back({m_wakeFd, POLLIN, 0});
        if (!m_down) {
            for (const auto &h : m_hops) {
                // libssh asks for POLLOUT while it has output queued; POLLIN it always wants.
                short sshEvents = POLLIN;
                if (ssh_get_poll_flags(h->ssh) & SSH_WRITE_PENDING)
                    sshEvents |= POLLOUT;
                fds.push_back({ssh_get_fd(h->ssh), sshEvents, 0});
                short fdEvents = 0;
                if (!h->fdEof && h->toChannel.size() < BufferCap)
                    fdEvents |= POLLIN;
                if (!h->toFd.isEmpty() && !h->fdShut)
                    fdEvents |= POLLOUT;
                fds.push_back({fdEvents ? h->ourFd : -1, fdEvents, 0});
            }
        }
        int timeout = m_down ? -1 : pollTimeoutMs();
        if (m_wakeFd < 0 && (timeout < 0 || timeout > 100))
            timeout = 100; // no eventfd: look for stop() now and then
        if (::poll(fds.data(), nfds_t(fds.size()), timeout) < 0 && errno != EINTR)
            ::usleep(10000);
        if (fds.front().revents & POLLIN) {
            uint64_t count = 0;
            [[maybe_unused]] const ssize_t n = ::read(m_wakeFd, &count, sizeof count);
        }
        if (m_down)
            continue;
        for (size_t i = 0; i < m_hops.size() && 1 + 2 * i < fds.size(); ++i) {
            if (!fds[1 + 2 * i].revents)
                continue;
            for (int round = 0; round < EventRounds; ++round) {
                if (ssh_event_dopoll(m_hops[i]->event, 0) != SSH_OK)
                    break;
            }
            if (m_hops[i]->tcp)
                quickAck(m_hops[i]->ssh);
        }
    }
    // Last hop first: each one's session is the socket of the tunnel before it.
    while (!m_hops.empty())
        m_hops.pop_back();
}

void JumpRelay::takeNewHops()
{
    std::vector<std::unique_ptr<Hop>> fresh;
    {
        QMutexLocker lock(&m_mutex);
        fresh.swap(m_inbox);
    }
    for (auto &h : fresh) {
        // The worker left the session non-blocking, its socket too (SshWorker::connectChain()).
        // The hop's own event lets the loop have libssh read its socket when poll() says so.
        h->event = ssh_event_new();
        const bool ok = h->event && ssh_event_add_session(h->event, h->ssh) == SSH_OK;
        ssh_set_counters(h->ssh, &h->sockCounter, &h->rawCounter);
        if (h->target.keepAliveSeconds > 0)
            h->nextKeepAlive.setRemainingTime(h->target.keepAliveSeconds * 1000);
        if (m_down) {
            ::shutdown(h->ourFd, SHUT_WR);
            h->fdShut = true;
        }
        m_hops.push_back(std::move(h));
        if (!ok && !m_down)
            goDown(Error(ErrorCode::Internal, Tr::tr("Could not create an SSH session.")));
    }
}

void JumpRelay::step()
{
    for (const auto &hp : m_hops) {
        Hop &h = *hp;
        if (!sessionAlive(h.ssh) || !pump(h) || !sessionAlive(h.ssh)) {
            goDown(Error(ErrorCode::ConnectionFailed,
                         Tr::tr("The connection to %1 was lost at the jump host %2.")
                             .arg(m_targetName, hopName(h.target)),
                         QString::fromUtf8(ssh_get_error(h.ssh))));
            return;
        }
        if (!keepAlive(h)) {
            goDown(Error(ErrorCode::ConnectionFailed,
                         Tr::tr("The connection to %1 was lost: no answer from the jump host %2 "
                                "for %3 s.")
                             .arg(m_targetName, hopName(h.target))
                             .arg(qRound(h.silentSince.elapsed() / 1000.0))));
            return;
        }
    }
}

bool JumpRelay::pump(Hop &h)
{
    char buf[Chunk];
    for (int round = 0; round < PumpRounds; ++round) {
        bool progress = false;

        // channel -> our end of the pair
        while (!h.fdShut && h.toFd.size() < BufferCap) {
            const int n = ssh_channel_read_nonblocking(h.channel, buf,
                                                       uint32_t(std::min<qsizetype>(
                                                           sizeof buf, BufferCap - h.toFd.size())),
                                                       0);
            if (n == SSH_ERROR)
                return false;
            if (n <= 0) // SSH_AGAIN-like 0, or SSH_EOF
                break;
            h.toFd.append(buf, n);
            progress = true;
        }
        while (!h.toFd.isEmpty() && !h.fdShut) {
            const ssize_t w = ::send(h.ourFd, h.toFd.constData(), size_t(h.toFd.size()),
                                     MSG_NOSIGNAL);
            if (w > 0) {
                h.toFd.remove(0, qsizetype(w));
                progress = true;
            } else if (w < 0 && wouldBlock(errno)) {
                break;
            } else {
                // The session behind closed its socket: nothing more to deliver.
                h.toFd.clear();
                h.fdShut = h.fdEof = true;
                progress = true;
            }
        }
        if (!h.fdShut && h.toFd.isEmpty()
            && (ssh_channel_is_eof(h.channel) || ssh_channel_is_closed(h.channel))) {
            ::shutdown(h.ourFd, SHUT_WR);
            h.fdShut = true;
            progress = true;
        }

        // our end of the pair -> channel, never more than the window allows
        while (!h.fdEof && h.toChannel.size() < BufferCap) {
            const ssize_t r = ::read(h.ourFd, buf,
                                     size_t(std::min<qsizetype>(sizeof buf,
                                                                BufferCap - h.toChannel.size())));
            if (r > 0) {
                h.toChannel.append(buf, int(r));
                progress = true;
            } else if (r < 0 && wouldBlock(errno)) {
                break;
            } else {
                h.fdEof = true;
                progress = true;
            }
        }
        while (!h.toChannel.isEmpty() && ssh_channel_is_open(h.channel)) {
            const uint32_t window = ssh_channel_window_size(h.channel);
            if (window == 0)
                break; // the window adjust wakes the loop through the hop's socket
            const uint32_t len = std::min<uint32_t>(
                {window, uint32_t(Chunk), uint32_t(h.toChannel.size())});
            const int n = ssh_channel_write(h.channel, h.toChannel.constData(), len);
            if (n == SSH_ERROR)
                return false;
            if (n <= 0)
                break;
            h.toChannel.remove(0, n);
            progress = true;
        }
        if (h.fdEof && h.toChannel.isEmpty() && !h.eofSent && ssh_channel_is_open(h.channel)) {
            ssh_channel_send_eof(h.channel);
            h.eofSent = true;
        }
        if (!progress)
            break;
    }
    return true;
}

bool JumpRelay::keepAlive(Hop &h)
{
    if (h.rawCounter.in_packets != h.lastInPackets) {
        h.lastInPackets = h.rawCounter.in_packets;
        h.silentSince.invalidate();
    }
    const int seconds = h.target.keepAliveSeconds;
    if (seconds <= 0)
        return true;
    // Silence counts from our first unanswered keepalive, as for the final session
    // (sshworkerkeepalive.cpp): a starved relay thread must not blame the hop.
    if (h.silentSince.isValid() && h.silentSince.elapsed() >= 3LL * seconds * 1000)
        return false;
    if (!h.nextKeepAlive.hasExpired())
        return true;
    // libssh keeps one global request in flight: a call while it is unanswered only polls, one
    // after the answer consumes it. Two calls at most.
    const uint64_t out0 = h.rawCounter.out_packets;
    ssh_send_keepalive(h.ssh);
    if (h.rawCounter.out_packets == out0)
        ssh_send_keepalive(h.ssh);
    if (h.rawCounter.out_packets != out0 && !h.silentSince.isValid())
        h.silentSince.start();
    h.nextKeepAlive.setRemainingTime(seconds * 1000);
    return true;
}

int JumpRelay::pollTimeoutMs() const
{
    qint64 timeout = -1;
    for (const auto &h : m_hops) {
        const int seconds = h->target.keepAliveSeconds;
        if (seconds <= 0)
            continue;
        qint64 next = std::max<qint64>(0, h->nextKeepAlive.remainingTime());
        if (h->silentSince.isValid())
            next = std::min(next, std::max<qint64>(0, 3LL * seconds * 1000
                                                              - h->silentSince.elapsed()));
        timeout = timeout < 0 ? next : std::min(timeout, next);
    }
    return int(timeout);
}

void JumpRelay::goDown(const Error &error)
{
    {
        QMutexLocker lock(&m_mutex);
        m_error = error;
    }
    m_down.store(true);
    // EOF on every tunnel: whatever waits on a session behind one (a blocking SFTP call in the
    // worker, say) returns now instead of at its own timeout.
    for (const auto &h : m_hops) {
        if (!h->fdShut)
            ::shutdown(h->ourFd, SHUT_WR);
        h->fdShut = true;
    }
    if (m_onDown)
        m_onDown();
}

} // namespace Qwq::Ssh::Internal
