// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectpage.h"

#include "imagetransferdialogs.h"
#include "objectdialogs.h"
#include "pulldialog.h"

#include <containers/core/containersservice.h>
#include <containers/core/containerstr.h>

#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
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
        m_export = new QPushButton(this);
        m_export->setObjectName(QStringLiteral("exportImage"));
        m_export->setEnabled(false);
        connect(m_export, &QPushButton::clicked, this, [this] { exportSelected(); });
        bar->addWidget(m_export);
        m_load = new QPushButton(this);
        m_load->setObjectName(QStringLiteral("loadImages"));
        auto *menu = new QMenu(m_load);
        menu->addAction(QString(), this, [this] { openUpload(false); })->setObjectName(QStringLiteral("loadTar"));
        menu->addAction(QString(), this, [this] { openUpload(true); })->setObjectName(QStringLiteral("importRootfs"));
        m_load->setMenu(menu);
        bar->addWidget(m_load);
    } else {
        m_create = new QPushButton(this);
        m_create->setObjectName(kind == Kind::Volumes ? QStringLiteral("createVolume") : QStringLiteral("createNetwork"));
        connect(m_create, &QPushButton::clicked, this, [this] { openCreate(); });
        bar->addWidget(m_create);
    }
    if (kind == Kind::Networks) {
        m_connect = new QPushButton(this);
        m_connect->setObjectName(QStringLiteral("connectContainer"));
        connect(m_connect, &QPushButton::clicked, this, [this] { openConnect(false); });
        bar->addWidget(m_connect);
        m_disconnect = new QPushButton(this);
        m_disconnect->setObjectName(QStringLiteral("disconnectContainer"));
        connect(m_disconnect, &QPushButton::clicked, this, [this] { openConnect(true); });
        bar->addWidget(m_disconnect);
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

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ObjectPage::updateButtons);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ObjectPage::showContextMenu);
    updateButtons();

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
        m_export->setText(Tr::tr("Export…"));
        m_export->setToolTip(Tr::tr("Save the selected image as a tar file on this computer"));
        m_load->setText(Tr::tr("Load"));
        m_load->menu()->actions().at(0)->setText(Tr::tr("Load Images from a Tar File…"));
        m_load->menu()->actions().at(1)->setText(Tr::tr("Import a Root Filesystem…"));
        m_remove->setText(Tr::tr("Remove…"));
        m_prune->setText(Tr::tr("Prune"));
        m_prune->menu()->actions().at(0)->setText(Tr::tr("Untagged images…"));
        m_prune->menu()->actions().at(1)->setText(Tr::tr("All images no container uses…"));
        break;
    case Kind::Volumes:
        m_filter->setPlaceholderText(Tr::tr("Filter volumes"));
        m_create->setText(Tr::tr("Create Volume…"));
        m_remove->setText(Tr::tr("Remove…"));
        m_prune->setText(Tr::tr("Prune"));
        m_prune->menu()->actions().at(0)->setText(Tr::tr("Anonymous volumes no container uses…"));
        m_prune->menu()->actions().at(1)->setText(Tr::tr("All volumes no container uses…"));
        break;
    case Kind::Networks:
        m_filter->setPlaceholderText(Tr::tr("Filter networks"));
        m_create->setText(Tr::tr("Create Network…"));
        m_connect->setText(Tr::tr("Connect Container…"));
        m_disconnect->setText(Tr::tr("Disconnect Container…"));
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
    if (m_loading) {
        m_refreshAgain = true;   // what is on its way may predate a change just made
        return;
    }
    m_loading = true;
    auto done = [this](const Error *e) {
        m_loading = false;
        if (e)
            return emit errorOccurred(*e);
        if (std::exchange(m_refreshAgain, false))
            return refresh();
        if (!m_selectAfterRefresh.isEmpty())
            selectKey(std::exchange(m_selectAfterRefresh, QString()));
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

void ObjectPage::selectKey(const QString &key)
{
    const int row = m_model->rowOf(key);
    if (row < 0) {
        if (m_loading)
            m_selectAfterRefresh = key;
        return;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
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


void ObjectPage::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    m_remove->setEnabled(!rows.isEmpty() && rows.first().data(ObjectTableModel::RemovableRole).toBool());
    const bool any = !rows.isEmpty();
    if (m_export)
        m_export->setEnabled(any);
    if (m_connect)
        m_connect->setEnabled(any);
    if (m_disconnect)
        m_disconnect->setEnabled(any);
}

void ObjectPage::showContextMenu(const QPoint &pos)
{
    const QModelIndex at = m_view->indexAt(pos);
    if (at.isValid())
        m_view->selectionModel()->select(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QMenu menu(this);
    const bool selected = !selectedKey().isEmpty();
    switch (m_kind) {
    case Kind::Images:
        menu.addAction(Tr::tr("Export…"), this, [this] { exportSelected(); })->setEnabled(selected);
        menu.addAction(Tr::tr("Load Images from a Tar File…"), this, [this] { openUpload(false); });
        menu.addAction(Tr::tr("Import a Root Filesystem…"), this, [this] { openUpload(true); });
        break;
    case Kind::Volumes:
        menu.addAction(Tr::tr("Create Volume…"), this, [this] { openCreate(); });
        break;
    case Kind::Networks:
        menu.addAction(Tr::tr("Connect Container…"), this, [this] { openConnect(false); })->setEnabled(selected);
        menu.addAction(Tr::tr("Disconnect Container…"), this, [this] { openConnect(true); })->setEnabled(selected);
        menu.addAction(Tr::tr("Create Network…"), this, [this] { openCreate(); });
        break;
    }
    menu.addSeparator();
    menu.addAction(Tr::tr("Remove…"), this, &ObjectPage::removeSelected)->setEnabled(m_remove->isEnabled());
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

QDialog *ObjectPage::openCreate()
{
    QDialog *dialog = nullptr;
    if (m_kind == Kind::Volumes) {
        auto *d = new VolumeCreateDialog(m_service, this);
        connect(d, &VolumeCreateDialog::created, this, [this](const QString &name) {
            emit infoMessage(Tr::tr("Created volume %1").arg(name));
            m_selectAfterRefresh = name;
            refresh();
        });
        dialog = d;
    } else if (m_kind == Kind::Networks) {
        auto *d = new NetworkCreateDialog(m_service, this);
        connect(d, &NetworkCreateDialog::created, this, [this](const QString &name) {
            emit infoMessage(Tr::tr("Created network %1").arg(name));
            m_selectAfterRefresh = name;
            refresh();
        });
        dialog = d;
    } else {
        return nullptr;
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QDialog *ObjectPage::openConnect(bool disconnect)
{
    const QString network = selectedKey();
    if (m_kind != Kind::Networks || network.isEmpty())
        return nullptr;
    QStringList attached;
    if (const int row = m_model->rowOf(network); row >= 0)
        attached = m_model->attachedAt(row);
    auto *dialog = new NetworkConnectDialog(m_service, network, disconnect, disconnect ? attached : QStringList(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NetworkConnectDialog::changed, this, [this, network, disconnect] {
        emit infoMessage(disconnect ? Tr::tr("Disconnected a container from %1").arg(network)
                                    : Tr::tr("Connected a container to %1").arg(network));
        m_selectAfterRefresh = network;
        refresh();
    });
    dialog->open();
    return dialog;
}

QDialog *ObjectPage::exportSelected(const QString &chosen)
{
    const QString image = selectedKey();
    if (m_kind != Kind::Images || image.isEmpty())
        return nullptr;
    QString file = chosen;
    if (file.isEmpty()) {
        QString suggested = image;
        suggested.replace(QRegularExpression(QStringLiteral("[/:@]")), QStringLiteral("_"));
        file = QFileDialog::getSaveFileName(this, Tr::tr("Export Image"), suggested + QStringLiteral(".tar"),
                                            Tr::tr("Tar files (*.tar)"));
        if (file.isEmpty())
            return nullptr;
    }
    auto *dialog = new ImageExportDialog(m_service, {image}, file, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImageExportDialog::exported, this, [this](const QString &f) {
        emit infoMessage(Tr::tr("Exported to %1").arg(f));
    });
    dialog->open();
    dialog->start();
    return dialog;
}

QDialog *ObjectPage::openUpload(bool import)
{
    if (m_kind != Kind::Images)
        return nullptr;
    auto *dialog = new ImageUploadDialog(m_service, import ? ImageUploadDialog::Mode::Import
                                                           : ImageUploadDialog::Mode::Load, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImageUploadDialog::uploaded, this, [this](const QStringList &images) {
        if (!images.isEmpty())
            m_selectAfterRefresh = images.constFirst();
        refresh();
    });
    dialog->open();
    return dialog;
}

} // namespace Qwq::Containers
