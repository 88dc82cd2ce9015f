// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <profiles/core/profile.h>
#include <ssh/core/sshtypes.h>

#include <QAbstractTableModel>
#include <QFuture>
#include <QHash>
#include <QPointer>

namespace Qwq::Workbench {
class ServerContext;
}

namespace Qwq::Tunnels {

/// The saved forward rules of one server's profile, one row each, with the live state of the
/// forwards running on its connection (matched by rule). Data roles only; the panel adds the
/// looks. Owns nothing but its rows; the ServerContext (may be nullptr in tests) outlives it.
/// A failed start is kept per row (State Error, LastError) until the next start.
class TunnelsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TunnelsModel)
public:
    enum Column { Name, Kind, Listen, Target, State, Connections, BytesIn, BytesOut, LastError,
                  ColumnCount };
    enum Role { StateRole = Qt::UserRole + 1, NameRole, ForwardIdRole };
    enum class RowState { Off, Active, Error };

    explicit TunnelsModel(Workbench::ServerContext *server, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    /// Replaces the rows (rules of the profile) and the live state; used directly by tests.
    void setSpecs(const QList<Profiles::ForwardSpec> &specs);
    void setStatuses(const QList<Ssh::ForwardStatus> &statuses);
    QList<Profiles::ForwardSpec> specs() const { return m_specs; }
    Profiles::ForwardSpec spec(int row) const { return m_specs.value(row); }
    /// The running forward's id for a row, -1 when it is off.
    int forwardId(int row) const;
    RowState rowState(int row) const;

    /// Starts / stops the row's forward on the server's connection (needs a ServerContext).
    QFuture<Result<int>> start(int row);
    void stop(int row);
    /// Notes a failure of a row's rule (shown in State and LastError).
    void setRowError(const QString &name, const QString &message);
    /// Reloads the rules from the profile store (or the connection's profile).
    void reload();
    void retranslate();

private:
    const Ssh::ForwardStatus *statusFor(int row) const;

    QPointer<Workbench::ServerContext> m_server;
    QList<Profiles::ForwardSpec> m_specs;
    QList<Ssh::ForwardStatus> m_statuses;
    QHash<QString, QString> m_errors;   // rule name -> last start failure
};

} // namespace Qwq::Tunnels
