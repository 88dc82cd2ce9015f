// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "apptr.h"
#include "language.h"

#include <ai/ui/aisettingspage.h>
#include <core/core/paths.h>
#include <core/core/settings.h>
#include <terminal/ui/terminalsettingspage.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Qwq::App {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent), m_language(new QComboBox), m_languageLabel(new QLabel),
      m_pathsLabel(new QLabel), m_tabs(new QTabWidget), m_aiPage(new Ai::AiSettingsPage),
      m_terminalPage(new Terminal::TerminalSettingsPage),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close))
{
    setObjectName(QStringLiteral("settingsDialog"));
    m_language->setObjectName(QStringLiteral("languageCombo"));
    // Language names are shown in their own language, so they are never translated.
    m_language->addItem(QString(), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(Settings::language())));
    connect(m_language, &QComboBox::currentIndexChanged, this, [this](int i) {
        const QString lang = m_language->itemData(i).toString();
        Settings::setLanguage(lang);
        applyLanguage(lang);
    });
    m_pathsLabel->setTextFormat(Qt::PlainText);
    m_pathsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pathsLabel->setWordWrap(true);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Like the language, the AI settings apply when the dialog closes, without an extra step.
    connect(this, &QDialog::finished, m_aiPage, [this] { m_aiPage->save(); });

    auto *general = new QWidget;
    auto *form = new QFormLayout;
    form->addRow(m_languageLabel, m_language);
    auto *generalLayout = new QVBoxLayout(general);
    generalLayout->addLayout(form);
    generalLayout->addWidget(m_pathsLabel);
    generalLayout->addStretch();
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(general, QString());
    m_tabs->addTab(m_aiPage, QString());
    m_tabs->addTab(m_terminalPage, QString());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_buttons);
    setMinimumWidth(600);
    retranslate();
}

void SettingsDialog::retranslate()
{
    setWindowTitle(Tr::tr("Settings"));
    m_languageLabel->setText(Tr::tr("Language:"));
    m_tabs->setTabText(0, Tr::tr("General"));
    m_tabs->setTabText(1, Tr::tr("AI"));
    m_tabs->setTabText(2, Tr::tr("Terminal"));
    m_language->setItemText(0, Tr::tr("System default"));
    m_pathsLabel->setText(Tr::tr("Profiles and settings: %1\nAudit log: %2\nSecrets are kept in the "
                                 "system keychain only.")
                              .arg(Paths::configDir(), Paths::auditDatabase()));
}

void SettingsDialog::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(e);
}

} // namespace Qwq::App
