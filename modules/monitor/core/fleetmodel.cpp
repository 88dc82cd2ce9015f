// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetmodel.h"

#include "monitortr.h"

#include <helper/core/helperclient.h>
#include <helper/core/serverconnection.h>
#include <profiles/core/profilestore.h>
#include <workbench/core/servercontext.h>
#include <workbench/core/serverregistry.h>

#include <QLocale>

#include <climits>

namespace Qwq::Monitor {

using Helper::ServerConnection;

namespace {
constexpr int kPollMs = 30000;
}

FleetModel::FleetModel(Workbench::ServerRegistry *registry, QObject *parent)
    : QAbstractTableModel(parent), m_registry(registry)
{
    connect(registry->store(), &Profiles::ProfileStore::profilesChanged, this, &FleetModel::reload);
    connect(registry, &Workbench::ServerRegistry::serverStateChanged, this, &FleetModel::rowChanged);
    connect(registry, &Workbench::ServerRegistry::contextCreated, this, &FleetModel::watch);
    for (Workbench::ServerContext *ctx : registry->contexts())
        watch(ctx);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &FleetModel::refresh);
    m_poll.start();
    reload();
}

void FleetModel::watch(Workbench::ServerContext *ctx)
{
    const QString id = ctx->serverId();
    connect(ctx, &Workbench::ServerContext::readyChanged, this, [this, ctx](bool ready) {
        if (ready)
            poll(ctx);
    });
    connect(ctx->connection(), &ServerConnection::latencyChanged, this,
            [this, id] { rowChanged(id); });
    if (ctx->isReady())
        poll(ctx);
}

void FleetModel::reload()
{
    QStringList ids;
    for (const Profiles::Profile &p : m_registry->store()->profiles())
        ids << p.id;
    if (ids == m_ids) {
        if (!m_ids.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_ids.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_ids = ids;
    for (const QString &gone : m_info.keys()) {
        if (!ids.contains(gone))
            m_info.remove(gone);
    }
    endResetModel();
    // Contexts exist from here on, so their state changes reach this model.
    for (const QString &id : std::as_const(m_ids))
        m_registry->context(id);
}

void FleetModel::refresh()
{
    for (Workbench::ServerContext *ctx : m_registry->contexts()) {
        if (ctx->isReady())
            poll(ctx);
    }
}

void FleetModel::poll(Workbench::ServerContext *ctx)
{
    Helper::HelperClient *helper = ctx->helper();
    const QString id = ctx->serverId();
    if (!helper || m_polling.value(id))
        return;
    m_polling.insert(id, true);
    helper->call(QStringLiteral("system.info")).then(this, [this, id](const Result<QJsonValue> &r) {
        m_polling.remove(id);
        if (!r)
            return;   // the connection or the dashboard reports its own errors
        const auto info = SystemInfo::fromJson(r->toObject());
        if (!info)
            return;
        m_info.insert(id, *info);
        rowChanged(id);
    });
}

void FleetModel::rowChanged(const QString &id)
{
    const qsizetype row = m_ids.indexOf(id);
    if (row >= 0)
        emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
}

void FleetModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_ids.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_ids.size()) - 1, ColumnCount - 1));
}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetModel::data(const QModelIndex &idx, int role) const
{
    if (!idx.isValid() || idx.row() >= m_ids.size())
        return {};
    const QString id = m_ids.at(idx.row());
    const auto profile = m_registry->store()->find(id);
    Workbench::ServerContext *ctx = m_registry->context(id);
    if (!profile || !ctx)
        return {};
    const ServerConnection *conn = ctx->connection();
    const bool ready = conn->state() == ServerConnection::State::Ready;
    const auto infoIt = m_info.constFind(id);
    const bool hasInfo = ready && infoIt != m_info.cend();
    if (role == ProfileIdRole)
        return id;
    if (role == StateRole)
        return int(conn->state());
    if (role == Qt::TextAlignmentRole && idx.column() >= LatencyColumn && idx.column() <= MemoryColumn
        && idx.column() != OsColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (idx.column()) {
        case LatencyColumn: return conn->latencyMs() < 0 ? INT_MAX : conn->latencyMs();
        case UptimeColumn: return hasInfo ? infoIt->uptimeSeconds : -1;
        case LoadColumn: return hasInfo ? infoIt->load[0] : -1.0;
        case MemoryColumn:
            return hasInfo && infoIt->memTotal > 0 ? double(infoIt->memUsed) / double(infoIt->memTotal) : -1.0;
        case StateColumn: return int(conn->state());
        default: break;
        }
        return data(idx, Qt::DisplayRole);
    }
    if (role == Qt::ToolTipRole && idx.column() == ProblemColumn)
        return conn->lastError().detail.isEmpty() ? conn->lastError().message
                                                  : conn->lastError().message + QLatin1Char('\n') + conn->lastError().detail;
    if (role != Qt::DisplayRole)
        return {};
    const QLocale loc;
    switch (idx.column()) {
    case NameColumn: return profile->isLocal() ? Profiles::Profile::local().name : profile->name;
    case StateColumn: return ServerConnection::stateName(conn->state());
    case LatencyColumn:
        if (!ready)
            return QString();
        return conn->latencyMs() < 0 ? Tr::tr("—") : Tr::tr("%1 ms").arg(conn->latencyMs());
    case OsColumn: return hasInfo ? infoIt->osName : QString();
    case UptimeColumn: return hasInfo ? formatUptime(infoIt->uptimeSeconds) : QString();
    case LoadColumn: return hasInfo ? loc.toString(infoIt->load[0], 'f', 2) : QString();
    case MemoryColumn:
        return hasInfo && infoIt->memTotal > 0
                   ? QString(loc.toString(100.0 * double(infoIt->memUsed) / double(infoIt->memTotal), 'f', 0)
                             + QLatin1Char('%'))
                   : QString();
    case ProblemColumn:
        return conn->state() == ServerConnection::State::Failed
                       || conn->state() == ServerConnection::State::Reconnecting
                   ? conn->lastError().message
                   : QString();
    }
    return {};
}

QVariant FleetModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return Tr::tr("Server");
    case StateColumn: return Tr::tr("State");
    case LatencyColumn: return Tr::tr("Latency");
    case OsColumn: return Tr::tr("Operating system");
    case UptimeColumn: return Tr::tr("Uptime");
    case LoadColumn: return Tr::tr("Load");
    case MemoryColumn: return Tr::tr("Memory");
    case ProblemColumn: return Tr::tr("Problem");
    }
    return {};
}

} // namespace Qwq::Monitor
