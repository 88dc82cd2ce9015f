// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "explainplan.h"

#include "databasestr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Qwq::Databases {

namespace {

PlanNode pgNode(const QJsonObject &o)
{
    PlanNode n;
    n.label = o.value(QLatin1String("Node Type")).toString();
    const QString join = o.value(QLatin1String("Join Type")).toString();
    if (!join.isEmpty() && !n.label.contains(join))
        n.label = join + QLatin1Char(' ') + n.label;
    QStringList detail;
    const QString rel = o.value(QLatin1String("Relation Name")).toString();
    if (!rel.isEmpty()) {
        const QString schema = o.value(QLatin1String("Schema")).toString();
        const QString alias = o.value(QLatin1String("Alias")).toString();
        detail << QStringLiteral("on %1%2%3").arg(schema.isEmpty() ? QString() : schema + QLatin1Char('.'), rel,
                                                   alias.isEmpty() || alias == rel ? QString() : QLatin1Char(' ') + alias);
    }
    const QString index = o.value(QLatin1String("Index Name")).toString();
    if (!index.isEmpty())
        detail << QStringLiteral("using %1").arg(index);
    for (const char *key : {"Index Cond", "Hash Cond", "Merge Cond", "Join Filter", "Filter", "Sort Key", "Group Key"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isString())
            detail << QStringLiteral("%1: %2").arg(QLatin1String(key), v.toString());
        else if (v.isArray()) {
            QStringList parts;
            for (const QJsonValue &p : v.toArray())
                parts << p.toString();
            detail << QStringLiteral("%1: %2").arg(QLatin1String(key), parts.join(QStringLiteral(", ")));
        }
    }
    n.detail = detail.join(QStringLiteral("; "));
    n.totalCost = o.value(QLatin1String("Total Cost")).toDouble(-1);
    n.rows = o.value(QLatin1String("Plan Rows")).toDouble(-1);
    if (o.contains(QLatin1String("Actual Total Time")))
        n.actualMs = o.value(QLatin1String("Actual Total Time")).toDouble() * o.value(QLatin1String("Actual Loops")).toDouble(1);
    for (const QJsonValue &c : o.value(QLatin1String("Plans")).toArray())
        n.children.append(pgNode(c.toObject()));
    double childCost = 0, childMs = 0;
    for (const PlanNode &c : n.children) {
        childCost += qMax(0.0, c.totalCost);
        childMs += qMax(0.0, c.actualMs);
    }
    n.weight = n.actualMs >= 0 ? qMax(0.0, n.actualMs - childMs) : qMax(0.0, n.totalCost - childCost);
    return n;
}

void myWalk(const QJsonValue &v, const QString &key, PlanNode &parent)
{
    if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            myWalk(e, key, parent);
        return;
    }
    if (!v.isObject())
        return;
    const QJsonObject o = v.toObject();
    if (key == QLatin1String("table")) {
        PlanNode n;
        const QString access = o.value(QLatin1String("access_type")).toString();
        n.label = QStringLiteral("%1 (%2)").arg(o.value(QLatin1String("table_name")).toString(), access);
        QStringList detail;
        if (o.contains(QLatin1String("key")))
            detail << QStringLiteral("key: %1").arg(o.value(QLatin1String("key")).toString());
        if (o.contains(QLatin1String("possible_keys"))) {
            QStringList keys;
            for (const QJsonValue &k : o.value(QLatin1String("possible_keys")).toArray())
                keys << k.toString();
            detail << QStringLiteral("possible keys: %1").arg(keys.join(QStringLiteral(", ")));
        }
        if (o.contains(QLatin1String("attached_condition")))
            detail << QStringLiteral("condition: %1").arg(o.value(QLatin1String("attached_condition")).toString());
        n.detail = detail.join(QStringLiteral("; "));
        n.rows = o.value(QLatin1String("rows")).toDouble(-1);
        if (o.contains(QLatin1String("r_total_time_ms")))
            n.actualMs = o.value(QLatin1String("r_total_time_ms")).toDouble();
        if (o.contains(QLatin1String("cost")))
            n.totalCost = o.value(QLatin1String("cost")).toDouble();
        // a full scan weighs its rows; an index lookup much less
        n.weight = n.actualMs >= 0 ? n.actualMs : qMax(0.0, n.rows) * (access == QLatin1String("ALL") ? 1.0 : 0.1);
        for (auto it = o.begin(); it != o.end(); ++it)
            myWalk(it.value(), it.key(), n);
        parent.children.append(n);
        return;
    }
    PlanNode *into = &parent;
    PlanNode group;
    const bool grouping = key == QLatin1String("query_block") || key == QLatin1String("filesort")
                          || key == QLatin1String("temporary_table") || key == QLatin1String("subqueries")
                          || key == QLatin1String("materialized") || key == QLatin1String("union_result");
    if (grouping) {
        group.label = key == QLatin1String("query_block")
                          ? QStringLiteral("query block %1").arg(o.value(QLatin1String("select_id")).toInt())
                          : key;
        if (o.contains(QLatin1String("r_total_time_ms")))
            group.actualMs = o.value(QLatin1String("r_total_time_ms")).toDouble();
        into = &group;
    }
    for (auto it = o.begin(); it != o.end(); ++it)
        myWalk(it.value(), it.key(), *into);
    if (grouping)
        parent.children.append(group);
}

