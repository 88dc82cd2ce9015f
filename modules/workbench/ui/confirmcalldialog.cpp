// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "confirmcalldialog.h"

#include <workbench/core/workbenchtr.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPromise>
#include <QPushButton>
#include <QVBoxLayout>

namespace Qwq::Workbench {

using Helper::Risk;

namespace {
QString riskText(Risk r)
{
    switch (r) {
    case Risk::Read: return Tr::tr("reads only");
    case Risk::SecretRead: return Tr::tr("reads secrets");
    case Risk::Mutating: return Tr::tr("changes the server");
    case Risk::Destructive: return Tr::tr("cannot be undone");
    case Risk::Unknown: break;
    }
    return Tr::tr("unknown — treated as cannot be undone");
}
} // namespace

QLineEdit *addTypedConfirmation(QFormLayout *form, QPushButton *approve, const QString &word)
{
    auto *field = new QLineEdit;
    field->setObjectName(QStringLiteral("typedConfirmation"));
    field->setPlaceholderText(word);
    form->addRow(Tr::tr("Type “%1”:").arg(word), field);
    approve->setEnabled(false);
    QObject::connect(field, &QLineEdit::textChanged, approve,
                     [approve, word](const QString &t) { approve->setEnabled(t == word); });
    return field;
}

ConfirmCallDialog::ConfirmCallDialog(const Helper::CallPreview &preview, const QString &serverName,
                                     QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("confirmCallDialog"));
    setWindowTitle(preview.typed ? Tr::tr("Confirm an irreversible change")
                                 : Tr::tr("Confirm a change"));
    auto *intro = new QLabel(preview.typed
                                 ? Tr::tr("This call cannot be undone. Read it, then type the "
                                          "server's name to approve it.")
                                 : Tr::tr("This profile asks before every change. This is "
                                          "exactly what will be sent:"));
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    auto plain = [](const QString &t) {
        auto *l = new QLabel(t);
        l->setTextFormat(Qt::PlainText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return l;
    };
    form->addRow(Tr::tr("Server:"), plain(serverName));
    form->addRow(Tr::tr("Operation:"), plain(preview.method));
    form->addRow(Tr::tr("Effect:"), plain(riskText(preview.risk)));
    auto *params = new QPlainTextEdit;
    params->setReadOnly(true);
    params->setPlainText(preview.params.isEmpty()
                             ? Tr::tr("(no parameters)")
                             : QString::fromUtf8(QJsonDocument(preview.params).toJson(QJsonDocument::Indented)));
    params->setMinimumHeight(100);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    params->setFont(mono);
    form->addRow(Tr::tr("Parameters:"), params);

    auto *buttons = new QDialogButtonBox;
    m_approve = buttons->addButton(Tr::tr("Approve"), QDialogButtonBox::AcceptRole);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    buttons->addButton(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (preview.typed) {
        m_typed = addTypedConfirmation(form, m_approve, preview.typedWord);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

QFuture<bool> ConfirmCallDialog::ask(const Helper::CallPreview &preview, const QString &serverName,
                                     QWidget *parent)
{
    auto promise = std::make_shared<QPromise<bool>>();
    promise->start();
    auto *dialog = new ConfirmCallDialog(preview, serverName, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::finished, dialog, [promise](int result) {
        promise->addResult(result == QDialog::Accepted);
        promise->finish();
    });
    dialog->open();
    return promise->future();
}

} // namespace Qwq::Workbench
