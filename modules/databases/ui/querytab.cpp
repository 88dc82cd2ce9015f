// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "querytab.h"

#include "admindialog.h"
#include "explainview.h"
#include "resultview.h"
#include "schemabrowser.h"

#include <databases/core/databasestr.h>
#include <databases/core/dbsession.h>
#include <databases/core/explainplan.h>
#include <databases/core/querylibrary.h>
#include <databases/core/sqlcompleter.h>
#include <databases/core/sqlquote.h>
#include <editor/ui/codeeditor.h>

#include <Qsci/qscilexersql.h>
#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QEvent>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QDialog>
#include <QRegularExpression>
#include <QInputDialog>
#include <QMenu>
#include <QToolButton>
#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace Qwq::Databases {

namespace {
constexpr int FirstRows = 1000; // then more as the user scrolls
}

QueryTab::QueryTab(DbSession *session, SafeMode safeMode, QWidget *parent)
    : QWidget(parent), m_session(session), m_schema(new SchemaBrowser(this)), m_mode(safeMode), m_editor(new Editor::CodeEditor(this)),
      m_toolbar(new QToolBar(this)), m_modeLabel(new QLabel(this)), m_txLabel(new QLabel(this)),
      m_results(new QTabWidget(this)), m_messages(new QPlainTextEdit(this))
{
    m_editor->setLanguage(QStringLiteral("sql"));
    m_editor->setObjectName(QStringLiteral("sqlEditor"));
    // The dialect's lexical rules: MariaDB's # comments, backslash escapes and `quoted` names.
    if (auto *lexer = qobject_cast<QsciLexerSQL *>(m_editor->scintilla()->lexer())) {
        const bool my = session->spec().engine == Engine::MariaDb;
        lexer->setHashComments(my);
        lexer->setBackslashEscapes(my);
        lexer->setQuotedIdentifiers(my);
    }
    m_messages->setReadOnly(true);
    m_messages->setObjectName(QStringLiteral("sqlMessages"));
    m_messages->setMaximumBlockCount(5000);
    m_results->setDocumentMode(true);
    m_results->setTabsClosable(true);
    m_results->addTab(m_messages, QString());
    connect(m_results, &QTabWidget::tabCloseRequested, this, [this](int i) {
        QWidget *w = m_results->widget(i);
        if (w != m_messages)
            w->deleteLater();
    });

    m_runAction = m_toolbar->addAction(QString(), this, &QueryTab::runCurrent);
    m_runAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_runAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_runAllAction = m_toolbar->addAction(QString(), this, &QueryTab::runAll);
    m_runAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_runAllAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QAction *explain = m_explainAction = m_toolbar->addAction(QString(), this, [this] { explainCurrent(false); });
    explain->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    explain->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QAction *analyze = m_analyzeAction = m_toolbar->addAction(QString(), this, [this] { explainCurrent(true); });
    m_formatAction = m_toolbar->addAction(QString(), this, &QueryTab::formatScript);
    addActions({explain, analyze});
    auto *historyButton = m_historyButton = new QToolButton(m_toolbar);
    historyButton->setPopupMode(QToolButton::InstantPopup);
    m_historyMenu = new QMenu(historyButton);
    historyButton->setMenu(m_historyMenu);
    connect(m_historyMenu, &QMenu::aboutToShow, this, &QueryTab::fillHistoryMenu);
    m_toolbar->addWidget(historyButton);
    m_adminAction = m_toolbar->addAction(QString(), this, [this] { openAdmin(); });
    m_cancelAction = m_toolbar->addAction(QString(), this, &QueryTab::cancel);
    m_cancelAction->setEnabled(false);
    m_toolbar->addSeparator();
    m_toolbar->addWidget(m_modeLabel);
    m_toolbar->addSeparator();
    m_toolbar->addWidget(m_txLabel);
    m_txLabel->setObjectName(QStringLiteral("transactionLabel"));
    m_modeLabel->setObjectName(QStringLiteral("safeModeLabel"));
    addActions({m_runAction, m_runAllAction});

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_editor);
    split->addWidget(m_results);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *outer = new QSplitter(Qt::Horizontal, this);
    outer->addWidget(m_schema);
    outer->addWidget(split);
    outer->setStretchFactor(1, 1);
    outer->setSizes({220, 800});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolbar);
    layout->addWidget(outer, 1);

    auto *completeKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space), m_editor);
    connect(completeKey, &QShortcut::activated, this, &QueryTab::complete);
    connect(m_editor->scintilla(), &QsciScintillaBase::SCN_CHARADDED, this, [this](int ch) {
        if (ch == '.' && !m_catalog.relations.isEmpty())
            complete();
    });
    QsciScintilla *sci = m_editor->scintilla();
    sci->SendScintilla(QsciScintillaBase::SCI_AUTOCSETSEPARATOR, long('\n'));
    sci->SendScintilla(QsciScintillaBase::SCI_AUTOCSETIGNORECASE, 1L);
    sci->SendScintilla(QsciScintillaBase::SCI_AUTOCSETMAXHEIGHT, 12L);
    connect(m_schema, &SchemaBrowser::refreshRequested, this, &QueryTab::reloadCatalog);
    connect(m_schema, &SchemaBrowser::nameInsertRequested, this, [this](const QString &text) {
        m_editor->scintilla()->insert(text);
        m_editor->setFocus();
    });
    connect(m_schema, &SchemaBrowser::ddlRequested, this, &QueryTab::showDdl);
    connect(m_schema, &SchemaBrowser::selectRowsRequested, this, [this](const CatalogRelation &r) {
        if (m_busy)
            return;
        const QString sql = QStringLiteral("SELECT * FROM %1 LIMIT 100").arg(qualifiedName(r.schema, r.name, dialect()));
        SqlStatement st;
        st.text = sql;
        const int at = int(m_editor->text().size()) + 1;
        m_editor->scintilla()->append(QStringLiteral("\n") + sql + QStringLiteral(";\n"));
        runStatements({st}, at);
    });

    connect(session, &DbSession::started, this, &QueryTab::onStarted);
    connect(session, &DbSession::rowsArrived, this, [this](int runId, const std::shared_ptr<RowBatch> &rows, bool more) {
        // A result that waits on the server for the user to scroll does not hold up the
        // script: the next statement may run (and ends that result's stream).
        if (runId == m_explainRun && rows->rowCount() > 0)
            m_explainCell += rows->text(0, 0);
        if (runId != m_currentRun || !more || !m_busy || runId == m_explainRun)
            return;
        note(Tr::tr("%1 — first %n row(s); more on the server", nullptr, rows->rowCount())
                 .arg(m_currentShown.simplified().left(120)));
        emit statementExecuted(m_currentShown, true, -1);
        m_currentRun = -1;
        runNext();
    });
    connect(session, &DbSession::finished, this, &QueryTab::onFinished);
    connect(session, &DbSession::transactionChanged, this, [this](bool tx) {
        m_txLabel->setText(tx ? Tr::tr("Transaction open: COMMIT or ROLLBACK to end it") : QString());
    });
    m_confirm = [this](const QString &sql, const StatementGate &gate) {
        QString why = gate.warnUnbounded ? Tr::tr("This statement has no WHERE: it changes every row of the table.")
                      : gate.warnDestructive ? Tr::tr("This statement drops or empties data; it cannot be undone.")
                                             : Tr::tr("This statement may change data.");
        QMessageBox box(QMessageBox::Warning, Tr::tr("Run this statement?"), why, QMessageBox::NoButton, this);
        box.setTextFormat(Qt::PlainText);
        box.setDetailedText(sql);
        box.setInformativeText(sql.left(400));
        QPushButton *run = box.addButton(Tr::tr("Run It"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == reinterpret_cast<QAbstractButton *>(run);
    };
    retranslate();
}

void QueryTab::retranslate()
{
    m_results->setTabText(m_results->indexOf(m_messages), Tr::tr("Messages"));
    m_runAction->setText(Tr::tr("Run"));
    m_runAction->setToolTip(Tr::tr("Run the selection, or the statement under the cursor (Ctrl+Enter)"));
    m_runAllAction->setText(Tr::tr("Run All"));
    m_runAllAction->setToolTip(Tr::tr("Run every statement of the script, one after another (Ctrl+Shift+Enter)"));
    m_explainAction->setText(Tr::tr("Explain"));
    m_explainAction->setToolTip(Tr::tr("Show the plan of the statement under the cursor (Ctrl+E)"));
    m_analyzeAction->setText(Tr::tr("Explain Analyze"));
    m_analyzeAction->setToolTip(Tr::tr("Run the statement and show the plan with real times (a write is asked first)"));
    m_formatAction->setText(Tr::tr("Format"));
    m_formatAction->setToolTip(Tr::tr("Put each clause on its own line and keywords in capitals"));
    m_historyButton->setText(Tr::tr("History"));
    m_historyButton->setToolTip(Tr::tr("Statements that ran on this connection, and saved queries"));
    m_adminAction->setText(Tr::tr("Administration…"));
    m_adminAction->setToolTip(Tr::tr("Create or drop databases and users, change passwords, grant privileges"));
    m_cancelAction->setText(Tr::tr("Cancel"));
    m_cancelAction->setToolTip(Tr::tr("Ask the server to stop the running statement"));
    m_txLabel->setText(m_session->inTransaction() ? Tr::tr("Transaction open: COMMIT or ROLLBACK to end it") : QString());
    updateModeLabel();
}

void QueryTab::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

QueryTab::~QueryTab()
{
    if (m_busy)
        m_session->cancel();
}

ResultView *QueryTab::currentResult() const
{
    return qobject_cast<ResultView *>(m_results->currentWidget());
}

void QueryTab::setSafeMode(SafeMode mode)
{
    m_mode = mode;
    updateModeLabel();
}

void QueryTab::updateModeLabel()
{
    switch (m_mode) {
    case SafeMode::Off: m_modeLabel->setText(Tr::tr("Safe mode: off")); break;
    case SafeMode::ConfirmWrites: m_modeLabel->setText(Tr::tr("Safe mode: writes are confirmed")); break;
    case SafeMode::ReadOnly: m_modeLabel->setText(Tr::tr("Safe mode: read-only (enforced by the server)")); break;
    }
}

Dialect QueryTab::dialect() const
{
    return m_session->spec().engine == Engine::MariaDb ? Dialect::MariaDb : Dialect::PostgreSql;
}

int QueryTab::cursorOffset() const
{
    // Scintilla counts UTF-8 bytes; the lexer counts QChars.
    const long bytes = m_editor->scintilla()->SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS);
    return int(QString::fromUtf8(m_editor->text().toUtf8().left(bytes)).size());
}

