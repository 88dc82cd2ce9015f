// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Qwq::Databases {

enum class Dialect { PostgreSql, MariaDb };

/// One statement of a script: [begin, end) in the script, without the closing ';'; its text
/// is trimmed; line is 1-based where the statement's first token starts.
struct SqlStatement
{
    int begin = 0;
    int end = 0;
    int line = 1;
    int textBegin = 0; ///< where `text` starts in the script
    QString text;
};

/// Splits a script at top-level semicolons. Knows the lexical rules that hide a ';': quoted
/// strings (PostgreSQL E'' and MariaDB backslash escapes), quoted identifiers ("" and ``),
/// PostgreSQL dollar quotes ($$ … $$, $tag$ … $tag$), -- and /* */ comments (nested in
/// PostgreSQL) and MariaDB's # comments. Empty statements (only comments) are dropped.
QList<SqlStatement> splitStatements(const QString &script, Dialect dialect);

/// The statement the cursor is in (or just after); an empty statement when there is none.
SqlStatement statementAt(const QString &script, int position, Dialect dialect);

/// What a statement may do, from its top-level keywords (never a guarantee: the server's
/// read-only transaction is the guarantee; this decides what to confirm).
struct SqlKind
{
    QString verb;              ///< the first keyword, upper case (SELECT, UPDATE, WITH, …)
    bool mayWrite = true;      ///< anything but a plain read (SELECT, SHOW, EXPLAIN, VALUES, …)
    bool unboundedWrite = false; ///< UPDATE or DELETE with no WHERE: touches every row
    bool destructive = false;  ///< DROP, TRUNCATE
    bool transactionControl = false; ///< BEGIN, COMMIT, ROLLBACK, SAVEPOINT, …
};
SqlKind classifyStatement(const QString &sql, Dialect dialect);

/// A readable layout of one statement or script: each main clause (FROM, WHERE, JOIN, GROUP BY,
/// ORDER BY, …) starts a line, keywords in capitals; strings, quoted names and comments are
/// left exactly as written.
QString formatSql(const QString &sql, Dialect dialect);

/// The keywords of a statement outside strings, comments and parentheses, upper case, in order
/// (for tests and classification).
QStringList topLevelKeywords(const QString &sql, Dialect dialect);

} // namespace Qwq::Databases
