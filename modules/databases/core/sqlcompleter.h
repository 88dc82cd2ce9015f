// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog.h"
#include "sqlscript.h"

#include <QStringList>

namespace Qwq::Databases {

/// Completion candidates at the cursor: after "schema." that schema's tables and views; after
/// "table." or "alias." (an alias from the statement's FROM/JOIN) its columns; elsewhere the
/// keywords, schemas, tables, functions and the columns of the tables the statement names.
/// `prefix` is the part of the word already typed (matched case-insensitively).
struct SqlCompletion
{
    QString prefix;
    QStringList words;
};
SqlCompletion completeSql(const QString &statementBeforeCursor, const QString &wholeStatement,
                          const Catalog &catalog, Dialect dialect);

/// The SQL keywords offered by completion.
const QStringList &sqlKeywords();

} // namespace Qwq::Databases
