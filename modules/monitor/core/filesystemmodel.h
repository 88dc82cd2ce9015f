// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "systeminfo.h"

#include <QAbstractTableModel>

namespace Qwq::Monitor {

/// Mounted filesystems of a server. Updates in place (rows matched by mount point) so the
/// selection and scroll position survive a refresh.
class FilesystemModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesystemModel)
public:
    enum Column { MountColumn, DeviceColumn, TypeColumn, SizeColumn, UsedColumn, FreeColumn,
                  UsageColumn, ColumnCount };
    enum Role { UsedPercentRole = Qt::UserRole + 1 };

    explicit FilesystemModel(QObject *parent = nullptr);
    void setFilesystems(const QList<Filesystem> &list);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    QList<Filesystem> m_rows;
};

} // namespace Qwq::Monitor
