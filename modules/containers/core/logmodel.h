// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QList>
#include <QTimer>

class QIODevice;

namespace Qwq::Containers {

/// The lines of a container's log, for a list view that follows a flood. Lines arrive in
/// batches (append()) and are held back until the next flush, at most one per frame
/// (16 ms), which inserts them with a single beginInsertRows: a stream of 100,000 lines/s
/// costs the view ~60 small updates a second. Lines live in a ring of `capacity()`; when it
/// is full the oldest go (one beginRemoveRows per flush) and are counted in dropped(). No
/// line is lost while the total stays within the capacity. Data roles only.
class LogModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogModel)
public:
    enum Role { StderrRole = Qt::UserRole + 1, LineNumberRole };
    static constexpr int kDefaultCapacity = 200000;

    explicit LogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    int capacity() const { return m_capacity; }
    /// Changing the capacity clears the model.
    void setCapacity(int lines);
    /// Milliseconds between flushes (default 16).
    void setFlushInterval(int ms) { m_flush.setInterval(ms); }

    /// Queues lines (strings) for the next flush.
    void append(bool isStderr, const QJsonArray &lines);
    void append(bool isStderr, const QStringList &lines);
    /// Inserts what is queued now (also called by the timer).
    void flush();
    void clear();

    QString lineAt(int row) const { return at(row).text; }
    bool isStderrAt(int row) const { return at(row).isStderr; }
    /// Lines received since the last clear (shown + dropped + queued).
    qint64 received() const { return m_received; }
    /// Lines that fell out of the ring because it was full.
    qint64 dropped() const { return m_dropped; }
    int pending() const { return int(m_pending.size()); }

    /// The next row at or after `from` (before, when backward) whose text contains `text`,
    /// wrapping around once; -1 when none.
    int find(const QString &text, int from, bool backward, Qt::CaseSensitivity cs = Qt::CaseInsensitive) const;
    /// The last `n` lines, oldest first, "stderr: " marking the error stream's.
    QStringList lastLines(int n) const;
    /// Writes every line held (a note first when some were dropped). False on a write error.
    bool writeTo(QIODevice *device) const;

signals:
    /// After each flush that inserted lines.
    void flushed(int inserted);

private:
    struct Line
    {
        QString text;
        bool isStderr = false;
    };
    const Line &at(int row) const { return m_ring.at((m_head + row) % m_capacity); }

    QList<Line> m_ring;     // grows up to m_capacity, then wraps
    int m_head = 0;         // ring index of row 0
    int m_size = 0;
    int m_capacity = kDefaultCapacity;
    QList<Line> m_pending;
    qint64 m_received = 0;
    qint64 m_dropped = 0;
    qint64 m_firstNumber = 1; // line number of row 0
    QTimer m_flush;
};

} // namespace Qwq::Containers
