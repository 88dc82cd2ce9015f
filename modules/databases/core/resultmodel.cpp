// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultmodel.h"

#include "databasestr.h"
#include "sqlquote.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPalette>

#include <algorithm>

namespace Qwq::Databases {

namespace {
constexpr int DisplayLimit = 1000; // characters shown in a cell; the rest on copy

/// The application's palette, or the default one without a GUI application (tests, qwqctl).
QPalette palette()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) ? QGuiApplication::palette() : QPalette();
}
}

ResultModel::ResultModel(QObject *parent) : QAbstractTableModel(parent) {}

void ResultModel::reset(const QList<Column> &columns)
{
    beginResetModel();
    m_columns = columns;
    m_batches.clear();
    m_starts.clear();
    m_rows = 0;
    m_bytes = 0;
    m_more = false;
    m_waiting = false;
    m_editable.clear();
    m_pending.clear();
    m_accepted.clear();
    endResetModel();
}

void ResultModel::appendRows(const std::shared_ptr<RowBatch> &rows, bool more)
{
    m_more = more;
    m_waiting = false;
    if (!rows || rows->rowCount() == 0)
        return;
    beginInsertRows({}, m_rows, m_rows + rows->rowCount() - 1);
    m_starts.push_back(m_rows);
    m_batches.push_back(rows);
    m_rows += rows->rowCount();
    m_bytes += rows->byteSize();
    endInsertRows();
}

std::pair<const RowBatch *, int> ResultModel::locate(int row) const
{
    auto it = std::upper_bound(m_starts.begin(), m_starts.end(), row);
    if (it == m_starts.begin())
        return {nullptr, 0};
    const size_t i = size_t(it - m_starts.begin()) - 1;
    return {m_batches[i].get(), row - m_starts[i]};
}

QString ResultModel::cellText(int row, int column, bool *isNull) const
{
    if (!m_pending.empty() || !m_accepted.empty()) {
        const std::pair<int, int> key {row, column};
        const std::optional<QString> *edit = nullptr;
        if (const auto it = m_pending.find(key); it != m_pending.end())
            edit = &it->second;
        else if (const auto at = m_accepted.find(key); at != m_accepted.end())
            edit = &at->second;
        if (edit) {
            if (isNull)
                *isNull = !edit->has_value();
            return edit->value_or(QString());
        }
    }
    const auto [batch, r] = locate(row);
    if (!batch || column < 0 || column >= batch->columnCount()) {
        if (isNull)
            *isNull = false;
        return {};
    }
    const bool null = batch->isNull(r, column);
    if (isNull)
        *isNull = null;
    return null ? QString() : batch->text(r, column);
}

QString ResultModel::originalText(int row, int column, bool *isNull) const
{
    const auto [batch, r] = locate(row);
    if (!batch || column < 0 || column >= batch->columnCount()) {
        if (isNull)
            *isNull = false;
        return {};
    }
    const bool null = batch->isNull(r, column);
    if (isNull)
        *isNull = null;
    return null ? QString() : batch->text(r, column);
}

int ResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant ResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        bool null = false;
        QString t = cellText(index.row(), index.column(), &null);
        if (null)
            return QStringLiteral("NULL");
        if (t.size() > DisplayLimit)
            t = t.left(DisplayLimit) + QChar(0x2026);
        // one line per cell: line breaks shown as ↵
        t.replace(QLatin1Char('\n'), QChar(0x21B5));
        return t;
    }
    case Qt::EditRole: {
        bool null = false;
        const QString t = cellText(index.row(), index.column(), &null);
        return null ? QVariant() : QVariant(t);
    }
    case Qt::BackgroundRole:
        if (m_pending.count({index.row(), index.column()})) {
            QColor c = palette().color(QPalette::Highlight);
            c.setAlpha(60);
            return c;
        }
        return {};
    case Qt::ForegroundRole: {
        bool null = false;
        cellText(index.row(), index.column(), &null);
        if (null)
            return palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    }
    case Qt::FontRole: {
        bool null = false;
        cellText(index.row(), index.column(), &null);
        if (!null)
            return {};
        QFont f;
        f.setItalic(true);
        return f;
    }
    case Qt::TextAlignmentRole:
        if (index.column() < m_columns.size() && m_columns.at(index.column()).numeric)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole: {
        bool null = false;
        const QString t = cellText(index.row(), index.column(), &null);
        if (null || t.size() < 60)
            return {};
        return t.left(4000); // tooltips are plain text for this model: QToolTip gets no markup here
    }
    default:
        return {};
    }
}

QVariant ResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        return {};
    }
    if (section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_columns.at(section).name;
    if (role == Qt::ToolTipRole)
        return QStringLiteral("%1 (%2)").arg(m_columns.at(section).name, m_columns.at(section).type);
    return {};
}

bool ResultModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_waiting;
}

void ResultModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_waiting = true;
    emit moreRowsWanted(m_batchRows);
}

void ResultModel::setEditableColumns(const QList<int> &columns)
{
    m_editable = columns;
}

Qt::ItemFlags ResultModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && m_editable.contains(index.column()))
        f |= Qt::ItemIsEditable;
    return f;
}

