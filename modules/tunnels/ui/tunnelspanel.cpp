// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tunnelspanel.h"

#include "forwarddialog.h"

#include <helper/core/serverconnection.h>
#include <profiles/core/profilestore.h>
#include <tunnels/core/tunnelsmodel.h>
#include <tunnels/core/tunnelstr.h>
#include <workbench/core/servercontext.h>
#include <workbench/ui/messagebar.h>

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Qwq::Tunnels {

namespace {
const QString kSource = QStringLiteral("tunnels.forwards");
}

TunnelsPanel::TunnelsPanel(Workbench::ServerContext *server, QWidget *parent)
    : QWidget(parent), m_server(server)
{
    setObjectName(QStringLiteral("tunnelsPanel"));
    m_model = new TunnelsModel(server, this);
    m_bar = new Workbench::MessageBar(this);
    m_toolbar = new QToolBar(this);
    m_add = m_toolbar->addAction(QString(), this, [this] { editRule(-1); });
    m_edit = m_toolbar->addAction(QString(), this, [this] { editRule(currentRow()); });
    m_remove = m_toolbar->addAction(QString(), this, [this] {
        if (auto r = saveRule(currentRow(), std::nullopt); !r)
            m_bar->showError(r.error());
    });
    m_start = m_toolbar->addAction(QString(), this, [this] {
        m_bar->clear();
        m_model->start(currentRow()).then(this, [this](const Result<int> &r) {
            if (!r) {
                m_bar->showError(r.error());
                m_server->reportError(kSource, r.error());
            }
            updateActions();
        });
    });
    m_stop = m_toolbar->addAction(QString(), this, [this] { m_model->stop(currentRow()); });
    m_add->setObjectName(QStringLiteral("addForward"));
    m_edit->setObjectName(QStringLiteral("editForward"));
    m_remove->setObjectName(QStringLiteral("removeForward"));
    m_start->setObjectName(QStringLiteral("startForward"));
    m_stop->setObjectName(QStringLiteral("stopForward"));

    m_view = new QTableView(this);
    m_view->setModel(m_model);   // item views draw DisplayRole as plain text
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    connect(m_view, &QTableView::doubleClicked, this,
            [this](const QModelIndex &i) { editRule(i.row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TunnelsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TunnelsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TunnelsPanel::updateActions);
    connect(server, &Workbench::ServerContext::readyChanged, this, &TunnelsPanel::updateActions);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_view);
    retranslate();
    updateActions();
}

int TunnelsPanel::currentRow() const
{
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? i.row() : -1;
}

Result<void> TunnelsPanel::saveRule(int row, const std::optional<Profiles::ForwardSpec> &spec)
{
    Profiles::ProfileStore *store = m_server->profileStore();
    if (!store)
        return Error(ErrorCode::Internal, Tr::tr("Rules cannot be saved here: there is no profile store"));
    auto profile = store->find(m_server->serverId());
    if (!profile || profile->id != m_server->serverId())
        return Error(ErrorCode::NotFound, Tr::tr("The server's profile no longer exists"));
    if (profile->isLocal())
        return Error(ErrorCode::InvalidParam,
                     Tr::tr("Port forwards need an SSH connection; This computer has none"));
    QList<Profiles::ForwardSpec> list = profile->forwards;
    if (row >= list.size())
        return Error(ErrorCode::InvalidParam, Tr::tr("No forward rule is selected"));
    if (row < 0 && spec)
        list.append(*spec);
    else if (row >= 0 && spec)
        list[row] = *spec;
    else if (row >= 0)
        list.removeAt(row);
    if (auto r = Profiles::validateForwards(list); !r)
        return r;
    profile->forwards = list;
    if (auto saved = store->upsert(*profile); !saved)
        return saved.error();
    return {};
}

void TunnelsPanel::editRule(int row)
{
    Profiles::ForwardSpec spec = row >= 0 ? m_model->spec(row) : Profiles::ForwardSpec();
    auto *dialog = new ForwardDialog(
        spec, [this, row](const Profiles::ForwardSpec &s) { return saveRule(row, s); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void TunnelsPanel::updateActions()
{
    const int row = currentRow();
    const bool local = m_server->profile().isLocal();
    const bool ready = m_server->isReady();
    const auto state = m_model->rowState(row);
    m_add->setEnabled(!local && m_server->profileStore());
    m_edit->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0);
    m_start->setEnabled(row >= 0 && ready && state != TunnelsModel::RowState::Active);
    m_stop->setEnabled(row >= 0 && state == TunnelsModel::RowState::Active);
}

void TunnelsPanel::retranslate()
{
    m_add->setText(Tr::tr("Add"));
    m_edit->setText(Tr::tr("Edit"));
    m_remove->setText(Tr::tr("Remove"));
    m_start->setText(Tr::tr("Start", "forward"));
    m_stop->setText(Tr::tr("Stop", "forward"));
    m_model->retranslate();
}

void TunnelsPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

} // namespace Qwq::Tunnels
