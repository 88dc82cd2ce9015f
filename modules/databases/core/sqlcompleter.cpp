// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlcompleter.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Qwq::Databases {

namespace {

QString unquote(QString s)
{
    if (s.size() >= 2 && (s.startsWith(QLatin1Char('"')) || s.startsWith(QLatin1Char('`'))))
        return s.mid(1, s.size() - 2);
    return s;
}

/// Tables the statement names, with their aliases: alias (or name) -> relation.
QHash<QString, const CatalogRelation *> mentioned(const QString &sql, const Catalog &cat)
{
    QHash<QString, const CatalogRelation *> out;
    static const QRegularExpression re(
        QStringLiteral(R"(\b(?:from|join|update|into)\s+((?:[\w$]+|"[^"]+"|`[^`]+`)(?:\.(?:[\w$]+|"[^"]+"|`[^`]+`))?)(?:\s+(?:as\s+)?([\w$]+))?)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QSet<QString> notAlias {QStringLiteral("where"), QStringLiteral("join"), QStringLiteral("on"),
                                         QStringLiteral("left"), QStringLiteral("right"), QStringLiteral("inner"),
                                         QStringLiteral("outer"), QStringLiteral("cross"), QStringLiteral("group"),
                                         QStringLiteral("order"), QStringLiteral("limit"), QStringLiteral("set"),
                                         QStringLiteral("values"), QStringLiteral("using"), QStringLiteral("natural"),
                                         QStringLiteral("full"), QStringLiteral("union"), QStringLiteral("having")};
    for (auto it = re.globalMatch(sql); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QStringList parts = m.captured(1).split(QLatin1Char('.'));
        const CatalogRelation *rel = parts.size() == 2 ? cat.find(unquote(parts[0]), unquote(parts[1]))
                                                       : cat.findAny(unquote(parts[0]));
        if (!rel)
            continue;
        out.insert(rel->name.toLower(), rel);
        const QString alias = m.captured(2);
        if (!alias.isEmpty() && !notAlias.contains(alias.toLower()))
            out.insert(alias.toLower(), rel);
    }
    return out;
}

} // namespace

const QStringList &sqlKeywords()
{
    static const QStringList words = [] {
        QStringList w = QStringLiteral(
            "SELECT FROM WHERE AND OR NOT IN IS NULL LIKE ILIKE BETWEEN EXISTS AS DISTINCT ORDER BY GROUP HAVING "
            "LIMIT OFFSET JOIN LEFT RIGHT INNER OUTER FULL CROSS ON USING UNION ALL INTERSECT EXCEPT INSERT INTO "
            "VALUES UPDATE SET DELETE RETURNING CREATE TABLE VIEW INDEX UNIQUE PRIMARY KEY FOREIGN REFERENCES "
            "DROP ALTER ADD COLUMN RENAME TO TRUNCATE BEGIN COMMIT ROLLBACK CASE WHEN THEN ELSE END WITH "
            "RECURSIVE EXPLAIN ANALYZE DEFAULT CHECK CONSTRAINT GRANT REVOKE ASC DESC COUNT SUM AVG MIN MAX "
            "COALESCE CAST TRUE FALSE SHOW DATABASE SCHEMA").split(QLatin1Char(' '));
        return w;
    }();
    return words;
}

SqlCompletion completeSql(const QString &before, const QString &whole, const Catalog &cat, Dialect dialect)
{
    Q_UNUSED(dialect)
    SqlCompletion c;
    int i = int(before.size());
    while (i > 0 && (before.at(i - 1).isLetterOrNumber() || before.at(i - 1) == QLatin1Char('_')
                     || before.at(i - 1) == QLatin1Char('$')))
        --i;
    c.prefix = before.mid(i);
    QStringList pool;
    if (i > 0 && before.at(i - 1) == QLatin1Char('.')) {
        int j = i - 1;
        int k = j;
        if (k > 0 && (before.at(k - 1) == QLatin1Char('"') || before.at(k - 1) == QLatin1Char('`'))) {
            const QChar q = before.at(k - 1);
            const int open = int(before.lastIndexOf(q, k - 2));
            k = open < 0 ? k : open;
        } else {
            while (k > 0 && (before.at(k - 1).isLetterOrNumber() || before.at(k - 1) == QLatin1Char('_')
                             || before.at(k - 1) == QLatin1Char('$')))
                --k;
        }
        const QString qualifier = unquote(before.mid(k, j - k));
        if (cat.schemas.contains(qualifier)) {
            for (const CatalogRelation &r : cat.relations) {
                if (r.schema == qualifier)
                    pool.append(r.name);
            }
        }
        const QHash<QString, const CatalogRelation *> rels = mentioned(whole, cat);
        const CatalogRelation *rel = rels.value(qualifier.toLower());
        if (!rel)
            rel = cat.findAny(qualifier);
        if (rel) {
            for (const CatalogColumn &col : rel->columns)
                pool.append(col.name);
        }
    } else {
        const QHash<QString, const CatalogRelation *> rels = mentioned(whole, cat);
        QSet<const CatalogRelation *> seen;
        for (const CatalogRelation *r : rels) {
            if (seen.contains(r))
                continue;
            seen.insert(r);
            for (const CatalogColumn &col : r->columns)
                pool.append(col.name);
        }
        pool += sqlKeywords();
        pool += cat.schemas;
        for (const CatalogRelation &r : cat.relations)
            pool.append(r.name);
        pool += cat.functions;
    }
    QSet<QString> dedupe;
    for (const QString &w : std::as_const(pool)) {
        if (!w.startsWith(c.prefix, Qt::CaseInsensitive) || w.compare(c.prefix, Qt::CaseInsensitive) == 0)
            continue;
        if (dedupe.contains(w))
            continue;
        dedupe.insert(w);
        c.words.append(w);
        if (c.words.size() >= 500)
            break;
    }
    std::sort(c.words.begin(), c.words.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    return c;
}

} // namespace Qwq::Databases
