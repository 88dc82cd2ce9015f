// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog.h"

#include "databasestr.h"
#include "dbsession.h"
#include "sqlquote.h"

#include <QPromise>

#include <memory>

namespace Qwq::Databases {

namespace {

Dialect dialectOf(const DbSession *s)
{
    return s->spec().engine == Engine::MariaDb ? Dialect::MariaDb : Dialect::PostgreSql;
}

/// Runs statements one after another, each result into `results`, then calls done.
void runChain(DbSession *session, QStringList sqls, std::shared_ptr<QList<QueryRows>> results,
              std::function<void(Result<void>)> done)
{
    if (sqls.isEmpty()) {
        done({});
        return;
    }
    const QString sql = sqls.takeFirst();
    fetchRows(session, sql).then(session, [session, sqls, results, done](const Result<QueryRows> &r) {
        if (!r) {
            done(r.error());
            return;
        }
        results->append(*r);
        runChain(session, sqls, results, done);
    });
}

} // namespace

QStringList CatalogRelation::primaryKey() const
{
    QStringList pk;
    for (const CatalogColumn &c : columns) {
        if (c.primaryKey)
            pk.append(c.name);
    }
    return pk;
}

const CatalogRelation *Catalog::find(const QString &schema, const QString &name) const
{
    for (const CatalogRelation &r : relations) {
        if (r.schema == schema && r.name == name)
            return &r;
    }
    return nullptr;
}

const CatalogRelation *Catalog::findAny(const QString &name) const
{
    for (const CatalogRelation &r : relations) {
        if (r.name.compare(name, Qt::CaseInsensitive) == 0)
            return &r;
    }
    return nullptr;
}

QFuture<Result<QueryRows>> fetchRows(DbSession *session, const QString &sql, int maxRows)
{
    auto promise = std::make_shared<QPromise<Result<QueryRows>>>();
    promise->start();
    QFuture<Result<QueryRows>> future = promise->future();
    auto *ctx = new QObject(session);
    auto rows = std::make_shared<QueryRows>();
    auto runId = std::make_shared<int>(0);
    auto askedAll = std::make_shared<bool>(false);
    QObject::connect(session, &DbSession::started, ctx, [rows, runId](int id, const QList<Column> &cols) {
        if (id == *runId)
            rows->columns = cols;
    });
    QObject::connect(session, &DbSession::rowsArrived, ctx,
                     [session, rows, runId, askedAll, maxRows](int id, const std::shared_ptr<RowBatch> &b, bool more) {
                         if (id != *runId)
                             return;
                         for (int r = 0; r < b->rowCount() && rows->rows.size() < maxRows; ++r) {
                             QStringList line;
                             for (int c = 0; c < b->columnCount(); ++c)
                                 line.append(b->isNull(r, c) ? QString() : b->text(r, c));
                             rows->rows.append(line);
                         }
                         if (more && rows->rows.size() >= maxRows) {
                             rows->truncated = true;
                             session->cancel();
                         } else if (more && !*askedAll) {
                             *askedAll = true; // the rest comes in batches from this one request
                             session->fetchAll(id);
                         }
                     });
    QObject::connect(session, &DbSession::finished, ctx,
                     [promise, ctx, rows, runId](int id, bool ok, const StatementOutcome &, const Error &e) {
                         if (id != *runId)
                             return;
                         if (ok || (rows->truncated && e.code == ErrorCode::Cancelled))
                             promise->addResult(Result<QueryRows>(*rows));
                         else
                             promise->addResult(Result<QueryRows>(e));
                         promise->finish();
                         ctx->deleteLater();
                     });
    *runId = session->execute(sql, true, 5000);
    return future;
}

QFuture<Result<Catalog>> loadCatalog(DbSession *session)
{
    QStringList sqls;
    if (dialectOf(session) == Dialect::PostgreSql) {
        const QString user = QStringLiteral("n.nspname !~ '^pg_' and n.nspname <> 'information_schema'");
        sqls << QStringLiteral("select n.nspname from pg_namespace n where %1 order by 1").arg(user)
             << QStringLiteral("select n.nspname, c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                               "where c.relkind in ('r', 'v', 'm', 'p', 'f') and %1 order by 1, 2").arg(user)
             << QStringLiteral("select n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), not a.attnotnull, "
                               "pg_get_expr(d.adbin, d.adrelid), exists (select 1 from pg_index i where i.indrelid = c.oid "
                               "and i.indisprimary and a.attnum = any(i.indkey)) from pg_attribute a "
                               "join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace "
                               "left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum "
                               "where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'v', 'm', 'p', 'f') and %1 "
                               "order by 1, 2, a.attnum").arg(user)
             << QStringLiteral("select schemaname, tablename, indexname, indexdef from pg_indexes "
                               "where schemaname !~ '^pg_' and schemaname <> 'information_schema' order by 1, 2, 3")
             << QStringLiteral("select distinct p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                               "where n.nspname <> 'information_schema' and p.proname !~ '^_' order by 1 limit 5000")
             << QStringLiteral("select datname from pg_database where not datistemplate and datallowconn order by 1");
    } else {
        const QString user = QStringLiteral("not in ('information_schema', 'performance_schema', 'mysql', 'sys')");
        sqls << QStringLiteral("select schema_name from information_schema.schemata where schema_name %1 order by 1").arg(user)
             << QStringLiteral("select table_schema, table_name, table_type from information_schema.tables "
                               "where table_schema %1 order by 1, 2").arg(user)
             << QStringLiteral("select table_schema, table_name, column_name, column_type, is_nullable = 'YES', column_default, "
                               "column_key = 'PRI' from information_schema.columns where table_schema %1 "
                               "order by 1, 2, ordinal_position").arg(user)
             << QStringLiteral("select table_schema, table_name, index_name, concat(if(non_unique = 0, 'UNIQUE ', ''), '(', "
                               "group_concat(column_name order by seq_in_index separator ', '), ')') "
                               "from information_schema.statistics where table_schema %1 "
                               "group by table_schema, table_name, index_name, non_unique order by 1, 2, 3").arg(user)
             << QStringLiteral("select distinct routine_name from information_schema.routines where routine_schema %1 order by 1").arg(user);
    }
    auto promise = std::make_shared<QPromise<Result<Catalog>>>();
    promise->start();
    QFuture<Result<Catalog>> future = promise->future();
    auto results = std::make_shared<QList<QueryRows>>();
    const bool pg = dialectOf(session) == Dialect::PostgreSql;
    runChain(session, sqls, results, [promise, results, pg](Result<void> r) {
        if (!r) {
            promise->addResult(Result<Catalog>(r.error()));
            promise->finish();
            return;
        }
        Catalog cat;
        for (const QStringList &row : results->at(0).rows)
            cat.schemas.append(row.value(0));
        QHash<QString, int> index; // "schema\nname" -> relation
        for (const QStringList &row : results->at(1).rows) {
            CatalogRelation rel;
            rel.schema = row.value(0);
            rel.name = row.value(1);
            const QString k = row.value(2);
            if (pg)
                rel.kind = k == QLatin1String("v") ? CatalogRelation::Kind::View
                           : k == QLatin1String("m") ? CatalogRelation::Kind::MaterializedView
                           : k == QLatin1String("f") ? CatalogRelation::Kind::Foreign
                                                     : CatalogRelation::Kind::Table;
            else
                rel.kind = k.contains(QLatin1String("VIEW")) ? CatalogRelation::Kind::View : CatalogRelation::Kind::Table;
            index.insert(rel.schema + QLatin1Char('\n') + rel.name, int(cat.relations.size()));
            cat.relations.append(rel);
        }
        const auto truthy = [](const QString &v) {
            return v == QLatin1String("t") || v == QLatin1String("1") || v == QLatin1String("true");
        };
        for (const QStringList &row : results->at(2).rows) {
            const int i = index.value(row.value(0) + QLatin1Char('\n') + row.value(1), -1);
            if (i < 0)
                continue;
            CatalogColumn c;
            c.name = row.value(2);
            c.type = row.value(3);
            c.nullable = truthy(row.value(4));
            c.defaultValue = row.value(5);
            c.primaryKey = truthy(row.value(6));
            cat.relations[i].columns.append(c);
        }
        for (const QStringList &row : results->at(3).rows) {
            const int i = index.value(row.value(0) + QLatin1Char('\n') + row.value(1), -1);
            if (i >= 0)
                cat.relations[i].indexes.append(CatalogIndex {row.value(2), row.value(3)});
        }
        for (const QStringList &row : results->at(4).rows)
            cat.functions.append(row.value(0));
        if (results->size() > 5) {
            for (const QStringList &row : results->at(5).rows)
                cat.databases.append(row.value(0));
        }
        promise->addResult(Result<Catalog>(cat));
        promise->finish();
    });
    return future;
}

QFuture<Result<QString>> relationDdl(DbSession *session, const CatalogRelation &rel)
{
    const Dialect d = dialectOf(session);
    const QString qname = qualifiedName(rel.schema, rel.name, d);
    if (d == Dialect::MariaDb) {
        const QString sql = (rel.kind == CatalogRelation::Kind::View ? QStringLiteral("show create view ")
                                                                      : QStringLiteral("show create table ")) + qname;
        return fetchRows(session, sql).then(session, [](const Result<QueryRows> &r) -> Result<QString> {
            if (!r)
                return r.error();
            if (r->rows.isEmpty())
                return Error(ErrorCode::NotFound, Tr::tr("The server returned no definition."));
            return QString(r->rows.first().value(1) + QStringLiteral(";\n"));
        });
    }
    if (rel.kind == CatalogRelation::Kind::View || rel.kind == CatalogRelation::Kind::MaterializedView) {
        const QString sql = QStringLiteral("select pg_get_viewdef(%1::regclass, true)").arg(quoteLiteral(qname, d));
        const QString head = rel.kind == CatalogRelation::Kind::View ? QStringLiteral("CREATE VIEW ")
                                                                    : QStringLiteral("CREATE MATERIALIZED VIEW ");
        return fetchRows(session, sql).then(session, [head, qname](const Result<QueryRows> &r) -> Result<QString> {
            if (!r)
                return r.error();
            return QString(head + qname + QStringLiteral(" AS\n") + r->rows.value(0).value(0).trimmed() + QLatin1Char('\n'));
        });
    }
    const QString sql = QStringLiteral("select conname, pg_get_constraintdef(oid, true) from pg_constraint "
                                       "where conrelid = %1::regclass order by contype, conname")
                            .arg(quoteLiteral(qname, d));
    return fetchRows(session, sql).then(session, [rel, qname, d](const Result<QueryRows> &r) -> Result<QString> {
        if (!r)
            return r.error();
        QStringList lines;
        for (const CatalogColumn &c : rel.columns) {
            QString line = QStringLiteral("    ") + qualifiedName({}, c.name, d) + QLatin1Char(' ') + c.type;
            if (!c.defaultValue.isEmpty())
                line += QStringLiteral(" DEFAULT ") + c.defaultValue;
            if (!c.nullable)
                line += QStringLiteral(" NOT NULL");
            lines.append(line);
        }
        for (const QStringList &con : r->rows)
            lines.append(QStringLiteral("    CONSTRAINT ") + qualifiedName({}, con.value(0), d) + QLatin1Char(' ') + con.value(1));
        QString ddl = QStringLiteral("CREATE TABLE ") + qname + QStringLiteral(" (\n") + lines.join(QStringLiteral(",\n"))
                      + QStringLiteral("\n);\n");
        for (const CatalogIndex &i : rel.indexes) {
            if (!r->rows.isEmpty()) {
                bool isConstraint = false;
                for (const QStringList &con : r->rows)
                    isConstraint = isConstraint || con.value(0) == i.name;
                if (isConstraint)
                    continue;
            }
            ddl += i.definition + QStringLiteral(";\n");
        }
        return ddl;
    });
}

} // namespace Qwq::Databases
