// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aimodule.h"

#include "aipanel.h"
#include "aiservices.h"

#include <ai/core/aitr.h>

namespace Qwq::Ai {

QString AiPanelFactory::title() const
{
    return Tr::tr("AI");
}

QWidget *AiPanelFactory::createPanel(Workbench::ServerContext *server, QWidget *parent)
{
    return new AiPanel(server, m_services(), parent);
}

AiModule::AiModule(std::function<QList<Workbench::IModule *>()> modules)
    : m_modules(std::move(modules)), m_factory([this] { return services(); })
{}

AiModule::~AiModule() = default;

AiServices *AiModule::services()
{
    if (!m_services)
        m_services = std::make_unique<AiServices>();
    collectTools();
    return m_services.get();
}

QList<Workbench::IPanelFactory *> AiModule::panelFactories()
{
    collectTools();
    return {&m_factory};
}

void AiModule::collectTools()
{
    if (m_collected)
        return;
    m_collected = true;
    if (!m_services)
        m_services = std::make_unique<AiServices>();
    ToolRegistry &registry = m_services->tools();
    const QList<Workbench::IModule *> modules =
        m_modules ? m_modules() : QList<Workbench::IModule *>{this};
    for (Workbench::IModule *m : modules) {
        if (m != this)
            m->registerAiTools(registry);
    }
    registerAiTools(registry);   // last: the built-ins fill what no module registered
}

void AiModule::registerAiTools(ToolRegistry &registry)
{
    for (const Tool &t : ToolRegistry::builtins()) {
        if (registry.find(t.name))
            continue;
        if (auto r = registry.add(t); !r)
            qCWarning(lcAi).noquote() << r.error().toString();
    }
}

} // namespace Qwq::Ai
