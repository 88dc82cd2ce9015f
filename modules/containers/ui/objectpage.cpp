// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectpage.h"

#include "pulldialog.h"

#include <containers/core/containersservice.h>
#include <containers/core/containerstr.h>

#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Qwq::Containers {

using Kind = ObjectTableModel::Kind;

ObjectPage::ObjectPage(Kind kind, ContainersService *service, QWidget *parent)
    : QWidget(parent), m_kind(kind), m_service(service)
{
    m_model = new ObjectTableModel(kind, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ObjectTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_filter = new QLineEdit(this);
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setDefaultSectionSize(160);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_filter, 1);
    if (kind == Kind::Images) {
        m_pull = new QPushButton(this);
        m_pull->setObjectName(QStringLiteral("pullImage"));
        connect(m_pull, &QPushButton::clicked, this, &ObjectPage::openPull);
        bar->addWidget(m_pull);
    }
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("removeObject"));
    m_remove->setEnabled(false);
    connect(m_remove, &QPushButton::clicked, this, &ObjectPage::removeSelected);
    bar->addWidget(m_remove);
    if (kind != Kind::Networks) {
        m_prune = new QPushButton(this);
        m_prune->setObjectName(QStringLiteral("pruneObjects"));
        auto *menu = new QMenu(m_prune);
        menu->addAction(QString(), this, [this] { prunePreview(false); })->setObjectName(QStringLiteral("pruneSome"));
        menu->addAction(QString(), this, [this] { prunePreview(true); })->setObjectName(QStringLiteral("pruneAll"));
        m_prune->setMenu(menu);
        bar->addWidget(m_prune);
    }
    m_refresh = new QPushButton(this);
    connect(m_refresh, &QPushButton::clicked, this, &ObjectPage::refresh);
    bar->addWidget(m_refresh);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        m_remove->setEnabled(!rows.isEmpty() && rows.first().data(ObjectTableModel::RemovableRole).toBool());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    retranslate();
}

void ObjectPage::retranslate()
{
    switch (m_kind) {
    case Kind::Images:
        m_filter->setPlaceholderText(Tr::tr("Filter images"));
        m_pull->setText(Tr::tr("Pull…"));
        m_remove->setText(Tr::tr("Remove…"));
        m_prune->setText(Tr::tr("Prune"));
        m_prune->menu()->actions().at(0)->setText(Tr::tr("Untagged images…"));
        m_prune->menu()->actions().at(1)->setText(Tr::tr("All images no container uses…"));
        break;
    case Kind::Volumes:
        m_filter->setPlaceholderText(Tr::tr("Filter volumes"));
        m_remove->setText(Tr::tr("Remove…"));
        m_prune->setText(Tr::tr("Prune"));
        m_prune->menu()->actions().at(0)->setText(Tr::tr("Anonymous volumes no container uses…"));
        m_prune->menu()->actions().at(1)->setText(Tr::tr("All volumes no container uses…"));
        break;
    case Kind::Networks:
        m_filter->setPlaceholderText(Tr::tr("Filter networks"));
        m_remove->setText(Tr::tr("Remove…"));
        break;
    }
    m_refresh->setText(Tr::tr("Refresh"));
}

void ObjectPage::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void ObjectPage::refresh()
{
    if (m_loading)
        return;
    m_loading = true;
    auto done = [this](const Error *e) {
        m_loading = false;
        if (e)
            emit errorOccurred(*e);
    };
    switch (m_kind) {
    case Kind::Images:
        m_service->images().then(this, [this, done](const Result<QList<ImageInfo>> &r) {
            if (r)
                m_model->setImages(*r);
            done(r ? nullptr : &r.error());
        });
        break;
    case Kind::Volumes:
        m_service->volumes().then(this, [this, done](const Result<QList<VolumeInfo>> &r) {
            if (r)
                m_model->setVolumes(*r);
            done(r ? nullptr : &r.error());
        });
        break;
    case Kind::Networks:
        m_service->networks().then(this, [this, done](const Result<QList<NetworkInfo>> &r) {
            if (r)
                m_model->setNetworks(*r);
            done(r ? nullptr : &r.error());
        });
        break;
    }
}

QString ObjectPage::selectedKey() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ObjectTableModel::KeyRole).toString();
}

