// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmerrors.h"

#include "aitr.h"

#include <core/core/redact.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace Qwq::Ai::LlmErrors {

QString providerMessage(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        const QJsonValue err = o.value(QStringLiteral("error"));
        if (err.isString())
            return err.toString();
        if (err.isObject()) {
            const QJsonObject e = err.toObject();
            QString msg = e.value(QStringLiteral("message")).toString();
            const QJsonValue code = e.value(QStringLiteral("code"));
            const QString c = code.isString() ? code.toString()
                              : code.isDouble() ? QString::number(code.toInt())
                                                : e.value(QStringLiteral("type")).toString();
            if (!c.isEmpty())
                msg += QStringLiteral(" (") + c + QLatin1Char(')');
            return msg;
        }
        if (o.value(QStringLiteral("message")).isString())
            return o.value(QStringLiteral("message")).toString();
    }
    return QString::fromUtf8(body.left(500)).simplified();
}

Error fromHttp(int status, const QString &host, const QString &model, const QByteArray &body)
{
    const QString detail = QStringLiteral("HTTP %1: %2").arg(status).arg(providerMessage(body));
    if (status == 401 || status == 403)
        return Error(ErrorCode::Unauthorized,
                     Tr::tr("The AI provider at %1 refused the API key (HTTP %2)").arg(host).arg(status),
                     detail, Tr::tr("Check the API key in the AI settings."));
    if (status == 404)
        return Error(ErrorCode::AiModelNotFound,
                     Tr::tr("The AI provider at %1 does not know the model “%2” or the address "
                            "(HTTP 404)").arg(host, model),
                     detail, Tr::tr("Pick a model from the provider's list, or check the address."));
    if (status == 400 || status == 413 || status == 422)
        return Error(ErrorCode::InvalidParam,
                     Tr::tr("The AI provider at %1 rejected the request (HTTP %2)").arg(host).arg(status),
                     detail);
    if (status == 429)
        return Error(ErrorCode::AiUnavailable,
                     Tr::tr("The AI provider at %1 is limiting requests (HTTP 429)").arg(host), detail,
                     Tr::tr("Wait a moment, or check the account's quota."));
    return Error(ErrorCode::AiUnavailable,
                 Tr::tr("The AI provider at %1 failed (HTTP %2)").arg(host).arg(status), detail);
}

Error fromNetwork(const QString &host, const QString &errorString)
{
    return Error(ErrorCode::AiUnavailable, Tr::tr("Could not reach the AI provider at %1").arg(host),
                 errorString);
}

Error timeout(TimeoutPhase phase, const QString &host, int ms)
{
    const QString secs = QString::number(double(ms) / 1000.0, 'g', 3);
    switch (phase) {
    case TimeoutPhase::Connect:
        return Error(ErrorCode::Timeout,
                     Tr::tr("The AI provider at %1 did not accept a connection within %2 s").arg(host, secs));
    case TimeoutPhase::FirstByte:
        return Error(ErrorCode::Timeout,
                     Tr::tr("The AI provider at %1 did not start answering within %2 s").arg(host, secs));
    case TimeoutPhase::Idle:
        break;
    }
    return Error(ErrorCode::Timeout,
                 Tr::tr("The AI provider at %1 stopped sending for %2 s in the middle of the answer")
                     .arg(host, secs));
}

bool isRetryableStatus(int status)
{
    return status == 408 || status == 409 || status == 429 || (status >= 500 && status <= 599);
}

QString scrub(const QString &text, const QString &secret)
{
    QString out = text;
    if (secret.size() >= 4)
        out.replace(secret, QString::fromUtf16(Redact::kMask));
    return Redact::maskText(out);
}

} // namespace Qwq::Ai::LlmErrors
