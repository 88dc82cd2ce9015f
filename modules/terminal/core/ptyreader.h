// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMutex>
#include <QObject>
#include <QThread>

#include <deque>

class QSocketNotifier;

namespace Qwq::Terminal {

/// Reads a PTY master on its own thread (a QSocketNotifier on the master fd there) into a
/// buffer the GUI thread takes from, so the program's output keeps flowing through the
/// kernel while the GUI thread parses the previous chunk: reading and parsing overlap
/// instead of taking turns. Reading pauses while kMaxBuffered bytes wait, so a program that
/// outruns the screen is held back as usual and Ctrl+C shows within a chunk or two.
/// Internal to LocalPtySession; the fd is not owned.
class PtyReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PtyReader)
public:
    static constexpr qsizetype kMaxBuffered = 2 * 1024 * 1024;

    explicit PtyReader(int fd, QObject *parent = nullptr);
    ~PtyReader() override;

    /// Starts reading; readyRead and finished arrive queued on this object's thread.
    void start();
    /// Stops the reader thread and waits for it. Safe to call twice.
    void stop();
    /// Up to `max` bytes read so far (resumes reading if it had paused).
    QByteArray take(qsizetype max);
    bool hasData();
    bool atEnd();

signals:
    /// The buffer went from empty to not empty.
    void readyRead();
    /// Every process closed the terminal (EIO) or reading failed; data may still be buffered.
    void finished();

private:
    void onReadable();   // on the reader thread

    int m_fd;
    QThread m_thread;
    QObject *m_context = nullptr;            // lives on m_thread
    QSocketNotifier *m_notifier = nullptr;   // lives on m_thread
    QByteArray m_scratch;                    // used on m_thread only
    QMutex m_mutex;
    // Filled chunks (about kChunk bytes each) and the one being filled: take() hands whole
    // chunks over instead of cutting and shifting one big buffer.
    std::deque<QByteArray> m_chunks;
    QByteArray m_filling;
    qsizetype m_buffered = 0;
    bool m_paused = false;
    bool m_eof = false;
};

} // namespace Qwq::Terminal
