// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <workbench/ui/imodule.h>
#include <workbench/ui/ipanelfactory.h>

namespace Qwq::Websites {

class WebsitesPanelFactory final : public Workbench::IPanelFactory
{
public:
    QString id() const override { return QStringLiteral("websites.panel"); }
    QString title() const override;
    Qt::DockWidgetArea defaultArea() const override { return Qt::TopDockWidgetArea; }
    QWidget *createPanel(Workbench::ServerContext *server, QWidget *parent) override;
};

/// Websites: the per-server nginx sites panel (issue 6).
class WebsitesModule final : public Workbench::IModule
{
public:
    QString id() const override { return QStringLiteral("websites"); }
    QList<Workbench::IPanelFactory *> panelFactories() override { return {&m_panel}; }
    void registerAiTools(Ai::ToolRegistry &registry) override;

private:
    WebsitesPanelFactory m_panel;
};

} // namespace Qwq::Websites
