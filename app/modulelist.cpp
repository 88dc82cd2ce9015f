// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "modulelist.h"

#include <ai/ui/aimodule.h>
#include <containers/ui/containersmodule.h>
#include <databases/ui/databasesmodule.h>
#include <monitor/ui/monitormodule.h>
#include <terminal/ui/terminalmodule.h>
#include <tunnels/ui/tunnelsmodule.h>
#include <websites/ui/websitesmodule.h>

namespace Qwq::App {

ModuleList::ModuleList()
{
    // One line per module; keep in the order panels should appear.
    m_modules.push_back(std::make_unique<Monitor::MonitorModule>());
    m_modules.push_back(std::make_unique<Containers::ContainersModule>());
    m_modules.push_back(std::make_unique<Websites::WebsitesModule>());
    m_modules.push_back(std::make_unique<Databases::DatabasesModule>());
    m_modules.push_back(std::make_unique<Tunnels::TunnelsModule>());
    m_modules.push_back(std::make_unique<Terminal::TerminalModule>());
    m_modules.push_back(std::make_unique<Ai::AiModule>([this] { return modules(); }));
}

ModuleList::~ModuleList() = default;

QList<Workbench::IModule *> ModuleList::modules() const
{
    QList<Workbench::IModule *> list;
    for (const auto &m : m_modules)
        list.append(m.get());
    return list;
}

} // namespace Qwq::App
