// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetpanel.h"

#include <helper/core/serverconnection.h>
#include <monitor/core/fleetmodel.h>
#include <monitor/core/monitortr.h>
#include <workbench/core/servercontext.h>
#include <workbench/core/serverregistry.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Qwq::Monitor {

using Helper::ServerConnection;

FleetPanel::FleetPanel(Workbench::ServerRegistry *registry, QWidget *parent)
    : QWidget(parent), m_registry(registry), m_model(new FleetModel(registry, this)),
      m_proxy(new QSortFilterProxyModel(this)), m_view(new QTableView(this)),
      m_summary(new QLabel(this)), m_connectAll(new QPushButton(this)),
      m_disconnectAll(new QPushButton(this)), m_refresh(new QPushButton(this))
{
    setObjectName(QStringLiteral("fleetPanel"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FleetModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FleetModel::NameColumn, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(FleetModel::ProblemColumn, QHeaderView::Stretch);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &idx) {
        m_registry->requestShowServer(idx.data(FleetModel::ProfileIdRole).toString());
    });
    connect(m_connectAll, &QPushButton::clicked, this, [this] {
        for (Workbench::ServerContext *ctx : m_registry->contexts()) {
            const auto s = ctx->connection()->state();
            if (s == ServerConnection::State::Disconnected || s == ServerConnection::State::Failed)
                ctx->connection()->connectToServer();
        }
    });
    connect(m_disconnectAll, &QPushButton::clicked, this, [this] {
        for (Workbench::ServerContext *ctx : m_registry->contexts())
            ctx->connection()->disconnectFromServer();
    });
    connect(m_refresh, &QPushButton::clicked, m_model, &FleetModel::refresh);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FleetPanel::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FleetPanel::updateSummary);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_refresh);
    bar->addWidget(m_connectAll);
    bar->addWidget(m_disconnectAll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    retranslate();
}

void FleetPanel::updateSummary()
{
    int ready = 0;
    int failed = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const auto s = ServerConnection::State(m_model->index(row, 0).data(FleetModel::StateRole).toInt());
        ready += s == ServerConnection::State::Ready;
        failed += s == ServerConnection::State::Failed || s == ServerConnection::State::Reconnecting;
    }
    m_summary->setText(Tr::tr("Servers: %1 · connected: %2 · with problems: %3")
                       .arg(m_model->rowCount()).arg(ready).arg(failed));
}

void FleetPanel::retranslate()
{
    m_connectAll->setText(Tr::tr("Connect All"));
    m_disconnectAll->setText(Tr::tr("Disconnect All"));
    m_refresh->setText(Tr::tr("Refresh"));
    m_model->retranslate();
    updateSummary();
}

void FleetPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

} // namespace Qwq::Monitor
