// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "schemabrowser.h"

#include <databases/core/databasestr.h>
#include <databases/core/sqlquote.h>

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Qwq::Databases {

namespace {
constexpr int RelationRole = Qt::UserRole + 1; // index into m_catalog.relations, -1 for none
}

SchemaBrowser::SchemaBrowser(QWidget *parent)
    : QWidget(parent), m_filter(new QLineEdit(this)), m_state(new QLabel(this)), m_tree(new QTreeWidget(this))
{
    m_filter->setClearButtonEnabled(true);
    m_tree->setObjectName(QStringLiteral("schemaTree"));
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_state->hide();
    auto *refresh = m_refresh = new QToolButton(this);
    connect(refresh, &QToolButton::clicked, this, &SchemaBrowser::refreshRequested);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_filter, 1);
    top->addWidget(refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_state);
    layout->addWidget(m_tree, 1);
    connect(m_filter, &QLineEdit::textChanged, this, &SchemaBrowser::rebuild);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        emit nameInsertRequested(item->data(0, Qt::UserRole + 2).toString());
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QTreeWidgetItem *item = m_tree->itemAt(pos);
        const CatalogRelation *rel = relationOf(item);
        if (!item)
            return;
        QMenu menu(this);
        if (rel) {
            const CatalogRelation r = *rel;
            menu.addAction(Tr::tr("Select First 100 Rows"), this, [this, r] { emit selectRowsRequested(r); });
            menu.addAction(Tr::tr("Show DDL"), this, [this, r] { emit ddlRequested(r); });
        }
        const QString name = item->data(0, Qt::UserRole + 2).toString();
        if (!name.isEmpty())
            menu.addAction(Tr::tr("Copy Name"), this, [name] { QApplication::clipboard()->setText(name); });
        if (!menu.isEmpty())
            menu.exec(m_tree->viewport()->mapToGlobal(pos));
    });
    retranslate();
}

void SchemaBrowser::retranslate()
{
    m_filter->setPlaceholderText(Tr::tr("Filter tables"));
    m_tree->setHeaderLabels({Tr::tr("Name"), Tr::tr("Type")});
    m_refresh->setText(Tr::tr("Refresh"));
    m_refresh->setToolTip(Tr::tr("Read the schema again"));
}

void SchemaBrowser::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) {
        retranslate();
        rebuild();
    }
    QWidget::changeEvent(e);
}

void SchemaBrowser::setCatalog(const Catalog &catalog, Dialect dialect)
{
    m_catalog = catalog;
    m_dialect = dialect;
    m_state->hide();
    rebuild();
}

void SchemaBrowser::setLoading(bool loading)
{
    m_state->setText(Tr::tr("Reading the schema…"));
    m_state->setVisible(loading);
}

void SchemaBrowser::setFailed(const QString &message)
{
    m_state->setText(Tr::tr("Could not read the schema: %1").arg(message));
    m_state->show();
}

const CatalogRelation *SchemaBrowser::relationOf(const QTreeWidgetItem *item) const
{
    for (; item; item = item->parent()) {
        const int i = item->data(0, RelationRole).isValid() ? item->data(0, RelationRole).toInt() : -1;
        if (i >= 0 && i < m_catalog.relations.size())
            return &m_catalog.relations.at(i);
    }
    return nullptr;
}

const CatalogRelation *SchemaBrowser::currentRelation() const
{
    return relationOf(m_tree->currentItem());
}

void SchemaBrowser::rebuild()
{
    m_tree->clear();
    const QString filter = m_filter->text().trimmed();
    QHash<QString, QTreeWidgetItem *> schemaItems;
    QHash<QString, QTreeWidgetItem *> groups;
    for (const QString &s : m_catalog.schemas) {
        auto *item = new QTreeWidgetItem(m_tree, {s, m_dialect == Dialect::MariaDb ? Tr::tr("database") : Tr::tr("schema")});
        item->setData(0, Qt::UserRole + 2, qualifiedName({}, s, m_dialect));
        schemaItems.insert(s, item);
    }
    for (int i = 0; i < m_catalog.relations.size(); ++i) {
        const CatalogRelation &r = m_catalog.relations.at(i);
        if (!filter.isEmpty() && !r.name.contains(filter, Qt::CaseInsensitive))
            continue;
        QTreeWidgetItem *schema = schemaItems.value(r.schema);
        if (!schema) {
            schema = new QTreeWidgetItem(m_tree, {r.schema, QString()});
            schemaItems.insert(r.schema, schema);
        }
        const bool view = r.kind == CatalogRelation::Kind::View || r.kind == CatalogRelation::Kind::MaterializedView;
        const QString groupKey = r.schema + (view ? QStringLiteral("\nv") : QStringLiteral("\nt"));
        QTreeWidgetItem *group = groups.value(groupKey);
        if (!group) {
            group = new QTreeWidgetItem(schema, {view ? Tr::tr("Views") : Tr::tr("Tables"), QString()});
            groups.insert(groupKey, group);
        }
        const QString kind = r.kind == CatalogRelation::Kind::View ? Tr::tr("view")
                             : r.kind == CatalogRelation::Kind::MaterializedView ? Tr::tr("materialized view")
                             : r.kind == CatalogRelation::Kind::Foreign ? Tr::tr("foreign table")
                                                                        : Tr::tr("table");
        auto *rel = new QTreeWidgetItem(group, {r.name, kind});
        rel->setData(0, RelationRole, i);
        rel->setData(0, Qt::UserRole + 2, qualifiedName(r.schema, r.name, m_dialect));
        for (const CatalogColumn &c : r.columns) {
            QString type = c.type;
            if (c.primaryKey)
                type += QStringLiteral(" · PK");
            if (!c.nullable)
                type += QStringLiteral(" · NOT NULL");
            auto *col = new QTreeWidgetItem(rel, {c.name, type});
            col->setData(0, Qt::UserRole + 2, qualifiedName({}, c.name, m_dialect));
            if (!c.defaultValue.isEmpty())
                col->setToolTip(1, Tr::tr("Default: %1").arg(c.defaultValue));
        }
        if (!r.indexes.isEmpty()) {
            auto *idx = new QTreeWidgetItem(rel, {Tr::tr("Indexes"), QString::number(r.indexes.size())});
            for (const CatalogIndex &x : r.indexes) {
                auto *it = new QTreeWidgetItem(idx, {x.name, QString()});
                it->setToolTip(0, x.definition);
                it->setData(0, Qt::UserRole + 2, x.name);
            }
        }
    }
    // PostgreSQL: the server's other databases (a connection opens one at a time)
    if (m_catalog.databases.size() > 1 && filter.isEmpty()) {
        auto *dbs = new QTreeWidgetItem(m_tree, {Tr::tr("Databases of this server"), QString::number(m_catalog.databases.size())});
        dbs->setToolTip(0, Tr::tr("A connection reads one database; add a connection to browse another"));
        for (const QString &d : m_catalog.databases) {
            auto *item = new QTreeWidgetItem(dbs, {d, Tr::tr("database")});
            item->setData(0, Qt::UserRole + 2, qualifiedName({}, d, m_dialect));
        }
    }
    // open the schemas that hold tables (all of them while filtering)
    for (QTreeWidgetItem *s : std::as_const(schemaItems)) {
        if (s->childCount() && (!filter.isEmpty() || schemaItems.size() <= 3)) {
            s->setExpanded(true);
            for (int i = 0; i < s->childCount(); ++i)
                s->child(i)->setExpanded(!filter.isEmpty() || s->child(i)->childCount() <= 30);
        }
    }
}

} // namespace Qwq::Databases
