// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "redistypes.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Qwq::Databases {

/// The keys a scan found so far (Key, Type, TTL). Pages are appended as "load more" brings
/// them; a key listed already is not listed twice. Names are shown escaped where they are not
/// plain text; the raw bytes are in KeyBytesRole.
class RedisKeyModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisKeyModel)

public:
    enum Column { KeyColumn, TypeColumn, TtlColumn, ColumnCount };
    enum Role { KeyBytesRole = Qt::UserRole + 1, TypeRole, TtlRole, SortRole };

    explicit RedisKeyModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void clear();
    void retranslate(); ///< headers and texts again, after a language change
    void appendKeys(const QList<RedisKey> &keys);
    void updateKey(const RedisKey &key); ///< its type and TTL, when listed
    void removeKey(const QByteArray &name);
    int rowOf(const QByteArray &name) const { return m_index.value(name, -1); }
    const RedisKey &key(int row) const { return m_keys.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_keys.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<RedisKey> m_keys;
    QHash<QByteArray, int> m_index;
};

/// The rows of one key's value that the viewer has read so far, page by page (see
/// RedisValuePage for each type's columns). A stream's columns are its entries' field names as
/// they appear. Cells are shown as plain text, escaped where not text; BytesRole has the bytes.
class RedisValueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisValueModel)

public:
    enum Role { BytesRole = Qt::UserRole + 1 };
    static constexpr int CellChars = 300; ///< characters a cell shows; the detail pane has all

    explicit RedisValueModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void reset(RedisType type);
    void retranslate(); ///< headers again, after a language change
    void appendPage(const RedisValuePage &page);
    RedisType type() const { return m_type; }
    QByteArray cell(int row, int column) const { return m_rows.value(row).value(column); }
    QString columnName(int column) const { return headerData(column, Qt::Horizontal, Qt::DisplayRole).toString(); }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_columns.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    bool isNumericColumn(int column) const;

    RedisType m_type = RedisType::None;
    QStringList m_columns;
    QHash<QByteArray, int> m_streamColumns; // field name → column
    QList<QList<QByteArray>> m_rows;
};

} // namespace Qwq::Databases
