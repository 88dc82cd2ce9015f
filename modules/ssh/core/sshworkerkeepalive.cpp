// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Keepalive of the final session, inside the worker thread: keepalive@openssh.com every
// keepAliveSeconds, its round trip reported as the latency, and no packet at all for three
// intervals after a keepalive went out fails the session. Counting from our own request, not
// from the last packet received, keeps a late timer (this thread runs niced and may be starved)
// from blaming the server. The hops of a jump chain keep themselves alive in the relay thread
// (sshjumprelay.cpp).
#include "sshworker.h"

#include "sshsession.h"
#include "sshtr.h"

#include <QTimer>

#include <libssh/server.h> // ssh_send_keepalive() is declared there, and works for clients

namespace Qwq::Ssh::Internal {

void SshWorker::startKeepAlive()
{
    m_sockCounter = {};
    m_rawCounter = {};
    ssh_set_counters(m_ssh, &m_sockCounter, &m_rawCounter);
    m_lastInPackets = 0;
    m_silentSince.invalidate();
    m_kaAwaiting = false;
    if (m_target.keepAliveSeconds <= 0)
        return;
    m_keepAlive = new QTimer(this);
    m_keepAlive->setInterval(m_target.keepAliveSeconds * 1000);
    connect(m_keepAlive, &QTimer::timeout, this, &SshWorker::keepAliveTick);
    m_keepAlive->start();
    // A deadline of its own, not a look at each tick: the ticks land on the end of the third
    // interval within a millisecond or two, either side, so detection would jitter by one.
    m_kaDeadline = new QTimer(this);
    m_kaDeadline->setSingleShot(true);
    m_kaDeadline->setTimerType(Qt::PreciseTimer);
    m_kaDeadline->setInterval(3 * m_target.keepAliveSeconds * 1000);
    connect(m_kaDeadline, &QTimer::timeout, this, &SshWorker::keepAliveExpired);
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
        if (!m_silentSince.isValid()) {
            m_silentSince.start();
            m_kaDeadline->start();
        }
        m_kaSent.start();
        m_kaInSnapshot = m_rawCounter.in_packets;
        m_kaAwaiting = true;
    }
}

void SshWorker::checkKeepAliveReply()
{
    if (m_rawCounter.in_packets != m_lastInPackets) {
        m_lastInPackets = m_rawCounter.in_packets;
        m_silentSince.invalidate();
        if (m_kaDeadline)
            m_kaDeadline->stop();
    }
    if (m_kaAwaiting && m_rawCounter.in_packets > m_kaInSnapshot) {
        // The first packet after the request: its answer when the link is otherwise idle.
        m_kaAwaiting = false;
        const int ms = int(m_kaSent.nsecsElapsed() / 1000000);
        {
            QMutexLocker lock(&m_shared->mutex);
            m_shared->latencyMs = ms;
        }
        postToSession([ms](SshSession *session) { emit session->latencyMeasured(ms); });
    }
}

void SshWorker::keepAliveTick()
{
    if (!m_ssh)
        return;
    pump();
    if (!m_ssh)
        return;
    sendKeepAlive();
    pump();
}

void SshWorker::keepAliveExpired()
{
    if (!m_ssh)
        return;
    pump(); // an answer waiting in the socket still counts
    if (!m_ssh || !m_silentSince.isValid())
        return;
    closeAll(Error(ErrorCode::ConnectionFailed,
                   Tr::tr("No answer from %1 for %2 s.")
                       .arg(hostName())
                       .arg(qRound(m_silentSince.elapsed() / 1000.0))),
             ConnectionState::Failed);
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
