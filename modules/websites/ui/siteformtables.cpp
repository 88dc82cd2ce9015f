// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "siteformtables.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Qwq::Websites {

TableEditor::TableEditor(QList<Column> columns, QWidget *parent)
    : QWidget(parent), m_columns(std::move(columns))
{
    m_table = new QTableWidget(0, int(m_columns.size()), this);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_add = new QPushButton(this);
    m_remove = new QPushButton(this);
    connect(m_add, &QPushButton::clicked, this, [this] {
        const int r = addRow();
        m_table->setCurrentCell(r, 0);
        if (QWidget *w = m_table->cellWidget(r, 0))
            w->setFocus();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int r = m_table->currentRow();
        if (r >= 0) {
            m_table->removeRow(r);
            emit changed();
        }
    });
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

void TableEditor::setHeaders(const QStringList &headers)
{
    m_table->setHorizontalHeaderLabels(headers);
}

void TableEditor::setButtonTexts(const QString &add, const QString &remove)
{
    m_add->setText(add);
    m_remove->setText(remove);
}

void TableEditor::setChoiceLabels(const QString &key, const QStringList &labels)
{
    const int c = columnOf(key);
    if (c < 0)
        return;
    m_columns[c].labels = labels;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        if (auto *box = qobject_cast<QComboBox *>(m_table->cellWidget(r, c))) {
            for (int i = 0; i < labels.size() && i < box->count(); ++i)
                box->setItemText(i, labels.at(i));
        }
    }
}

int TableEditor::columnOf(const QString &key) const
{
    for (int c = 0; c < m_columns.size(); ++c) {
        if (m_columns.at(c).key == key)
            return c;
    }
    return -1;
}

int TableEditor::addRow(const QStringList &values)
{
    const int r = m_table->rowCount();
    m_table->insertRow(r);
    for (int c = 0; c < m_columns.size(); ++c) {
        const Column &col = m_columns.at(c);
        QWidget *w = nullptr;
        switch (col.type) {
        case Type::Text:
        case Type::Password: {
            auto *edit = new QLineEdit(m_table);
            edit->setFrame(false);
            if (col.type == Type::Password)
                edit->setEchoMode(QLineEdit::Password);
            connect(edit, &QLineEdit::textChanged, this, &TableEditor::changed);
            w = edit;
            break;
        }
        case Type::Int: {
            auto *spin = new QSpinBox(m_table);
            spin->setFrame(false);
            spin->setRange(col.min, col.max);
            connect(spin, &QSpinBox::valueChanged, this, &TableEditor::changed);
            w = spin;
            break;
        }
        case Type::Bool: {
            auto *check = new QCheckBox(m_table);
            connect(check, &QCheckBox::toggled, this, &TableEditor::changed);
            w = check;
            break;
        }
        case Type::Choice: {
            auto *box = new QComboBox(m_table);
            box->setFrame(false);
            for (int i = 0; i < col.values.size(); ++i)
                box->addItem(i < col.labels.size() ? col.labels.at(i) : col.values.at(i), col.values.at(i));
            connect(box, &QComboBox::currentIndexChanged, this, &TableEditor::changed);
            w = box;
            break;
        }
        }
        w->setObjectName(col.key);
        m_table->setCellWidget(r, c, w);
        setCell(r, c, c < values.size() ? values.at(c) : col.defaultValue);
    }
    emit changed();
    return r;
}

void TableEditor::setCell(int row, int column, const QString &value)
{
    QWidget *w = m_table->cellWidget(row, column);
    if (auto *edit = qobject_cast<QLineEdit *>(w))
        edit->setText(value);
    else if (auto *spin = qobject_cast<QSpinBox *>(w))
        spin->setValue(value.toInt());
    else if (auto *check = qobject_cast<QCheckBox *>(w))
        check->setChecked(value == QLatin1String("1") || value == QLatin1String("true"));
    else if (auto *box = qobject_cast<QComboBox *>(w))
        box->setCurrentIndex(qMax(0, box->findData(value)));
}

QString TableEditor::cell(int row, int column) const
{
    QWidget *w = m_table->cellWidget(row, column);
    if (auto *edit = qobject_cast<QLineEdit *>(w))
        return edit->text();
    if (auto *spin = qobject_cast<QSpinBox *>(w))
        return QString::number(spin->value());
    if (auto *check = qobject_cast<QCheckBox *>(w))
        return check->isChecked() ? QStringLiteral("1") : QStringLiteral("0");
    if (auto *box = qobject_cast<QComboBox *>(w))
        return box->currentData().toString();
    return {};
}

void TableEditor::setRows(const QList<QStringList> &rows)
{
    m_table->setRowCount(0);
    for (const QStringList &r : rows)
        addRow(r);
}

QList<QStringList> TableEditor::rows() const
{
    QList<QStringList> out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < m_columns.size(); ++c)
            row << cell(r, c);
        out << row;
    }
    return out;
}

void TableEditor::focusCell(int row, const QString &key)
{
    const int c = qMax(0, columnOf(key));
    if (row < 0 || row >= m_table->rowCount())
        return;
    m_table->setCurrentCell(row, c);
    m_table->scrollTo(m_table->model()->index(row, c));
    if (QWidget *w = m_table->cellWidget(row, c))
        w->setFocus();
}

} // namespace Qwq::Websites
