// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverlistmodel.h"

#include "servercontext.h"
#include "serverregistry.h"
#include "workbenchtr.h"

#include <profiles/core/profilestore.h>

namespace Qwq::Workbench {

using Helper::ServerConnection;

ServerListModel::ServerListModel(ServerRegistry *registry, QObject *parent)
    : QAbstractListModel(parent), m_registry(registry)
{
    connect(registry->store(), &Profiles::ProfileStore::profilesChanged, this, &ServerListModel::reload);
    connect(registry, &ServerRegistry::serverStateChanged, this, [this](const QString &id) {
        const QModelIndex idx = indexOf(id);
        if (idx.isValid())
            emit dataChanged(idx, idx);
    });
    reload();
}

void ServerListModel::reload()
{
    QStringList ids;
    for (const Profiles::Profile &p : m_registry->store()->profiles())
        ids << p.id;
    if (ids == m_ids) {
        if (!m_ids.isEmpty())
            emit dataChanged(index(0), index(int(m_ids.size()) - 1));
        return;
    }
    // Removals and insertions one by one keep the selection of the rows that stay.
    for (int i = int(m_ids.size()) - 1; i >= 0; --i) {
        if (!ids.contains(m_ids.at(i))) {
            beginRemoveRows({}, i, i);
            m_ids.removeAt(i);
            endRemoveRows();
        }
    }
    for (int i = 0; i < ids.size(); ++i) {
        if (!m_ids.contains(ids.at(i))) {
            beginInsertRows({}, i, i);
            m_ids.insert(i, ids.at(i));
            endInsertRows();
        }
    }
    emit dataChanged(index(0), index(int(m_ids.size()) - 1));
}

void ServerListModel::retranslate()
{
    if (!m_ids.isEmpty())
        emit dataChanged(index(0), index(int(m_ids.size()) - 1));
}

int ServerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

QModelIndex ServerListModel::indexOf(const QString &profileId) const
{
    const qsizetype row = m_ids.indexOf(profileId);
    return row < 0 ? QModelIndex() : index(int(row));
}

QVariant ServerListModel::data(const QModelIndex &idx, int role) const
{
    if (!idx.isValid() || idx.row() >= m_ids.size())
        return {};
    const QString id = m_ids.at(idx.row());
    const auto profile = m_registry->store()->find(id);
    if (!profile)
        return {};
    ServerContext *ctx = m_registry->context(id);
    const ServerConnection::State state = ctx ? ctx->connection()->state()
                                              : ServerConnection::State::Disconnected;
    switch (role) {
    case Qt::DisplayRole:
        return profile->isLocal() ? Profiles::Profile::local().name : profile->name;
    case Qt::ToolTipRole:
    case AddressRole:
        if (profile->isLocal())
            return Tr::tr("local helper");
        return profile->port == 22
                   ? QStringLiteral("%1@%2").arg(profile->user, profile->host)
                   : QStringLiteral("%1@%2:%3").arg(profile->user, profile->host).arg(profile->port);
    case ProfileIdRole: return id;
    case StateRole: return int(state);
    case StateTextRole: return ServerConnection::stateName(state);
    case ErrorRole: return ctx ? ctx->connection()->lastError().message : QString();
    }
    return {};
}

} // namespace Qwq::Workbench