void QueryTab::runCurrent()
{
    if (m_busy)
        return;
    QsciScintilla *sci = m_editor->scintilla();
    if (sci->hasSelectedText()) {
        const long bytes = sci->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART);
        const int offset = int(QString::fromUtf8(m_editor->text().toUtf8().left(bytes)).size());
        runStatements(splitStatements(sci->selectedText(), dialect()), offset);
        return;
    }
    const SqlStatement st = statementAt(m_editor->text(), cursorOffset(), dialect());
    if (st.text.isEmpty())
        return;
    runStatements({st}, 0);
}

void QueryTab::runAll()
{
    if (m_busy)
        return;
    runStatements(splitStatements(m_editor->text(), dialect()), 0);
}

void QueryTab::cancel()
{
    if (!m_busy)
        return;
    m_queue.clear();
    m_session->cancel();
}

void QueryTab::runStatements(const QList<SqlStatement> &statements, int offset)
{
    if (statements.isEmpty())
        return;
    m_editor->clearDiagnostics();
    m_queue = statements;
    m_shownQueue.clear();
    for (const SqlStatement &st : statements)
        m_shownQueue.append(st.text);
    m_queueOffset = offset;
    setBusy(true);
    runNext();
}

void QueryTab::runNext()
{
    if (m_queue.isEmpty()) {
        if (m_editCommit) {
            m_editCommit->model()->acceptEdits();
            note(Tr::tr("The changes were committed."));
            m_editCommit = nullptr;
        }
        setBusy(false);
        return;
    }
    m_current = m_queue.takeFirst();
    m_currentShown = m_shownQueue.isEmpty() ? m_current.text : m_shownQueue.takeFirst();
    const StatementGate gate = gateStatement(classifyStatement(m_current.text, dialect()), m_mode);
    if (gate.confirm && !(m_confirm && m_confirm(m_currentShown, gate))) {
        note(Tr::tr("Not run: %1").arg(m_currentShown.simplified().left(200)));
        m_queue.clear();
        m_shownQueue.clear();
        setBusy(false);
        return;
    }
    m_history.append(m_currentShown);
    m_currentRun = m_session->execute(m_current.text, gate.readOnly, FirstRows);
}

