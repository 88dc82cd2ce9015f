// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalpanel.h"

#include "terminaltab.h"
#include "terminalview.h"

#include <helper/core/serverconnection.h>
#include <terminal/core/localptysession.h>
#include <terminal/core/sshptysession.h>
#include <terminal/core/terminalscreen.h>
#include <terminal/core/terminaltr.h>
#include <workbench/core/servercontext.h>
#include <workbench/ui/messagebar.h>

#include <QAction>
#include <QCheckBox>
#include <QDesktopServices>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QStyle>
#include <QTabBar>
#include <QMenu>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Qwq::Terminal {

namespace {
constexpr int kMaxTabTitle = 28;
} // namespace

TerminalPanel::TerminalPanel(Workbench::ServerContext *server, QWidget *parent)
    : QWidget(parent), m_server(server)
{
    setObjectName(QStringLiteral("terminalPanel"));
    m_factory = [server](QObject *parent) -> ITerminalSession * {
        if (!server)
            return nullptr;
        if (server->profile().isLocal())
            return new LocalPtySession(parent);
        // On the server's own SSH connection; start() says so when it is not connected.
        const auto &p = server->profile();
        return new SshPtySession(server->connection()->sshSession(),
                                 p.user.isEmpty() ? p.host : p.user + QLatin1Char('@') + p.host,
                                 parent);
    };
    m_bar = new Workbench::MessageBar(this);
    m_bar->hide();
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_corner = new QWidget(this);
    m_newTab = new QToolButton(m_corner);
    m_newTab->setObjectName(QStringLiteral("newTerminalTab"));
    m_newTab->setAutoRaise(true);
    m_newTab->setText(QStringLiteral("+"));
    m_snippetsButton = new QToolButton(m_corner);
    m_snippetsButton->setObjectName(QStringLiteral("terminalSnippets"));
    m_snippetsButton->setAutoRaise(true);
    m_snippetsButton->setPopupMode(QToolButton::InstantPopup);
    m_snippetsMenu = new QMenu(m_snippetsButton);
    m_snippetsButton->setMenu(m_snippetsMenu);
    connect(m_snippetsMenu, &QMenu::aboutToShow, this, [this] { fillSnippetsMenu(m_snippetsMenu); });
    m_broadcastButton = new QToolButton(m_corner);
    m_broadcastButton->setObjectName(QStringLiteral("terminalBroadcast"));
    m_broadcastButton->setAutoRaise(true);
    m_broadcastButton->setCheckable(true);
    m_broadcastButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_broadcastButton->setPopupMode(QToolButton::InstantPopup);
    m_broadcastMenu = new QMenu(m_broadcastButton);
    m_broadcastButton->setMenu(m_broadcastMenu);
    connect(m_broadcastMenu, &QMenu::aboutToShow, this, [this] { fillBroadcastMenu(m_broadcastMenu); });
    auto *cornerLayout = new QHBoxLayout(m_corner);
    cornerLayout->setContentsMargins(0, 0, 2, 0);
    cornerLayout->setSpacing(0);
    cornerLayout->addWidget(m_snippetsButton);
    cornerLayout->addWidget(m_broadcastButton);
    cornerLayout->addWidget(m_newTab);
    m_tabs->setCornerWidget(m_corner, Qt::TopRightCorner);
    connect(m_newTab, &QToolButton::clicked, this, [this] { openTab(); });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &TerminalPanel::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int i) {
        m_tabs->tabBar()->setTabTextColor(i, QColor());
        if (TerminalView *v = view(i))
            v->setFocus();
    });

    m_newTabAction = new QAction(this);
    m_newTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_newTabAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_newTabAction, &QAction::triggered, this, [this] { openTab(); });
    m_closeAction = new QAction(this);
    m_closeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_closeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_closeAction, &QAction::triggered, this, [this] {
        if (TerminalView *v = currentView())
            closeView(v);
    });
    m_splitRightAction = new QAction(this);
    m_splitRightAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_splitRightAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_splitRightAction, &QAction::triggered, this, [this] { splitCurrent(Qt::Horizontal); });
    m_splitDownAction = new QAction(this);
    m_splitDownAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_splitDownAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_splitDownAction, &QAction::triggered, this, [this] { splitCurrent(Qt::Vertical); });
    addAction(m_newTabAction);
    addAction(m_closeAction);
    addAction(m_splitRightAction);
    addAction(m_splitDownAction);
    const std::pair<Qt::Key, Qt::ArrowType> arrows[] = {{Qt::Key_Left, Qt::LeftArrow},
                                                        {Qt::Key_Right, Qt::RightArrow},
                                                        {Qt::Key_Up, Qt::UpArrow},
                                                        {Qt::Key_Down, Qt::DownArrow}};
    for (const auto &[key, arrow] : arrows) {
        auto *a = new QAction(this);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | key));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, [this, arrow = arrow] { focusNeighbour(arrow); });
        addAction(a);
        m_focusActions.append(a);
    }

    m_findBar = new QWidget(this);
    m_findEdit = new QLineEdit(m_findBar);
    m_findEdit->setClearButtonEnabled(true);
    m_findUp = new QToolButton(m_findBar);
    m_findUp->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_findDown = new QToolButton(m_findBar);
    m_findDown->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    m_matchCase = new QCheckBox(m_findBar);
    m_findClose = new QToolButton(m_findBar);
    m_findClose->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_findClose->setAutoRaise(true);
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(4, 2, 4, 2);
    findLayout->addWidget(m_findEdit, 1);
    findLayout->addWidget(m_findUp);
    findLayout->addWidget(m_findDown);
    findLayout->addWidget(m_matchCase);
    findLayout->addWidget(m_findClose);
    m_findBar->hide();
    // Enter searches upwards (older output), Shift+Enter downwards.
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] {
        findNext(!(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier));
    });
    connect(m_findUp, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(m_findDown, &QToolButton::clicked, this, [this] { findNext(false); });
    auto closeFind = [this] {
        m_findBar->hide();
        m_bar->hide();
        if (TerminalView *v = currentView()) {
            v->clearSearch();
            v->setFocus();
        }
    };
    connect(m_findClose, &QToolButton::clicked, this, closeFind);
    auto *escape = new QAction(m_findBar);
    escape->setShortcut(QKeySequence(Qt::Key_Escape));
    escape->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QAction::triggered, this, closeFind);
    m_findBar->addAction(escape);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_findBar);
    retranslate();
}

