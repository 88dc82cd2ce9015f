// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "containerlistmodel.h"

#include "containerstr.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

namespace Qwq::Containers {

ContainerListModel::ContainerListModel(QObject *parent) : QAbstractTableModel(parent) {}

int ContainerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContainerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ContainerListModel::stateText(const QString &state)
{
    if (state == QLatin1String("running")) return Tr::tr("Running", "container state");
    if (state == QLatin1String("exited")) return Tr::tr("Exited", "container state");
    if (state == QLatin1String("created")) return Tr::tr("Created", "container state");
    if (state == QLatin1String("paused")) return Tr::tr("Paused", "container state");
    if (state == QLatin1String("restarting")) return Tr::tr("Restarting", "container state");
    if (state == QLatin1String("removing")) return Tr::tr("Removing", "container state");
    if (state == QLatin1String("dead")) return Tr::tr("Dead", "container state");
    return state;
}

QVariant ContainerListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    const Container &c = r.container;
    switch (role) {
    case IdRole: return c.id;
    case StateRole: return c.state;
    case ProjectRole: return c.composeProject;
    case FilterTextRole:
        return QStringList{c.name, c.image, c.composeProject, c.composeService, c.portsText(), c.id}
            .join(QLatin1Char('\n'));
    case Qt::ToolTipRole:
        if (index.column() == StateColumn)
            return plainToolTip(c.status);
        if (index.column() == NameColumn)
            return plainToolTip(c.composeProject.isEmpty()
                                    ? c.id
                                    : Tr::tr("%1\nCompose project %2, service %3").arg(c.id, c.composeProject, c.composeService));
        return plainToolTip(data(index, Qt::DisplayRole).toString());
    case SortRole:
        switch (index.column()) {
        case CpuColumn: return c.isRunning() && r.stats.valid ? r.stats.cpuPercent : -1.0;
        case MemoryColumn: return c.isRunning() && r.stats.valid ? r.stats.memUsage : qint64(-1);
        case CreatedColumn: return c.created;
        default: return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::TextAlignmentRole:
        if (index.column() == CpuColumn || index.column() == MemoryColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return c.name;
        case StateColumn: return stateText(c.state);
        case ImageColumn: return c.image;
        case PortsColumn: return c.portsText();
        case CpuColumn:
            if (!c.isRunning() || !r.stats.valid)
                return QString();
            return QStringLiteral("%1%").arg(QLocale().toString(r.stats.cpuPercent, 'f', 1));
        case MemoryColumn:
            if (!c.isRunning() || !r.stats.valid)
                return QString();
            return formatBytes(r.stats.memUsage);
        case CreatedColumn:
            return QLocale().toString(QDateTime::fromSecsSinceEpoch(c.created), QLocale::ShortFormat);
        }
        return {};
    default:
        return {};
    }
}

QVariant ContainerListModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return Tr::tr("Name");
    case StateColumn: return Tr::tr("State");
    case ImageColumn: return Tr::tr("Image");
    case PortsColumn: return Tr::tr("Ports");
    case CpuColumn: return Tr::tr("CPU");
    case MemoryColumn: return Tr::tr("Memory");
    case CreatedColumn: return Tr::tr("Created");
    }
    return {};
}

void ContainerListModel::reindex()
{
    m_index.clear();
    m_index.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows.at(i).container.id, i);
}

void ContainerListModel::setContainers(const QList<Container> &containers)
{
    Diff diff;
    QSet<QString> incoming;
    incoming.reserve(containers.size());
    for (const Container &c : containers)
        incoming.insert(c.id);

    // Removals, bottom up, in contiguous runs.
    for (int i = int(m_rows.size()) - 1; i >= 0;) {
        if (incoming.contains(m_rows.at(i).container.id)) {
            --i;
            continue;
        }
        int first = i;
        while (first > 0 && !incoming.contains(m_rows.at(first - 1).container.id))
            --first;
        beginRemoveRows({}, first, i);
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        diff.removed += i - first + 1;
        i = first - 1;
    }
    reindex();

    QList<Container> added;
    for (const Container &c : containers) {
        const int row = m_index.value(c.id, -1);
        if (row < 0) {
            added << c;
            continue;
        }
        Row &r = m_rows[row];
        if (r.container == c)
            continue;
        if (!c.isRunning())
            r.stats = {};
        r.container = c;
        ++diff.changed;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const Container &c : std::as_const(added)) {
            m_index.insert(c.id, int(m_rows.size()));
            m_rows.append(Row{c, {}});
        }
        endInsertRows();
        diff.inserted = int(added.size());
    }
    m_lastDiff = diff;
}

void ContainerListModel::setStats(const QString &id, const ContainerStats &stats)
{
    const int row = m_index.value(id, -1);
    if (row < 0)
        return;
    m_rows[row].stats = stats;
    emit dataChanged(index(row, CpuColumn), index(row, MemoryColumn));
}

void ContainerListModel::clearStats(const QString &id)
{
    const int row = m_index.value(id, -1);
    if (row < 0 || !m_rows.at(row).stats.valid)
        return;
    m_rows[row].stats = {};
    emit dataChanged(index(row, CpuColumn), index(row, MemoryColumn));
}

void ContainerListModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    m_index.clear();
    endRemoveRows();
}

const Container *ContainerListModel::container(const QString &id) const
{
    const int row = m_index.value(id, -1);
    return row < 0 ? nullptr : &m_rows.at(row).container;
}

ContainerStats ContainerListModel::statsOf(const QString &id) const
{
    const int row = m_index.value(id, -1);
    return row < 0 ? ContainerStats{} : m_rows.at(row).stats;
}

// --- ContainerFilterModel -------------------------------------------------------------------

ContainerFilterModel::ContainerFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ContainerListModel::SortRole);
    setDynamicSortFilter(true);
}

void ContainerFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

void ContainerFilterModel::setStateFilter(StateFilter f)
{
    if (f == m_state)
        return;
    m_state = f;
    invalidateRowsFilter();
}

bool ContainerFilterModel::stateMatches(StateFilter f, const QString &s)
{
    switch (f) {
    case StateFilter::All: return true;
    case StateFilter::Running: return s == QLatin1String("running") || s == QLatin1String("restarting");
    case StateFilter::Stopped:
        return s == QLatin1String("exited") || s == QLatin1String("created") || s == QLatin1String("dead");
    case StateFilter::Paused: return s == QLatin1String("paused");
    case StateFilter::Other:
        return !stateMatches(StateFilter::Running, s) && !stateMatches(StateFilter::Stopped, s)
               && !stateMatches(StateFilter::Paused, s);
    }
    return true;
}

bool ContainerFilterModel::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QModelIndex idx = sourceModel()->index(row, 0, parent);
    if (!stateMatches(m_state, idx.data(ContainerListModel::StateRole).toString()))
        return false;
    if (m_text.isEmpty())
        return true;
    const QString hay = idx.data(ContainerListModel::FilterTextRole).toString();
    // Every word must match somewhere ("web running" is not a state filter, just words).
    for (const QString &word : m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!hay.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace Qwq::Containers
