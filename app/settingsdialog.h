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
namespace Qwq::Terminal {
class TerminalSettingsPage;
}

namespace Qwq::App {

/// Application settings: General (the language switches live, without a restart), AI
/// (provider, model, key in the keychain, local-only, token budget; saved when the dialog
/// closes) and Terminal (applied to open terminals as it changes).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    Ai::AiSettingsPage *aiPage() const { return m_aiPage; }
    Terminal::TerminalSettingsPage *terminalPage() const { return m_terminalPage; }

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();

    QComboBox *m_language;
    QLabel *m_languageLabel;
    QLabel *m_pathsLabel;
    QTabWidget *m_tabs;
    Ai::AiSettingsPage *m_aiPage;
    Terminal::TerminalSettingsPage *m_terminalPage;
    QDialogButtonBox *m_buttons;
};

} // namespace Qwq::App
