// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the ssh module: the thread that carries the tunnels of a jump chain.

#include <core/core/result.h>
#include <ssh/core/sshtypes.h>

#include <QByteArray>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QMutex>

#include <libssh/libssh.h>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace Qwq::Ssh::Internal {

/// One jump host: its session and the direct-tcpip channel to the next hop, bridged to one end
/// of a socketpair whose other end is the next session's socket. Whoever owns the Hop (the
/// worker while it sets the hop up, the relay after adopt()) is the only thread that touches
/// it; destroying it frees what is left.
struct Hop
{
    Q_DISABLE_COPY_MOVE(Hop)
    Hop() = default;
    ~Hop();

    SshTarget target;
    ssh_session ssh = nullptr;
    ssh_channel channel = nullptr; // direct-tcpip to the next hop
    int ourFd = -1;                // our end of the pair, pumped to and from the channel
    int peerFd = -1;               // the other end, the next session's socket
    bool peerHandedOver = false;   // the next session owns (and closes) peerFd
    bool tcp = false;              // the first hop: its socket is TCP, not a socketpair

    // The pump's state, used by the relay thread only.
    ssh_event event = nullptr;
    QByteArray toFd;      // from the channel, not yet written to ourFd
    QByteArray toChannel; // from ourFd, waiting for channel window
    bool fdEof = false;   // the next session closed its end (or cannot be written to)
    bool eofSent = false; // ... and the channel got our EOF
    bool fdShut = false;  // the channel's EOF was passed on to ourFd
    ssh_counter_struct sockCounter{};
    ssh_counter_struct rawCounter{};
    uint64_t lastInPackets = 0;
    QElapsedTimer silentSince; // the first keepalive no packet has followed yet; else invalid
    QDeadlineTimer nextKeepAlive{QDeadlineTimer::Forever};
};

/// Carries the tunnels of one jump chain in a thread of its own, so the sessions behind them
/// (further hops, and the final session in the worker) may block in libssh as long as they
/// like. The worker sets each hop up and hands it over with adopt(); from then on only the
/// relay thread touches that hop's session, channel and sockets, until the relay frees them
/// when it is destroyed. When a hop fails (its session drops, or no keepalive answer for three
/// of its own keepAliveSeconds) the relay goes down: isDown() turns true, downError() says
/// why, every tunnel's socket reads EOF (so whatever waits on a session behind it returns) and
/// onDown is called once, from the relay thread.
class JumpRelay final
{
    Q_DISABLE_COPY_MOVE(JumpRelay)

public:
    JumpRelay(QString targetName, std::function<void()> onDown);
    ~JumpRelay(); // stops the thread; the hops are freed there, last first

    void adopt(std::unique_ptr<Hop> hop); // the hop's session is authenticated, its tunnel open
    bool isDown() const { return m_down.load(); }
    Error downError() const;

private:
    void run();
    void takeNewHops();
    void step();
    bool pump(Hop &h); // false when the tunnel failed
    bool keepAlive(Hop &h);
    void goDown(const Error &error);
    void wake();
    int pollTimeoutMs() const;

    const QString m_targetName;
    const std::function<void()> m_onDown;
    int m_wakeFd = -1;

    mutable QMutex m_mutex; // guards m_inbox, m_stop and m_error
    std::vector<std::unique_ptr<Hop>> m_inbox;
    bool m_stop = false;
    Error m_error;
    std::atomic<bool> m_down{false};

    std::vector<std::unique_ptr<Hop>> m_hops; // relay thread only
    std::thread m_thread;                     // last: starts once the rest is set up
};

} // namespace Qwq::Ssh::Internal
