// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultview.h"

#include <databases/core/databasestr.h>
#include <databases/core/dbsession.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

namespace Qwq::Databases {

ResultView::ResultView(DbSession *session, int runId, const QList<Column> &columns, QWidget *parent)
    : QWidget(parent), m_session(session), m_run(runId), m_model(new ResultModel(this)),
      m_table(new QTableView(this)), m_status(new QLabel(this))
{
    m_model->reset(columns);
    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("resultGrid"));
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setDefaultSectionSize(140);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_status->setObjectName(QStringLiteral("resultStatus"));
    m_status->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(session, &DbSession::rowsArrived, this, &ResultView::onRows);
    connect(session, &DbSession::finished, this, &ResultView::onFinished);
    connect(m_model, &ResultModel::moreRowsWanted, this, [this](int rows) { m_session->fetchMore(m_run, rows); });

    auto *copy = m_copy = new QAction(this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, [this] { copySelection(CopyFormat::Tsv); });
    addAction(copy);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this, copy](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(copy);
        copy->setText(Tr::tr("Copy"));
        QMenu *as = menu.addMenu(Tr::tr("Copy As"));
        as->addAction(Tr::tr("CSV"), this, [this] { copySelection(CopyFormat::Csv); });
        as->addAction(Tr::tr("TSV"), this, [this] { copySelection(CopyFormat::Tsv); });
        as->addAction(Tr::tr("JSON"), this, [this] { copySelection(CopyFormat::Json); });
        as->addAction(Tr::tr("Markdown"), this, [this] { copySelection(CopyFormat::Markdown); });
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    updateStatus();
}

void ResultView::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        updateStatus();
    QWidget::changeEvent(e);
}

void ResultView::onRows(int runId, const std::shared_ptr<RowBatch> &rows, bool more)
{
    if (runId != m_run)
        return;
    m_model->appendRows(rows, more);
    updateStatus();
}

void ResultView::onFinished(int runId, bool ok, const StatementOutcome &outcome, const Error &error)
{
    if (runId != m_run)
        return;
    m_finished = true;
    m_truncated = !ok && error.code == ErrorCode::Cancelled;
    m_failed = !ok && !m_truncated ? error.message : QString();
    m_elapsedMs = outcome.elapsedMs;
    m_model->setFinished();
    updateStatus();
    if (!m_exportFile.isEmpty())
        writeExport();
}

void ResultView::updateStatus()
{
    const QLocale loc;
    QString text;
    if (m_model->hasMore())
        text = Tr::tr("%1 rows so far; more on the server (scroll to fetch)").arg(loc.toString(m_model->rowCount()));
    else if (m_truncated)
        text = Tr::tr("%1 rows; the rest was not fetched (the statement was ended)").arg(loc.toString(m_model->rowCount()));
    else if (!m_failed.isEmpty())
        text = Tr::tr("%1 rows, then an error: %2").arg(loc.toString(m_model->rowCount()), m_failed);
    else
        text = Tr::tr("%n row(s)", nullptr, m_model->rowCount());
    if (m_elapsedMs >= 0)
        text += QStringLiteral(" · ") + Tr::tr("%1 ms").arg(loc.toString(m_elapsedMs));
    m_status->setText(text);
}

void ResultView::copySelection(CopyFormat format)
{
    const QModelIndexList sel = m_table->selectionModel()->selectedIndexes();
    if (sel.isEmpty())
        return;
    std::set<int> rows, cols;
    for (const QModelIndex &i : sel) {
        rows.insert(i.row());
        cols.insert(i.column());
    }
    const QString text = formatCells(*m_model, QList<int>(rows.begin(), rows.end()),
                                     QList<int>(cols.begin(), cols.end()), format);
    QApplication::clipboard()->setText(text);
}

void ResultView::exportTo(const QString &file, CopyFormat format)
{
    m_exportFile = file;
    m_exportFormat = format;
    if (m_finished || !m_model->hasMore())
        writeExport();
    else
        m_session->fetchAll(m_run);
}

void ResultView::writeExport()
{
    const QString file = m_exportFile;
    m_exportFile.clear();
    QList<int> rows(m_model->rowCount());
    for (int i = 0; i < rows.size(); ++i)
        rows[i] = i;
    QList<int> cols(m_model->columnCount());
    for (int i = 0; i < cols.size(); ++i)
        cols[i] = i;
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        emit exportFinished(false, Tr::tr("Could not write %1: %2").arg(file, out.errorString()));
        return;
    }
    // in slices: a million rows become one string per 10,000
    for (int from = 0; from < rows.size(); from += 10000) {
        QString part = formatCells(*m_model, rows.mid(from, 10000), cols, m_exportFormat);
        if (from > 0 && (m_exportFormat == CopyFormat::Csv || m_exportFormat == CopyFormat::Tsv))
            part = part.mid(part.indexOf(QLatin1Char('\n')) + 1); // one header line
        out.write(part.toUtf8());
    }
    if (!out.commit()) {
        emit exportFinished(false, Tr::tr("Could not write %1: %2").arg(file, out.errorString()));
        return;
    }
    emit exportFinished(true, Tr::tr("%n row(s) written to %1", nullptr, m_model->rowCount()).arg(file));
}

} // namespace Qwq::Databases
