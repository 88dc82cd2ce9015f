// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aisettingspage.h"

#include <ai/core/aitr.h>
#include <ai/core/llmclient.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Qwq::Ai {

AiSettingsPage::AiSettingsPage(QWidget *parent)
    : QWidget(parent), m_client(new LlmClient(nullptr, this))
{
    setObjectName(QStringLiteral("aiSettingsPage"));
    // A settings check should answer quickly and say so, not retry for a minute.
    m_client->setRetryPolicy({1, 0, 0, 0});
    m_client->setTimeouts({10000, 20000, 20000});

    m_provider = new QComboBox(this);
    m_provider->setObjectName(QStringLiteral("aiProvider"));
    for (const ProviderPreset &p : ProviderPreset::all())
        m_provider->addItem(p.displayName, p.id);
    m_baseUrl = new QLineEdit(this);
    m_baseUrl->setObjectName(QStringLiteral("aiBaseUrl"));
    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("aiModel"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_fetch = new QPushButton(this);
    m_fetch->setObjectName(QStringLiteral("aiFetchModels"));
    auto *modelRow = new QHBoxLayout;
    modelRow->addWidget(m_model, 1);
    modelRow->addWidget(m_fetch);
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("aiApiKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_keyState = new QLabel(this);
    m_keyState->setTextFormat(Qt::PlainText);
    m_keyState->setWordWrap(true);
    m_localOnly = new QCheckBox(this);
    m_localOnly->setObjectName(QStringLiteral("aiLocalOnly"));
    m_localHint = new QLabel(this);
    m_localHint->setWordWrap(true);
    m_localHint->setStyleSheet(QStringLiteral("QLabel { color: #b45309; }"));
    m_budget = new QSpinBox(this);
    m_budget->setObjectName(QStringLiteral("aiTokenBudget"));
    m_budget->setRange(1000, 5000000);
    m_budget->setSingleStep(10000);
    m_budget->setGroupSeparatorShown(true);
    m_test = new QPushButton(this);
    m_test->setObjectName(QStringLiteral("aiTestConnection"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("aiTestResult"));
    m_result->setTextFormat(Qt::PlainText);   // may quote the provider
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_result, 1);

    m_providerLabel = new QLabel(this);
    m_baseUrlLabel = new QLabel(this);
    m_modelLabel = new QLabel(this);
    m_keyLabel = new QLabel(this);
    m_budgetLabel = new QLabel(this);
    m_form = new QFormLayout;
    m_form->addRow(m_providerLabel, m_provider);
    m_form->addRow(m_baseUrlLabel, m_baseUrl);
    m_form->addRow(m_modelLabel, modelRow);
    m_form->addRow(m_keyLabel, m_key);
    m_form->addRow(new QLabel(this), m_keyState);
    m_form->addRow(new QLabel(this), m_localOnly);
    m_form->addRow(new QLabel(this), m_localHint);
    m_form->addRow(m_budgetLabel, m_budget);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addLayout(testRow);
    layout->addStretch();

    m_loading = true;
    const ProviderConfig c = ProviderConfig::load();
    m_provider->setCurrentIndex(qMax(0, m_provider->findData(c.providerId)));
    m_baseUrl->setText(c.baseUrl.toString());
    m_model->setEditText(c.model);
    const AiOptions o = AiOptions::load();
    m_localOnly->setChecked(o.localOnly);
    m_budget->setValue(int(qMin<qint64>(o.tokenBudget, m_budget->maximum())));
    m_loading = false;

    connect(m_provider, &QComboBox::currentIndexChanged, this, &AiSettingsPage::onProviderChanged);
    connect(m_key, &QLineEdit::textEdited, this, [this] { m_keyEdited = m_changed = true; });
    const auto changed = [this] { m_changed = true; };
    connect(m_provider, &QComboBox::activated, this, changed);
    connect(m_baseUrl, &QLineEdit::textEdited, this, changed);
    connect(m_model, &QComboBox::editTextChanged, this, changed);
    connect(m_localOnly, &QCheckBox::toggled, this, changed);
    connect(m_budget, &QSpinBox::valueChanged, this, changed);
    connect(m_fetch, &QPushButton::clicked, this, &AiSettingsPage::fetchModels);
    connect(m_test, &QPushButton::clicked, this, &AiSettingsPage::testConnection);
    connect(m_localOnly, &QCheckBox::toggled, this, &AiSettingsPage::updateLocalHint);
    connect(m_baseUrl, &QLineEdit::textChanged, this, &AiSettingsPage::updateLocalHint);
    retranslate();
    readStoredKey();
}

AiSettingsPage::~AiSettingsPage() = default;

ProviderConfig AiSettingsPage::currentConfig() const
{
    const QString provider = m_provider->currentData().toString();
    ProviderConfig c = ProviderConfig::fromPreset(ProviderPreset::byId(provider));
    c.baseUrl = QUrl(m_baseUrl->text().trimmed());
    c.model = m_model->currentText().trimmed();
    if (m_keyEdited)
        c.apiKey = m_key->text().trimmed();
    else if (m_storedKeyProvider == c.providerId)
        c.apiKey = m_storedKey;
    return c;
}

void AiSettingsPage::onProviderChanged(int)
{
    if (m_loading)
        return;
    const ProviderPreset p = ProviderPreset::byId(m_provider->currentData().toString());
    m_baseUrl->setText(p.baseUrl);
    m_model->clear();
    m_model->setEditText(p.defaultModel);
    m_key->clear();
    m_keyEdited = false;
    m_result->clear();
    readStoredKey();
    retranslate();
}

void AiSettingsPage::readStoredKey()
{
    const QString provider = m_provider->currentData().toString();
    m_storedKey.clear();
    m_storedKeyProvider.clear();
    m_keyState->setText(Tr::tr("Reading the keychain…"));
    readApiKey(m_secrets, provider).then(this, [this, provider](const Result<QString> &r) {
        if (provider != m_provider->currentData().toString())
            return;   // the user picked another provider meanwhile
        const bool needsKey = ProviderPreset::byId(provider).needsKey;
        if (r) {
            m_storedKey = *r;
            m_storedKeyProvider = provider;
            m_keyState->setText(Tr::tr("A key is stored in the system keychain. Type a new one "
                                       "to replace it."));
        } else if (r.error().code == ErrorCode::NotFound || !needsKey) {
            m_keyState->setText(needsKey ? Tr::tr("No key is stored yet. It will be kept in the "
                                                  "system keychain, never in a file.")
                                         : Tr::tr("This provider needs no key."));
        } else {
            m_keyState->setText(Tr::tr("The system keychain is not available: %1")
                                    .arg(r.error().message));
        }
    });
}

void AiSettingsPage::save(bool always)
{
    if (!m_changed && !always)
        return;   // opening the settings must not count as choosing a provider
    m_changed = false;
    ProviderConfig c = currentConfig();
    c.save();
    AiOptions o;
    o.localOnly = m_localOnly->isChecked();
    o.tokenBudget = m_budget->value();
    o.save();
    if (!m_keyEdited) {
        emit saved(true, {});
        return;
    }
    m_keyEdited = false;
    const QString key = m_key->text().trimmed();
    auto done = [this, key, provider = c.providerId](const Result<void> &r) {
        if (!r) {
            showResult(r.error().message, false);
            emit saved(false, r.error().message);
            return;
        }
        m_storedKey = key;
        m_storedKeyProvider = provider;
        m_key->clear();
        readStoredKey();
        emit saved(true, {});
    };
    if (key.isEmpty())
        m_secrets.remove(apiKeySecretName(c.providerId)).then(this, done);
    else
        writeApiKey(m_secrets, c.providerId, key).then(this, done);
}

void AiSettingsPage::showResult(const QString &text, bool ok)
{
    m_result->setStyleSheet(ok ? QStringLiteral("QLabel { color: #2e7d32; }")
                               : QStringLiteral("QLabel { color: #c62828; }"));
    m_result->setText(text);
}

void AiSettingsPage::fetchModels()
{
    ProviderConfig c = currentConfig();
    c.model = c.model.isEmpty() ? QStringLiteral("-") : c.model;   // not needed for the list
    if (auto v = c.validate(); !v)
        return showResult(v.error().message, false);
    m_client->setConfig(c);
    m_fetch->setEnabled(false);
    showResult(Tr::tr("Asking %1 for its models…").arg(c.baseUrl.host()), true);
    m_client->listModels().then(this, [this](const Result<QStringList> &r) {
        m_fetch->setEnabled(true);
        if (!r)
            return showResult(r.error().message, false);
        const QString current = m_model->currentText();
        m_model->clear();
        m_model->addItems(*r);
        m_model->setEditText(current.isEmpty() && !r->isEmpty() ? r->first() : current);
        showResult(Tr::tr("%1 models available.").arg(r->size()), true);
    });
}

void AiSettingsPage::testConnection()
{
    const ProviderConfig c = currentConfig();
    if (auto v = c.validate(); !v)
        return showResult(v.error().message, false);
    m_client->setConfig(c);
    m_test->setEnabled(false);
    showResult(Tr::tr("Connecting to %1…").arg(c.baseUrl.host()), true);
    m_client->listModels().then(this, [this, c](const Result<QStringList> &r) {
        m_test->setEnabled(true);
        if (!r) {
            const Error &e = r.error();
            return showResult(e.hint.isEmpty() ? e.message : Tr::tr("%1. %2").arg(e.message, e.hint),
                              false);
        }
        if (r->contains(c.model))
            showResult(Tr::tr("Connected to %1; the model “%2” is available.")
                           .arg(c.baseUrl.host(), c.model),
                       true);
        else
            showResult(Tr::tr("Connected to %1, but it does not list the model “%2” (%3 models "
                              "listed).").arg(c.baseUrl.host(), c.model).arg(r->size()),
                       false);
    });
}

void AiSettingsPage::updateLocalHint()
{
    ProviderConfig c;
    c.baseUrl = QUrl(m_baseUrl->text().trimmed());
    const bool conflict = m_localOnly->isChecked() && !c.isLocal();
    m_form->setRowVisible(m_localHint, conflict);
    m_localHint->setText(Tr::tr("This address is not on this machine: with this option on, the "
                                "AI pane will not use it."));
}

void AiSettingsPage::retranslate()
{
    m_providerLabel->setText(Tr::tr("Provider:"));
    m_baseUrlLabel->setText(Tr::tr("Address:"));
    m_modelLabel->setText(Tr::tr("Model:"));
    m_keyLabel->setText(Tr::tr("API key:"));
    m_budgetLabel->setText(Tr::tr("Token budget:"));
    const int custom = m_provider->findData(QStringLiteral("custom"));
    if (custom >= 0)
        m_provider->setItemText(custom, Tr::tr("Other (any OpenAI-compatible address)"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://…/v1"));
    m_fetch->setText(Tr::tr("Fetch Models"));
    m_key->setPlaceholderText(ProviderPreset::byId(m_provider->currentData().toString()).needsKey
                                  ? Tr::tr("Paste the provider's API key")
                                  : Tr::tr("Optional"));
    m_localOnly->setText(Tr::tr("Only use a model on this machine (nothing leaves it)"));
    m_budget->setSuffix(Tr::tr(" tokens per question"));
    m_test->setText(Tr::tr("Test Connection"));
    updateLocalHint();
}

void AiSettingsPage::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

AiSettingsDialog::AiSettingsDialog(QWidget *parent) : QDialog(parent), m_page(new AiSettingsPage(this))
{
    setObjectName(QStringLiteral("aiSettingsDialog"));
    setWindowTitle(Tr::tr("AI Settings"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        m_page->save(true);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_page);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

} // namespace Qwq::Ai