void QueryTab::onStarted(int runId, const QList<Column> &columns)
{
    if (runId == m_explainRun)
        return;
    if (runId != m_currentRun || columns.isEmpty())
        return;
    auto *view = new ResultView(m_session, runId, columns, m_results);
    makeEditable(view, columns);
    connect(view, &ResultView::commitRequested, this, &QueryTab::commitEdits);
    const int index = m_results->addTab(view, Tr::tr("Result %1").arg(++m_resultNumber));
    m_results->setTabToolTip(index, m_current.text.left(500));
    m_results->setCurrentIndex(index);
    // keep the last ten results
    while (m_results->count() > 11) {
        QWidget *old = m_results->widget(1);
        m_results->removeTab(1);
        old->deleteLater();
    }
}

void QueryTab::onFinished(int runId, bool ok, const StatementOutcome &outcome, const Error &error)
{
    if (runId == m_explainRun && ok) {
        m_explainRun = 0;
        setBusy(false);
        const Result<PlanNode> plan = parsePlan(m_explainCell, dialect());
        if (!plan) {
            note(Tr::tr("The plan could not be read: %1").arg(plan.error().message));
            m_results->setCurrentWidget(m_messages);
            return;
        }
        auto *view = new ExplainView(*plan, m_current.text, m_results);
        connect(view, &ExplainView::askAiRequested, this, [this, view] { askAiAbout(view); });
        const int i = m_results->addTab(view, m_explainAnalyze ? Tr::tr("Plan (analyzed)") : Tr::tr("Plan"));
        m_results->setTabToolTip(i, m_current.text.left(500));
        m_results->setCurrentIndex(i);
        m_lastExplain = view;
        note(Tr::tr("%1 — plan in %2 ms").arg(m_current.text.simplified().left(120)).arg(outcome.elapsedMs));
        emit explainShown(view);
        return;
    }
    if (runId == m_explainRun)
        m_explainRun = 0; // failed: reported like any statement below
    else if (runId != m_currentRun)
        return;
    const QLocale loc;
    const QString head = m_currentShown.simplified().left(120);
    for (const QString &n : outcome.notices)
        note(n);
    if (ok) {
        QString what = outcome.commandTag;
        if (outcome.rowsFetched > 0 && !outcome.commandTag.startsWith(QLatin1String("SELECT")))
            what += QStringLiteral(" · ") + Tr::tr("%n row(s)", nullptr, int(outcome.rowsFetched));
        note(Tr::tr("%1 — %2 in %3 ms").arg(head, what, loc.toString(outcome.elapsedMs)));
    } else if (error.code == ErrorCode::Cancelled) {
        note(Tr::tr("%1 — cancelled after %2 row(s) read").arg(head).arg(outcome.rowsFetched));
    } else {
        QString line = Tr::tr("%1 — error: %2").arg(head, error.message);
        if (!error.detail.isEmpty())
            line += QStringLiteral(" (") + error.detail + QLatin1Char(')');
        if (!error.hint.isEmpty())
            line += QStringLiteral("\n  ") + Tr::tr("Hint: %1").arg(error.hint);
        note(line);
        // mark it where the server located it, else the statement's first line
        if (m_queueOffset < 0) {
            m_queue.clear();
            m_shownQueue.clear();
            if (m_editCommit) {
                // the edits stay pending; the transaction this tab opened for them is rolled back
                if (m_editWrapped)
                    m_session->execute(QStringLiteral("ROLLBACK"), false);
                note(Tr::tr("Nothing was changed; the edits are still pending."));
                m_editCommit = nullptr;
            }
            m_results->setCurrentWidget(m_messages);
            emit statementExecuted(m_currentShown, ok, outcome.elapsedMs);
            runNext();
            return;
        }
        const QString script = m_editor->text();
        int at = m_queueOffset + m_current.textBegin + (error.column > 0 ? error.column - 1 : 0);
        at = qBound(0, at, int(script.size()));
        const int line1 = int(QStringView(script).left(at).count(QLatin1Char('\n'))) + 1;
        const int col = at - int(script.lastIndexOf(QLatin1Char('\n'), at - 1)) ;
        Editor::Diagnostic d;
        d.line = line1;
        d.column = error.column > 0 ? col : 0;
        d.message = error.message;
        m_editor->addDiagnostic(d);
        m_queue.clear();
        m_results->setCurrentWidget(m_messages);
    }
    emit statementExecuted(m_currentShown, ok, outcome.elapsedMs);
    runNext();
}

