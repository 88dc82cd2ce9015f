// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ai/core/providerpreset.h>
#include <profiles/core/secretstore.h>

#include <QDialog>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Qwq::Ai {

class LlmClient;

/// The AI settings: provider preset, base URL, model (with the provider's list), API key
/// (kept in the system keychain only, never in settings), "only a model on this machine",
/// and the token budget per question. "Test connection" asks the provider for its models
/// and shows the result inline. Nothing is saved until save().
class AiSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AiSettingsPage)
public:
    explicit AiSettingsPage(QWidget *parent = nullptr);
    ~AiSettingsPage() override;

    /// The provider as the fields describe it, key included (the typed one, else the stored).
    ProviderConfig currentConfig() const;
    /// Writes settings, and the key to the keychain when it was typed, if the user changed
    /// anything (or `always`). The keychain answers later: `saved` reports the outcome.
    void save(bool always = false);
    bool isChanged() const { return m_changed; }

    void testConnection();
    void fetchModels();

    QComboBox *providerCombo() const { return m_provider; }
    QLineEdit *baseUrlField() const { return m_baseUrl; }
    QComboBox *modelCombo() const { return m_model; }
    QLineEdit *keyField() const { return m_key; }
    QLabel *resultLabel() const { return m_result; }

signals:
    void saved(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void onProviderChanged(int index);
    void readStoredKey();
    void showResult(const QString &text, bool ok);
    void updateLocalHint();

    Profiles::SecretStore m_secrets;
    LlmClient *m_client;
    QFormLayout *m_form;
    QLabel *m_providerLabel;
    QLabel *m_baseUrlLabel;
    QLabel *m_modelLabel;
    QLabel *m_keyLabel;
    QLabel *m_budgetLabel;
    QComboBox *m_provider;
    QLineEdit *m_baseUrl;
    QComboBox *m_model;
    QPushButton *m_fetch;
    QLineEdit *m_key;
    QLabel *m_keyState;
    QCheckBox *m_localOnly;
    QLabel *m_localHint;
    QSpinBox *m_budget;
    QPushButton *m_test;
    QLabel *m_result;
    QString m_storedKey;
    QString m_storedKeyProvider;
    bool m_keyEdited = false;
    bool m_changed = false;
    bool m_loading = false;
};

/// The AI settings on their own, opened from the AI pane's model indicator.
class AiSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AiSettingsDialog)
public:
    explicit AiSettingsDialog(QWidget *parent = nullptr);
    AiSettingsPage *page() const { return m_page; }

private:
    AiSettingsPage *m_page;
};

} // namespace Qwq::Ai
