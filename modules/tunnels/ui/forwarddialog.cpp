// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "forwarddialog.h"

#include <tunnels/core/tunnelstr.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Qwq::Tunnels {

namespace {
const char *const kKinds[] = {"local", "remote", "dynamic"};
}

ForwardDialog::ForwardDialog(const Profiles::ForwardSpec &spec, SaveFunction save, QWidget *parent)
    : QDialog(parent), m_save(std::move(save))
{
    setObjectName(QStringLiteral("forwardDialog"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    for (const char *k : kKinds)
        m_kind->addItem(QString(), QLatin1String(k));
    m_name = new QLineEdit(spec.name, this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setMaxLength(64);
    m_bindAddress = new QLineEdit(spec.bindAddress, this);
    m_bindAddress->setObjectName(QStringLiteral("bindAddress"));
    m_bindPort = new QSpinBox(this);
    m_bindPort->setObjectName(QStringLiteral("bindPort"));
    m_bindPort->setRange(0, 65535);
    m_bindPort->setValue(spec.bindPort);
    m_targetHost = new QLineEdit(spec.targetHost, this);
    m_targetHost->setObjectName(QStringLiteral("targetHost"));
    m_targetPort = new QSpinBox(this);
    m_targetPort->setObjectName(QStringLiteral("targetPort"));
    m_targetPort->setRange(0, 65535);
    m_targetPort->setValue(spec.targetPort);
    m_autoStart = new QCheckBox(this);
    m_autoStart->setObjectName(QStringLiteral("autoStart"));
    m_autoStart->setChecked(spec.autoStart);
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(spec.kind)));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_error->hide();

    auto *form = new QFormLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_kind, m_name, m_bindAddress, m_bindPort,
                                                       m_targetHost, m_targetPort}) {
        auto *label = new QLabel(this);
        label->setBuddy(w);
        m_labels.append(label);
        form->addRow(label, w);
    }
    form->addRow(QString(), m_autoStart);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ForwardDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ForwardDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ForwardDialog::updateEnabled);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    retranslate();
    updateEnabled();
}

Profiles::ForwardSpec ForwardDialog::spec() const
{
    Profiles::ForwardSpec f;
    f.kind = m_kind->currentData().toString();
    f.name = m_name->text().trimmed();
    f.bindAddress = m_bindAddress->text().trimmed();
    f.bindPort = quint16(m_bindPort->value());
    if (f.kind != QLatin1String("dynamic")) {
        f.targetHost = m_targetHost->text().trimmed();
        f.targetPort = quint16(m_targetPort->value());
    }
    f.autoStart = m_autoStart->isChecked();
    return f;
}

QString ForwardDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ForwardDialog::accept()
{
    const Result<void> r = m_save ? m_save(spec()) : Result<void>();
    if (r) {
        m_error->hide();
        m_error->clear();
        return QDialog::accept();
    }
    const QString field = r.error().field;
    const QString member = field.mid(field.lastIndexOf(QLatin1Char('.')) + 1);
    m_error->setText(field.isEmpty() ? r.error().message
                                     : Tr::tr("%1 (field: %2)").arg(r.error().message, field));
    m_error->show();
    if (auto *w = findChild<QWidget *>(member); w && !member.isEmpty())
        w->setFocus();
}

void ForwardDialog::updateEnabled()
{
    const bool dynamic = m_kind->currentData().toString() == QLatin1String("dynamic");
    m_targetHost->setEnabled(!dynamic);
    m_targetPort->setEnabled(!dynamic);
}

void ForwardDialog::retranslate()
{
    setWindowTitle(Tr::tr("Port Forward"));
    m_kind->setItemText(0, Tr::tr("Local: a port here reaches a host seen from the server"));
    m_kind->setItemText(1, Tr::tr("Remote: a port on the server reaches a host seen from here"));
    m_kind->setItemText(2, Tr::tr("Dynamic: a SOCKS5 proxy here"));
    const QStringList texts{Tr::tr("&Kind:"), Tr::tr("&Name:"), Tr::tr("&Bind address:"),
                            Tr::tr("Bind &port:"), Tr::tr("&Target host:"), Tr::tr("Target p&ort:")};
    for (qsizetype i = 0; i < m_labels.size(); ++i)
        m_labels.at(i)->setText(texts.value(i));
    m_bindPort->setSpecialValueText(Tr::tr("any free port"));
    m_bindAddress->setPlaceholderText(QStringLiteral("127.0.0.1"));
    m_autoStart->setText(Tr::tr("&Start when connected"));
}

void ForwardDialog::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(e);
}

} // namespace Qwq::Tunnels
