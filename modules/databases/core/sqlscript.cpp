// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A small SQL lexer: just enough to find statement ends and top-level keywords. No parser
// library packaged for Debian covers both PostgreSQL and MariaDB lexical rules, so this is ours.
#include "sqlscript.h"

#include <functional>

namespace Qwq::Databases {

namespace {

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

/// Walks the script and calls `token` for every word, ';' and parenthesis outside strings and
/// comments: kind 'w' (word), ';', '(' or ')', with its [begin, end).
void lex(const QString &s, Dialect d, const std::function<void(char, int, int)> &token)
{
    const int n = int(s.size());
    int i = 0;
    const auto at = [&](int k) { return k < n ? s.at(k) : QChar(); };
    while (i < n) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('-') && at(i + 1) == QLatin1Char('-')) {
            while (i < n && s.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('#') && d == Dialect::MariaDb) {
            while (i < n && s.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && at(i + 1) == QLatin1Char('*')) {
            int depth = 1;
            i += 2;
            while (i < n && depth > 0) {
                if (d == Dialect::PostgreSql && s.at(i) == QLatin1Char('/') && at(i + 1) == QLatin1Char('*')) {
                    ++depth;
                    i += 2;
                } else if (s.at(i) == QLatin1Char('*') && at(i + 1) == QLatin1Char('/')) {
                    --depth;
                    i += 2;
                } else {
                    ++i;
                }
            }
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"') || (c == QLatin1Char('`') && d == Dialect::MariaDb)) {
            // PostgreSQL honours backslashes only in E'' strings; MariaDB in every string.
            const bool backslash = c != QLatin1Char('`') && c != QLatin1Char('"') ?
                (d == Dialect::MariaDb || (i > 0 && (s.at(i - 1) == QLatin1Char('E') || s.at(i - 1) == QLatin1Char('e'))))
                : d == Dialect::MariaDb && c == QLatin1Char('"');
            ++i;
            while (i < n) {
                if (backslash && s.at(i) == QLatin1Char('\\')) {
                    i += 2;
                } else if (s.at(i) == c) {
                    if (at(i + 1) == c) { // doubled quote
                        i += 2;
                    } else {
                        ++i;
                        break;
                    }
                } else {
                    ++i;
                }
            }
        } else if (c == QLatin1Char('$') && d == Dialect::PostgreSql
                   && (i == 0 || !isIdentChar(s.at(i - 1)))) {
            // $tag$ … $tag$ (tag empty or an identifier without '$'); $1 is a parameter.
            int j = i + 1;
            while (j < n && (s.at(j).isLetterOrNumber() || s.at(j) == QLatin1Char('_')))
                ++j;
            const bool tagOk = j < n && s.at(j) == QLatin1Char('$')
                && (j == i + 1 || !s.at(i + 1).isDigit());
            if (!tagOk) {
                ++i;
                continue;
            }
            const QString tag = s.mid(i, j - i + 1);
            const int close = int(s.indexOf(tag, j + 1));
            i = close < 0 ? n : close + int(tag.size());
        } else if (isIdentStart(c)) {
            const int b = i;
            while (i < n && isIdentChar(s.at(i)))
                ++i;
            token('w', b, i);
        } else if (c == QLatin1Char(';') || c == QLatin1Char('(') || c == QLatin1Char(')')) {
            token(char(c.unicode()), i, i + 1);
            ++i;
        } else {
            ++i;
        }
    }
}

int lineOf(const QString &s, int pos)
{
    return int(QStringView(s).left(pos).count(QLatin1Char('\n'))) + 1;
}

} // namespace

QList<SqlStatement> splitStatements(const QString &script, Dialect dialect)
{
    QList<SqlStatement> out;
    int start = 0;
    int firstToken = -1;
    int lastTokenEnd = 0;
    const auto flush = [&](int end) {
        if (firstToken >= 0) {
            SqlStatement st;
            st.begin = start;
            st.end = end;
            st.line = lineOf(script, firstToken);
            st.textBegin = firstToken;
            st.text = script.mid(firstToken, lastTokenEnd - firstToken).trimmed();
            out.append(st);
        }
        firstToken = -1;
    };
    // Words and parentheses mark a statement as non-empty; strings count too, so remember
    // the end of the last non-space, non-comment stretch through a second lexer pass.
    int depth = 0;
    lex(script, dialect, [&](char kind, int b, int e) {
        if (kind == ';' && depth == 0) {
            // the text up to here, including strings the lexer skipped
            if (firstToken >= 0)
                lastTokenEnd = b;
            flush(b);
            start = e;
            return;
        }
        if (kind == '(')
            ++depth;
        else if (kind == ')' && depth > 0)
            --depth;
        if (firstToken < 0)
            firstToken = b;
        lastTokenEnd = e;
    });
    if (firstToken >= 0) {
        // trailing statement without ';': up to the end, minus trailing whitespace/comments kept
        lastTokenEnd = int(script.size());
        flush(int(script.size()));
    }
    // Trim trailing comments and spaces of each statement's text conservatively: the server
    // ignores them anyway; keep the text exactly as the user wrote it otherwise.
    for (SqlStatement &st : out)
        st.text = st.text.trimmed();
    return out;
}

SqlStatement statementAt(const QString &script, int position, Dialect dialect)
{
    const QList<SqlStatement> all = splitStatements(script, dialect);
    const SqlStatement *best = nullptr;
    for (const SqlStatement &st : all) {
        if (position >= st.begin && position <= st.end + 1) // on the ';' counts
            return st;
        if (st.end < position)
            best = &st; // the cursor is past it, on blank lines: the one just before
    }
    return best ? *best : SqlStatement {};
}

QStringList topLevelKeywords(const QString &sql, Dialect dialect)
{
    QStringList words;
    int depth = 0;
    lex(sql, dialect, [&](char kind, int b, int e) {
        if (kind == '(')
            ++depth;
        else if (kind == ')')
            depth = qMax(0, depth - 1);
        else if (kind == 'w' && depth == 0)
            words.append(sql.mid(b, e - b).toUpper());
    });
    return words;
}

QString formatSql(const QString &sql, Dialect dialect)
{
    static const QStringList breakBefore = {
        QStringLiteral("FROM"), QStringLiteral("WHERE"), QStringLiteral("GROUP"), QStringLiteral("ORDER"),
        QStringLiteral("HAVING"), QStringLiteral("LIMIT"), QStringLiteral("OFFSET"), QStringLiteral("UNION"),
        QStringLiteral("EXCEPT"), QStringLiteral("INTERSECT"), QStringLiteral("VALUES"), QStringLiteral("SET"),
        QStringLiteral("RETURNING"), QStringLiteral("JOIN"), QStringLiteral("LEFT"), QStringLiteral("RIGHT"),
        QStringLiteral("INNER"), QStringLiteral("FULL"), QStringLiteral("CROSS"),
    };
    static const QStringList upper = {
        QStringLiteral("SELECT"), QStringLiteral("FROM"), QStringLiteral("WHERE"), QStringLiteral("AND"),
        QStringLiteral("OR"), QStringLiteral("NOT"), QStringLiteral("IN"), QStringLiteral("IS"), QStringLiteral("NULL"),
        QStringLiteral("LIKE"), QStringLiteral("ILIKE"), QStringLiteral("BETWEEN"), QStringLiteral("EXISTS"),
        QStringLiteral("AS"), QStringLiteral("DISTINCT"), QStringLiteral("ORDER"), QStringLiteral("BY"),
        QStringLiteral("GROUP"), QStringLiteral("HAVING"), QStringLiteral("LIMIT"), QStringLiteral("OFFSET"),
        QStringLiteral("JOIN"), QStringLiteral("LEFT"), QStringLiteral("RIGHT"), QStringLiteral("INNER"),
        QStringLiteral("OUTER"), QStringLiteral("FULL"), QStringLiteral("CROSS"), QStringLiteral("ON"),
        QStringLiteral("USING"), QStringLiteral("UNION"), QStringLiteral("ALL"), QStringLiteral("EXCEPT"),
        QStringLiteral("INTERSECT"), QStringLiteral("INSERT"), QStringLiteral("INTO"), QStringLiteral("VALUES"),
        QStringLiteral("UPDATE"), QStringLiteral("SET"), QStringLiteral("DELETE"), QStringLiteral("RETURNING"),
        QStringLiteral("CASE"), QStringLiteral("WHEN"), QStringLiteral("THEN"), QStringLiteral("ELSE"),
        QStringLiteral("END"), QStringLiteral("WITH"), QStringLiteral("ASC"), QStringLiteral("DESC"),
        QStringLiteral("CREATE"), QStringLiteral("TABLE"), QStringLiteral("DROP"), QStringLiteral("ALTER"),
    };
    QString out;
    int copied = 0;
    int depth = 0;
    QString prevWord;
    lex(sql, dialect, [&](char kind, int b, int e) {
        if (kind == '(') {
            ++depth;
            return;
        }
        if (kind == ')') {
            depth = qMax(0, depth - 1);
            return;
        }
        if (kind != 'w')
            return;
        const QString word = sql.mid(b, e - b).toUpper();
        const bool joinPart = (word == QLatin1String("JOIN") || word == QLatin1String("OUTER"))
                              && (prevWord == QLatin1String("LEFT") || prevWord == QLatin1String("RIGHT")
                                  || prevWord == QLatin1String("INNER") || prevWord == QLatin1String("FULL")
                                  || prevWord == QLatin1String("CROSS") || prevWord == QLatin1String("OUTER"));
        const bool setAfterUpdate = word == QLatin1String("SET") && prevWord != QLatin1String("UPDATE")
                                    && !out.contains(QLatin1String("UPDATE"), Qt::CaseInsensitive);
        const bool newline = depth == 0 && b > 0 && breakBefore.contains(word) && !joinPart && !setAfterUpdate
                             && !(word == QLatin1String("ORDER") && prevWord == QLatin1String("WITHIN"));
        if (newline) {
            int ws = b;
            while (ws > copied && sql.at(ws - 1).isSpace())
                --ws;
            out += sql.mid(copied, ws - copied);
            out += QLatin1Char('\n');
            copied = b;
        }
        if (upper.contains(word)) {
            out += sql.mid(copied, b - copied);
            out += word;
            copied = e;
        }
        prevWord = word;
    });
    out += sql.mid(copied);
    return out;
}

SqlKind classifyStatement(const QString &sql, Dialect dialect)
{
    SqlKind k;
    QStringList all; // every keyword at any depth (CTEs write from inside parentheses)
    lex(sql, dialect, [&](char kind, int b, int e) {
        if (kind == 'w')
            all.append(sql.mid(b, e - b).toUpper());
    });
    const QStringList top = topLevelKeywords(sql, dialect);
    if (top.isEmpty())
        return k;
    k.verb = top.first();
    static const QStringList reads = {
        QStringLiteral("SELECT"), QStringLiteral("SHOW"), QStringLiteral("VALUES"),
        QStringLiteral("TABLE"), QStringLiteral("DESCRIBE"), QStringLiteral("DESC"),
        QStringLiteral("EXPLAIN"), QStringLiteral("WITH"), QStringLiteral("HELP"),
        QStringLiteral("FETCH"), QStringLiteral("USE"), QStringLiteral("SET"),
    };
    static const QStringList txn = {
        QStringLiteral("BEGIN"), QStringLiteral("START"), QStringLiteral("COMMIT"),
        QStringLiteral("ROLLBACK"), QStringLiteral("SAVEPOINT"), QStringLiteral("RELEASE"),
        QStringLiteral("END"), QStringLiteral("ABORT"),
    };
    static const QStringList writers = {
        QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE"),
        QStringLiteral("MERGE"), QStringLiteral("REPLACE"), QStringLiteral("CREATE"),
        QStringLiteral("DROP"), QStringLiteral("ALTER"), QStringLiteral("TRUNCATE"),
        QStringLiteral("GRANT"), QStringLiteral("REVOKE"), QStringLiteral("COPY"),
        QStringLiteral("CALL"), QStringLiteral("DO"), QStringLiteral("LOCK"),
    };
    if (txn.contains(k.verb)) {
        k.transactionControl = true;
        k.mayWrite = false;
        return k;
    }
    if (reads.contains(k.verb)) {
        k.mayWrite = false;
        // A read verb can still hide a write: a data-modifying CTE, EXPLAIN ANALYZE of a write,
        // SELECT … INTO a new table, row locks (FOR UPDATE/SHARE), nextval() and the like are
        // left to the server's read-only transaction.
        for (const QString &w : all) {
            if (writers.contains(w) && w != QLatin1String("REPLACE") && w != QLatin1String("CREATE")) {
                k.mayWrite = true;
                break;
            }
        }
        const int into = int(top.indexOf(QStringLiteral("INTO")));
        if (k.verb == QLatin1String("SELECT") && into > 0)
            k.mayWrite = true;
        for (int i = 0; i + 1 < top.size(); ++i) {
            if (top.at(i) == QLatin1String("FOR")
                && (top.at(i + 1) == QLatin1String("UPDATE") || top.at(i + 1) == QLatin1String("SHARE")
                    || top.at(i + 1) == QLatin1String("NO") || top.at(i + 1) == QLatin1String("KEY")))
                k.mayWrite = true;
        }
        if (k.verb == QLatin1String("SET"))
            k.mayWrite = false;
    }
    // The verb that does the work: after a WITH, the first top-level writer or SELECT.
    QString doing = k.verb;
    int from = 0;
    if (k.verb == QLatin1String("WITH") || k.verb == QLatin1String("EXPLAIN")) {
        for (int i = 1; i < top.size(); ++i) {
            if (writers.contains(top.at(i)) || top.at(i) == QLatin1String("SELECT")) {
                doing = top.at(i);
                from = i;
                break;
            }
        }
    }
    if (doing == QLatin1String("UPDATE") || doing == QLatin1String("DELETE")) {
        k.mayWrite = true;
        k.unboundedWrite = !top.mid(from).contains(QStringLiteral("WHERE"));
    }
    if (doing == QLatin1String("DROP") || doing == QLatin1String("TRUNCATE"))
        k.destructive = true;
    return k;
}

} // namespace Qwq::Databases
