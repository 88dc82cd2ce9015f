// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

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
};

} // namespace Qwq::Workbench
