// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QDialogButtonBox;

namespace Qwq::App {

/// Application settings. The language switches live, without a restart.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();

    QComboBox *m_language;
    QLabel *m_languageLabel;
    QLabel *m_pathsLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace Qwq::App
