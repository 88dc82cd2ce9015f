// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <workbench/ui/imodule.h>
#include <workbench/ui/ipanelfactory.h>

namespace Qwq::Databases {

class DatabasesPanelFactory final : public Workbench::IPanelFactory
{
public:
    QString id() const override { return QStringLiteral("databases.panel"); }
    QString title() const override;
    Qt::DockWidgetArea defaultArea() const override { return Qt::TopDockWidgetArea; }
    QWidget *createPanel(Workbench::ServerContext *server, QWidget *parent) override;
};

/// Databases: SQL editor and results per saved connection of each server (issue 7).
class DatabasesModule final : public Workbench::IModule
{
public:
    QString id() const override { return QStringLiteral("databases"); }
    QList<Workbench::IPanelFactory *> panelFactories() override { return {&m_panel}; }

private:
    DatabasesPanelFactory m_panel;
};

} // namespace Qwq::Databases
