// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "apptr.h"
#include "hostkeydialog.h"
#include "serveritemdelegate.h"
#include "settingsdialog.h"

#include <core/core/settings.h>
#include <helper/core/serverconnection.h>
#include <profiles/core/profilestore.h>
#include <profiles/core/secretstore.h>
#include <profiles/ui/groupdialog.h>
#include <profiles/ui/identitiesdialog.h>
#include <profiles/ui/profiledialog.h>
#include <profiles/ui/profilesortmodel.h>
#include <profiles/ui/sortmenu.h>
#include <workbench/core/issuesmodel.h>
#include <workbench/core/servercontext.h>
#include <workbench/core/serverlistmodel.h>
#include <workbench/core/serverregistry.h>
#include <workbench/ui/confirmcalldialog.h>
#include <workbench/ui/credentialdialog.h>
#include <workbench/ui/dockhost.h>
#include <workbench/ui/iglobalpanelfactory.h>
#include <workbench/ui/imodule.h>

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>

namespace Qwq::App {

using Helper::ServerConnection;
using Workbench::ServerContext;

MainWindow::MainWindow(Workbench::ServerRegistry *registry,
                       const QList<Workbench::IModule *> &modules, QWidget *parent)
    : QMainWindow(parent), m_registry(registry)
{
    setObjectName(QStringLiteral("mainWindow"));
    resize(1400, 900);
    QList<Workbench::IPanelFactory *> factories;
    for (Workbench::IModule *m : modules) {
        factories += m->panelFactories();
        m_globalFactories += m->globalPanelFactories();
    }

    m_dockHost = new Workbench::DockHost(factories, this);
    setCentralWidget(m_dockHost);

    m_serverModel = new Workbench::ServerListModel(registry, this);
    // Tree → sort (name, last used, host) → search filter → view.
    m_serverSort = new Profiles::ProfileSortModel(registry->store(), Workbench::ServerListModel::ProfileIdRole,
                                                  Workbench::ServerListModel::IsGroupRole, this);
    m_serverSort->setSourceModel(m_serverModel);
    m_serverFilter = new Workbench::ServerFilterModel(this);
    m_serverFilter->setSourceModel(m_serverSort);
    m_serverList = new QTreeView;
    m_serverList->setObjectName(QStringLiteral("serverList"));
    m_serverList->setModel(m_serverFilter);
    m_serverList->setHeaderHidden(true);
    m_serverList->setItemDelegate(new ServerItemDelegate(m_serverList));
    m_serverList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_serverList->setIndentation(14);
    m_serverList->setExpandsOnDoubleClick(true);
    m_serverList->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_serverList, &QWidget::customContextMenuRequested, this, &MainWindow::showSidebarMenu);
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("serverSearch"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &q) {
        const QString current = currentServerId();
        m_serverFilter->setQuery(q);
        m_serverList->expandAll();
        if (!current.isEmpty())
            selectServer(current);
    });
    // The tree is rebuilt when profiles change: open every group and keep the selection.
    connect(m_serverModel, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_keepSelection = currentServerId(); });
    connect(m_serverModel, &QAbstractItemModel::modelReset, this, [this] {
        m_serverList->expandAll();
        if (!m_keepSelection.isEmpty())
            selectServer(m_keepSelection);
    });
    m_serverList->expandAll();
    auto *sidebar = new QWidget;
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(0, 0, 0, 0);
    sidebarLayout->setSpacing(2);
    m_sortButton = new QToolButton;
    m_sortButton->setObjectName(QStringLiteral("serverSort"));
    m_sortButton->setPopupMode(QToolButton::InstantPopup);
    m_sortButton->setAutoRaise(true);
    auto *searchRow = new QHBoxLayout;
    searchRow->setSpacing(2);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_sortButton);
    sidebarLayout->addLayout(searchRow);
    sidebarLayout->addWidget(m_serverList, 1);
    m_serverDock = new QDockWidget(this);
    m_serverDock->setObjectName(QStringLiteral("servers"));
    m_serverDock->setWidget(sidebar);
    m_serverDock->setFeatures(QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::LeftDockWidgetArea, m_serverDock);
    resizeDocks({m_serverDock}, {260}, Qt::Horizontal);

    m_issues = new Workbench::IssuesModel(this);
    m_issuesView = new QTableView;
    m_issuesView->setObjectName(QStringLiteral("issuesView"));
    m_issuesView->setModel(m_issues);
    m_issuesView->verticalHeader()->hide();
    m_issuesView->horizontalHeader()->setStretchLastSection(true);
    m_issuesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_issuesView->setWordWrap(false);
    m_issuesView->setShowGrid(false);
    m_issuesDock = new QDockWidget(this);
    m_issuesDock->setObjectName(QStringLiteral("issues"));
    m_issuesDock->setWidget(m_issuesView);
    addDockWidget(Qt::BottomDockWidgetArea, m_issuesDock);
    resizeDocks({m_issuesDock}, {140}, Qt::Vertical);
    connect(m_issuesView, &QTableView::activated, this, [this](const QModelIndex &idx) {
        const auto &issue = m_issues->issue(idx.row());
        selectServer(issue.serverId);
        m_dockHost->focusPanel(issue.serverId, issue.source);
    });

    // Panels across all servers (fleet overview, …) share the bottom area with Issues.
    for (Workbench::IGlobalPanelFactory *f : std::as_const(m_globalFactories)) {
        auto *dock = new QDockWidget(f->title(), this);
        dock->setObjectName(f->id());
        dock->setWidget(f->createPanel(registry, dock));
        addDockWidget(f->defaultArea(), dock);
        if (f->defaultArea() == Qt::BottomDockWidgetArea)
            tabifyDockWidget(m_issuesDock, dock);
        m_globalDocks.append(dock);
    }
    m_issuesDock->raise();
    connect(registry, &Workbench::ServerRegistry::showServerRequested, this, &MainWindow::selectServer);

    m_statusLabel = new QLabel;
    m_statusLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_statusLabel, 1);

    createActions();
    connect(m_serverList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &idx) { onServerActivated(idx); });
    connect(m_serverList, &QTreeView::doubleClicked, this, [this](const QModelIndex &) {
        if (ServerContext *c = currentContext()) {
            if (c->connection()->state() != ServerConnection::State::Ready)
                c->connection()->connectToServer();
        }
    });
    for (ServerContext *ctx : registry->contexts())
        watchContext(ctx);
    connect(registry, &Workbench::ServerRegistry::contextCreated, this, &MainWindow::watchContext);
    connect(registry, &Workbench::ServerRegistry::contextRemoved, this,
            [this](const QString &id) { m_dockHost->removeServer(id); });
    connect(registry, &Workbench::ServerRegistry::serverStateChanged, this, [this] { updateActions(); });

    retranslate();
    restoreState(Settings::value(QStringLiteral("mainWindow/state")).toByteArray());
    restoreGeometry(Settings::value(QStringLiteral("mainWindow/geometry")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_addAction = new QAction(this);
    m_addAction->setShortcut(QKeySequence::New);
    connect(m_addAction, &QAction::triggered, this, &MainWindow::addServer);
    m_editAction = new QAction(this);
    connect(m_editAction, &QAction::triggered, this, &MainWindow::editServer);
    m_removeAction = new QAction(this);
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeServer);
    m_duplicateAction = new QAction(this);
    m_duplicateAction->setObjectName(QStringLiteral("duplicateServer"));
    connect(m_duplicateAction, &QAction::triggered, this, &MainWindow::duplicateServer);
    m_groupsAction = new QAction(this);
    m_groupsAction->setObjectName(QStringLiteral("editGroups"));
    connect(m_groupsAction, &QAction::triggered, this, [this] { openGroups(); });
    m_identitiesAction = new QAction(this);
    m_identitiesAction->setObjectName(QStringLiteral("editIdentities"));
    connect(m_identitiesAction, &QAction::triggered, this, &MainWindow::openIdentities);
    m_sortMenu = new Profiles::SortMenu(m_serverSort, this);   // restores the saved order
    connect(m_sortMenu, &Profiles::SortMenu::orderChanged, m_serverList, &QTreeView::expandAll);
    m_sortButton->setMenu(m_sortMenu);
    m_connectAction = new QAction(this);
    m_connectAction->setShortcut(Qt::CTRL | Qt::Key_Return);
    connect(m_connectAction, &QAction::triggered, this, [this] {
        if (ServerContext *c = currentContext())
            c->connection()->connectToServer();
    });
    m_disconnectAction = new QAction(this);
    connect(m_disconnectAction, &QAction::triggered, this, [this] {
        if (ServerContext *c = currentContext())
            c->connection()->disconnectFromServer();
    });
    m_settingsAction = new QAction(this);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addAction(m_addAction);
    m_toolBar->addAction(m_editAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_connectAction);
    m_toolBar->addAction(m_disconnectAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_settingsAction);

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_settingsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_serverMenu = menuBar()->addMenu(QString());
    m_serverMenu->addAction(m_addAction);
    m_serverMenu->addAction(m_editAction);
    m_serverMenu->addAction(m_duplicateAction);
    m_serverMenu->addAction(m_removeAction);
    m_serverMenu->addSeparator();
    m_serverMenu->addAction(m_connectAction);
    m_serverMenu->addAction(m_disconnectAction);
    m_serverMenu->addSeparator();
    m_serverMenu->addAction(m_groupsAction);
    m_serverMenu->addAction(m_identitiesAction);
    m_serverMenu->addMenu(m_sortMenu);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_serverDock->toggleViewAction());
    m_viewMenu->addAction(m_issuesDock->toggleViewAction());
    for (QDockWidget *d : std::as_const(m_globalDocks))
        m_viewMenu->addAction(d->toggleViewAction());
}