void QueryTab::makeEditable(ResultView *view, const QList<Column> &columns)
{
    // One table, named plainly after FROM, nothing joined or grouped: its rows can be edited
    // when its whole primary key is among the columns.
    static const QRegularExpression single(
        QStringLiteral(R"(^\s*select\s+.+?\s+from\s+((?:[\w$]+|"[^"]+"|`[^`]+`)(?:\.(?:[\w$]+|"[^"]+"|`[^`]+`))?)(?:\s+(?:as\s+)?[\w$]+)?\s*(?:where\s+.*|order\s+by\s+.*|limit\s+.*)?$)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const QString sql = m_current.text;
    const QRegularExpressionMatch m = single.match(sql);
    const QStringList top = topLevelKeywords(sql, dialect());
    if (!m.hasMatch() || top.contains(QStringLiteral("JOIN")) || top.contains(QStringLiteral("GROUP"))
        || top.contains(QStringLiteral("UNION")) || top.contains(QStringLiteral("DISTINCT")))
        return;
    const auto unq = [](QString s) {
        if (s.size() >= 2 && (s.startsWith(QLatin1Char('"')) || s.startsWith(QLatin1Char('`'))))
            s = s.mid(1, s.size() - 2);
        return s;
    };
    const QStringList parts = m.captured(1).split(QLatin1Char('.'));
    const CatalogRelation *rel = nullptr;
    if (parts.size() == 2)
        rel = m_catalog.find(unq(parts[0]), unq(parts[1]));
    else if (dialect() == Dialect::PostgreSql)
        rel = m_catalog.find(QStringLiteral("public"), unq(parts[0]));
    else
        rel = m_catalog.find(m_session->spec().database, unq(parts[0]));
    if (!rel || rel->kind != CatalogRelation::Kind::Table)
        return;
    const QStringList pk = rel->primaryKey();
    if (pk.isEmpty())
        return;
    QList<int> keys, editable;
    for (int i = 0; i < columns.size(); ++i) {
        const QString name = columns.at(i).name;
        if (pk.contains(name)) {
            keys.append(i);
            continue;
        }
        for (const CatalogColumn &c : rel->columns) {
            if (c.name == name)
                editable.append(i);
        }
    }
    if (keys.size() != pk.size() || editable.isEmpty())
        return;
    view->setEditTarget(rel->schema, rel->name, keys, editable, dialect());
}

