// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <Qt>

class QWidget;

namespace Qwq::Workbench {

class ServerRegistry;

/// Makes a panel that spans all servers (the fleet overview, later alerts and transfers).
/// The main window docks it once; it reaches servers through the registry and asks the shell
/// to show one with ServerRegistry::showServerRequested.
class IGlobalPanelFactory
{
public:
    virtual ~IGlobalPanelFactory() = default;
    virtual QString id() const = 0;
    virtual QString title() const = 0;   // translated; re-read on LanguageChange
    virtual Qt::DockWidgetArea defaultArea() const = 0;
    virtual QWidget *createPanel(ServerRegistry *registry, QWidget *parent) = 0;
};

} // namespace Qwq::Workbench