void ObjectPage::removeSelected()
{
    const QString key = selectedKey();
    if (key.isEmpty())
        return;
    // Destructive: the helper client asks for the typed confirmation (the app's dialog).
    QFuture<Result<QJsonValue>> f;
    switch (m_kind) {
    case Kind::Images: f = m_service->removeImage(key, false); break;
    case Kind::Volumes: f = m_service->removeVolume(key); break;
    case Kind::Networks: f = m_service->removeNetwork(key); break;
    }
    f.then(this, [this, key](const Result<QJsonValue> &r) {
        if (!r) {
            if (r.error().code != ErrorCode::Cancelled)
                emit errorOccurred(r.error());
            return;
        }
        emit infoMessage(Tr::tr("Removed %1").arg(key));
        refresh();
    });
}

void ObjectPage::prunePreview(bool all)
{
    QFuture<Result<QJsonObject>> f = m_kind == Kind::Images ? m_service->pruneImages(all, true)
                                                                  : m_service->pruneVolumes(all, true);
    f.then(this, [this, all](const Result<QJsonObject> &r) {
        if (!r)
            return emit errorOccurred(r.error());
        showPrunePreview(all, *r);
    });
}

void ObjectPage::showPrunePreview(bool all, const QJsonObject &dry)
{
    const bool images = m_kind == Kind::Images;
    const QJsonArray items = dry.value(images ? QLatin1String("images") : QLatin1String("volumes")).toArray();
    const qint64 space = dry.value(QLatin1String("spaceReclaimable")).toInteger();
    if (items.isEmpty()) {
        emit infoMessage(images ? Tr::tr("No image to prune.") : Tr::tr("No volume to prune."));
        return;
    }
    QStringList lines;
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        if (images) {
            const QJsonArray tags = o.value(QLatin1String("repoTags")).toArray();
            const QString name = tags.isEmpty() ? o.value(QLatin1String("id")).toString().mid(7, 12)
                                                : tags.first().toString();
            lines << QStringLiteral("%1  %2").arg(name, formatBytes(o.value(QLatin1String("uniqueSize")).toInteger()));
        } else {
            lines << QStringLiteral("%1  %2").arg(o.value(QLatin1String("name")).toString(),
                                                  formatBytes(o.value(QLatin1String("size")).toInteger()));
        }
    }
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("prunePreview"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(images ? Tr::tr("Prune Images") : Tr::tr("Prune Volumes"));
    auto *head = new QLabel(images ? Tr::tr("%1 images would be removed, freeing at least %2:")
                                         .arg(items.size()).arg(formatBytes(space))
                                   : Tr::tr("%1 volumes would be removed with their data, freeing %2:")
                                         .arg(items.size()).arg(formatBytes(space)),
                            dialog);
    head->setObjectName(QStringLiteral("pruneSummary"));
    head->setWordWrap(true);
    auto *list = new QPlainTextEdit(lines.join(QLatin1Char('\n')), dialog);
    list->setReadOnly(true);
    auto *note = new QLabel(Tr::tr("Nothing has been removed yet. The next step shows the exact call "
                                   "and asks for the server's name."), dialog);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(dialog);
    QPushButton *go = buttons->addButton(Tr::tr("Prune…"), QDialogButtonBox::AcceptRole);
    go->setObjectName(QStringLiteral("pruneGo"));
    buttons->addButton(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *l = new QVBoxLayout(dialog);
    l->addWidget(head);
    l->addWidget(list, 1);
    l->addWidget(note);
    l->addWidget(buttons);
    dialog->resize(520, 360);
    connect(dialog, &QDialog::accepted, this, [this, all, images] {
        QFuture<Result<QJsonObject>> f = images ? m_service->pruneImages(all, false)
                                                      : m_service->pruneVolumes(all, false);
        f.then(this, [this](const Result<QJsonObject> &r) {
            if (!r) {
                if (r.error().code != ErrorCode::Cancelled)
                    emit errorOccurred(r.error());
                return;
            }
            emit infoMessage(Tr::tr("Pruned; %1 freed.")
                                 .arg(formatBytes(r->value(QLatin1String("spaceReclaimed")).toInteger())));
            refresh();
        });
    });
    dialog->open();
}

void ObjectPage::openPull()
{
    auto *dialog = new PullDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PullDialog::pulled, this, &ObjectPage::refresh);
    dialog->open();
}

} // namespace Qwq::Containers
