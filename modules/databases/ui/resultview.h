// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <databases/core/dbtypes.h>
#include <databases/core/resultmodel.h>

#include <QWidget>

class QAction;
class QLabel;
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
    /// Writes every row (fetching the rest first) to `file` as CSV; false + message on failure.
    void exportTo(const QString &file, CopyFormat format);

signals:
    void exportFinished(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *e) override;

private:
    void onRows(int runId, const std::shared_ptr<RowBatch> &rows, bool more);
    void onFinished(int runId, bool ok, const StatementOutcome &outcome, const Error &error);
    void updateStatus();
    void writeExport();

    DbSession *m_session;
    int m_run;
    ResultModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
    QAction *m_copy = nullptr;
    bool m_finished = false;
    bool m_truncated = false;
    QString m_failed;
    qint64 m_elapsedMs = -1;
    QString m_exportFile;
    CopyFormat m_exportFormat = CopyFormat::Csv;
};

} // namespace Qwq::Databases
