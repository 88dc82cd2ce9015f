// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <terminal/core/snippetstore.h>

#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QLineEdit;
class QMenu;
class QTabWidget;
class QToolButton;

namespace Qwq::Workbench {
class MessageBar;
class ServerContext;
} // namespace Qwq::Workbench

namespace Qwq::Terminal {

class ITerminalSession;
class TerminalTab;
class TerminalView;

/// The per-server "Terminal" dock: tabs, each holding one or more TerminalViews in splits
/// (TerminalTab), each view with its own session — a local PTY for This computer, an SSH
/// PTY channel on the server's connection otherwise. The first tab opens when the panel is
/// first shown. A session that ends stays on screen with a banner; Enter or a click starts a
/// new session of the same kind in the same view, scrollback kept (reconnecting the server
/// first when its connection dropped).
///
/// Also: per-server snippets with variables (SnippetStore, the Snippets button and context
/// menu), broadcast input to chosen views (the Broadcast button; views that receive it are
/// framed), session logs, and "Send Selection to AI" (ServerContext::askAi).
/// Shortcuts: Ctrl+Shift+T new tab, Ctrl+Shift+E split right, Ctrl+Shift+O split down,
/// Ctrl+Shift+W close the terminal (the tab with its last one), Ctrl+Shift+arrows move the
/// focus between splits, Ctrl+Shift+F find.
class TerminalPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalPanel)
public:
    explicit TerminalPanel(Workbench::ServerContext *server, QWidget *parent = nullptr);
    ~TerminalPanel() override;

    /// Makes the session for a new view (parented to `parent`), or nullptr when this server
    /// has none. The default makes a LocalPtySession for This computer and an SshPtySession
    /// otherwise.
    using SessionFactory = std::function<ITerminalSession *(QObject *parent)>;
    void setSessionFactory(SessionFactory factory);

    /// Opens a tab and starts its session; nullptr (and a message) when none can start.
    TerminalView *openTab();
    int tabCount() const;
    /// The current (last focused) view of tab `index`.
    TerminalView *view(int index) const;
    TerminalView *currentView() const;
    TerminalTab *tab(int index) const;
    /// Every view of every tab.
    QList<TerminalView *> allViews() const;

    /// Splits the current view: Qt::Horizontal puts the new terminal to its right,
    /// Qt::Vertical below it. nullptr when no session can start.
    TerminalView *splitCurrent(Qt::Orientation orientation);
    /// Closes one terminal (its session hangs up); the tab goes with its last terminal.
    void closeView(TerminalView *view);
    /// Moves the focus to the split next to the current one; false when there is none.
    bool focusNeighbour(Qt::ArrowType direction);

    /// Starts a new session in `view` after its session ended.
    void reconnect(TerminalView *view);

    QString profileId() const;
    SnippetStore &snippetStore() { return m_snippetStore; }
    /// Asks the snippet's variables (SnippetVariablesDialog) and sends it to the current view
    /// (and, when it broadcasts, to the others).
    void insertSnippet(const Snippet &snippet);
    void manageSnippets();

    /// Turns broadcasting on or off for every view.
    void setBroadcastAll(bool on);

protected:
    void showEvent(QShowEvent *e) override;
    void changeEvent(QEvent *e) override;

private:
    TerminalView *createView();
    bool startSession(TerminalView *view);
    int tabIndexOf(TerminalView *view) const;
    void closeTab(int index);
    void updateTabTitle(TerminalView *view);
    void updateBroadcastMarks();
    void fillSnippetsMenu(QMenu *menu);
    void fillBroadcastMenu(QMenu *menu);
    void extendViewMenu(TerminalView *view, QMenu *menu);
    void showFindBar();
    void findNext(bool backward);
    void retranslate();

    Workbench::ServerContext *m_server;
    Workbench::MessageBar *m_bar;
    QTabWidget *m_tabs;
    QWidget *m_corner;
    QToolButton *m_newTab;
    QToolButton *m_snippetsButton;
    QToolButton *m_broadcastButton;
    QMenu *m_snippetsMenu;
    QMenu *m_broadcastMenu;
    QAction *m_newTabAction;
    QAction *m_closeAction;
    QAction *m_splitRightAction;
    QAction *m_splitDownAction;
    QList<QAction *> m_focusActions;
    QWidget *m_findBar;
    QLineEdit *m_findEdit;
    QToolButton *m_findUp;
    QToolButton *m_findDown;
    QCheckBox *m_matchCase;
    QToolButton *m_findClose;
    SessionFactory m_factory;
    SnippetStore m_snippetStore;
    bool m_opened = false;
};

} // namespace Qwq::Terminal