void QueryTab::commitEdits(ResultView *view)
{
    if (m_busy)
        return;
    const QStringList updates = view->pendingStatements();
    if (updates.isEmpty())
        return;
    AdminStatements st;
    // all or nothing: inside a transaction of their own unless the user has one open
    const bool wrap = !m_session->inTransaction();
    if (wrap) {
        st.sql << QStringLiteral("BEGIN");
        st.shown << QStringLiteral("BEGIN");
    }
    st.sql += updates;
    st.shown += updates;
    if (wrap) {
        st.sql << QStringLiteral("COMMIT");
        st.shown << QStringLiteral("COMMIT");
    }
    m_editCommit = view;
    m_editWrapped = wrap;
    runAdmin(st);
}

AdminDialog *QueryTab::openAdmin()
{
    const bool my = dialect() == Dialect::MariaDb;
    auto *d = new AdminDialog(dialect(), my ? m_catalog.schemas : QStringList {m_session->spec().database},
                              my ? QStringList {} : m_catalog.schemas, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &AdminDialog::runRequested, this, &QueryTab::runAdmin);
    d->open();
    return d;
}

void QueryTab::runAdmin(const AdminStatements &statements)
{
    if (m_busy || statements.sql.isEmpty())
        return;
    QList<SqlStatement> list;
    for (const QString &sql : statements.sql) {
        SqlStatement st;
        st.text = sql;
        list.append(st);
    }
    m_editor->clearDiagnostics();
    m_queue = list;
    m_shownQueue = statements.shown;
    m_queueOffset = -1; // not in the editor: errors are not marked there
    setBusy(true);
    runNext();
}

