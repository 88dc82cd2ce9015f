// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QLineEdit;
class QTabWidget;
class QToolButton;

namespace Qwq::Workbench {
class MessageBar;
class ServerContext;
} // namespace Qwq::Workbench

namespace Qwq::Terminal {

class ITerminalSession;
class TerminalView;

/// The per-server "Terminal" dock: tabs of TerminalViews, each with its own session. For
/// This computer a tab runs the user's shell in a local PTY; remote servers need an SSH PTY
/// session (ITerminalSession), which the ssh module does not offer yet — the panel says so.
/// The first tab opens when the panel is first shown. A finished session stays on screen
/// and Enter starts a new one in the same tab. Ctrl+Shift+T opens a tab, Ctrl+Shift+W
/// closes one, Ctrl+Shift+F finds in the scrollback.
class TerminalPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalPanel)
public:
    explicit TerminalPanel(Workbench::ServerContext *server, QWidget *parent = nullptr);

    /// Makes the session for a new tab (parented to `parent`), or nullptr when this server
    /// has none. The default makes a LocalPtySession for This computer.
    using SessionFactory = std::function<ITerminalSession *(QObject *parent)>;
    void setSessionFactory(SessionFactory factory);

    /// Opens a tab and starts its session; nullptr (and a message) when none can start.
    TerminalView *openTab();
    int tabCount() const;
    TerminalView *view(int index) const;
    TerminalView *currentView() const;

protected:
    void showEvent(QShowEvent *e) override;
    void changeEvent(QEvent *e) override;

private:
    bool startSession(TerminalView *view);
    void closeTab(int index);
    void updateTabTitle(TerminalView *view);
    void showFindBar();
    void findNext(bool backward);
    void retranslate();

    Workbench::ServerContext *m_server;
    Workbench::MessageBar *m_bar;
    QTabWidget *m_tabs;
    QToolButton *m_newTab;
    QAction *m_newTabAction;
    QAction *m_closeTabAction;
    QWidget *m_findBar;
    QLineEdit *m_findEdit;
    QToolButton *m_findUp;
    QToolButton *m_findDown;
    QCheckBox *m_matchCase;
    QToolButton *m_findClose;
    SessionFactory m_factory;
    bool m_opened = false;
};

} // namespace Qwq::Terminal
