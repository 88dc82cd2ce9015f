// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <workbench/ui/iglobalpanelfactory.h>
#include <workbench/ui/imodule.h>
#include <workbench/ui/ipanelfactory.h>

#include <memory>

namespace Qwq::Monitor {

class DashboardPanelFactory final : public Workbench::IPanelFactory
{
public:
    QString id() const override { return QStringLiteral("monitor.dashboard"); }
    QString title() const override;
    Qt::DockWidgetArea defaultArea() const override { return Qt::TopDockWidgetArea; }
    QWidget *createPanel(Workbench::ServerContext *server, QWidget *parent) override;
};

class FleetPanelFactory final : public Workbench::IGlobalPanelFactory
{
public:
    QString id() const override { return QStringLiteral("monitor.fleet"); }
    QString title() const override;
    Qt::DockWidgetArea defaultArea() const override { return Qt::BottomDockWidgetArea; }
    QWidget *createPanel(Workbench::ServerRegistry *registry, QWidget *parent) override;
};

/// Monitoring: the Dashboard panel (system facts, live CPU/memory, filesystems) and the
/// fleet overview across servers.
class MonitorModule final : public Workbench::IModule
{
public:
    QString id() const override { return QStringLiteral("monitor"); }
    QList<Workbench::IPanelFactory *> panelFactories() override { return {&m_dashboard}; }
    QList<Workbench::IGlobalPanelFactory *> globalPanelFactories() override { return {&m_fleet}; }
    /// system_info (system.info): the facts the Dashboard shows, for the AI pane.
    void registerAiTools(Ai::ToolRegistry &registry) override;

private:
    DashboardPanelFactory m_dashboard;
    FleetPanelFactory m_fleet;
};

} // namespace Qwq::Monitor