void QueryTab::explainCurrent(bool analyze)
{
    if (m_busy)
        return;
    const SqlStatement st = statementAt(m_editor->text(), cursorOffset(), dialect());
    if (st.text.isEmpty())
        return;
    m_editor->clearDiagnostics();
    const SqlKind kind = classifyStatement(st.text, dialect());
    StatementGate gate = gateStatement(kind, m_mode);
    // A plain EXPLAIN runs nothing; ANALYZE runs the statement and is gated like it.
    if (!analyze) {
        gate.confirm = false;
    } else if (gate.confirm && !(m_confirm && m_confirm(st.text, gate))) {
        note(Tr::tr("Not run: %1").arg(st.text.simplified().left(200)));
        return;
    }
    m_current = st;
    m_currentShown = st.text;
    m_queue.clear();
    m_shownQueue.clear();
    m_queueOffset = 0;
    m_explainCell.clear();
    m_explainAnalyze = analyze;
    setBusy(true);
    m_explainRun = m_session->execute(explainStatement(st.text, dialect(), analyze), gate.readOnly || !analyze, 100);
    m_currentRun = m_explainRun;
}

void QueryTab::askAiAbout(const ExplainView *view)
{
    QStringList ddl;
    // the tables the plan and statement name, as the catalog knows them (no rows, no values)
    for (const CatalogRelation &r : std::as_const(m_catalog.relations)) {
        if (!view->statement().contains(r.name, Qt::CaseInsensitive))
            continue;
        QStringList cols;
        for (const CatalogColumn &c : r.columns)
            cols << QStringLiteral("  %1 %2%3%4").arg(c.name, c.type, c.nullable ? QString() : QStringLiteral(" NOT NULL"),
                                                      c.primaryKey ? QStringLiteral(" PRIMARY KEY") : QString());
        QStringList idx;
        for (const CatalogIndex &i : r.indexes)
            idx << QStringLiteral("  index %1: %2").arg(i.name, i.definition);
        ddl << QStringLiteral("%1.%2:\n%3%4").arg(r.schema, r.name, cols.join(QLatin1Char('\n')),
                                                  idx.isEmpty() ? QString() : QLatin1Char('\n') + idx.join(QLatin1Char('\n')));
        if (ddl.size() >= 10)
            break;
    }
    const QString attachment = Tr::tr("Engine: %1 (%2)").arg(engineName(m_session->spec().engine), m_session->serverVersion())
                               + QStringLiteral("\n\n") + Tr::tr("Query:") + QStringLiteral("\n") + view->statement()
                               + QStringLiteral("\n\n") + Tr::tr("Plan:") + QStringLiteral("\n") + planText(view->plan())
                               + (ddl.isEmpty() ? QString() : QStringLiteral("\n\n") + Tr::tr("Tables:") + QStringLiteral("\n") + ddl.join(QStringLiteral("\n\n")));
    emit askAiRequested(Tr::tr("How can this query be made faster? Suggest indexes or a rewrite, and explain the costliest steps of its plan."),
                        Tr::tr("Query plan"), attachment);
}

void QueryTab::setLibrary(QueryLibrary *library, const QString &connectionId)
{
    m_library = library;
    m_connectionId = connectionId;
    connect(this, &QueryTab::statementExecuted, this, [this](const QString &sql, bool ok, qint64 ms) {
        if (!m_library)
            return;
        LibraryEntry e;
        e.when = QDateTime::currentDateTimeUtc();
        e.sql = sql;
        e.ok = ok;
        e.elapsedMs = ms;
        if (Result<void> r = m_library->appendHistory(m_connectionId, e); !r)
            note(r.error().message);
    });
}

Result<void> QueryTab::saveQuery(const QString &name)
{
    if (!m_library)
        return Error(ErrorCode::Internal, Tr::tr("No place to save queries."));
    QsciScintilla *sci = m_editor->scintilla();
    return m_library->save(m_connectionId, name, sci->hasSelectedText() ? sci->selectedText() : m_editor->text());
}