bool ResultModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || !m_editable.contains(index.column()))
        return false;
    const std::pair<int, int> key {index.row(), index.column()};
    const auto [batch, r] = locate(index.row());
    if (!batch)
        return false;
    const bool origNull = batch->isNull(r, index.column());
    const QString orig = origNull ? QString() : batch->text(r, index.column());
    const std::optional<QString> v = value.isNull() ? std::nullopt : std::optional<QString>(value.toString());
    const bool same = v.has_value() ? (!origNull && *v == orig) : origNull;
    if (same && !m_accepted.count(key))
        m_pending.erase(key);
    else
        m_pending[key] = v;
    emit dataChanged(index, index);
    emit pendingEditsChanged(int(m_pending.size()));
    return true;
}

void ResultModel::setNull(const QModelIndex &index)
{
    setData(index, QVariant(), Qt::EditRole);
}

QList<ResultModel::Edit> ResultModel::pendingEdits() const
{
    QList<Edit> out;
    for (const auto &[key, value] : m_pending)
        out.append(Edit {key.first, key.second, value});
    return out;
}

void ResultModel::discardEdits()
{
    auto keys = m_pending;
    m_pending.clear();
    for (const auto &[key, v] : keys)
        emit dataChanged(index(key.first, key.second), index(key.first, key.second));
    emit pendingEditsChanged(0);
}

void ResultModel::acceptEdits()
{
    for (const auto &[key, v] : m_pending)
        m_accepted[key] = v;
    discardEdits();
}

QStringList updateStatements(const ResultModel &model, const QString &schema, const QString &table,
                             const QList<int> &keyColumns, Dialect dialect)
{
    std::map<int, QList<ResultModel::Edit>> byRow;
    for (const ResultModel::Edit &e : model.pendingEdits())
        byRow[e.row].append(e);
    QStringList out;
    const QString target = qualifiedName(schema, table, dialect);
    for (const auto &[row, edits] : byRow) {
        QStringList sets, where;
        for (const ResultModel::Edit &e : edits) {
            const QString col = qualifiedName({}, model.columns().at(e.column).name, dialect);
            sets.append(col + QStringLiteral(" = ") + (e.value ? quoteLiteral(*e.value, dialect) : QStringLiteral("NULL")));
        }
        for (int k : keyColumns) {
            // the key as the server sent it, not as edited
            bool null = false;
            const QString v = model.originalText(row, k, &null);
            const QString col = qualifiedName({}, model.columns().at(k).name, dialect);
            where.append(null ? QString(col + QStringLiteral(" IS NULL")) : QString(col + QStringLiteral(" = ") + quoteLiteral(v, dialect)));
        }
        out.append(QStringLiteral("UPDATE %1 SET %2 WHERE %3").arg(target, sets.join(QStringLiteral(", ")),
                                                                   where.join(QStringLiteral(" AND "))));
    }
    return out;
}

QString formatCells(const ResultModel &model, const QList<int> &rows, const QList<int> &columns,
                    CopyFormat format)
{
    const QList<Column> &cols = model.columns();
    QString out;
    const auto csvQuote = [](const QString &v) -> QString {
        if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n'))
            || v.contains(QLatin1Char('\r')))
            return QLatin1Char('"') + QString(v).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return v;
    };
    const auto tsvClean = [](QString v) {
        return v.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '))
            .replace(QLatin1Char('\r'), QLatin1Char(' '));
    };
    const auto mdClean = [](QString v) {
        return v.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    };
    switch (format) {
    case CopyFormat::Csv:
    case CopyFormat::Tsv: {
        const QString sep = format == CopyFormat::Csv ? QStringLiteral(",") : QStringLiteral("\t");
        QStringList head;
        for (int c : columns)
            head.append(format == CopyFormat::Csv ? csvQuote(cols.at(c).name) : tsvClean(cols.at(c).name));
        out += head.join(sep) + QLatin1Char('\n');
        for (int r : rows) {
            QStringList line;
            for (int c : columns) {
                bool null = false;
                const QString v = model.cellText(r, c, &null);
                line.append(null ? QString() : format == CopyFormat::Csv ? csvQuote(v) : tsvClean(v));
            }
            out += line.join(sep) + QLatin1Char('\n');
        }
        break;
    }
    case CopyFormat::Markdown: {
        QStringList head, rule;
        for (int c : columns) {
            head.append(mdClean(cols.at(c).name));
            rule.append(cols.at(c).numeric ? QStringLiteral("---:") : QStringLiteral("---"));
        }
        out += QStringLiteral("| ") + head.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        out += QStringLiteral("| ") + rule.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        for (int r : rows) {
            QStringList line;
            for (int c : columns) {
                bool null = false;
                const QString v = model.cellText(r, c, &null);
                line.append(null ? QStringLiteral("NULL") : mdClean(v));
            }
            out += QStringLiteral("| ") + line.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        }
        break;
    }
    case CopyFormat::Json: {
        QJsonArray arr;
        for (int r : rows) {
            QJsonObject o;
            for (int c : columns) {
                bool null = false;
                const QString v = model.cellText(r, c, &null);
                o.insert(cols.at(c).name, null ? QJsonValue() : QJsonValue(v));
            }
            arr.append(o);
        }
        out = QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
        break;
    }
    }
    return out;
}

} // namespace Qwq::Databases