void collect(PlanNode &n, QList<PlanNode *> &all)
{
    all.append(&n);
    for (PlanNode &c : n.children)
        collect(c, all);
}

void lines(const PlanNode &n, int depth, QStringList &out)
{
    QString l = QString(depth * 2, QLatin1Char(' ')) + QStringLiteral("-> ") + n.label;
    if (!n.detail.isEmpty())
        l += QStringLiteral("  [") + n.detail + QLatin1Char(']');
    if (n.totalCost >= 0)
        l += QStringLiteral("  cost=%1").arg(n.totalCost, 0, 'f', 2);
    if (n.rows >= 0)
        l += QStringLiteral("  rows=%1").arg(n.rows, 0, 'f', 0);
    if (n.actualMs >= 0)
        l += QStringLiteral("  time=%1ms").arg(n.actualMs, 0, 'f', 3);
    if (n.costliest)
        l += QStringLiteral("  <-- costliest");
    out.append(l);
    for (const PlanNode &c : n.children)
        lines(c, depth + 1, out);
}

} // namespace

QString explainStatement(const QString &sql, Dialect dialect, bool analyze)
{
    if (dialect == Dialect::MariaDb)
        return (analyze ? QStringLiteral("ANALYZE FORMAT=JSON ") : QStringLiteral("EXPLAIN FORMAT=JSON ")) + sql;
    return (analyze ? QStringLiteral("EXPLAIN (FORMAT JSON, ANALYZE, BUFFERS) ") : QStringLiteral("EXPLAIN (FORMAT JSON) ")) + sql;
}

Result<PlanNode> parsePlan(const QString &json, Dialect dialect, int hot)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error(ErrorCode::InvalidParam, Tr::tr("The server's plan is not JSON."), pe.errorString());
    PlanNode root;
    if (dialect == Dialect::PostgreSql) {
        const QJsonObject top = doc.isArray() ? doc.array().at(0).toObject() : doc.object();
        if (!top.contains(QLatin1String("Plan")))
            return Error(ErrorCode::InvalidParam, Tr::tr("The server's plan has no \"Plan\"."));
        root = pgNode(top.value(QLatin1String("Plan")).toObject());
    } else {
        PlanNode holder;
        myWalk(doc.object(), QString(), holder);
        if (holder.children.isEmpty())
            return Error(ErrorCode::InvalidParam, Tr::tr("The server's plan has no query block."));
        root = holder.children.size() == 1 ? holder.children.first() : holder;
    }
    QList<PlanNode *> all;
    collect(root, all);
    std::sort(all.begin(), all.end(), [](const PlanNode *a, const PlanNode *b) { return a->weight > b->weight; });
    // a few of the heaviest, never every node of a small plan
    hot = qMin(hot, qMax(1, int(all.size()) / 3));
    for (int i = 0; i < all.size() && i < hot; ++i) {
        if (all[i]->weight > 0)
            all[i]->costliest = true;
    }
    return root;
}

QString planText(const PlanNode &root)
{
    QStringList out;
    lines(root, 0, out);
    return out.join(QLatin1Char('\n'));
}

} // namespace Qwq::Databases
