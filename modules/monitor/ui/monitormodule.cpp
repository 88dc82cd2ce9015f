// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitormodule.h"

#include "dashboardpanel.h"
#include "fleetpanel.h"

#include <ai/core/aitr.h>
#include <ai/core/toolregistry.h>
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

void MonitorModule::registerAiTools(Ai::ToolRegistry &registry)
{
    // Model-facing, so English. system.info takes no parameters: the schema allows none.
    const Ai::Tool systemInfo{
        QStringLiteral("system_info"),
        QStringLiteral("Facts about the server right now: host name, OS, kernel, architecture, "
                       "uptime, CPU model and count, load averages (1, 5, 15 min), memory and "
                       "swap (bytes total/available/used), and every mounted filesystem with its "
                       "device, type, size, used and available bytes. Use it first for questions "
                       "about load, memory or disk space."),
        QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                    {QStringLiteral("properties"), QJsonObject()},
                    {QStringLiteral("additionalProperties"), false}},
        QStringLiteral("system.info")};
    if (auto r = registry.add(systemInfo); !r)
        qCWarning(lcAi).noquote() << r.error().toString();
}

} // namespace Qwq::Monitor
