// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostkeydialog.h"

#include "apptr.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Qwq::App {

namespace {
QLabel *mono(const QString &text)
{
    auto *l = new QLabel(text);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont f(QStringLiteral("monospace"));
    f.setStyleHint(QFont::Monospace);
    l->setFont(f);
    return l;
}
} // namespace

HostKeyDialog::HostKeyDialog(const Ssh::HostKeyInfo &key, bool changed, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("hostKeyDialog"));
    const QString where = key.port == 22 ? key.host : QStringLiteral("[%1]:%2").arg(key.host).arg(key.port);
    auto *intro = new QLabel;
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("Server:"), mono(where));
    form->addRow(Tr::tr("Key type:"), mono(key.type));
    auto *buttons = new QDialogButtonBox;
    if (changed) {
        setWindowTitle(Tr::tr("Host key changed — connection refused"));
        intro->setText(Tr::tr("The key %1 presents is not the one qwq knows. Someone may be "
                              "intercepting the connection, or the server was reinstalled. qwq "
                              "sent no password or key and will not connect. Check the new "
                              "fingerprint with the server's administrator; if it is right, "
                              "remove the old entry from qwq's known_hosts file.").arg(where));
        intro->setStyleSheet(QStringLiteral("color:#a11d25;"));
        form->addRow(Tr::tr("Known fingerprint:"), mono(key.knownSha256));
        form->addRow(Tr::tr("Offered fingerprint:"), mono(key.sha256));
        buttons->addButton(QDialogButtonBox::Close);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    } else {
        setWindowTitle(Tr::tr("Unknown host key"));
        intro->setText(Tr::tr("qwq has not seen %1 before. Compare this fingerprint with the one "
                              "the server's administrator gives you (ssh-keygen -lf "
                              "/etc/ssh/ssh_host_*_key.pub) before you trust it.").arg(where));
        form->addRow(Tr::tr("Fingerprint:"), mono(key.sha256));
        QPushButton *trust = buttons->addButton(Tr::tr("Trust and Connect"), QDialogButtonBox::AcceptRole);
        trust->setObjectName(QStringLiteral("trustButton"));
        buttons->addButton(QDialogButtonBox::Cancel);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

} // namespace Qwq::App
