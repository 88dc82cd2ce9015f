// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalsettingspage.h"

#include "terminalsettings.h"

#include <terminal/core/terminaltr.h>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Qwq::Terminal {

TerminalSettingsPage::TerminalSettingsPage(QWidget *parent)
    : QWidget(parent), m_family(new QFontComboBox), m_size(new QSpinBox), m_theme(new QComboBox),
      m_copyOnSelect(new QCheckBox), m_osc52(new QCheckBox), m_scrollback(new QSpinBox),
      m_pasteWarning(new QCheckBox), m_fontLabel(new QLabel), m_sizeLabel(new QLabel),
      m_themeLabel(new QLabel), m_scrollbackLabel(new QLabel), m_osc52Note(new QLabel)
{
    setObjectName(QStringLiteral("terminalSettingsPage"));
    m_family->setFontFilters(QFontComboBox::MonospacedFonts);
    m_size->setRange(6, 48);
    m_theme->addItem(QString(), QStringLiteral("auto"));
    m_theme->addItem(QString(), QStringLiteral("dark"));
    m_theme->addItem(QString(), QStringLiteral("light"));
    m_scrollback->setRange(TerminalSettings::kMinScrollback, TerminalSettings::kMaxScrollback);
    m_scrollback->setSingleStep(10000);
    m_scrollback->setGroupSeparatorShown(true);
    m_osc52Note->setWordWrap(true);
    m_osc52Note->setEnabled(false);   // greyed: an explanation, not a control

    auto *form = new QFormLayout;
    form->addRow(m_fontLabel, m_family);
    form->addRow(m_sizeLabel, m_size);
    form->addRow(m_themeLabel, m_theme);
    form->addRow(m_scrollbackLabel, m_scrollback);
    form->addRow(QString(), m_copyOnSelect);
    form->addRow(QString(), m_pasteWarning);
    form->addRow(QString(), m_osc52);
    form->addRow(QString(), m_osc52Note);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();

    load();
    retranslate();
    connect(m_family, &QFontComboBox::currentFontChanged, this, &TerminalSettingsPage::save);
    connect(m_size, &QSpinBox::valueChanged, this, &TerminalSettingsPage::save);
    connect(m_theme, &QComboBox::currentIndexChanged, this, &TerminalSettingsPage::save);
    connect(m_scrollback, &QSpinBox::valueChanged, this, &TerminalSettingsPage::save);
    for (QCheckBox *c : {m_copyOnSelect, m_osc52, m_pasteWarning})
        connect(c, &QCheckBox::toggled, this, &TerminalSettingsPage::save);
    // The context menu of a terminal changes the same settings.
    connect(TerminalSettingsNotifier::instance(), &TerminalSettingsNotifier::changed, this, [this] {
        if (!m_loading)
            load();
    });
}

void TerminalSettingsPage::load()
{
    m_loading = true;
    const TerminalSettings s = TerminalSettings::load();
    m_family->setCurrentFont(s.font);
    m_size->setValue(int(std::lround(s.font.pointSizeF())));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(s.theme)));
    m_copyOnSelect->setChecked(s.copyOnSelect);
    m_osc52->setChecked(s.allowClipboardWrite);
    m_scrollback->setValue(s.scrollbackLines);
    m_pasteWarning->setChecked(s.confirmMultiLinePaste);
    m_loading = false;
}

void TerminalSettingsPage::save()
{
    if (m_loading)
        return;
    m_loading = true;   // save() notifies this page too
    TerminalSettings s = TerminalSettings::load();
    QFont f = s.font;
    f.setFamily(m_family->currentFont().family());
    f.setPointSizeF(m_size->value());
    s.font = f;
    s.theme = m_theme->currentData().toString();
    s.copyOnSelect = m_copyOnSelect->isChecked();
    s.allowClipboardWrite = m_osc52->isChecked();
    s.scrollbackLines = m_scrollback->value();
    s.confirmMultiLinePaste = m_pasteWarning->isChecked();
    s.save();
    m_loading = false;
}

void TerminalSettingsPage::retranslate()
{
    m_fontLabel->setText(Tr::tr("Font:"));
    m_sizeLabel->setText(Tr::tr("Font size:"));
    m_themeLabel->setText(Tr::tr("Theme:"));
    m_scrollbackLabel->setText(Tr::tr("Scrollback lines:"));
    m_theme->setItemText(0, Tr::tr("Follow the system"));
    m_theme->setItemText(1, Tr::tr("Dark"));
    m_theme->setItemText(2, Tr::tr("Light"));
    m_copyOnSelect->setText(Tr::tr("Copy selected text to the clipboard"));
    m_pasteWarning->setText(Tr::tr("Ask before pasting several lines"));
    m_osc52->setText(Tr::tr("Let programs set the clipboard (OSC 52)"));
    m_osc52Note->setText(Tr::tr("A program on the server could then put anything on your "
                                "clipboard. Reading the clipboard is never allowed."));
}

void TerminalSettingsPage::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

} // namespace Qwq::Terminal
