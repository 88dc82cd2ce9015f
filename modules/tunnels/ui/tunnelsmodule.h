// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <workbench/ui/imodule.h>
#include <workbench/ui/ipanelfactory.h>

namespace Qwq::Tunnels {

class ForwardsPanelFactory final : public Workbench::IPanelFactory
{
public:
    QString id() const override { return QStringLiteral("tunnels.forwards"); }
    QString title() const override;
    Qt::DockWidgetArea defaultArea() const override { return Qt::BottomDockWidgetArea; }
    QWidget *createPanel(Workbench::ServerContext *server, QWidget *parent) override;
};

/// Saved, named port forwards per server: the Port Forwards panel.
class TunnelsModule final : public Workbench::IModule
{
public:
    QString id() const override { return QStringLiteral("tunnels"); }
    QList<Workbench::IPanelFactory *> panelFactories() override { return {&m_forwards}; }

private:
    ForwardsPanelFactory m_forwards;
};

} // namespace Qwq::Tunnels
