// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ptyreader.h"

#include <QMutexLocker>
#include <QSocketNotifier>

#include <cerrno>
#include <unistd.h>

namespace Qwq::Terminal {

namespace {
constexpr qsizetype kReadChunk = 64 * 1024;
constexpr qsizetype kMaxPerWakeup = 512 * 1024;
constexpr qsizetype kChunk = 128 * 1024;
} // namespace

PtyReader::PtyReader(int fd, QObject *parent) : QObject(parent), m_fd(fd)
{
    m_thread.setObjectName(QStringLiteral("qwq-pty-reader"));
}

PtyReader::~PtyReader()
{
    stop();
}

void PtyReader::start()
{
    if (m_context)
        return;
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_context, [this] {
        m_scratch.resize(kReadChunk);
        m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, m_context);
        connect(m_notifier, &QSocketNotifier::activated, m_context, [this] { onReadable(); });
    }, Qt::QueuedConnection);
}

void PtyReader::stop()
{
    if (!m_context)
        return;
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(m_context, [this] {
            delete m_notifier;
            m_notifier = nullptr;
        }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    delete m_context;   // its thread has finished
    m_context = nullptr;
}

void PtyReader::onReadable()
{
    qsizetype total = 0;
    while (total < kMaxPerWakeup) {
        const ssize_t n = ::read(m_fd, m_scratch.data(), size_t(m_scratch.size()));
        if (n > 0) {
            bool wasEmpty = false;
            bool full = false;
            {
                const QMutexLocker lock(&m_mutex);
                wasEmpty = m_buffered == 0;
                if (m_filling.capacity() < kChunk)
                    m_filling.reserve(kChunk);
                m_filling.append(m_scratch.constData(), n);
                if (m_filling.size() >= kChunk - kReadChunk)
                    m_chunks.push_back(std::exchange(m_filling, {}));
                m_buffered += n;
                full = m_buffered >= kMaxBuffered;
                m_paused = full;
            }
            if (wasEmpty)
                emit readyRead();
            if (full) {
                m_notifier->setEnabled(false);   // take() turns it back on
                return;
            }
            total += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        // 0 or EIO: every process closed the slave side.
        m_notifier->setEnabled(false);
        {
            const QMutexLocker lock(&m_mutex);
            m_eof = true;
        }
        emit finished();
        return;
    }
}

QByteArray PtyReader::take(qsizetype max)
{
    QByteArray out;
    bool resume = false;
    {
        const QMutexLocker lock(&m_mutex);
        // Whole chunks up to `max` (at least one); the chunk being filled when nothing else.
        while (!m_chunks.empty() && (out.isEmpty() || out.size() + m_chunks.front().size() <= max)) {
            if (out.isEmpty())
                out = std::move(m_chunks.front());
            else
                out += m_chunks.front();
            m_chunks.pop_front();
        }
        if (out.isEmpty())
            out.swap(m_filling);
        m_buffered -= out.size();
        resume = m_paused && m_buffered < kMaxBuffered / 2 && !m_eof;
        if (resume)
            m_paused = false;
    }
    if (resume && m_context) {
        QMetaObject::invokeMethod(m_context, [this] {
            if (m_notifier)
                m_notifier->setEnabled(true);
        }, Qt::QueuedConnection);
    }
    return out;
}

bool PtyReader::hasData()
{
    const QMutexLocker lock(&m_mutex);
    return m_buffered > 0;
}

bool PtyReader::atEnd()
{
    const QMutexLocker lock(&m_mutex);
    return m_eof;
}

} // namespace Qwq::Terminal
