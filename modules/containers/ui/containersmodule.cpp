// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "containersmodule.h"

#include "containerspanel.h"

#include <ai/core/aitr.h>
#include <ai/core/toolregistry.h>
#include <containers/core/containertools.h>
#include <containers/core/containerstr.h>

namespace Qwq::Containers {

QString ContainersPanelFactory::title() const
{
    return Tr::tr("Containers");
}

QWidget *ContainersPanelFactory::createPanel(Workbench::ServerContext *server, QWidget *parent)
{
    return new ContainersPanel(server, parent);
}

void ContainersModule::registerAiTools(Ai::ToolRegistry &registry)
{
    for (const Ai::Tool &tool : containerTools()) {
        if (auto r = registry.add(tool); !r)
            qCWarning(lcAi).noquote() << r.error().toString();
    }
}

} // namespace Qwq::Containers
