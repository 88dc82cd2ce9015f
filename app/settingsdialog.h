// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QDialogButtonBox;
class QTabWidget;

namespace Qwq::Ai {
class AiSettingsPage;
}

namespace Qwq::App {

/// Application settings: General (the language switches live, without a restart) and AI
/// (provider, model, key in the keychain, local-only, token budget; saved when the dialog
/// closes).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    Ai::AiSettingsPage *aiPage() const { return m_aiPage; }

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();

    QComboBox *m_language;
    QLabel *m_languageLabel;
    QLabel *m_pathsLabel;
    QTabWidget *m_tabs;
    Ai::AiSettingsPage *m_aiPage;
    QDialogButtonBox *m_buttons;
};

} // namespace Qwq::App
