// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "filesystemmodel.h"

#include "monitortr.h"

#include <QLocale>

namespace Qwq::Monitor {

FilesystemModel::FilesystemModel(QObject *parent) : QAbstractTableModel(parent) {}

void FilesystemModel::setFilesystems(const QList<Filesystem> &list)
{
    // Remove rows whose mount point is gone (from the bottom), update the rest, append new.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        const bool keep = std::any_of(list.cbegin(), list.cend(),
                                      [&](const Filesystem &f) { return f.mount == m_rows.at(i).mount; });
        if (!keep) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    for (const Filesystem &f : list) {
        const auto it = std::find_if(m_rows.begin(), m_rows.end(),
                                     [&](const Filesystem &r) { return r.mount == f.mount; });
        if (it != m_rows.end()) {
            *it = f;
            const int row = int(it - m_rows.begin());
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
            m_rows.append(f);
            endInsertRows();
        }
    }
}

int FilesystemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FilesystemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FilesystemModel::data(const QModelIndex &idx, int role) const
{
    if (!idx.isValid() || idx.row() >= m_rows.size())
        return {};
    const Filesystem &f = m_rows.at(idx.row());
    if (role == UsedPercentRole)
        return f.usedPercent();
    if (role == Qt::TextAlignmentRole && idx.column() >= SizeColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && idx.column() == MountColumn && f.readOnly)
        return Tr::tr("Mounted read-only");
    if (role != Qt::DisplayRole)
        return {};
    switch (idx.column()) {
    case MountColumn: return f.mount;
    case DeviceColumn: return f.device;
    case TypeColumn: return f.type;
    case SizeColumn: return formatBytes(f.total);
    case UsedColumn: return formatBytes(f.used);
    case FreeColumn: return formatBytes(f.available);
    case UsageColumn: return QString(QLocale().toString(f.usedPercent(), 'f', 0) + QLatin1Char('%'));
    }
    return {};
}

QVariant FilesystemModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MountColumn: return Tr::tr("Mounted on");
    case DeviceColumn: return Tr::tr("Device");
    case TypeColumn: return Tr::tr("Type");
    case SizeColumn: return Tr::tr("Size");
    case UsedColumn: return Tr::tr("Used");
    case FreeColumn: return Tr::tr("Free");
    case UsageColumn: return Tr::tr("Use");
    }
    return {};
}

} // namespace Qwq::Monitor