void MainWindow::retranslate()
{
    setWindowTitle(Tr::tr("qwq — server manager"));
    m_serverDock->setWindowTitle(Tr::tr("Servers"));
    m_issuesDock->setWindowTitle(Tr::tr("Issues"));
    for (QDockWidget *d : std::as_const(m_globalDocks)) {
        for (Workbench::IGlobalPanelFactory *f : std::as_const(m_globalFactories)) {
            if (f->id() == d->objectName())
                d->setWindowTitle(f->title());
        }
    }
    m_toolBar->setWindowTitle(Tr::tr("Main toolbar"));
    m_addAction->setText(Tr::tr("Add Server…"));
    m_editAction->setText(Tr::tr("Edit…"));
    m_removeAction->setText(Tr::tr("Remove"));
    m_duplicateAction->setText(Tr::tr("Duplicate"));
    m_groupsAction->setText(Tr::tr("Groups…"));
    m_identitiesAction->setText(Tr::tr("Identities…"));
    m_sortButton->setText(Tr::tr("Sort"));
    m_sortButton->setToolTip(Tr::tr("Sort the servers"));
    m_connectAction->setText(Tr::tr("Connect"));
    m_disconnectAction->setText(Tr::tr("Disconnect"));
    m_settingsAction->setText(Tr::tr("Settings…"));
    m_quitAction->setText(Tr::tr("Quit"));
    m_fileMenu->setTitle(Tr::tr("&File"));
    m_serverMenu->setTitle(Tr::tr("&Server"));
    m_viewMenu->setTitle(Tr::tr("&View"));
    m_serverModel->retranslate();
    m_search->setPlaceholderText(Tr::tr("Search name, host, tag, group…"));
    updateActions();
}

