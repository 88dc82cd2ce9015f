// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "databasesmodule.h"

#include "databasespanel.h"

#include <databases/core/databasestr.h>

namespace Qwq::Databases {

QString DatabasesPanelFactory::title() const
{
    return Tr::tr("Databases");
}

QWidget *DatabasesPanelFactory::createPanel(Workbench::ServerContext *server, QWidget *parent)
{
    return new DatabasesPanel(server, parent);
}

} // namespace Qwq::Databases
