// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Qwq::Workbench {
class ServerRegistry;
}

namespace Qwq::Monitor {

class FleetModel;

/// The fleet overview: every server's state, latency, OS, uptime, load and memory in one
/// sortable table; connect or disconnect all; double-click shows a server.
class FleetPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetPanel)
public:
    explicit FleetPanel(Workbench::ServerRegistry *registry, QWidget *parent = nullptr);
    FleetModel *model() const { return m_model; }

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void updateSummary();

    Workbench::ServerRegistry *m_registry;
    FleetModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_summary;
    QPushButton *m_connectAll;
    QPushButton *m_disconnectAll;
    QPushButton *m_refresh;
};

} // namespace Qwq::Monitor