void MainWindow::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(e);
}

void MainWindow::closeEvent(QCloseEvent *e)
{
    m_dockHost->saveLayouts();
    Settings::setValue(QStringLiteral("mainWindow/state"), saveState());
    Settings::setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    QMainWindow::closeEvent(e);
}

ServerContext *MainWindow::currentContext() const
{
    const QString id = currentServerId();
    return id.isEmpty() ? nullptr : m_registry->context(id);
}

QString MainWindow::currentServerId() const
{
    return m_serverList->currentIndex().data(Workbench::ServerListModel::ProfileIdRole).toString();
}

void MainWindow::selectServer(const QString &profileId)
{
    const QModelIndex idx =
        m_serverFilter->mapFromSource(m_serverSort->mapFromSource(m_serverModel->indexOf(profileId)));
    if (idx.isValid())
        m_serverList->setCurrentIndex(idx);
}

void MainWindow::onServerActivated(const QModelIndex &index)
{
    const QString id = index.data(Workbench::ServerListModel::ProfileIdRole).toString();
    if (ServerContext *ctx = m_registry->context(id))
        m_dockHost->showServer(ctx);
    updateActions();
}

void MainWindow::updateActions()
{
    ServerContext *c = currentContext();
    const auto state = c ? c->connection()->state() : ServerConnection::State::Disconnected;
    const bool busy = state == ServerConnection::State::Connecting
                      || state == ServerConnection::State::Deploying
                      || state == ServerConnection::State::Starting;
    const bool local = c && c->profile().isLocal();
    m_connectAction->setEnabled(c && !busy && state != ServerConnection::State::Ready);
    m_disconnectAction->setEnabled(c && state != ServerConnection::State::Disconnected
                                   && state != ServerConnection::State::Failed);
    m_editAction->setEnabled(c && !local);
    m_removeAction->setEnabled(c && !local);
    m_duplicateAction->setEnabled(c && !local);
    if (!c) {
        m_statusLabel->clear();
        return;
    }
    QString text = Tr::tr("%1: %2").arg(c->serverName(), ServerConnection::stateName(state));
    if (state == ServerConnection::State::Ready && c->connection()->connectMs() >= 0)
        text = Tr::tr("%1: connected in %2 ms").arg(c->serverName()).arg(c->connection()->connectMs());
    else if (state == ServerConnection::State::Failed)
        text += QStringLiteral(" — ") + c->connection()->lastError().message;
    else if (state == ServerConnection::State::Reconnecting)
        text = Tr::tr("%1: link lost (%2); reconnecting, attempt %3")
                   .arg(c->serverName(), c->connection()->lastError().message)
                   .arg(c->connection()->reconnectAttempt());
    m_statusLabel->setText(text);
}

