// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QPointer>
#include <QStackedWidget>

class QDockWidget;
class QMainWindow;

namespace Qwq::Workbench {

class IPanelFactory;
class ServerContext;

/// Hosts the dock panels: one inner QMainWindow per server in a stack, so every server keeps
/// its own arrangement. Layouts are saved per profile id (Settings::setLayout) and restored
/// the next time that server is shown. Knows panels only through their factories.
class DockHost final : public QStackedWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DockHost)
public:
    explicit DockHost(QList<IPanelFactory *> factories, QWidget *parent = nullptr);
    ~DockHost() override;

    void showServer(ServerContext *server);
    void removeServer(const QString &serverId);
    QString currentServerId() const { return m_current; }
    /// Raises a panel of a server (e.g. when an issue is activated).
    void focusPanel(const QString &serverId, const QString &panelId);
    QList<QDockWidget *> docks(const QString &serverId) const;
    void saveLayouts() const;

protected:
    void changeEvent(QEvent *e) override;

private:
    struct Workspace
    {
        QMainWindow *window = nullptr;
        QList<QDockWidget *> docks;
    };
    Workspace createWorkspace(ServerContext *server);

    QList<IPanelFactory *> m_factories;
    QHash<QString, Workspace> m_workspaces;
    QString m_current;
};

} // namespace Qwq::Workbench
