// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockhost.h"

#include "ipanelfactory.h"

#include <core/core/settings.h>
#include <workbench/core/servercontext.h>

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>

namespace Qwq::Workbench {

namespace {
constexpr int kLayoutVersion = 1;
}

DockHost::DockHost(QList<IPanelFactory *> factories, QWidget *parent)
    : QStackedWidget(parent), m_factories(std::move(factories))
{}

DockHost::~DockHost()
{
    saveLayouts();
}

DockHost::Workspace DockHost::createWorkspace(ServerContext *server)
{
    Workspace ws;
    ws.window = new QMainWindow(this);
    ws.window->setWindowFlags(Qt::Widget);
    ws.window->setDockNestingEnabled(true);
    ws.window->setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks
                              | QMainWindow::AllowTabbedDocks);
    // No central widget: give the right area (the AI pane) the full height, as a column.
    ws.window->setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    ws.window->setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    QHash<Qt::DockWidgetArea, QDockWidget *> firstInArea;
    for (IPanelFactory *f : std::as_const(m_factories)) {
        auto *dock = new QDockWidget(f->title(), ws.window);
        dock->setObjectName(f->id());
        dock->setWidget(f->createPanel(server, dock));
        ws.window->addDockWidget(f->defaultArea(), dock);
        if (QDockWidget *first = firstInArea.value(f->defaultArea()))
            ws.window->tabifyDockWidget(first, dock);
        else
            firstInArea.insert(f->defaultArea(), dock);
        ws.docks.append(dock);
    }
    if (!ws.docks.isEmpty())
        ws.docks.first()->raise();
    const QByteArray state = Settings::layout(server->serverId());
    if (!state.isEmpty())
        ws.window->restoreState(state, kLayoutVersion);
    addWidget(ws.window);
    return ws;
}

void DockHost::showServer(ServerContext *server)
{
    const QString id = server->serverId();
    auto it = m_workspaces.find(id);
    if (it == m_workspaces.end())
        it = m_workspaces.insert(id, createWorkspace(server));
    m_current = id;
    setCurrentWidget(it->window);
}

void DockHost::removeServer(const QString &serverId)
{
    const auto ws = m_workspaces.take(serverId);
    if (!ws.window)
        return;
    Settings::setLayout(serverId, ws.window->saveState(kLayoutVersion));
    removeWidget(ws.window);
    delete ws.window;
    if (m_current == serverId)
        m_current.clear();
}

void DockHost::focusPanel(const QString &serverId, const QString &panelId)
{
    const auto it = m_workspaces.constFind(serverId);
    if (it == m_workspaces.cend())
        return;
    setCurrentWidget(it->window);
    m_current = serverId;
    for (QDockWidget *d : it->docks) {
        if (d->objectName() == panelId) {
            d->show();
            d->raise();
        }
    }
}

QList<QDockWidget *> DockHost::docks(const QString &serverId) const
{
    return m_workspaces.value(serverId).docks;
}

void DockHost::saveLayouts() const
{
    for (auto it = m_workspaces.cbegin(); it != m_workspaces.cend(); ++it)
        Settings::setLayout(it.key(), it->window->saveState(kLayoutVersion));
}

void DockHost::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) {
        for (const Workspace &ws : std::as_const(m_workspaces)) {
            for (QDockWidget *d : ws.docks) {
                for (IPanelFactory *f : std::as_const(m_factories)) {
                    if (f->id() == d->objectName())
                        d->setWindowTitle(f->title());
                }
            }
        }
    }
    QStackedWidget::changeEvent(e);
}

} // namespace Qwq::Workbench
