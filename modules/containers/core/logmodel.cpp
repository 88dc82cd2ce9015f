// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logmodel.h"

#include "containerstr.h"

#include <QIODevice>

namespace Qwq::Containers {

LogModel::LogModel(QObject *parent) : QAbstractListModel(parent)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(16);
    connect(&m_flush, &QTimer::timeout, this, &LogModel::flush);
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_size;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_size)
        return {};
    const Line &l = at(index.row());
    switch (role) {
    case Qt::DisplayRole: return l.text;
    case StderrRole: return l.isStderr;
    case LineNumberRole: return m_firstNumber + index.row();
    default: return {};
    }
}

void LogModel::setCapacity(int lines)
{
    clear();
    m_capacity = qMax(1, lines);
}

void LogModel::append(bool isStderr, const QJsonArray &lines)
{
    m_pending.reserve(m_pending.size() + lines.size());
    for (const QJsonValue &v : lines)
        m_pending.append(Line{v.toString(), isStderr});
    m_received += lines.size();
    if (m_pending.size() > m_capacity) {
        // More than the ring holds is queued: the oldest can never be shown.
        const qsizetype extra = m_pending.size() - m_capacity;
        m_pending.remove(0, extra);
        m_dropped += extra;
    }
    if (!m_flush.isActive())
        m_flush.start();
}

void LogModel::append(bool isStderr, const QStringList &lines)
{
    QJsonArray a;
    for (const QString &s : lines)
        a.append(s);
    append(isStderr, a);
}

void LogModel::flush()
{
    m_flush.stop();
    const int n = int(m_pending.size());
    if (n == 0)
        return;
    const int overflow = m_size + n - m_capacity;
    if (overflow > 0) {
        const int k = qMin(overflow, m_size);
        if (k > 0) {
            beginRemoveRows({}, 0, k - 1);
            for (int i = 0; i < k; ++i)
                m_ring[(m_head + i) % m_capacity] = Line{};   // free the text now
            m_head = (m_head + k) % m_capacity;
            m_size -= k;
            m_firstNumber += k;
            m_dropped += k;
            endRemoveRows();
        }
    }
    beginInsertRows({}, m_size, m_size + n - 1);
    for (Line &l : m_pending) {
        const int idx = (m_head + m_size) % m_capacity;
        if (idx == m_ring.size())
            m_ring.append(std::move(l));
        else
            m_ring[idx] = std::move(l);
        ++m_size;
    }
    m_pending.clear();
    endInsertRows();
    emit flushed(n);
}

void LogModel::clear()
{
    m_flush.stop();
    beginResetModel();
    m_ring.clear();
    m_pending.clear();
    m_head = 0;
    m_size = 0;
    m_received = 0;
    m_dropped = 0;
    m_firstNumber = 1;
    endResetModel();
}

int LogModel::find(const QString &text, int from, bool backward, Qt::CaseSensitivity cs) const
{
    if (text.isEmpty() || m_size == 0)
        return -1;
    from = qBound(0, from, m_size - 1);
    for (int step = 0; step < m_size; ++step) {
        const int row = backward ? (from - step + m_size) % m_size : (from + step) % m_size;
        if (at(row).text.contains(text, cs))
            return row;
    }
    return -1;
}

QStringList LogModel::lastLines(int n) const
{
    QStringList out;
    const int first = qMax(0, m_size - n);
    for (int row = first; row < m_size; ++row) {
        const Line &l = at(row);
        out << (l.isStderr ? QStringLiteral("stderr: ") + l.text : l.text);
    }
    return out;
}

bool LogModel::writeTo(QIODevice *device) const
{
    if (m_dropped > 0) {
        const QString note = Tr::tr("[qwq: %1 earlier lines were dropped because the view holds at most %2]\n")
                                 .arg(m_dropped).arg(m_capacity);
        if (device->write(note.toUtf8()) < 0)
            return false;
    }
    QByteArray chunk;
    for (int row = 0; row < m_size; ++row) {
        chunk += at(row).text.toUtf8();
        chunk += '\n';
        if (chunk.size() > (1 << 20)) {
            if (device->write(chunk) != chunk.size())
                return false;
            chunk.clear();
        }
    }
    return device->write(chunk) == chunk.size();
}

} // namespace Qwq::Containers
