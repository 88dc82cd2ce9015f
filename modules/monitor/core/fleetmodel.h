// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "systeminfo.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace Qwq::Workbench {
class ServerContext;
class ServerRegistry;
}

namespace Qwq::Monitor {

/// Every server at a glance: state, latency, OS, uptime, load, memory and the last problem.
/// Polls `system.info` of each connected server (every 30 s and when it becomes ready);
/// never connects anything by itself. Rows follow the profile store.
class FleetModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetModel)
public:
    enum Column { NameColumn, StateColumn, LatencyColumn, OsColumn, UptimeColumn, LoadColumn,
                  MemoryColumn, ProblemColumn, ColumnCount };
    enum Role { ProfileIdRole = Qt::UserRole + 1, StateRole, SortRole };

    explicit FleetModel(Workbench::ServerRegistry *registry, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    void setPollInterval(int ms) { m_poll.setInterval(ms); }
    /// Asks every connected server for fresh facts now.
    void refresh();
    void retranslate();

private:
    void reload();
    void watch(Workbench::ServerContext *ctx);
    void poll(Workbench::ServerContext *ctx);
    void rowChanged(const QString &id);

    Workbench::ServerRegistry *m_registry;
    QStringList m_ids;
    QHash<QString, SystemInfo> m_info;
    QHash<QString, bool> m_polling;
    QTimer m_poll;
};

} // namespace Qwq::Monitor
