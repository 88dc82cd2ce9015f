// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <databases/core/catalog.h>
#include <databases/core/sqlscript.h>

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Qwq::Databases {

/// The schema tree of one connection: schemas (MariaDB: databases) → tables and views →
/// columns (type, primary key, NOT NULL) and indexes. A filter narrows it by name. Actions on
/// a table: show its first rows, show its DDL, copy its name.
class SchemaBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaBrowser)

public:
    explicit SchemaBrowser(QWidget *parent = nullptr);

    void setCatalog(const Catalog &catalog, Dialect dialect);
    void setLoading(bool loading);
    void setFailed(const QString &message);
    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *filterField() const { return m_filter; }
    /// The relation of the current item (a table, a view, or one of their children), if any.
    const CatalogRelation *currentRelation() const;

signals:
    void refreshRequested();
    void selectRowsRequested(const Qwq::Databases::CatalogRelation &relation);
    void ddlRequested(const Qwq::Databases::CatalogRelation &relation);
    void nameInsertRequested(const QString &text);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void rebuild();
    const CatalogRelation *relationOf(const QTreeWidgetItem *item) const;

    Catalog m_catalog;
    Dialect m_dialect = Dialect::PostgreSql;
    QLineEdit *m_filter;
    QLabel *m_state;
    QTreeWidget *m_tree;
    QToolButton *m_refresh = nullptr;
};

} // namespace Qwq::Databases
