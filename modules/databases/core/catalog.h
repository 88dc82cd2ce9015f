// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dbtypes.h"

#include <core/core/result.h>

#include <QFuture>
#include <QStringList>

namespace Qwq::Databases {

class DbSession;

/// Every row of a (small) query, as text; NULL reads as a null QString.
struct QueryRows
{
    QList<Column> columns;
    QList<QStringList> rows;
    bool truncated = false; ///< more than maxRows: the rest was not read
};
/// Runs one statement on `session` and collects its rows (at most maxRows).
QFuture<Result<QueryRows>> fetchRows(DbSession *session, const QString &sql, int maxRows = 200000);

struct CatalogColumn
{
    QString name;
    QString type;
    bool nullable = true;
    QString defaultValue;
    bool primaryKey = false;
};

struct CatalogIndex
{
    QString name;
    QString definition; // PostgreSQL: CREATE INDEX …; MariaDB: (col, col) and UNIQUE
};

struct CatalogRelation
{
    enum class Kind { Table, View, MaterializedView, Foreign };
    QString schema;
    QString name;
    Kind kind = Kind::Table;
    QList<CatalogColumn> columns;
    QList<CatalogIndex> indexes;
    QStringList primaryKey() const;
};

/// What the schema browser and completion know of one database: its schemas (MariaDB: its
/// databases), tables and views with columns and indexes, and function names.
struct Catalog
{
    QStringList databases; ///< PostgreSQL: every database of the server (connections open one at a time)
    QStringList schemas;
    QList<CatalogRelation> relations;
    QStringList functions;
    const CatalogRelation *find(const QString &schema, const QString &name) const;
    /// By bare name in any schema (the first found), for completion after "name.".
    const CatalogRelation *findAny(const QString &name) const;
};

/// Loads the catalog through `session` (a connection of its own, so user results are not
/// disturbed): a handful of queries on pg_catalog / information_schema.
QFuture<Result<Catalog>> loadCatalog(DbSession *session);
/// The CREATE statement of a table or view (PostgreSQL: assembled from the catalog and
/// pg_get_constraintdef / pg_get_viewdef; MariaDB: SHOW CREATE).
QFuture<Result<QString>> relationDdl(DbSession *session, const CatalogRelation &relation);

} // namespace Qwq::Databases
