// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <databases/core/explainplan.h>

#include <QWidget>

class QPushButton;
class QTreeWidget;

namespace Qwq::Databases {

/// A query plan as a tree (node, detail, cost, rows, time), the costliest nodes highlighted,
/// with "Copy as Text" and "Ask AI to Optimise".
class ExplainView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExplainView)

public:
    ExplainView(const PlanNode &plan, const QString &statement, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    QPushButton *askAiButton() const { return m_askAi; }
    const PlanNode &plan() const { return m_plan; }
    const QString &statement() const { return m_statement; }

signals:
    void askAiRequested();

private:
    PlanNode m_plan;
    QString m_statement;
    QTreeWidget *m_tree;
    QPushButton *m_askAi;
};

} // namespace Qwq::Databases
