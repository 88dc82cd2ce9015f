// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqlscript.h"

#include <core/core/result.h>

#include <QList>
#include <QString>

namespace Qwq::Databases {

/// One node of a query plan, as the plan view shows it.
struct PlanNode
{
    QString label;      ///< "Seq Scan", "Hash Join", "t (ALL)", …
    QString detail;     ///< relation, index, condition: plain text
    double totalCost = -1;   ///< PostgreSQL's total cost; -1 when the server gives none
    double rows = -1;        ///< the planner's row estimate
    double actualMs = -1;    ///< EXPLAIN ANALYZE: inclusive time (all loops), else -1
    double weight = 0;       ///< what this node costs alone: exclusive time, else exclusive cost, else rows
    bool costliest = false;  ///< among the few heaviest nodes
    QList<PlanNode> children;
};

/// The EXPLAIN statement for `sql`: PostgreSQL `EXPLAIN (FORMAT JSON[, ANALYZE, BUFFERS])`,
/// MariaDB `EXPLAIN FORMAT=JSON` / `ANALYZE FORMAT=JSON`. ANALYZE runs the statement.
QString explainStatement(const QString &sql, Dialect dialect, bool analyze);
/// Parses what that EXPLAIN returned (the JSON text of its one cell) into a tree, then marks
/// the `hot` heaviest nodes as costliest.
Result<PlanNode> parsePlan(const QString &json, Dialect dialect, int hot = 3);
/// The plan as indented plain text (for the AI and for copying).
QString planText(const PlanNode &root);

} // namespace Qwq::Databases
