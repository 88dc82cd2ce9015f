// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalmodule.h"

#include "terminalpanel.h"

#include <terminal/core/terminaltr.h>

namespace Qwq::Terminal {

QString TerminalPanelFactory::title() const
{
    return Tr::tr("Terminal");
}

QWidget *TerminalPanelFactory::createPanel(Workbench::ServerContext *server, QWidget *parent)
{
    return new TerminalPanel(server, parent);
}

} // namespace Qwq::Terminal
