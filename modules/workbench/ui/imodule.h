// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>
#include <QString>

namespace Qwq::Ai {
class ToolRegistry;
}

namespace Qwq::Workbench {

class IGlobalPanelFactory;
class IPanelFactory;

/// A capability of qwq (monitor, containers, …). `app/modulelist.cpp` creates the modules in
/// order; each brings its panel factories. The module owns its factories.
class IModule
{
public:
    virtual ~IModule() = default;
    virtual QString id() const = 0;
    virtual QList<IPanelFactory *> panelFactories() = 0;
    /// Panels that span all servers; most modules have none.
    virtual QList<IGlobalPanelFactory *> globalPanelFactories() { return {}; }
    /// The tools this module offers the AI pane (helper methods with strict JSON schemas;
    /// their risk comes from the helper's method table). Called once at start-up, after every
    /// module exists. Most modules add none.
    virtual void registerAiTools(Ai::ToolRegistry &registry) { Q_UNUSED(registry) }
};

} // namespace Qwq::Workbench
