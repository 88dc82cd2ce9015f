// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <workbench/ui/imodule.h>
#include <workbench/ui/ipanelfactory.h>

namespace Qwq::Containers {

class ContainersPanelFactory final : public Workbench::IPanelFactory
{
public:
    QString id() const override { return QStringLiteral("containers.panel"); }
    QString title() const override;
    Qt::DockWidgetArea defaultArea() const override { return Qt::TopDockWidgetArea; }
    QWidget *createPanel(Workbench::ServerContext *server, QWidget *parent) override;
};

/// Containers: the per-server Containers panel (containers, images, volumes, networks).
/// Its AI tools are registered by the AI module for now.
class ContainersModule final : public Workbench::IModule
{
public:
    QString id() const override { return QStringLiteral("containers"); }
    QList<Workbench::IPanelFactory *> panelFactories() override { return {&m_panel}; }
    void registerAiTools(Ai::ToolRegistry &registry) override;

private:
    ContainersPanelFactory m_panel;
};

} // namespace Qwq::Containers
