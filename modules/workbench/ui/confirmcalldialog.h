// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <helper/core/helperclient.h>

#include <QDialog>
#include <QFuture>

class QFormLayout;
class QLineEdit;
class QPushButton;

namespace Qwq::Workbench {

/// Adds the "Type “word”:" row of a confirmation to `form`: `approve` is disabled until the
/// field holds exactly `word`. Returns the field (object name `typedConfirmation`).
QLineEdit *addTypedConfirmation(QFormLayout *form, QPushButton *approve, const QString &word);

/// Shows the literal call a change will make — server, method, risk class, parameters with
/// secrets masked — and asks for approval; destructive calls need the server's name typed.
/// Opened window-modal and non-blocking; `ask()` resolves when the user answers.
class ConfirmCallDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfirmCallDialog)
public:
    ConfirmCallDialog(const Helper::CallPreview &preview, const QString &serverName,
                      QWidget *parent = nullptr);

    /// Opens a dialog for `preview` and resolves true when the user approves.
    static QFuture<bool> ask(const Helper::CallPreview &preview, const QString &serverName,
                             QWidget *parent);

    QLineEdit *typedField() const { return m_typed; }
    QPushButton *approveButton() const { return m_approve; }

private:
    QLineEdit *m_typed = nullptr;
    QPushButton *m_approve = nullptr;
};

} // namespace Qwq::Workbench
