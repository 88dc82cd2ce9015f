// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "execchannel.h"

#include "sshworker.h"

namespace Qwq::Ssh {

ExecChannel::ExecChannel(std::weak_ptr<Internal::SshWorker> worker, int id)
    : m_worker(std::move(worker)), m_id(id)
{}

ExecChannel::~ExecChannel()
{
    close();
}

void ExecChannel::write(const QByteArray &data)
{
    if (m_done || data.isEmpty())
        return;
    if (auto w = m_worker.lock()) {
        Internal::SshWorker *raw = w.get();
        QMetaObject::invokeMethod(raw, [raw, id = m_id, data] { raw->channelWrite(id, data); },
                                  Qt::QueuedConnection);
    }
}

void ExecChannel::closeWrite()
{
    if (m_done)
        return;
    if (auto w = m_worker.lock()) {
        Internal::SshWorker *raw = w.get();
        QMetaObject::invokeMethod(raw, [raw, id = m_id] { raw->channelCloseWrite(id); },
                                  Qt::QueuedConnection);
    }
}

void ExecChannel::resizePty(int columns, int rows)
{
    if (m_done || columns <= 0 || rows <= 0)
        return;
    if (auto w = m_worker.lock()) {
        Internal::SshWorker *raw = w.get();
        QMetaObject::invokeMethod(
            raw, [raw, id = m_id, columns, rows] { raw->channelResize(id, columns, rows); },
            Qt::QueuedConnection);
    }
}

void ExecChannel::close()
{
    if (m_done)
        return;
    m_done = true;
    if (auto w = m_worker.lock()) {
        Internal::SshWorker *raw = w.get();
        QMetaObject::invokeMethod(raw, [raw, id = m_id] { raw->channelClose(id); },
                                  Qt::QueuedConnection);
    }
}

} // namespace Qwq::Ssh
