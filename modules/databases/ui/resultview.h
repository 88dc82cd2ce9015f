// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <databases/core/dbtypes.h>
#include <databases/core/resultmodel.h>
#include <databases/core/sqlscript.h>

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTableView;

namespace Qwq::Databases {

class DbSession;

/// The rows of one statement: a grid that asks the session for the next batch as the user
/// scrolls near the end (never everything, never a count), a status line (rows so far,
/// "more on the server", time), copy of the selection as CSV, TSV, JSON or Markdown, and
/// export of every row to a file (the rest is fetched for it).
class ResultView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultView)

public:
    ResultView(DbSession *session, int runId, const QList<Column> &columns, QWidget *parent = nullptr);

    ResultModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }
    int runId() const { return m_run; }

    void copySelection(CopyFormat format);

    /// Makes the grid editable: the result is `schema.table`'s, whose primary key is in
    /// `keyColumns`; `editableColumns` are the table's own columns (not the key). Edits wait,
    /// highlighted, until Commit (which asks the tab to run the UPDATEs) or Discard.
    void setEditTarget(const QString &schema, const QString &table, const QList<int> &keyColumns,
                       const QList<int> &editableColumns, Dialect dialect);
    bool isEditable() const { return !m_tableName.isEmpty(); }
    /// The UPDATE statements of the pending edits.
    QStringList pendingStatements() const;
    QPushButton *commitButton() const { return m_commit; }
    QPushButton *discardButton() const { return m_discard; }
    /// Writes every row (fetching the rest first) to `file` as CSV; false + message on failure.
    void exportTo(const QString &file, CopyFormat format);

signals:
    void exportFinished(bool ok, const QString &message);
    void commitRequested(Qwq::Databases::ResultView *view);

protected:
    void changeEvent(QEvent *e) override;

private:
    void onRows(int runId, const std::shared_ptr<RowBatch> &rows, bool more);
    void onFinished(int runId, bool ok, const StatementOutcome &outcome, const Error &error);
    void updateStatus();
    void writeExport();
    void retranslateEditBar();

    DbSession *m_session;
    int m_run;
    ResultModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
    QAction *m_copy = nullptr;
    QWidget *m_editBar = nullptr;
    QLabel *m_editLabel = nullptr;
    QPushButton *m_commit = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_showSql = nullptr;
    QString m_schema;
    QString m_tableName;
    QList<int> m_keys;
    Dialect m_dialect = Dialect::PostgreSql;
    bool m_finished = false;
    bool m_truncated = false;
    QString m_failed;
    qint64 m_elapsedMs = -1;
    QString m_exportFile;
    CopyFormat m_exportFormat = CopyFormat::Csv;
};

} // namespace Qwq::Databases