void MainWindow::watchContext(ServerContext *ctx)
{
    // "Last used" is the last successful connect (the sidebar can sort by it).
    connect(ctx->connection(), &ServerConnection::ready, this, [this, ctx] {
        if (auto r = m_registry->store()->touch(ctx->serverId()); !r)
            m_issues->add(ctx->serverId(), ctx->serverName(), QStringLiteral("profiles"), r.error());
    });
    connect(ctx, &ServerContext::errorReported, this,
            [this, ctx](const QString &serverId, const QString &source, const Error &e) {
                m_issues->add(serverId, ctx->serverName(), source, e);
            });
    ctx->connection()->setConfirmHandler([this, ctx](const Helper::CallPreview &preview) {
        selectServer(ctx->serverId());
        return Workbench::ConfirmCallDialog::ask(preview, ctx->serverName(), this);
    });
    ctx->connection()->setCredentialHandler([this, ctx](const Helper::CredentialRequest &request) {
        selectServer(ctx->serverId());
        return Workbench::CredentialDialog::ask(request, this);
    });
    connect(ctx->connection(), &ServerConnection::hostKeyApprovalNeeded, this,
            [this, ctx](const Ssh::HostKeyInfo &key, bool changed) { askHostKey(ctx, key, changed); });
}

void MainWindow::askHostKey(ServerContext *ctx, const Ssh::HostKeyInfo &key, bool changed)
{
    HostKeyDialog dialog(key, changed, this);
    if (dialog.exec() != QDialog::Accepted || changed)
        return;
    if (auto r = ctx->connection()->trustHostKeyAndReconnect(); !r)
        ctx->reportError(QStringLiteral("connection"), r.error());
}

void MainWindow::addServer()
{
    Profiles::ProfileDialog dialog(m_registry->store(), m_registry->secrets(), {}, this);
    if (dialog.exec() == QDialog::Accepted)
        selectServer(dialog.savedProfileId());
}

