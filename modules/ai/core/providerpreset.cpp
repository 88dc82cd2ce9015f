// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "providerpreset.h"

#include "aitr.h"

#include <core/core/settings.h>
#include <profiles/core/secretstore.h>

#include <QHostAddress>

namespace Qwq::Ai {

QList<ProviderPreset> ProviderPreset::all()
{
    // Each is the provider's documented OpenAI-compatible endpoint.
    return {
        {QStringLiteral("openai"), QStringLiteral("OpenAI"),
         QStringLiteral("https://api.openai.com/v1"), QStringLiteral("gpt-4o-mini"), true, false, true},
        {QStringLiteral("deepseek"), QStringLiteral("DeepSeek"),
         QStringLiteral("https://api.deepseek.com/v1"), QStringLiteral("deepseek-chat"), true, false, true},
        {QStringLiteral("qwen"), QStringLiteral("Qwen (DashScope)"),
         QStringLiteral("https://dashscope.aliyuncs.com/compatible-mode/v1"), QStringLiteral("qwen-plus"),
         true, false, true},
        {QStringLiteral("moonshot"), QStringLiteral("Moonshot"),
         QStringLiteral("https://api.moonshot.cn/v1"), QStringLiteral("moonshot-v1-8k"), true, false, false},
        {QStringLiteral("ollama"), QStringLiteral("Ollama"),
         QStringLiteral("http://localhost:11434/v1"), QStringLiteral("llama3.1"), false, true, false},
        {QStringLiteral("custom"), QStringLiteral("Custom"), QString(), QString(), false, false, false},
    };
}

ProviderPreset ProviderPreset::byId(const QString &id)
{
    const QList<ProviderPreset> presets = all();
    for (const ProviderPreset &p : presets) {
        if (p.id == id)
            return p;
    }
    return presets.last();
}

ProviderConfig ProviderConfig::fromPreset(const ProviderPreset &preset)
{
    ProviderConfig c;
    c.providerId = preset.id;
    c.baseUrl = QUrl(preset.baseUrl);
    c.model = preset.defaultModel;
    c.streamUsage = preset.streamUsage;
    return c;
}

ProviderConfig ProviderConfig::load()
{
    const QString id = Settings::value(QStringLiteral("ai/provider"), QStringLiteral("openai")).toString();
    ProviderConfig c = fromPreset(ProviderPreset::byId(id));
    const QString base = Settings::value(QStringLiteral("ai/baseUrl")).toString();
    if (!base.isEmpty())
        c.baseUrl = QUrl(base);
    const QString model = Settings::value(QStringLiteral("ai/model")).toString();
    if (!model.isEmpty())
        c.model = model;
    return c;
}

void ProviderConfig::save() const
{
    Settings::setValue(QStringLiteral("ai/provider"), providerId);
    Settings::setValue(QStringLiteral("ai/baseUrl"), baseUrl.toString());
    Settings::setValue(QStringLiteral("ai/model"), model);
}

bool ProviderConfig::isConfigured()
{
    return !Settings::value(QStringLiteral("ai/provider")).toString().isEmpty();
}

bool ProviderConfig::applyEnvironment()
{
    bool changed = false;
    const QString base = qEnvironmentVariable("QWQ_AI_BASE_URL");
    if (!base.isEmpty()) {
        baseUrl = QUrl(base);
        if (providerId != QLatin1String("custom") && QUrl(ProviderPreset::byId(providerId).baseUrl) != baseUrl)
            providerId = QStringLiteral("custom");
        changed = true;
    }
    const QString m = qEnvironmentVariable("QWQ_AI_MODEL");
    if (!m.isEmpty()) {
        model = m;
        changed = true;
    }
    if (qEnvironmentVariableIsSet("QWQ_AI_API_KEY")) {
        apiKey = qEnvironmentVariable("QWQ_AI_API_KEY");
        changed = true;
    }
    return changed;
}

AiOptions AiOptions::load()
{
    AiOptions o;
    o.localOnly = Settings::value(QStringLiteral("ai/localOnly"), false).toBool();
    const qint64 budget = Settings::value(QStringLiteral("ai/tokenBudget"), o.tokenBudget).toLongLong();
    if (budget >= 1000)
        o.tokenBudget = budget;
    return o;
}

void AiOptions::save() const
{
    Settings::setValue(QStringLiteral("ai/localOnly"), localOnly);
    Settings::setValue(QStringLiteral("ai/tokenBudget"), tokenBudget);
}

Result<void> ProviderConfig::validate() const
{
    const QString scheme = baseUrl.scheme();
    if (!baseUrl.isValid() || baseUrl.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return Error(ErrorCode::InvalidParam,
                     Tr::tr("The AI provider address must be an http or https URL"),
                     baseUrl.toDisplayString(), {}, QStringLiteral("baseUrl"));
    if (!baseUrl.userInfo().isEmpty())
        return Error(ErrorCode::InvalidParam,
                     Tr::tr("Put the API key in the key field, not in the provider address"), {},
                     {}, QStringLiteral("baseUrl"));
    if (model.trimmed().isEmpty())
        return Error(ErrorCode::InvalidParam, Tr::tr("Choose a model"), {}, {}, QStringLiteral("model"));
    if (ProviderPreset::byId(providerId).needsKey && apiKey.isEmpty())
        return Error(ErrorCode::Unauthorized,
                     Tr::tr("No API key is set for %1").arg(ProviderPreset::byId(providerId).displayName),
                     {}, {}, QStringLiteral("apiKey"));
    return {};
}

bool ProviderConfig::isLocal() const
{
    const QString host = baseUrl.host();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress a(host);
    return !a.isNull() && a.isLoopback();
}

QUrl ProviderConfig::endpoint(const QString &path) const
{
    QUrl u = baseUrl;
    QString p = u.path();
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    u.setPath(p + QLatin1Char('/') + path);
    return u;
}

QString apiKeySecretName(const QString &providerId)
{
    return QStringLiteral("ai:") + providerId + QStringLiteral("/apiKey");
}

QFuture<Result<QString>> readApiKey(const Profiles::SecretStore &store, const QString &providerId)
{
    return store.read(apiKeySecretName(providerId));
}

QFuture<Result<void>> writeApiKey(const Profiles::SecretStore &store, const QString &providerId,
                                  const QString &key)
{
    return store.write(apiKeySecretName(providerId), key);
}

} // namespace Qwq::Ai
