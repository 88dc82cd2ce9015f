// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <databases/core/dbtypes.h>
#include <databases/core/safemode.h>
#include <databases/core/sqlscript.h>

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QToolBar;

namespace Qwq::Editor {
class CodeEditor;
}

namespace Qwq::Databases {

class DbSession;
class ResultView;

/// One SQL editor on one open connection: the statement under the cursor (Ctrl+Enter), the
/// selection, or the whole script (Ctrl+Shift+Enter) run one statement at a time; each result
/// in a tab of its own, and a Messages tab with every statement's outcome, time and notices.
/// Before a statement is sent it passes the safe mode (read-only transaction, or a question
/// for writes; UPDATE/DELETE without WHERE and DROP/TRUNCATE are always asked). A server error
/// is marked in the text where the server located it; the text is never lost.
class QueryTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueryTab)

public:
    /// `confirm` asks the user about a statement (tests answer it); returns true to run it.
    using ConfirmFn = std::function<bool(const QString &sql, const StatementGate &gate)>;

    QueryTab(DbSession *session, SafeMode safeMode, QWidget *parent = nullptr);
    ~QueryTab() override;

    Editor::CodeEditor *editor() const { return m_editor; }
    QTabWidget *results() const { return m_results; }
    QPlainTextEdit *messages() const { return m_messages; }
    ResultView *currentResult() const;
    DbSession *session() const { return m_session; }
    SafeMode safeMode() const { return m_mode; }
    void setSafeMode(SafeMode mode);
    void setConfirm(ConfirmFn fn) { m_confirm = std::move(fn); }

    void runCurrent();  ///< the selection, or the statement under the cursor
    void runAll();
    void cancel();
    bool isBusy() const { return m_busy; }
    /// Every statement sent from this tab, newest last (the connection's history keeps them too).
    const QStringList &history() const { return m_history; }

signals:
    void statementExecuted(const QString &sql, bool ok, qint64 elapsedMs);
    void busyChanged(bool busy);

private:
    void runStatements(const QList<SqlStatement> &statements, int offset);
    void runNext();
    void onStarted(int runId, const QList<Column> &columns);
    void onFinished(int runId, bool ok, const StatementOutcome &outcome, const Error &error);
    void note(const QString &line);
    void setBusy(bool busy);
    void updateModeLabel();
    Dialect dialect() const;
    int cursorOffset() const;

    DbSession *m_session;
    SafeMode m_mode;
    Editor::CodeEditor *m_editor;
    QToolBar *m_toolbar;
    QAction *m_runAction;
    QAction *m_runAllAction;
    QAction *m_cancelAction;
    QLabel *m_modeLabel;
    QLabel *m_txLabel;
    QTabWidget *m_results;
    QPlainTextEdit *m_messages;
    ConfirmFn m_confirm;
    QList<SqlStatement> m_queue;
    int m_queueOffset = 0;    // where the queued statements' text starts in the editor
    SqlStatement m_current;
    int m_currentRun = 0;
    bool m_busy = false;
    QStringList m_history;
};

} // namespace Qwq::Databases
