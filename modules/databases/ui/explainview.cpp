// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "explainview.h"

#include <databases/core/databasestr.h>

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPalette>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Qwq::Databases {

namespace {

void addNode(QTreeWidgetItem *parent, QTreeWidget *tree, const PlanNode &n)
{
    const QLocale loc;
    const QStringList cols {
        n.label,
        n.detail,
        n.totalCost >= 0 ? loc.toString(n.totalCost, 'f', 2) : QString(),
        n.rows >= 0 ? loc.toString(n.rows, 'f', 0) : QString(),
        n.actualMs >= 0 ? loc.toString(n.actualMs, 'f', 3) : QString(),
    };
    auto *item = parent ? new QTreeWidgetItem(parent, cols) : new QTreeWidgetItem(tree, cols);
    item->setToolTip(1, n.detail);
    for (int c = 2; c < 5; ++c)
        item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    if (n.costliest) {
        const QColor hot = QApplication::palette().color(QPalette::Highlight);
        QColor bg = hot;
        bg.setAlpha(70);
        for (int c = 0; c < 5; ++c)
            item->setBackground(c, bg);
        QFont f = item->font(0);
        f.setBold(true);
        item->setFont(0, f);
        item->setToolTip(0, Tr::tr("One of the costliest steps of this plan"));
    }
    for (const PlanNode &c : n.children)
        addNode(item, tree, c);
}

} // namespace

ExplainView::ExplainView(const PlanNode &plan, const QString &statement, QWidget *parent)
    : QWidget(parent), m_plan(plan), m_statement(statement), m_tree(new QTreeWidget(this)),
      m_askAi(new QPushButton(Tr::tr("Ask AI to Optimise"), this))
{
    m_tree->setObjectName(QStringLiteral("planTree"));
    m_tree->setHeaderLabels({Tr::tr("Step"), Tr::tr("Detail"), Tr::tr("Cost"), Tr::tr("Rows"), Tr::tr("Time (ms)")});
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tree->setColumnWidth(0, 260);
    addNode(nullptr, m_tree, plan);
    m_tree->expandAll();
    auto *copy = new QPushButton(Tr::tr("Copy as Text"), this);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(planText(m_plan)); });
    connect(m_askAi, &QPushButton::clicked, this, &ExplainView::askAiRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(copy);
    buttons->addWidget(m_askAi);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
}

} // namespace Qwq::Databases
