// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectmodels.h"

#include "containerstr.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

namespace Qwq::Containers {

ObjectTableModel::ObjectTableModel(Kind kind, QObject *parent) : QAbstractTableModel(parent), m_kind(kind) {}

int ObjectTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ObjectTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    switch (m_kind) {
    case Kind::Images: return 4;
    case Kind::Volumes: return 4;
    case Kind::Networks: return 4;
    }
    return 0;
}

QVariant ObjectTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return r.display.value(index.column());
    case Qt::ToolTipRole: return plainToolTip(r.display.value(index.column()).toString());
    case SortRole: {
        const QVariant s = r.sort.value(index.column());
        return s.isValid() ? s : r.display.value(index.column());
    }
    case KeyRole: return r.key;
    case RemovableRole: return r.removable;
    case Qt::TextAlignmentRole:
        if (m_kind == Kind::Images && index.column() == 2)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant ObjectTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (m_kind) {
    case Kind::Images: {
        const QStringList h{Tr::tr("Tags"), Tr::tr("ID"), Tr::tr("Size"), Tr::tr("Created")};
        return h.value(section);
    }
    case Kind::Volumes: {
        const QStringList h{Tr::tr("Name"), Tr::tr("Driver"), Tr::tr("Mount point"), Tr::tr("Created")};
        return h.value(section);
    }
    case Kind::Networks: {
        const QStringList h{Tr::tr("Name"), Tr::tr("Driver"), Tr::tr("Scope"), Tr::tr("Subnets")};
        return h.value(section);
    }
    }
    return {};
}

int ObjectTableModel::rowOf(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key == key)
            return i;
    }
    return -1;
}

void ObjectTableModel::setImages(const QList<ImageInfo> &images)
{
    QList<Row> rows;
    const QLocale loc;
    for (const ImageInfo &i : images) {
        const QString shortId = i.id.startsWith(QLatin1String("sha256:")) ? i.id.mid(7, 12) : i.id.left(12);
        const QString tags = i.repoTags.isEmpty() ? Tr::tr("<untagged>") : i.repoTags.join(QStringLiteral(", "));
        rows << Row{i.reference(),
                    {tags, shortId, formatBytes(i.size),
                     loc.toString(QDateTime::fromSecsSinceEpoch(i.created), QLocale::ShortFormat)},
                    {tags.toLower(), shortId, i.size, i.created},
                    true,
                    {}};
    }
    setRows(rows);
}

void ObjectTableModel::setVolumes(const QList<VolumeInfo> &volumes)
{
    QList<Row> rows;
    for (const VolumeInfo &v : volumes)
        rows << Row{v.name, {v.name, v.driver, v.mountpoint, v.createdAt}, {}, true, {}};
    setRows(rows);
}

void ObjectTableModel::setNetworks(const QList<NetworkInfo> &networks)
{
    QList<Row> rows;
    for (const NetworkInfo &n : networks) {
        const QString scope = n.internal ? Tr::tr("%1, internal").arg(n.scope) : n.scope;
        rows << Row{n.name, {n.name, n.driver, scope, n.subnets.join(QStringLiteral(", "))}, {}, !n.isPredefined(),
                 n.containers};
    }
    setRows(rows);
}

void ObjectTableModel::clear()
{
    setRows({});
}

void ObjectTableModel::setRows(const QList<Row> &rows)
{
    QHash<QString, int> incoming;
    for (int i = 0; i < rows.size(); ++i)
        incoming.insert(rows.at(i).key, i);
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (!incoming.contains(m_rows.at(i).key)) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    QSet<QString> have;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &now = rows.at(incoming.value(m_rows.at(i).key));
        have.insert(now.key);
        if (!(m_rows.at(i) == now)) {
            m_rows[i] = now;
            emit dataChanged(index(i, 0), index(i, columnCount() - 1));
        }
    }
    QList<Row> added;
    for (const Row &r : rows) {
        if (!have.contains(r.key)) {
            added << r;
            have.insert(r.key);
        }
    }
    if (added.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
    m_rows += added;
    endInsertRows();
}

} // namespace Qwq::Containers
