// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialdialog.h"

#include <workbench/core/workbenchtr.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPromise>
#include <QRegularExpression>
#include <QPushButton>
#include <QVBoxLayout>

namespace Qwq::Workbench {

using Helper::CredentialRequest;

namespace {

QLabel *plainLabel(const QString &text)
{
    auto *l = new QLabel(text);
    l->setTextFormat(Qt::PlainText); // server text is never rich text or a link
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

// Server prompts are short lines; a hostile one is cut rather than allowed to fill the screen.
QString shortened(QString s, int max)
{
    s = s.trimmed();
    s.remove(QRegularExpression(QStringLiteral("[\\x00-\\x08\\x0b-\\x1f\\x7f]")));
    return s.size() > max ? s.left(max) + QStringLiteral("…") : s;
}

} // namespace

CredentialDialog::CredentialDialog(const CredentialRequest &request, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("credentialDialog"));
    QString intro;
    switch (request.kind) {
    case CredentialRequest::Kind::KeyboardInteractive:
        setWindowTitle(Tr::tr("The server asks you to log in"));
        intro = Tr::tr("%1 asks for the following to log in as %2 (for example a code from "
                       "your authenticator app).")
                    .arg(request.serverName, request.account);
        break;
    case CredentialRequest::Kind::Password:
        setWindowTitle(Tr::tr("Password needed"));
        intro = Tr::tr("No password is stored for %1 on %2.").arg(request.account, request.serverName);
        break;
    case CredentialRequest::Kind::SudoPassword:
        setWindowTitle(Tr::tr("sudo password needed"));
        intro = Tr::tr("%1 runs the qwq helper through sudo, and sudo asks for the password "
                       "of %2.")
                    .arg(request.serverName, request.account);
        break;
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(plainLabel(intro));
    if (!request.name.trimmed().isEmpty())
        layout->addWidget(plainLabel(shortened(request.name, 200)));
    if (!request.instruction.trimmed().isEmpty())
        layout->addWidget(plainLabel(shortened(request.instruction, 1000)));

    auto *form = new QFormLayout;
    for (qsizetype i = 0; i < request.fields.size(); ++i) {
        const auto &f = request.fields.at(i);
        auto *edit = new QLineEdit;
        edit->setObjectName(QStringLiteral("credentialField%1").arg(i));
        edit->setEchoMode(f.echo ? QLineEdit::Normal : QLineEdit::Password);
        edit->setInputMethodHints(f.echo ? Qt::ImhNone : Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
        QString label = shortened(f.text, 200);
        if (label.isEmpty())
            label = Tr::tr("Answer:");
        auto *l = plainLabel(label);
        l->setBuddy(edit);
        form->addRow(l, edit);
        m_fields.append(edit);
    }
    layout->addLayout(form);

    if (request.rememberField >= 0 && request.rememberField < request.fields.size()) {
        m_remember = new QCheckBox(request.kind == CredentialRequest::Kind::SudoPassword
                                       ? Tr::tr("Remember the sudo password in the system keychain")
                                       : Tr::tr("Remember the password in the system keychain"));
        m_remember->setObjectName(QStringLiteral("rememberCredential"));
        m_remember->setChecked(true);
        layout->addWidget(m_remember);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(Tr::tr("Log in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    if (!m_fields.isEmpty())
        m_fields.first()->setFocus();
    setMinimumWidth(460);
}

Helper::CredentialAnswer CredentialDialog::answer() const
{
    Helper::CredentialAnswer a;
    for (const QLineEdit *e : m_fields)
        a.values.append(e->text());
    a.remember = m_remember && m_remember->isChecked();
    return a;
}

QFuture<std::optional<Helper::CredentialAnswer>> CredentialDialog::ask(const CredentialRequest &request,
                                                                        QWidget *parent)
{
    auto promise = std::make_shared<QPromise<std::optional<Helper::CredentialAnswer>>>();
    promise->start();
    auto *dialog = new CredentialDialog(request, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::finished, dialog, [promise, dialog](int result) {
        promise->addResult(result == QDialog::Accepted
                               ? std::optional<Helper::CredentialAnswer>(dialog->answer())
                               : std::nullopt);
        promise->finish();
    });
    dialog->open();
    return promise->future();
}

} // namespace Qwq::Workbench