void QueryTab::fillHistoryMenu()
{
    m_historyMenu->clear();
    if (!m_library) {
        m_historyMenu->addAction(Tr::tr("(no history)"))->setEnabled(false);
        return;
    }
    const auto insert = [this](const QString &sql) {
        m_editor->scintilla()->append(QStringLiteral("\n") + sql + QStringLiteral(";\n"));
        m_editor->setFocus();
    };
    QMenu *saved = m_historyMenu->addMenu(Tr::tr("Saved Queries"));
    const QList<LibraryEntry> savedList = m_library->saved(m_connectionId);
    for (const LibraryEntry &e : savedList)
        saved->addAction(e.name, this, [insert, sql = e.sql] { insert(sql); })->setToolTip(e.sql.left(500));
    if (savedList.isEmpty())
        saved->addAction(Tr::tr("(none yet)"))->setEnabled(false);
    m_historyMenu->addAction(Tr::tr("Save Query…"), this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, Tr::tr("Save Query"), Tr::tr("Name:"), QLineEdit::Normal, {}, &ok);
        if (!ok)
            return;
        if (Result<void> r = saveQuery(name); !r)
            QMessageBox::warning(this, Tr::tr("Save Query"), r.error().message);
    });
    m_historyMenu->addSeparator();
    const QList<LibraryEntry> recent = m_library->history(m_connectionId, 30);
    if (recent.isEmpty())
        m_historyMenu->addAction(Tr::tr("(nothing has run yet)"))->setEnabled(false);
    for (const LibraryEntry &e : recent) {
        QString label = e.sql.simplified();
        if (label.size() > 80)
            label = label.left(79) + QChar(0x2026);
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *a = m_historyMenu->addAction(
            QStringLiteral("%1  %2%3").arg(e.when.toLocalTime().toString(QStringLiteral("MM-dd HH:mm")), e.ok ? QString() : QStringLiteral("✗ "), label),
            this, [insert, sql = e.sql] { insert(sql); });
        a->setToolTip(e.sql.left(1000));
    }
}

void QueryTab::setMetadataSession(DbSession *session)
{
    m_meta = session;
    reloadCatalog();
}

void QueryTab::reloadCatalog()
{
    if (!m_meta)
        return;
    m_schema->setLoading(true);
    QPointer<QueryTab> self(this);
    loadCatalog(m_meta).then(this, [self](const Result<Catalog> &r) {
        if (!self)
            return;
        self->m_schema->setLoading(false);
        if (!r) {
            self->m_schema->setFailed(r.error().message);
            return;
        }
        self->m_catalog = *r;
        self->m_schema->setCatalog(*r, self->dialect());
        emit self->catalogLoaded();
    });
}

void QueryTab::showDdl(const CatalogRelation &relation)
{
    if (!m_meta)
        return;
    QPointer<QueryTab> self(this);
    const QString title = relation.schema + QLatin1Char('.') + relation.name;
    relationDdl(m_meta, relation).then(this, [self, title](const Result<QString> &r) {
        if (!self)
            return;
        if (!r) {
            self->note(Tr::tr("Could not read the definition of %1: %2").arg(title, r.error().message));
            return;
        }
        auto *dialog = new QDialog(self);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(Tr::tr("DDL of %1").arg(title));
        auto *editor = new Editor::CodeEditor(dialog);
        editor->setLanguage(QStringLiteral("sql"));
        editor->setText(*r);
        editor->setReadOnly(true);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(editor, 1);
        layout->addWidget(buttons);
        dialog->resize(700, 480);
        dialog->open();
    });
}

void QueryTab::complete()
{
    const QString script = m_editor->text();
    const int pos = cursorOffset();
    const SqlStatement st = statementAt(script, pos, dialect());
    const int from = st.text.isEmpty() ? 0 : st.textBegin;
    const QString before = script.mid(from, pos - from);
    const SqlCompletion c = completeSql(before, st.text.isEmpty() ? before : st.text, m_catalog, dialect());
    if (c.words.isEmpty())
        return;
    const QByteArray list = c.words.join(QLatin1Char('\n')).toUtf8();
    m_editor->scintilla()->SendScintilla(QsciScintillaBase::SCI_AUTOCSHOW, long(c.prefix.toUtf8().size()), list.constData());
}

void QueryTab::formatScript()
{
    QsciScintilla *sci = m_editor->scintilla();
    if (sci->hasSelectedText()) {
        sci->replaceSelectedText(formatSql(sci->selectedText(), dialect()));
        return;
    }
    const SqlStatement st = statementAt(m_editor->text(), cursorOffset(), dialect());
    if (st.text.isEmpty())
        return;
    // select the statement's text and replace it, so undo takes it back in one step
    const QString script = m_editor->text();
    const long from = script.left(st.textBegin).toUtf8().size();
    const long to = from + st.text.toUtf8().size();
    sci->SendScintilla(QsciScintillaBase::SCI_SETSEL, from, to);
    sci->replaceSelectedText(formatSql(st.text, dialect()));
}

void QueryTab::note(const QString &line)
{
    m_messages->appendPlainText(QStringLiteral("[%1] %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

void QueryTab::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    m_runAction->setEnabled(!busy);
    m_runAllAction->setEnabled(!busy);
    m_cancelAction->setEnabled(busy);
    emit busyChanged(busy);
}

} // namespace Qwq::Databases
