// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <profiles/core/profile.h>

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Qwq::Tunnels {

/// Adds or edits one saved forward rule. OK hands the rule to `save` (which validates and
/// writes the profile); an error is shown inline, naming the field, and the dialog stays open.
class ForwardDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ForwardDialog)
public:
    using SaveFunction = std::function<Result<void>(const Profiles::ForwardSpec &)>;
    ForwardDialog(const Profiles::ForwardSpec &spec, SaveFunction save, QWidget *parent = nullptr);

    Profiles::ForwardSpec spec() const;
    /// The inline error text shown now (empty when none); for tests.
    QString errorText() const;

    void accept() override;

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void updateEnabled();

    SaveFunction m_save;
    QComboBox *m_kind;
    QLineEdit *m_name;
    QLineEdit *m_bindAddress;
    QSpinBox *m_bindPort;
    QLineEdit *m_targetHost;
    QSpinBox *m_targetPort;
    QCheckBox *m_autoStart;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QList<QLabel *> m_labels;
};

} // namespace Qwq::Tunnels
