// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redismodels.h"

#include "databasestr.h"

#include <limits>

namespace Qwq::Databases {

void RedisKeyModel::clear()
{
    beginResetModel();
    m_keys.clear();
    m_index.clear();
    endResetModel();
}

void RedisKeyModel::appendKeys(const QList<RedisKey> &keys)
{
    QList<RedisKey> fresh;
    for (const RedisKey &k : keys) {
        if (!m_index.contains(k.name)) {
            m_index.insert(k.name, -1); // also skips a repeat inside this page
            fresh.append(k);
        }
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_keys.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (const RedisKey &k : std::as_const(fresh)) {
        m_index[k.name] = int(m_keys.size());
        m_keys.append(k);
    }
    endInsertRows();
}

void RedisKeyModel::updateKey(const RedisKey &key)
{
    const int row = rowOf(key.name);
    if (row < 0)
        return;
    m_keys[row] = key;
    emit dataChanged(index(row, TypeColumn), index(row, TtlColumn));
}

void RedisKeyModel::removeKey(const QByteArray &name)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_keys.removeAt(row);
    m_index.remove(name);
    for (int i = row; i < m_keys.size(); ++i)
        m_index[m_keys.at(i).name] = i;
    endRemoveRows();
}

QVariant RedisKeyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_keys.size())
        return {};
    const RedisKey &k = m_keys.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn: return redisDisplay(k.name, false, 500);
        case TypeColumn:
            return k.type == RedisType::Other ? redisDisplay(k.typeName, false, 40) : redisTypeName(k.type);
        case TtlColumn: return formatRedisTtl(k.ttlMs);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case KeyColumn: return redisDisplay(k.name, false, 500);
        case TypeColumn: return redisTypeName(k.type);
        case TtlColumn: return k.ttlMs < 0 ? std::numeric_limits<qlonglong>::max() : qlonglong(k.ttlMs);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == TtlColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case KeyBytesRole: return k.name;
    case TypeRole: return int(k.type);
    case TtlRole: return qlonglong(k.ttlMs);
    default: break;
    }
    return {};
}

QVariant RedisKeyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn: return Tr::tr("Key");
    case TypeColumn: return Tr::tr("Type");
    case TtlColumn: return Tr::tr("TTL");
    }
    return {};
}

namespace {
/// A type's own columns, in the language now in use (a stream's field columns follow these).
QStringList baseColumns(RedisType type)
{
    switch (type) {
    case RedisType::String: return {Tr::tr("Value")};
    case RedisType::Hash: return {Tr::tr("Field"), Tr::tr("Value")};
    case RedisType::List: return {Tr::tr("Index"), Tr::tr("Element")};
    case RedisType::Set: return {Tr::tr("Member")};
    case RedisType::ZSet: return {Tr::tr("Member"), Tr::tr("Score")};
    case RedisType::Stream: return {Tr::tr("Entry ID")};
    case RedisType::None:
    case RedisType::Other: break;
    }
    return {};
}
} // namespace

void RedisKeyModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_keys.isEmpty())
        emit dataChanged(index(0, TypeColumn), index(rowCount() - 1, TtlColumn));
}

void RedisValueModel::reset(RedisType type)
{
    beginResetModel();
    m_type = type;
    m_rows.clear();
    m_streamColumns.clear();
    m_columns = baseColumns(type);
    endResetModel();
}

void RedisValueModel::retranslate()
{
    if (columnCount() > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void RedisValueModel::appendPage(const RedisValuePage &page)
{
    if (page.rows.isEmpty())
        return;
    QList<QList<QByteArray>> rows;
    rows.reserve(page.rows.size());
    if (m_type == RedisType::Stream) {
        // Entries need not share fields: one column per field name, in the order first seen.
        QStringList added;
        for (const QList<QByteArray> &entry : page.rows) {
            QList<QByteArray> row {entry.value(0)};
            for (qsizetype f = 1; f + 1 < entry.size(); f += 2) {
                int column = m_streamColumns.value(entry.at(f), -1);
                if (column < 0) {
                    column = int(m_columns.size() + added.size());
                    m_streamColumns.insert(entry.at(f), column);
                    added.append(redisDisplay(entry.at(f), false, 80));
                }
                if (row.size() <= column)
                    row.resize(column + 1);
                row[column] = entry.at(f + 1);
            }
            rows.append(row);
        }
        if (!added.isEmpty()) {
            const int first = int(m_columns.size());
            beginInsertColumns({}, first, first + int(added.size()) - 1);
            m_columns += added;
            endInsertColumns();
        }
    } else {
        rows = page.rows;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows += rows;
    endInsertRows();
}

bool RedisValueModel::isNumericColumn(int column) const
{
    return (m_type == RedisType::List && column == 0) || (m_type == RedisType::ZSet && column == 1);
}

QVariant RedisValueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    switch (role) {
    case Qt::DisplayRole: return redisDisplay(cell(index.row(), index.column()), false, CellChars);
    case BytesRole: return cell(index.row(), index.column());
    case Qt::TextAlignmentRole:
        if (isNumericColumn(index.column()))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default: break;
    }
    return {};
}

QVariant RedisValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        const QStringList base = baseColumns(m_type);
        return section < base.size() ? base.at(section) : m_columns.value(section);
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace Qwq::Databases
