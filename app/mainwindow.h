// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QLineEdit;
class QTreeView;
class QTableView;
class QToolBar;
class QToolButton;

namespace Qwq::Workbench {
class DockHost;
class IGlobalPanelFactory;
class IModule;
class IssuesModel;
class ServerContext;
class ServerFilterModel;
class ServerListModel;
class ServerRegistry;
}
namespace Qwq::Ssh {
struct HostKeyInfo;
}
namespace Qwq::Profiles {
class ProfileSortModel;
class SortMenu;
}

namespace Qwq::App {

/// The shell: server sidebar, the dock host with each server's panels, the Issues list and
/// the actions that act on the selected server. Knows panels only through the modules.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    MainWindow(Workbench::ServerRegistry *registry, const QList<Workbench::IModule *> &modules,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Selects a server and shows its panels.
    void selectServer(const QString &profileId);
    QString currentServerId() const;
    Workbench::IssuesModel *issues() const { return m_issues; }
    Workbench::DockHost *dockHost() const { return m_dockHost; }

protected:
    void changeEvent(QEvent *e) override;
    void closeEvent(QCloseEvent *e) override;

private:
    void createActions();
    void retranslate();
    void updateActions();
    void onServerActivated(const QModelIndex &index);
    void watchContext(Workbench::ServerContext *ctx);
    void askHostKey(Workbench::ServerContext *ctx, const Ssh::HostKeyInfo &key, bool changed);
    void addServer();
    void editServer();
    void removeServer();
    void duplicateServer();
    void showSidebarMenu(const QPoint &pos);
    void openGroups(const QString &path = {}, bool newGroup = false);
    void openIdentities();
    void addServerToGroup(const QString &group);
    void openSettings();
    Workbench::ServerContext *currentContext() const;

    Workbench::ServerRegistry *m_registry;
    Workbench::ServerListModel *m_serverModel;
    Workbench::IssuesModel *m_issues;
    Workbench::DockHost *m_dockHost;
    Workbench::ServerFilterModel *m_serverFilter;
    Profiles::ProfileSortModel *m_serverSort;
    QToolButton *m_sortButton;
    Profiles::SortMenu *m_sortMenu;
    QTreeView *m_serverList;
    QLineEdit *m_search;
    QString m_keepSelection;
    QDockWidget *m_serverDock;
    QDockWidget *m_issuesDock;
    QTableView *m_issuesView;
    QToolBar *m_toolBar;
    QLabel *m_statusLabel;
    QAction *m_addAction;
    QAction *m_editAction;
    QAction *m_removeAction;
    QAction *m_duplicateAction;
    QAction *m_groupsAction;
    QAction *m_identitiesAction;
    QAction *m_connectAction;
    QAction *m_disconnectAction;
    QAction *m_settingsAction;
    QAction *m_quitAction;
    QMenu *m_fileMenu;
    QMenu *m_serverMenu;
    QMenu *m_viewMenu;
    QList<Workbench::IGlobalPanelFactory *> m_globalFactories;
    QList<QDockWidget *> m_globalDocks;
};

} // namespace Qwq::App
