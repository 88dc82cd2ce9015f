// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redact.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace Qwq::Redact {

bool isSecretKey(const QString &key)
{
    static const QRegularExpression re(
        QStringLiteral("pass(word|wd|phrase)?|secret|token|api[_-]?key|private[_-]?key|"
                       "credential|auth(orization)?$|cookie|session[_-]?id|^pw$|_pw$|^pin$"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(key).hasMatch();
}

QString maskText(const QString &text)
{
    static const QRegularExpression pem(
        QStringLiteral("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"));
    static const QRegularExpression urlPass(QStringLiteral("([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\\s]+:)[^@\\s]+@"));
    static const QRegularExpression bearer(QStringLiteral("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}"));
    static const QRegularExpression apiKey(QStringLiteral("\\bsk-[A-Za-z0-9_-]{16,}"));
    const QString mask = QString::fromUtf16(kMask);
    QString out = text;
    out.replace(pem, mask);
    out.replace(urlPass, QStringLiteral("\\1") + mask + QLatin1Char('@'));
    out.replace(bearer, QStringLiteral("\\1") + mask);
    out.replace(apiKey, mask);
    return out;
}

QJsonValue maskJson(const QJsonValue &value)
{
    const QString mask = QString::fromUtf16(kMask);
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (isSecretKey(it.key()) && !it.value().isNull() && !it.value().isBool())
                it.value() = mask;
            else
                it.value() = maskJson(it.value());
        }
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = maskJson(a.at(i));
        return a;
    }
    if (value.isString())
        return maskText(value.toString());
    return value;
}

} // namespace Qwq::Redact
