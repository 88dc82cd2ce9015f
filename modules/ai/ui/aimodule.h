// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <workbench/ui/imodule.h>
#include <workbench/ui/ipanelfactory.h>

#include <functional>
#include <memory>

namespace Qwq::Ai {

class AiServices;

class AiPanelFactory final : public Workbench::IPanelFactory
{
public:
    explicit AiPanelFactory(std::function<AiServices *()> services) : m_services(std::move(services)) {}
    QString id() const override { return QStringLiteral("ai.chat"); }
    QString title() const override;
    Qt::DockWidgetArea defaultArea() const override { return Qt::RightDockWidgetArea; }
    QWidget *createPanel(Workbench::ServerContext *server, QWidget *parent) override;

private:
    std::function<AiServices *()> m_services;
};

/// The AI operator pane: one chat per server that diagnoses with read-only tools and acts
/// only with the user's approval. Collects every module's AI tools once, when the shell first
/// asks for panel factories (all modules exist by then).
class AiModule final : public Workbench::IModule
{
public:
    /// `modules` lists every module of the app (this one included), asked lazily.
    explicit AiModule(std::function<QList<Workbench::IModule *>()> modules = {});
    ~AiModule() override;

    QString id() const override { return QStringLiteral("ai"); }
    QList<Workbench::IPanelFactory *> panelFactories() override;
    /// The core's tools (system_info) unless another module registered a tool by that name.
    void registerAiTools(ToolRegistry &registry) override;

    /// Registers the tools of `modules` (and the built-ins) once.
    void collectTools();
    AiServices *services();

private:
    std::function<QList<Workbench::IModule *>()> m_modules;
    std::unique_ptr<AiServices> m_services;
    AiPanelFactory m_factory;
    bool m_collected = false;
};

} // namespace Qwq::Ai
