// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectdialogs.h"

#include <containers/core/containersservice.h>
#include <containers/core/containerstr.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Qwq::Containers {

QString fieldErrorText(const Error &e, const QHash<QString, QString> &labels)
{
    QString text = e.message;
    if (!e.detail.isEmpty())
        text = Tr::tr("%1: %2").arg(text, e.detail);
    if (!e.hint.isEmpty())
        text = Tr::tr("%1 (%2)").arg(text, e.hint);
    if (!e.field.isEmpty())
        text = Tr::tr("%1: %2").arg(labels.value(e.field, e.field), text);
    return text;
}

namespace {
QLabel *statusLabel(QWidget *parent, const QString &objectName)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    return l;
}

// Marks the field the error names (and focuses it); clears the others.
void markField(const QHash<QString, QWidget *> &fields, const QString &field)
{
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        it.value()->setStyleSheet(it.key() == field ? QStringLiteral("border: 1px solid #d33;") : QString());
    if (QWidget *w = fields.value(field))
        w->setFocus();
}
} // namespace

// --- VolumeCreateDialog ---------------------------------------------------------------------

VolumeCreateDialog::VolumeCreateDialog(ContainersService *service, QWidget *parent)
    : QDialog(parent), m_service(service)
{
    setObjectName(QStringLiteral("volumeCreateDialog"));
    setWindowTitle(Tr::tr("Create Volume"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("volumeName"));
    m_name->setPlaceholderText(Tr::tr("Empty: Docker picks a random name"));
    m_driver = new QLineEdit(QStringLiteral("local"), this);
    m_driver->setObjectName(QStringLiteral("volumeDriver"));
    m_labels = new QPlainTextEdit(this);
    m_labels->setObjectName(QStringLiteral("volumeLabels"));
    m_labels->setPlaceholderText(Tr::tr("One key=value per line, e.g. backup=daily"));
    m_labels->setTabChangesFocus(true);
    m_status = statusLabel(this, QStringLiteral("volumeStatus"));
    m_fields = {{QStringLiteral("name"), m_name}, {QStringLiteral("driver"), m_driver},
                {QStringLiteral("labels"), m_labels}};
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("Name:"), m_name);
    form->addRow(Tr::tr("Driver:"), m_driver);
    form->addRow(Tr::tr("Labels:"), m_labels);
    auto *buttons = new QDialogButtonBox(this);
    m_create = buttons->addButton(Tr::tr("Create"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("volumeCreate"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_create, &QPushButton::clicked, this, &VolumeCreateDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(460, 300);
}

void VolumeCreateDialog::create()
{
    const QHash<QString, QString> labels{{QStringLiteral("name"), Tr::tr("Name")},
                                         {QStringLiteral("driver"), Tr::tr("Driver")},
                                         {QStringLiteral("labels"), Tr::tr("Labels")}};
    const Result<QJsonObject> parsed = ContainersService::parseLabels(m_labels->toPlainText());
    if (!parsed) {
        markField(m_fields, parsed.error().field);
        return m_status->setText(fieldErrorText(parsed.error(), labels));
    }
    m_create->setEnabled(false);
    m_status->setText(Tr::tr("Creating…"));
    m_service->createVolume(m_name->text().trimmed(), m_driver->text().trimmed(), *parsed)
        .then(this, [this, labels](const Result<VolumeInfo> &r) {
            m_create->setEnabled(true);
            if (!r) {
                markField(m_fields, r.error().field);
                return m_status->setText(fieldErrorText(r.error(), labels));
            }
            emit created(r->name);
            accept();
        });
}

// --- NetworkCreateDialog --------------------------------------------------------------------

NetworkCreateDialog::NetworkCreateDialog(ContainersService *service, QWidget *parent)
    : QDialog(parent), m_service(service)
{
    setObjectName(QStringLiteral("networkCreateDialog"));
    setWindowTitle(Tr::tr("Create Network"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("networkName"));
    m_name->setPlaceholderText(Tr::tr("Required, e.g. backend"));
    m_driver = new QComboBox(this);
    m_driver->setObjectName(QStringLiteral("networkDriver"));
    m_driver->setEditable(true);
    m_driver->addItems({QStringLiteral("bridge"), QStringLiteral("overlay"), QStringLiteral("macvlan"),
                        QStringLiteral("ipvlan")});
    m_internal = new QCheckBox(Tr::tr("Internal (no access to outside networks)"), this);
    m_internal->setObjectName(QStringLiteral("networkInternal"));
    m_attachable = new QCheckBox(Tr::tr("Attachable (standalone containers may join an overlay)"), this);
    m_attachable->setObjectName(QStringLiteral("networkAttachable"));
    m_subnet = new QLineEdit(this);
    m_subnet->setObjectName(QStringLiteral("networkSubnet"));
    m_subnet->setPlaceholderText(Tr::tr("Optional, e.g. 172.30.0.0/16"));
    m_gateway = new QLineEdit(this);
    m_gateway->setObjectName(QStringLiteral("networkGateway"));
    m_gateway->setPlaceholderText(Tr::tr("Optional, needs a subnet, e.g. 172.30.0.1"));
    m_gateway->setEnabled(false);
    connect(m_subnet, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_gateway->setEnabled(!t.trimmed().isEmpty());
    });
    m_status = statusLabel(this, QStringLiteral("networkStatus"));
    m_fields = {{QStringLiteral("name"), m_name}, {QStringLiteral("driver"), m_driver},
                {QStringLiteral("subnet"), m_subnet}, {QStringLiteral("gateway"), m_gateway}};
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("Name:"), m_name);
    form->addRow(Tr::tr("Driver:"), m_driver);
    form->addRow(QString(), m_internal);
    form->addRow(QString(), m_attachable);
    form->addRow(Tr::tr("Subnet:"), m_subnet);
    form->addRow(Tr::tr("Gateway:"), m_gateway);
    auto *buttons = new QDialogButtonBox(this);
    m_create = buttons->addButton(Tr::tr("Create"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("networkCreate"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_create, &QPushButton::clicked, this, &NetworkCreateDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(480, 300);
}

void NetworkCreateDialog::create()
{
    const QHash<QString, QString> labels{{QStringLiteral("name"), Tr::tr("Name")},
                                         {QStringLiteral("driver"), Tr::tr("Driver")},
                                         {QStringLiteral("subnet"), Tr::tr("Subnet")},
                                         {QStringLiteral("gateway"), Tr::tr("Gateway")}};
    ContainersService::NetworkSpec spec;
    spec.name = m_name->text().trimmed();
    spec.driver = m_driver->currentText().trimmed();
    spec.internal = m_internal->isChecked();
    spec.attachable = m_attachable->isChecked();
    spec.subnet = m_subnet->text().trimmed();
    spec.gateway = spec.subnet.isEmpty() ? QString() : m_gateway->text().trimmed();
    if (const Result<void> ok = ContainersService::checkNetworkSpec(spec); !ok) {
        markField(m_fields, ok.error().field);
        return m_status->setText(fieldErrorText(ok.error(), labels));
    }
    m_create->setEnabled(false);
    m_status->setText(Tr::tr("Creating…"));
    m_service->createNetwork(spec).then(this, [this, labels, name = spec.name](const Result<QJsonObject> &r) {
        m_create->setEnabled(true);
        if (!r) {
            markField(m_fields, r.error().field);
            return m_status->setText(fieldErrorText(r.error(), labels));
        }
        emit created(name);
        accept();
    });
}

// --- NetworkConnectDialog -------------------------------------------------------------------

NetworkConnectDialog::NetworkConnectDialog(ContainersService *service, const QString &network, bool disconnect,
                                           const QStringList &attached, QWidget *parent)
    : QDialog(parent), m_service(service), m_network(network), m_disconnect(disconnect)
{
    setObjectName(QStringLiteral("networkConnectDialog"));
    setWindowTitle(disconnect ? Tr::tr("Disconnect Container from %1").arg(network)
                              : Tr::tr("Connect Container to %1").arg(network));
    m_container = new QComboBox(this);
    m_container->setObjectName(QStringLiteral("networkContainer"));
    m_container->setEditable(true);   // a name or id the list does not show yet
    m_container->setMinimumWidth(260);
    m_container->addItems(attached);
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("Container:"), m_container);
    if (disconnect) {
        m_force = new QCheckBox(Tr::tr("Force (even when the container is not running properly)"), this);
        m_force->setObjectName(QStringLiteral("networkForce"));
        form->addRow(QString(), m_force);
    } else {
        m_aliases = new QLineEdit(this);
        m_aliases->setObjectName(QStringLiteral("networkAliases"));
        m_aliases->setPlaceholderText(Tr::tr("Optional, separated by spaces or commas, e.g. api db"));
        form->addRow(Tr::tr("Aliases:"), m_aliases);
    }
    m_status = statusLabel(this, QStringLiteral("networkConnectStatus"));
    auto *buttons = new QDialogButtonBox(this);
    m_go = buttons->addButton(disconnect ? Tr::tr("Disconnect") : Tr::tr("Connect"), QDialogButtonBox::AcceptRole);
    m_go->setObjectName(QStringLiteral("networkConnectGo"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_go, &QPushButton::clicked, this, &NetworkConnectDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    // The rest of the server's containers (for disconnect after the attached ones: the daemon
    // does not always list those).
    if (!disconnect || attached.isEmpty()) {
        m_service->list(true).then(this, [this, attached](const Result<QList<Container>> &r) {
            if (!r)
                return m_status->setText(fieldErrorText(r.error(), {}));
            for (const Container &c : *r) {
                if (!attached.contains(c.name))
                    m_container->addItem(c.name, c.id);
            }
        });
    }
}

void NetworkConnectDialog::apply()
{
    const QString container = m_container->currentText().trimmed();
    const QHash<QString, QString> labels{{QStringLiteral("container"), Tr::tr("Container")},
                                         {QStringLiteral("aliases"), Tr::tr("Aliases")},
                                         {QStringLiteral("network"), Tr::tr("Network")}};
    m_go->setEnabled(false);
    m_status->setText(m_disconnect ? Tr::tr("Disconnecting…") : Tr::tr("Connecting…"));
    QFuture<Result<QJsonValue>> f;
    if (m_disconnect) {
        f = m_service->disconnectNetwork(m_network, container, m_force->isChecked());
    } else {
        static const QRegularExpression sep(QStringLiteral("[\\s,]+"));
        f = m_service->connectNetwork(m_network, container, m_aliases->text().split(sep, Qt::SkipEmptyParts));
    }
    f.then(this, [this, labels](const Result<QJsonValue> &r) {
        m_go->setEnabled(true);
        if (!r) {
            if (r.error().code == ErrorCode::Cancelled)
                return m_status->clear();
            return m_status->setText(fieldErrorText(r.error(), labels));
        }
        emit changed();
        accept();
    });
}

} // namespace Qwq::Containers
