// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "containersmodule.h"

#include "containerspanel.h"

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

} // namespace Qwq::Containers