void MainWindow::editServer()
{
    ServerContext *c = currentContext();
    if (!c || c->profile().isLocal())
        return;
    Profiles::ProfileDialog dialog(m_registry->store(), m_registry->secrets(), c->profile(), this);
    dialog.exec();
}

void MainWindow::removeServer()
{
    ServerContext *c = currentContext();
    if (!c || c->profile().isLocal())
        return;
    const Profiles::Profile p = c->profile();
    const auto answer = QMessageBox::question(
        this, Tr::tr("Remove server"),
        Tr::tr("Remove the profile “%1”? Its stored password and passphrase are removed from the "
               "keychain too. Nothing on the server changes.").arg(p.name));
    if (answer != QMessageBox::Yes)
        return;
    c->connection()->disconnectFromServer();
    for (const QString &key : {Profiles::SecretStore::passwordKey(p.id),
                               Profiles::SecretStore::passphraseKey(p.id),
                               Profiles::SecretStore::sudoKey(p.id)})
        m_registry->secrets()->remove(key);
    if (auto r = m_registry->store()->remove(p.id); !r)
        m_issues->add(p.id, p.name, QStringLiteral("profiles"), r.error());
    selectServer(Profiles::Profile::localId());
}

void MainWindow::duplicateServer()
{
    ServerContext *c = currentContext();
    if (!c || c->profile().isLocal())
        return;
    const auto copy = m_registry->store()->duplicate(c->serverId());
    if (copy)
        selectServer(copy->id);
    else
        m_issues->add(c->serverId(), c->serverName(), QStringLiteral("profiles"), copy.error());
}

void MainWindow::addServerToGroup(const QString &group)
{
    Profiles::Profile draft;
    draft.group = group;
    const QStringList fields = Profiles::Profile::inheritableFields();
    draft.inherits = QSet<QString>(fields.cbegin(), fields.cend());   // the group's defaults
    Profiles::ProfileDialog dialog(m_registry->store(), m_registry->secrets(), draft, this);
    if (dialog.exec() == QDialog::Accepted)
        selectServer(dialog.savedProfileId());
}

void MainWindow::showSidebarMenu(const QPoint &pos)
{
    const QModelIndex idx = m_serverList->indexAt(pos);
    QMenu menu(this);
    if (idx.data(Workbench::ServerListModel::IsGroupRole).toBool()) {
        const QString path = idx.data(Workbench::ServerListModel::GroupPathRole).toString();
        menu.addAction(Tr::tr("Add Server to This Group…"), this, [this, path] { addServerToGroup(path); });
        menu.addAction(Tr::tr("New Subgroup…"), this, [this, path] { openGroups(path, true); });
        menu.addSeparator();
        menu.addAction(Tr::tr("Edit Group…"), this, [this, path] { openGroups(path); });
        menu.addAction(Tr::tr("Delete Group…"), this, [this, path] {
            Profiles::GroupDialog::removeGroupAsking(m_registry->store(), path, this);
        });
    } else if (idx.isValid()) {
        m_serverList->setCurrentIndex(idx);   // the server actions act on the current row
        menu.addAction(m_connectAction);
        menu.addAction(m_disconnectAction);
        menu.addSeparator();
        menu.addAction(m_editAction);
        menu.addAction(m_duplicateAction);
        menu.addAction(m_removeAction);
    } else {
        menu.addAction(m_addAction);
        menu.addAction(Tr::tr("New Group…"), this, [this] { openGroups({}, true); });
    }
    menu.addSeparator();
    menu.addMenu(m_sortMenu);
    menu.exec(m_serverList->viewport()->mapToGlobal(pos));
}

void MainWindow::openGroups(const QString &path, bool newGroup)
{
    Profiles::GroupDialog dialog(m_registry->store(), this);
    if (newGroup)
        dialog.startNewGroup(path);
    else if (!path.isEmpty())
        dialog.selectGroup(path);
    dialog.exec();
}

void MainWindow::openIdentities()
{
    Profiles::IdentitiesDialog dialog(m_registry->store(), m_registry->secrets(), this);
    dialog.exec();
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(this);
    dialog.exec();
}

} // namespace Qwq::App
