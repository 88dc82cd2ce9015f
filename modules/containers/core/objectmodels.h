// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "containertypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVariant>

namespace Qwq::Containers {

/// Images, volumes or networks as a table, keyed by id/name and updated with minimal diffs
/// like ContainerListModel (removed rows go, changed cells change, new rows are appended).
class ObjectTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObjectTableModel)
public:
    enum class Kind { Images, Volumes, Networks };
    enum Role { KeyRole = Qt::UserRole + 1, SortRole, RemovableRole };

    explicit ObjectTableModel(Kind kind, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    void setImages(const QList<ImageInfo> &images);
    void setVolumes(const QList<VolumeInfo> &volumes);
    void setNetworks(const QList<NetworkInfo> &networks);
    void clear();

    Kind kind() const { return m_kind; }
    /// The key of a row: an image's reference (tag, else id), a volume's or a network's name.
    QString keyAt(int row) const { return m_rows.at(row).key; }
    int rowOf(const QString &key) const;
    /// A network row's attached containers (empty where the daemon does not list them).
    QStringList attachedAt(int row) const { return m_rows.at(row).attached; }

private:
    struct Row
    {
        QString key;
        QVariantList display;
        QVariantList sort;
        bool removable = true;
        QStringList attached;
        bool operator==(const Row &) const = default;
    };
    void setRows(const QList<Row> &rows);

    Kind m_kind;
    QList<Row> m_rows;
};

} // namespace Qwq::Containers
