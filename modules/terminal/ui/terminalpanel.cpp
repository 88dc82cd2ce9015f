// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalpanel.h"

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
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Qwq::Terminal {

namespace {
constexpr int kMaxTabTitle = 28;

ITerminalSession *sessionOf(TerminalView *view)
{
    return view->session();
}
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
    m_newTab = new QToolButton(this);
    m_newTab->setObjectName(QStringLiteral("newTerminalTab"));
    m_newTab->setAutoRaise(true);
    m_newTab->setText(QStringLiteral("+"));
    m_tabs->setCornerWidget(m_newTab, Qt::TopRightCorner);
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
    m_closeTabAction = new QAction(this);
    m_closeTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_closeTabAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_closeTabAction, &QAction::triggered, this, [this] { closeTab(m_tabs->currentIndex()); });
    addAction(m_newTabAction);
    addAction(m_closeTabAction);

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

void TerminalPanel::setSessionFactory(SessionFactory factory)
{
    m_factory = std::move(factory);
}

int TerminalPanel::tabCount() const
{
    return m_tabs->count();
}

TerminalView *TerminalPanel::view(int index) const
{
    return qobject_cast<TerminalView *>(m_tabs->widget(index));
}

TerminalView *TerminalPanel::currentView() const
{
    return view(m_tabs->currentIndex());
}

TerminalView *TerminalPanel::openTab()
{
    auto *v = new TerminalView(m_tabs);
    if (!startSession(v)) {
        delete v;
        return nullptr;
    }
    connect(v, &TerminalView::titleChanged, this, [this, v] { updateTabTitle(v); });
    connect(v, &TerminalView::restartRequested, this, [this, v] { startSession(v); });
    connect(v, &TerminalView::findRequested, this, &TerminalPanel::showFindBar);
    // Only a click with Ctrl held gets here; the output itself never opens anything.
    connect(v, &TerminalView::urlActivated, this, [](const QUrl &url) { QDesktopServices::openUrl(url); });
    connect(v, &TerminalView::bellRang, this, [this, v] {
        const int i = m_tabs->indexOf(v);
        if (i != m_tabs->currentIndex())
            m_tabs->tabBar()->setTabTextColor(i, palette().color(QPalette::Highlight));
    });
    const int index = m_tabs->addTab(v, QString());
    updateTabTitle(v);
    m_tabs->setCurrentIndex(index);
    v->setFocus();
    return v;
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
    connect(session, &ITerminalSession::finished, view, [view, session](int, const QString &description) {
        if (view->session() != session)
            return;
        const QString note = QStringLiteral("\r\n\x1b[0;2m[%1 — %2]\x1b[0m\r\n")
                                 .arg(description, Tr::tr("press Enter to start a new session"));
        view->screen()->feed(note.toUtf8());
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
    m_bar->clear();
    m_bar->hide();
    updateTabTitle(view);
    return true;
}

void TerminalPanel::closeTab(int index)
{
    TerminalView *v = view(index);
    if (!v)
        return;
    m_tabs->removeTab(index);
    v->deleteLater();   // its session (a child) hangs up with it
}

void TerminalPanel::updateTabTitle(TerminalView *v)
{
    const int i = m_tabs->indexOf(v);
    if (i < 0)
        return;
    QString title = v->screen()->title();
    if (title.isEmpty() && sessionOf(v))
        title = sessionOf(v)->displayName();
    if (title.isEmpty())
        title = Tr::tr("Terminal");
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
    m_closeTabAction->setText(Tr::tr("Close Terminal"));
    m_findEdit->setPlaceholderText(Tr::tr("Find in terminal"));
    m_findUp->setToolTip(Tr::tr("Find Previous (Enter)"));
    m_findDown->setToolTip(Tr::tr("Find Next (Shift+Enter)"));
    m_matchCase->setText(Tr::tr("Match case"));
    m_findClose->setToolTip(Tr::tr("Close"));
    for (int i = 0; i < m_tabs->count(); ++i)
        updateTabTitle(view(i));
}

} // namespace Qwq::Terminal
