// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tunnelsmodel.h"

#include "forwardspecs.h"
#include "tunnelstr.h"

#include <helper/core/serverconnection.h>
#include <profiles/core/profilestore.h>
#include <workbench/core/servercontext.h>

#include <QLocale>

namespace Qwq::Tunnels {

using Helper::ServerConnection;

namespace {
bool sameRule(const Ssh::ForwardRule &a, const Ssh::ForwardRule &b)
{
    return a.kind == b.kind && a.bindAddress == b.bindAddress && a.bindPort == b.bindPort
           && a.targetHost == b.targetHost && a.targetPort == b.targetPort;
}
} // namespace

TunnelsModel::TunnelsModel(Workbench::ServerContext *server, QObject *parent)
    : QAbstractTableModel(parent), m_server(server)
{
    if (!server)
        return;
    ServerConnection *conn = server->connection();
    connect(conn, &ServerConnection::forwardsChanged, this,
            [this, conn] { setStatuses(conn->forwards()); });
    connect(conn, &ServerConnection::forwardFailed, this,
            [this](const QString &name, const Error &e) { setRowError(name, e.message); });
    if (Profiles::ProfileStore *store = server->profileStore())
        connect(store, &Profiles::ProfileStore::profilesChanged, this, &TunnelsModel::reload);
    reload();
    setStatuses(conn->forwards());
}

void TunnelsModel::reload()
{
    if (!m_server)
        return;
    Profiles::Profile p = m_server->profile();
    if (Profiles::ProfileStore *store = m_server->profileStore()) {
        if (auto found = store->find(p.id); found && found->id == p.id)
            p = *found;
    }
    setSpecs(p.forwards);
}

int TunnelsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_specs.size());
}

int TunnelsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void TunnelsModel::setSpecs(const QList<Profiles::ForwardSpec> &specs)
{
    if (specs == m_specs)
        return;
    const auto names = [](const QList<Profiles::ForwardSpec> &l) {
        QStringList n;
        for (const auto &s : l)
            n << s.name;
        return n;
    };
    if (names(specs) == names(m_specs)) {
        // Same rows, edited fields: keep selection and scroll.
        m_specs = specs;
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_specs = specs;
    endResetModel();
}

void TunnelsModel::setStatuses(const QList<Ssh::ForwardStatus> &statuses)
{
    m_statuses = statuses;
    if (!m_specs.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void TunnelsModel::setRowError(const QString &name, const QString &message)
{
    m_errors.insert(name, message);
    for (int row = 0; row < m_specs.size(); ++row) {
        if (m_specs.at(row).name == name)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

const Ssh::ForwardStatus *TunnelsModel::statusFor(int row) const
{
    if (row < 0 || row >= m_specs.size())
        return nullptr;
    const Ssh::ForwardRule rule = ServerConnection::forwardRule(m_specs.at(row));
    for (const Ssh::ForwardStatus &s : m_statuses) {
        if (sameRule(s.rule, rule))
            return &s;
    }
    return nullptr;
}

int TunnelsModel::forwardId(int row) const
{
    const Ssh::ForwardStatus *s = statusFor(row);
    return s ? s->id : -1;
}

TunnelsModel::RowState TunnelsModel::rowState(int row) const
{
    if (statusFor(row))
        return RowState::Active;
    return m_errors.contains(m_specs.value(row).name) ? RowState::Error : RowState::Off;
}

QFuture<Result<int>> TunnelsModel::start(int row)
{
    if (!m_server || row < 0 || row >= m_specs.size())
        return QtFuture::makeReadyFuture(
            Result<int>(Error(ErrorCode::InvalidParam, Tr::tr("No forward rule is selected"))));
    const QString name = m_specs.at(row).name;
    m_errors.remove(name);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return m_server->connection()
        ->startForward(ServerConnection::forwardRule(m_specs.at(row)))
        .then(this, [this, name](const Result<int> &r) {
            if (!r)
                setRowError(name, r.error().message);
            return r;
        });
}

void TunnelsModel::stop(int row)
{
    const int id = forwardId(row);
    if (m_server && id >= 0)
        m_server->connection()->stopForward(id);
}

QVariant TunnelsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Profiles::ForwardSpec &spec = m_specs.at(row);
    const Ssh::ForwardStatus *st = statusFor(row);
    const RowState state = rowState(row);
    if (role == StateRole)
        return int(state);
    if (role == NameRole)
        return spec.name;
    if (role == ForwardIdRole)
        return st ? st->id : -1;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Name: return spec.name;
    case Kind: return kindTitle(spec.kind);
    case Listen:
        return spec.kind == QLatin1String("remote")
                   ? Tr::tr("server %1").arg(listenText(spec, st ? st->boundPort : 0))
                   : listenText(spec, st ? st->boundPort : 0);
    case Target: return targetText(spec);
    case State:
        switch (state) {
        case RowState::Off: return Tr::tr("Off", "forward state");
        case RowState::Active: return Tr::tr("Active", "forward state");
        case RowState::Error: return Tr::tr("Error", "forward state");
        }
        return {};
    case Connections: return st ? QVariant(st->activeConnections) : QVariant();
    case BytesIn: return st ? QVariant(locale.formattedDataSize(st->bytesIn)) : QVariant();
    case BytesOut: return st ? QVariant(locale.formattedDataSize(st->bytesOut)) : QVariant();
    case LastError: {
        const QString e = m_errors.value(spec.name);
        return e.isEmpty() && st ? st->lastError : e;
    }
    }
    return {};
}

QVariant TunnelsModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return Tr::tr("Name");
    case Kind: return Tr::tr("Kind");
    case Listen: return Tr::tr("Listen");
    case Target: return Tr::tr("Target");
    case State: return Tr::tr("State");
    case Connections: return Tr::tr("Connections");
    case BytesIn: return Tr::tr("In");
    case BytesOut: return Tr::tr("Out");
    case LastError: return Tr::tr("Last error");
    }
    return {};
}

void TunnelsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_specs.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace Qwq::Tunnels
