// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QLabel;
class QSpinBox;

namespace Qwq::Terminal {

/// The Terminal page of the Settings dialog: font family and size, theme (system, dark,
/// light), copy on select, OSC 52 clipboard writes (off by default), scrollback lines and the
/// multi-line paste warning. Every change is saved at once and applies to open terminals.
class TerminalSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalSettingsPage)
public:
    explicit TerminalSettingsPage(QWidget *parent = nullptr);

    QFontComboBox *fontFamily() const { return m_family; }
    QSpinBox *fontSize() const { return m_size; }
    QComboBox *theme() const { return m_theme; }
    QCheckBox *copyOnSelect() const { return m_copyOnSelect; }
    QCheckBox *allowClipboardWrite() const { return m_osc52; }
    QSpinBox *scrollbackLines() const { return m_scrollback; }
    QCheckBox *confirmMultiLinePaste() const { return m_pasteWarning; }

protected:
    void changeEvent(QEvent *e) override;

private:
    void load();
    void save();
    void retranslate();

    QFontComboBox *m_family;
    QSpinBox *m_size;
    QComboBox *m_theme;
    QCheckBox *m_copyOnSelect;
    QCheckBox *m_osc52;
    QSpinBox *m_scrollback;
    QCheckBox *m_pasteWarning;
    QLabel *m_fontLabel;
    QLabel *m_sizeLabel;
    QLabel *m_themeLabel;
    QLabel *m_scrollbackLabel;
    QLabel *m_osc52Note;
    bool m_loading = false;
};

} // namespace Qwq::Terminal
