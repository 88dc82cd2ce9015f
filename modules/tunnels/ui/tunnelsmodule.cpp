// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tunnelsmodule.h"

#include "tunnelspanel.h"

#include <tunnels/core/tunnelstr.h>

namespace Qwq::Tunnels {

QString ForwardsPanelFactory::title() const
{
    return Tr::tr("Port Forwards");
}

QWidget *ForwardsPanelFactory::createPanel(Workbench::ServerContext *server, QWidget *parent)
{
    return new TunnelsPanel(server, parent);
}

} // namespace Qwq::Tunnels