TerminalPanel::~TerminalPanel() = default;

void TerminalPanel::setSessionFactory(SessionFactory factory)
{
    m_factory = std::move(factory);
}

int TerminalPanel::tabCount() const
{
    return m_tabs->count();
}

TerminalTab *TerminalPanel::tab(int index) const
{
    return qobject_cast<TerminalTab *>(m_tabs->widget(index));
}

TerminalView *TerminalPanel::view(int index) const
{
    TerminalTab *t = tab(index);
    return t ? t->currentView() : nullptr;
}

TerminalView *TerminalPanel::currentView() const
{
    return view(m_tabs->currentIndex());
}

QList<TerminalView *> TerminalPanel::allViews() const
{
    QList<TerminalView *> out;
    for (int i = 0; i < m_tabs->count(); ++i)
        out += tab(i)->views();
    return out;
}

int TerminalPanel::tabIndexOf(TerminalView *v) const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (tab(i)->views().contains(v))
            return i;
    }
    return -1;
}

TerminalView *TerminalPanel::createView()
{
    auto *v = new TerminalView;
    if (!startSession(v)) {
        delete v;
        return nullptr;
    }
    connect(v, &TerminalView::titleChanged, this, [this, v] { updateTabTitle(v); });
    connect(v, &TerminalView::restartRequested, this, [this, v] { reconnect(v); });
    connect(v, &TerminalView::findRequested, this, &TerminalPanel::showFindBar);
    // Only a click with Ctrl held gets here; the output itself never opens anything.
    connect(v, &TerminalView::urlActivated, this, [](const QUrl &url) { QDesktopServices::openUrl(url); });
    connect(v, &TerminalView::bellRang, this, [this, v] {
        const int i = tabIndexOf(v);
        if (i >= 0 && i != m_tabs->currentIndex())
            m_tabs->tabBar()->setTabTextColor(i, palette().color(QPalette::Highlight));
    });
    connect(v, &TerminalView::focusReceived, this, [this, v] {
        if (const int i = tabIndexOf(v); i >= 0) {
            tab(i)->setCurrentView(v);
            updateTabTitle(v);
        }
    });
    connect(v, &TerminalView::broadcastingChanged, this, &TerminalPanel::updateBroadcastMarks);
    connect(v, &TerminalView::askAiRequested, this, [this](const QString &text) {
        if (!m_server) {
            m_bar->showInfo(Tr::tr("The AI assistant is not available here."));
            return;
        }
        m_server->askAi(Tr::tr("Explain this terminal output and suggest what to do next."),
                        Tr::tr("Terminal output"), text);
    });
    v->setInputTargets([this] {
        QList<TerminalView *> targets;
        for (TerminalView *o : allViews()) {
            if (o->isBroadcasting())
                targets.append(o);
        }
        return targets;
    });
    v->setMenuExtender([this, v](QMenu *menu) { extendViewMenu(v, menu); });
    return v;
}

