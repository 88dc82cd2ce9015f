// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <helper/core/credentialprompt.h>

#include <QDialog>
#include <QFuture>
#include <QList>

class QCheckBox;
class QLineEdit;

namespace Qwq::Workbench {

/// Asks what a login needs and the keychain does not have: a 2FA code or other
/// keyboard-interactive prompts, a password, the sudo password. Prompts and instructions come
/// from the server and are shown as plain text only. A field that may be kept offers
/// "Remember in the keychain"; 2FA codes never do.
class CredentialDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialDialog)
public:
    explicit CredentialDialog(const Helper::CredentialRequest &request, QWidget *parent = nullptr);

    /// Opens a window-modal, non-blocking dialog; resolves with the answer, nullopt on cancel.
    static QFuture<std::optional<Helper::CredentialAnswer>> ask(const Helper::CredentialRequest &request,
                                                                 QWidget *parent);

    Helper::CredentialAnswer answer() const;
    QList<QLineEdit *> fields() const { return m_fields; }
    QCheckBox *rememberBox() const { return m_remember; }

private:
    QList<QLineEdit *> m_fields;
    QCheckBox *m_remember = nullptr;
};

} // namespace Qwq::Workbench
