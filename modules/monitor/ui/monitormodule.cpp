// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitormodule.h"

#include "dashboardpanel.h"
#include "fleetpanel.h"

#include <monitor/core/monitortr.h>

namespace Qwq::Monitor {

QString DashboardPanelFactory::title() const
{
    return Tr::tr("Dashboard");
}

QWidget *DashboardPanelFactory::createPanel(Workbench::ServerContext *server, QWidget *parent)
{
    return new DashboardPanel(server, parent);
}

QString FleetPanelFactory::title() const
{
    return Tr::tr("Fleet");
}

QWidget *FleetPanelFactory::createPanel(Workbench::ServerRegistry *registry, QWidget *parent)
{
    return new FleetPanel(registry, parent);
}

} // namespace Qwq::Monitor
