// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pulldialog.h"

#include <containers/core/containersservice.h>
#include <containers/core/containerstr.h>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Qwq::Containers {

PullDialog::PullDialog(ContainersService *service, QWidget *parent) : QDialog(parent), m_service(service)
{
    setObjectName(QStringLiteral("pullDialog"));
    setWindowTitle(Tr::tr("Pull Image"));
    m_ref = new QLineEdit(this);
    m_ref->setObjectName(QStringLiteral("pullReference"));
    m_ref->setPlaceholderText(Tr::tr("Image reference, e.g. nginx:1.25 or registry.example.com:5000/team/app:2"));
    m_layers = new QTreeWidget(this);
    m_layers->setHeaderLabels({Tr::tr("Layer"), Tr::tr("Status"), Tr::tr("Progress")});
    m_layers->setRootIsDecorated(false);
    m_layers->header()->setStretchLastSection(true);
    m_layers->setColumnWidth(0, 130);
    m_layers->setColumnWidth(1, 170);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("pullStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(Tr::tr("Pull"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("pullButton"));
    buttons->addButton(QDialogButtonBox::Close);
    connect(m_start, &QPushButton::clicked, this, &PullDialog::startPull);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::finished, this, [this] {
        if (isPulling())
            m_pull.cancel();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_ref);
    layout->addWidget(m_layers, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(620, 380);
}

PullDialog::~PullDialog()
{
    if (isPulling())
        m_pull.cancel();
}

void PullDialog::startPull()
{
    const QString ref = m_ref->text().trimmed();
    if (!isValidImageRef(ref)) {
        m_status->setText(Tr::tr("“%1” is not a valid image reference").arg(ref));
        return;
    }
    m_layers->clear();
    m_items.clear();
    m_start->setEnabled(false);
    m_ref->setEnabled(false);
    m_status->setText(Tr::tr("Pulling %1…").arg(ref));
    QPointer<PullDialog> self(this);
    m_pull = m_service->pullImage(ref, [self](const QList<PullLayer> &layers, const QStringList &messages) {
        if (self)
            self->onProgress(layers, messages);
    });
    m_pull.then(this, [this, ref](const Result<QJsonValue> &r) {
        m_start->setEnabled(true);
        m_ref->setEnabled(true);
        if (!r) {
            m_start->setText(Tr::tr("Retry"));
            m_status->setText(r.error().detail.isEmpty()
                                  ? r.error().message
                                  : Tr::tr("%1: %2").arg(r.error().message, r.error().detail));
            return;
        }
        m_start->setText(Tr::tr("Pull"));
        m_status->setText(r->toObject().value(QLatin1String("status")).toString());
        emit pulled(ref);
    });
}

void PullDialog::onProgress(const QList<PullLayer> &layers, const QStringList &messages)
{
    for (const PullLayer &l : layers) {
        QTreeWidgetItem *item = m_items.value(l.id);
        if (!item) {
            item = new QTreeWidgetItem(m_layers, {l.id, QString()});
            auto *bar = new QProgressBar(m_layers);
            bar->setRange(0, 1000);
            bar->setTextVisible(true);
            m_layers->setItemWidget(item, 2, bar);
            m_items.insert(l.id, item);
        }
        item->setText(1, l.status);
        auto *bar = qobject_cast<QProgressBar *>(m_layers->itemWidget(item, 2));
        if (!bar)
            continue;
        if (l.total > 0) {
            bar->setValue(int(1000.0 * double(l.current) / double(l.total)));
            bar->setFormat(Tr::tr("%1 of %2").arg(formatBytes(l.current), formatBytes(l.total)));
        } else if (l.status.startsWith(QLatin1String("Pull complete"))
                   || l.status.startsWith(QLatin1String("Already exists"))) {
            bar->setValue(1000);
            bar->setFormat(QStringLiteral("%p%"));
        }
    }
    if (!messages.isEmpty())
        m_status->setText(messages.constLast());
}

} // namespace Qwq::Containers