TerminalView *TerminalPanel::openTab()
{
    TerminalView *v = createView();
    if (!v)
        return nullptr;
    auto *t = new TerminalTab(v, m_tabs);
    const int index = m_tabs->addTab(t, QString());
    updateTabTitle(v);
    m_tabs->setCurrentIndex(index);
    v->setFocus();
    updateBroadcastMarks();
    return v;
}

TerminalView *TerminalPanel::splitCurrent(Qt::Orientation orientation)
{
    TerminalView *at = currentView();
    TerminalTab *t = tab(m_tabs->currentIndex());
    if (!at || !t)
        return openTab();
    TerminalView *v = createView();
    if (!v)
        return nullptr;
    t->split(at, v, orientation);
    t->setCurrentView(v);
    v->setFocus();
    updateTabTitle(v);
    updateBroadcastMarks();
    return v;
}

void TerminalPanel::closeView(TerminalView *v)
{
    const int i = tabIndexOf(v);
    if (i < 0)
        return;
    TerminalTab *t = tab(i);
    TerminalView *next = t->remove(v);
    v->deleteLater();   // its session (a child) hangs up with it
    if (!next) {
        closeTab(i);
    } else {
        next->setFocus();
        updateTabTitle(next);
    }
    updateBroadcastMarks();
}

bool TerminalPanel::focusNeighbour(Qt::ArrowType direction)
{
    TerminalTab *t = tab(m_tabs->currentIndex());
    TerminalView *from = currentView();
    TerminalView *to = t && from ? t->neighbour(from, direction) : nullptr;
    if (!to)
        return false;
    t->setCurrentView(to);
    to->setFocus();
    updateTabTitle(to);
    return true;
}

bool TerminalPanel::startSession(TerminalView *view)
{
    ITerminalSession *session = m_factory ? m_factory(view) : nullptr;
    if (!session) {
        m_bar->showInfo(Tr::tr("No terminal can be opened for this server."));
        return false;
    }
    if (ITerminalSession *old = view->session()) {
        view->setSession(nullptr);
        old->deleteLater();
    }
    connect(session, &ITerminalSession::finished, view,
            [this, view, session](int, const QString &description) {
                if (view->session() != session)
                    return;
                const QString note = QStringLiteral("\r\n\x1b[0;2m[%1]\x1b[0m\r\n").arg(description);
                view->screen()->feed(note.toUtf8());
                view->setEndedMessage(
                    Tr::tr("Disconnected (%1) — press Enter or click here to reconnect").arg(description));
                updateTabTitle(view);
            });
    view->setSession(session);
    const auto started = session->start(view->screen()->rows(), view->screen()->columns());
    if (!started) {
        view->setSession(nullptr);
        delete session;
        m_bar->showError(started.error());
        if (m_server)
            m_server->reportError(QStringLiteral("terminal.tabs"), started.error());
        return false;
    }
    view->setEndedMessage({});
    m_bar->clear();
    m_bar->hide();
    updateTabTitle(view);
    return true;
}

