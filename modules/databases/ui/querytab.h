// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <databases/core/adminsql.h>
#include <databases/core/catalog.h>
#include <databases/core/dbtypes.h>
#include <databases/core/safemode.h>
#include <databases/core/sqlscript.h>

#include <QWidget>

#include <functional>

class QAction;
class QMenu;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QToolBar;
class QToolButton;

namespace Qwq::Editor {
class CodeEditor;
}

namespace Qwq::Databases {

class AdminDialog;
class DbSession;
class ExplainView;
class QueryLibrary;
class ResultView;
class SchemaBrowser;

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
    /// EXPLAIN of the statement under the cursor as a plan tree (analyze: runs it, and a
    /// write is asked first as any write).
    void explainCurrent(bool analyze = false);
    /// Shows completion candidates at the cursor (Ctrl+Space; also after a '.').
    void complete();
    void formatScript();
    /// Runs administration statements (from the admin forms) through the same safe mode as
    /// typed ones; the masked text is what is asked, noted and kept in the history.
    void runAdmin(const AdminStatements &statements);
    AdminDialog *openAdmin();

    /// A second connection for the schema: the catalog is read through it (so results in the
    /// editor are never disturbed), for the schema tree and completion. Owned by the caller.
    void setMetadataSession(DbSession *session);
    /// Where this tab records what ran and finds saved queries (History menu); the library
    /// outlives the tab.
    void setLibrary(QueryLibrary *library, const QString &connectionId);
    /// Saves the editor's text (or selection) under `name`.
    Result<void> saveQuery(const QString &name);
    void reloadCatalog();
    const Catalog &catalog() const { return m_catalog; }
    SchemaBrowser *schemaBrowser() const { return m_schema; }
    ExplainView *lastExplain() const { return m_lastExplain; }
    bool isBusy() const { return m_busy; }
    /// Every statement sent from this tab, newest last (the connection's history keeps them too).
    const QStringList &history() const { return m_history; }

signals:
    void statementExecuted(const QString &sql, bool ok, qint64 elapsedMs);
    void busyChanged(bool busy);
    void catalogLoaded();
    void explainShown(Qwq::Databases::ExplainView *view);
    /// "Ask AI": the question, a title for the attachment, and the attachment (statement, plan,
    /// the tables' DDL; never a row of data).
    void askAiRequested(const QString &question, const QString &title, const QString &attachment);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void runStatements(const QList<SqlStatement> &statements, int offset);
    void runNext();
    void onStarted(int runId, const QList<Column> &columns);
    void onFinished(int runId, bool ok, const StatementOutcome &outcome, const Error &error);
    void note(const QString &line);
    void setBusy(bool busy);
    void updateModeLabel();
    Dialect dialect() const;
    int cursorOffset() const;

    void showDdl(const CatalogRelation &relation);
    void askAiAbout(const ExplainView *view);

    DbSession *m_session;
    void fillHistoryMenu();

    DbSession *m_meta = nullptr;
    QueryLibrary *m_library = nullptr;
    QString m_connectionId;
    QMenu *m_historyMenu = nullptr;
    Catalog m_catalog;
    SchemaBrowser *m_schema;
    ExplainView *m_lastExplain = nullptr;
    int m_explainRun = 0;
    bool m_explainAnalyze = false;
    QString m_explainCell;
    SafeMode m_mode;
    Editor::CodeEditor *m_editor;
    QToolBar *m_toolbar;
    QAction *m_runAction;
    QAction *m_runAllAction;
    QAction *m_cancelAction;
    QAction *m_explainAction = nullptr;
    QAction *m_analyzeAction = nullptr;
    QAction *m_formatAction = nullptr;
    QAction *m_adminAction = nullptr;
    QToolButton *m_historyButton = nullptr;
    QLabel *m_modeLabel;
    QLabel *m_txLabel;
    QTabWidget *m_results;
    QPlainTextEdit *m_messages;
    ConfirmFn m_confirm;
    QList<SqlStatement> m_queue;
    QStringList m_shownQueue;   // aligned with m_queue: the text to show, ask and keep
    QString m_currentShown;
    int m_queueOffset = 0;    // where the queued statements' text starts in the editor
    SqlStatement m_current;
    int m_currentRun = 0;
    int m_resultNumber = 0;
    bool m_busy = false;
    QStringList m_history;
};

} // namespace Qwq::Databases
