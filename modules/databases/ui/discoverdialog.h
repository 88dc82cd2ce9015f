// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <databases/core/dbtypes.h>

#include <QDialog>
#include <QJsonArray>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Qwq::Databases {

/// What the helper's `databases.discover` found on the server — system services and
/// containers running PostgreSQL, MariaDB/MySQL or Redis — to add as connections.
class DiscoverDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscoverDialog)

public:
    explicit DiscoverDialog(const QString &serverName, QWidget *parent = nullptr);

    void setLoading();
    void setFailed(const QString &message);
    void setInstances(const QJsonArray &instances);
    QTreeWidget *list() const { return m_list; }
    /// A connection for the selected instance (name, engine, host, port, a usual user).
    std::optional<ConnectionSpec> selectedSpec() const;

signals:
    void addRequested(const Qwq::Databases::ConnectionSpec &spec);

private:
    QJsonArray m_instances;
    QLabel *m_state;
    QTreeWidget *m_list;
    QPushButton *m_add;
};

} // namespace Qwq::Databases
