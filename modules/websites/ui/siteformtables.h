// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace Qwq::Websites {

/// A small editable table for the site form's lists (upstream servers, users, access rules,
/// headers, locations): typed columns, Add and Remove buttons. Values go in and out as
/// strings per cell; a Bool column is "1"/"0", a Choice column one of its values (not its
/// label), a Password column is masked and starts empty.
class TableEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableEditor)
public:
    enum class Type { Text, Int, Bool, Choice, Password };
    struct Column
    {
        QString key;            // the spec's field name ("address", "weight"…)
        Type type = Type::Text;
        QStringList values;     // Choice: the values sent
        QStringList labels;     // Choice: what is shown (translated); empty = values
        QString defaultValue;
        int min = 0;
        int max = 0;
    };
    explicit TableEditor(QList<Column> columns, QWidget *parent = nullptr);

    void setHeaders(const QStringList &headers);
    void setButtonTexts(const QString &add, const QString &remove);
    /// Relabels a Choice column (after a language change).
    void setChoiceLabels(const QString &key, const QStringList &labels);
    void setRows(const QList<QStringList> &rows);
    QList<QStringList> rows() const;
    int addRow(const QStringList &values = {});
    int columnOf(const QString &key) const;
    /// Selects and focuses a cell (an error names it).
    void focusCell(int row, const QString &key);
    QTableWidget *table() const { return m_table; }

signals:
    void changed();

private:
    void setCell(int row, int column, const QString &value);
    QString cell(int row, int column) const;

    QList<Column> m_columns;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
};

} // namespace Qwq::Websites
