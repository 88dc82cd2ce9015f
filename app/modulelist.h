// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <memory>
#include <vector>

namespace Qwq::Workbench {
class IModule;
}

namespace Qwq::App {

/// Every module of the app, created explicitly and in order (no self-registering globals).
/// The order is the order of their panels.
class ModuleList final
{
public:
    ModuleList();
    ~ModuleList();
    QList<Workbench::IModule *> modules() const;

private:
    std::vector<std::unique_ptr<Workbench::IModule>> m_modules;
};

} // namespace Qwq::App
