// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <workbench/ui/imodule.h>
#include <workbench/ui/ipanelfactory.h>

namespace Qwq::Terminal {

class TerminalPanelFactory final : public Workbench::IPanelFactory
{
public:
    QString id() const override { return QStringLiteral("terminal.tabs"); }
    QString title() const override;
    Qt::DockWidgetArea defaultArea() const override { return Qt::BottomDockWidgetArea; }
    QWidget *createPanel(Workbench::ServerContext *server, QWidget *parent) override;
};

/// Terminals: the Terminal panel with a tab per shell (a local PTY for This computer).
class TerminalModule final : public Workbench::IModule
{
public:
    QString id() const override { return QStringLiteral("terminal"); }
    QList<Workbench::IPanelFactory *> panelFactories() override { return {&m_tabs}; }

private:
    TerminalPanelFactory m_tabs;
};

} // namespace Qwq::Terminal
