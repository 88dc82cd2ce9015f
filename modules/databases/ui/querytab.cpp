// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "querytab.h"

#include "resultview.h"

#include <databases/core/databasestr.h>
#include <databases/core/dbsession.h>
#include <editor/ui/codeeditor.h>

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace Qwq::Databases {

namespace {
constexpr int FirstRows = 1000; // then more as the user scrolls
}

QueryTab::QueryTab(DbSession *session, SafeMode safeMode, QWidget *parent)
    : QWidget(parent), m_session(session), m_mode(safeMode), m_editor(new Editor::CodeEditor(this)),
      m_toolbar(new QToolBar(this)), m_modeLabel(new QLabel(this)), m_txLabel(new QLabel(this)),
      m_results(new QTabWidget(this)), m_messages(new QPlainTextEdit(this))
{
    m_editor->setLanguage(QStringLiteral("sql"));
    m_editor->setObjectName(QStringLiteral("sqlEditor"));
    m_messages->setReadOnly(true);
    m_messages->setObjectName(QStringLiteral("sqlMessages"));
    m_messages->setMaximumBlockCount(5000);
    m_results->setDocumentMode(true);
    m_results->setTabsClosable(true);
    m_results->addTab(m_messages, Tr::tr("Messages"));
    connect(m_results, &QTabWidget::tabCloseRequested, this, [this](int i) {
        QWidget *w = m_results->widget(i);
        if (w != m_messages)
            w->deleteLater();
    });

    m_runAction = m_toolbar->addAction(Tr::tr("Run"), this, &QueryTab::runCurrent);
    m_runAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_runAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_runAction->setToolTip(Tr::tr("Run the selection, or the statement under the cursor (Ctrl+Enter)"));
    m_runAllAction = m_toolbar->addAction(Tr::tr("Run All"), this, &QueryTab::runAll);
    m_runAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_runAllAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_runAllAction->setToolTip(Tr::tr("Run every statement of the script, one after another (Ctrl+Shift+Enter)"));
    m_cancelAction = m_toolbar->addAction(Tr::tr("Cancel"), this, &QueryTab::cancel);
    m_cancelAction->setEnabled(false);
    m_cancelAction->setToolTip(Tr::tr("Ask the server to stop the running statement"));
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
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolbar);
    layout->addWidget(split, 1);

    connect(session, &DbSession::started, this, &QueryTab::onStarted);
    connect(session, &DbSession::rowsArrived, this, [this](int runId, const std::shared_ptr<RowBatch> &rows, bool more) {
        // A result that waits on the server for the user to scroll does not hold up the
        // script: the next statement may run (and ends that result's stream).
        if (runId != m_currentRun || !more || !m_busy)
            return;
        note(Tr::tr("%1 — first %n row(s); more on the server", nullptr, rows->rowCount())
                 .arg(m_current.text.simplified().left(120)));
        emit statementExecuted(m_current.text, true, -1);
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
    updateModeLabel();
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
    m_queueOffset = offset;
    setBusy(true);
    runNext();
}

void QueryTab::runNext()
{
    if (m_queue.isEmpty()) {
        setBusy(false);
        return;
    }
    m_current = m_queue.takeFirst();
    const StatementGate gate = gateStatement(classifyStatement(m_current.text, dialect()), m_mode);
    if (gate.confirm && !(m_confirm && m_confirm(m_current.text, gate))) {
        note(Tr::tr("Not run: %1").arg(m_current.text.simplified().left(200)));
        m_queue.clear();
        setBusy(false);
        return;
    }
    m_history.append(m_current.text);
    m_currentRun = m_session->execute(m_current.text, gate.readOnly, FirstRows);
}

void QueryTab::onStarted(int runId, const QList<Column> &columns)
{
    if (runId != m_currentRun || columns.isEmpty())
        return;
    auto *view = new ResultView(m_session, runId, columns, m_results);
    const int index = m_results->addTab(view, Tr::tr("Result %1").arg(m_results->count()));
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
    if (runId != m_currentRun)
        return;
    const QLocale loc;
    const QString head = m_current.text.simplified().left(120);
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
    emit statementExecuted(m_current.text, ok, outcome.elapsedMs);
    runNext();
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
