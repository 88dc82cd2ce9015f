// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QFuture>
#include <QList>
#include <QString>
#include <QUrl>

namespace Qwq::Profiles {
class SecretStore;
}

namespace Qwq::Ai {

/// A known OpenAI-compatible provider: where it lives, a sensible default model, and whether
/// it needs an API key. "custom" takes any base URL.
struct ProviderPreset
{
    QString id;              // "openai", "deepseek", "qwen", "moonshot", "ollama", "custom"
    QString displayName;     // a product name, not translated
    QString baseUrl;         // up to and including /v1 (or the provider's equivalent)
    QString defaultModel;
    bool needsKey = true;
    bool local = false;      // runs on this machine: nothing leaves it
    bool streamUsage = true; // accepts stream_options.include_usage

    static QList<ProviderPreset> all();
    /// The preset with this id, or the "custom" one.
    static ProviderPreset byId(const QString &id);
};

/// What the client needs to talk to one provider. The API key is held in memory only: it is
/// read from the keychain, never from or to settings, and never logged.
struct ProviderConfig
{
    QString providerId = QStringLiteral("openai");
    QUrl baseUrl;
    QString model;
    QString apiKey;
    bool streamUsage = true;

    /// A config from a preset (base URL and model filled in; no key).
    static ProviderConfig fromPreset(const ProviderPreset &preset);
    /// The non-secret part from settings (ai/provider, ai/baseUrl, ai/model).
    static ProviderConfig load();
    void save() const;   // writes everything but the key
    /// Whether the user has chosen a provider in the settings at all.
    static bool isConfigured();
    /// For scripts and tests (qwqctl): QWQ_AI_BASE_URL, QWQ_AI_MODEL and QWQ_AI_API_KEY
    /// override the base URL, model and key when set. A base URL from the environment makes
    /// the provider "custom". Returns whether anything was overridden.
    bool applyEnvironment();

    /// Checks the base URL (http/https, a host) and that a key is there when needed.
    Result<void> validate() const;
    bool isLocal() const;

    QUrl endpoint(const QString &path) const;   // base + "/" + path
};

/// The pane's options beside the provider (settings ai/localOnly, ai/tokenBudget).
struct AiOptions
{
    bool localOnly = false;           // only use a model on this machine (nothing leaves it)
    qint64 tokenBudget = 200000;      // per question

    static AiOptions load();
    void save() const;
};

/// The keychain entry of a provider's key: "ai:<providerId>/apiKey".
QString apiKeySecretName(const QString &providerId);
/// Reads the key (NotFound when none is stored).
QFuture<Result<QString>> readApiKey(const Profiles::SecretStore &store, const QString &providerId);
QFuture<Result<void>> writeApiKey(const Profiles::SecretStore &store, const QString &providerId,
                                  const QString &key);

} // namespace Qwq::Ai
