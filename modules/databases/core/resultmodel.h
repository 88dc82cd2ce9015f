// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dbtypes.h"
#include "sqlscript.h"

#include <QAbstractTableModel>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace Qwq::Databases {

/// The rows of one statement as they stream in. Views ask for more through canFetchMore() /
/// fetchMore() (QTableView does when scrolled near the end): the model then emits
/// moreRowsWanted() and the panel asks the session. Cells are shown as the server's text, plain;
/// NULL is shown as a greyed "NULL"; very long values are cut for display (the whole value
/// is copied).
class ResultModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultModel)

public:
    explicit ResultModel(QObject *parent = nullptr);

    void reset(const QList<Column> &columns);
    void appendRows(const std::shared_ptr<RowBatch> &rows, bool more);
    void setFinished() { m_more = false; m_waiting = false; }
    const QList<Column> &columns() const { return m_columns; }
    bool hasMore() const { return m_more; }
    /// Bytes held for the rows (for the status line and the memory bench).
    qint64 byteSize() const { return m_bytes; }

    /// The cell as shown (an edit, pending or accepted, over what the server sent); isNull says NULL.
    QString cellText(int row, int column, bool *isNull = nullptr) const;
    /// The cell exactly as the server sent it.
    QString originalText(int row, int column, bool *isNull = nullptr) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    int batchRows() const { return m_batchRows; }

    // Inline editing (a result of one table whose primary key is among its columns): edits are
    // pending until committed; edited cells are shown with their new value, highlighted.
    struct Edit
    {
        int row = 0;
        int column = 0;
        std::optional<QString> value; // nullopt: NULL
    };
    void setEditableColumns(const QList<int> &columns);
    bool isEditable() const { return !m_editable.isEmpty(); }
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void setNull(const QModelIndex &index);
    QList<Edit> pendingEdits() const;
    void discardEdits();
    /// After the server took them: the new values stay shown, nothing is pending.
    void acceptEdits();
    void setBatchRows(int rows) { m_batchRows = rows; }

signals:
    void moreRowsWanted(int rows);
    void pendingEditsChanged(int count);

private:
    std::pair<const RowBatch *, int> locate(int row) const;

    QList<Column> m_columns;
    std::vector<std::shared_ptr<RowBatch>> m_batches;
    std::vector<int> m_starts; // first row of each batch
    int m_rows = 0;
    qint64 m_bytes = 0;
    bool m_more = false;
    bool m_waiting = false; // asked for more, not arrived yet
    int m_batchRows = 1000;
    QList<int> m_editable;
    std::map<std::pair<int, int>, std::optional<QString>> m_pending;
    std::map<std::pair<int, int>, std::optional<QString>> m_accepted;
};

/// Copy formats for selected cells.
enum class CopyFormat { Csv, Tsv, Json, Markdown };
/// Formats the given rows and columns (in order) with a header line (CSV/TSV/Markdown) or as
/// an array of objects (JSON; NULL as null).
/// The UPDATE statements for the model's pending edits of `schema.table`, one per edited row,
/// keyed by the primary-key columns (their values as the server sent them); values and names
/// quoted, NULL as NULL.
QStringList updateStatements(const ResultModel &model, const QString &schema, const QString &table,
                             const QList<int> &keyColumns, Dialect dialect);
QString formatCells(const ResultModel &model, const QList<int> &rows, const QList<int> &columns,
                    CopyFormat format);

} // namespace Qwq::Databases