void TerminalPanel::reconnect(TerminalView *view)
{
    if (view->session() && view->session()->isRunning())
        return;
    Helper::ServerConnection *connection = m_server ? m_server->connection() : nullptr;
    if (!connection || m_server->profile().isLocal()
        || connection->state() == Helper::ServerConnection::State::Ready) {
        if (!startSession(view))
            view->setEndedMessage(Tr::tr("The terminal could not be started — press Enter or click here to try again"));
        return;
    }
    // The link itself dropped: connect the server again, then start the shell in this view.
    view->setEndedMessage(Tr::tr("Connecting to %1…").arg(m_server->serverName()));
    auto once = std::make_shared<QMetaObject::Connection>();
    auto failed = std::make_shared<QMetaObject::Connection>();
    *once = connect(connection, &Helper::ServerConnection::ready, view, [this, view, once, failed] {
        disconnect(*once);
        disconnect(*failed);
        startSession(view);
    });
    *failed = connect(connection, &Helper::ServerConnection::errorOccurred, view,
                      [view, once, failed](const Error &e) {
                          disconnect(*once);
                          disconnect(*failed);
                          view->setEndedMessage(
                              Tr::tr("Not connected (%1) — press Enter or click here to try again").arg(e.message));
                      });
    const auto state = connection->state();
    if (state == Helper::ServerConnection::State::Disconnected
        || state == Helper::ServerConnection::State::Failed)
        connection->connectToServer();
}

void TerminalPanel::closeTab(int index)
{
    TerminalTab *t = tab(index);
    if (!t)
        return;
    m_tabs->removeTab(index);
    t->deleteLater();   // its views and their sessions go with it
    updateBroadcastMarks();
}

void TerminalPanel::updateTabTitle(TerminalView *v)
{
    const int i = tabIndexOf(v);
    if (i < 0 || tab(i)->currentView() != v)
        return;
    QString title = v->screen()->title();
    if (title.isEmpty() && v->session())
        title = v->session()->displayName();
    if (title.isEmpty())
        title = Tr::tr("Terminal");
    if (!v->session() || !v->session()->isRunning())
        title = Tr::tr("%1 (disconnected)").arg(title);
    m_tabs->setTabToolTip(i, title);
    if (title.size() > kMaxTabTitle)
        title = title.left(kMaxTabTitle - 1) + QChar(0x2026);
    m_tabs->setTabText(i, QString(title).replace(QLatin1Char('&'), QLatin1String("&&")));
}

void TerminalPanel::showFindBar()
{
    m_findBar->show();
    if (TerminalView *v = currentView(); v && !v->selectedText().contains(QLatin1Char('\n')))
        if (const QString sel = v->selectedText(); !sel.isEmpty())
            m_findEdit->setText(sel);
    m_findEdit->setFocus();
    m_findEdit->selectAll();
}

void TerminalPanel::findNext(bool backward)
{
    TerminalView *v = currentView();
    if (!v || m_findEdit->text().isEmpty())
        return;
    const bool found = v->find(m_findEdit->text(), backward,
                               m_matchCase->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive);
    if (found)
        m_bar->hide();
    else
        m_bar->showInfo(Tr::tr("“%1” was not found.").arg(m_findEdit->text()));
}

void TerminalPanel::showEvent(QShowEvent *e)
{
    QWidget::showEvent(e);
    if (!m_opened) {
        m_opened = true;
        openTab();
    }
}

void TerminalPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void TerminalPanel::retranslate()
{
    m_newTab->setToolTip(Tr::tr("New Terminal (Ctrl+Shift+T)"));
    m_newTabAction->setText(Tr::tr("New Terminal"));
    m_closeAction->setText(Tr::tr("Close Terminal"));
    m_splitRightAction->setText(Tr::tr("Split Right"));
    m_splitDownAction->setText(Tr::tr("Split Down"));
    m_snippetsButton->setText(Tr::tr("Snippets"));
    m_snippetsButton->setToolTip(Tr::tr("Insert a saved command into the terminal"));
    m_broadcastButton->setText(Tr::tr("Broadcast"));
    m_broadcastButton->setToolTip(Tr::tr("Send what you type to several terminals at once"));
    m_findEdit->setPlaceholderText(Tr::tr("Find in terminal"));
    m_findUp->setToolTip(Tr::tr("Find Previous (Enter)"));
    m_findDown->setToolTip(Tr::tr("Find Next (Shift+Enter)"));
    m_matchCase->setText(Tr::tr("Match case"));
    m_findClose->setToolTip(Tr::tr("Close"));
    for (int i = 0; i < m_tabs->count(); ++i)
        updateTabTitle(view(i));
    updateBroadcastMarks();
}

} // namespace Qwq::Terminal
