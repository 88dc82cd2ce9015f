// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redact.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace Qwq::Redact {

namespace {
QString mask() { return QString::fromUtf16(kMask); }

// Replaces capture group `group` of every match for which `accept` holds. A rejected match
// gives its value back to the scan, so "user: password=x" still finds "password=x".
template<typename Accept>
QString replaceGroup(const QString &text, const QRegularExpression &re, int group, Accept accept)
{
    QString out;
    qsizetype last = 0;
    qsizetype offset = 0;
    while (offset < text.size()) {
        // The text was made valid UTF-16 up front: checking it again on every call would
        // make the scan quadratic.
        const QRegularExpressionMatch m = re.match(text, offset, QRegularExpression::NormalMatch,
                                                   QRegularExpression::DontCheckSubjectStringMatchOption);
        if (!m.hasMatch())
            break;
        if (!accept(m)) {
            // Resume at the value when there is one (it may hold a pair of its own), else
            // after the whole match: never one character on, which is quadratic on long runs.
            const qsizetype value = m.capturedStart(group);
            offset = group > 0 && value > m.capturedStart(0) ? value : m.capturedEnd(0);
            offset = std::max(offset, m.capturedStart(0) + 1);
            continue;
        }
        out += QStringView(text).mid(last, m.capturedStart(group) - last);
        out += mask();
        last = m.capturedEnd(group);
        offset = std::max(last, m.capturedStart(0) + 1);
    }
    if (last == 0)
        return text;
    out += QStringView(text).mid(last);
    return out;
}

bool isMaskOrScheme(QStringView value)
{
    return value == mask() || value.compare(u"bearer", Qt::CaseInsensitive) == 0
           || value.compare(u"basic", Qt::CaseInsensitive) == 0;
}
} // namespace

QString validUtf16(const QString &text)
{
    QString out = text;
    const qsizetype n = out.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = out.at(i);
        if (c.isHighSurrogate() && i + 1 < n && out.at(i + 1).isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            out[i] = QChar::ReplacementCharacter;
    }
    return out;
}

bool isSecretKey(const QString &key)
{
    static const QRegularExpression re(
        QStringLiteral("pass(word|wd|phrase)?|secret|token|api[_-]?key|private[_-]?key|"
                       "credential|auth(orization)?$|cookie|session[_-]?id|^pw$|_pw$|^pwd$|^pin$|"
                       "(access|encryption|signing|master|ssh|license)[_-]?key|"
                       "(^|_)dsn$|conn(ection)?[_-]?str(ing)?"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(key).hasMatch();
}

QString maskText(const QString &text)
{
    static const QRegularExpression pem(
        QStringLiteral("-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\\s\\S]*?"
                       "(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$(?![\\s\\S]))"));
    static const QRegularExpression urlPass(QStringLiteral("([a-zA-Z][a-zA-Z0-9+.-]{0,31}://[^:/@\\s]{1,256}:)[^@\\s]{1,256}@"));
    static const QRegularExpression bearer(QStringLiteral("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}"));
    static const QRegularExpression basic(
        QStringLiteral("(?i)(authorization:[ \\t]*basic[ \\t]+)[A-Za-z0-9+/=]{4,}"));
    static const QRegularExpression tokens(QStringLiteral(
        "\\bsk-[A-Za-z0-9_-]{16,}|\\b(AKIA|ASIA)[0-9A-Z]{16}\\b|\\bgh[pousr]_[A-Za-z0-9]{20,}|"
        "\\bgithub_pat_[A-Za-z0-9_]{20,}|\\bxox[abposr]-[A-Za-z0-9-]{10,}|"
        "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"));
    // name=value, name: value, "name": "value" (also --name=value). The value is a quoted
    // string or a run up to a separator. Every repeat is bounded so that long runs without
    // separators (base64, minified text) stay linear.
    static const QRegularExpression pair(QStringLiteral(
        "([\"']?)([A-Za-z_][A-Za-z0-9_.-]{0,63})\\1[ \\t]*[=:][ \\t]*"
        "(\"(?:[^\"\\\\\\n]|\\\\.){0,2048}\"|'[^'\\n]{0,2048}'|[^\\s;,&\"'<>{}\\[\\]]{1,1024})"));
    // --name value (command lines).
    static const QRegularExpression option(
        QStringLiteral("--([A-Za-z_][A-Za-z0-9_.-]{0,63})[ \\t]+([^\\s\"'-][^\\s\"']*)"));
    // Config-file lines "name value" (redis.conf requirepass, my.cnf, …).
    static const QRegularExpression configLine(
        QStringLiteral("^[ \\t]*([A-Za-z_][A-Za-z0-9_.-]{0,63})[ \\t]+(\\S+)[ \\t]*$"),
        QRegularExpression::MultilineOption);

    QString out = validUtf16(text);
    out.replace(pem, mask());
    out.replace(urlPass, QStringLiteral("\\1") + mask() + QLatin1Char('@'));
    out.replace(bearer, QStringLiteral("\\1") + mask());
    out.replace(tokens, mask());
    out.replace(basic, QStringLiteral("\\1") + mask());
    out = replaceGroup(out, pair, 3, [](const QRegularExpressionMatch &m) {
        QStringView v = m.capturedView(3);
        if (v.size() >= 2 && (v.front() == u'"' || v.front() == u'\''))
            v = v.mid(1, v.size() - 2);
        return isSecretKey(m.captured(2)) && !v.isEmpty() && !isMaskOrScheme(v);
    });
    out = replaceGroup(out, option, 2, [](const QRegularExpressionMatch &m) {
        return isSecretKey(m.captured(1)) && !isMaskOrScheme(m.capturedView(2));
    });
    out = replaceGroup(out, configLine, 2, [](const QRegularExpressionMatch &m) {
        return isSecretKey(m.captured(1)) && !isMaskOrScheme(m.capturedView(2));
    });
    return out;
}

QString maskLikelySecrets(const QString &text)
{
    static const QRegularExpression longToken(QStringLiteral("[A-Za-z0-9+/_.-]{20,}={0,2}"));
    return replaceGroup(maskText(text), longToken, 0, [](const QRegularExpressionMatch &m) {
        bool upper = false, lower = false, digit = false;
        for (QChar c : m.capturedView(0)) {
            upper = upper || c.isUpper();
            lower = lower || c.isLower();
            digit = digit || c.isDigit();
        }
        return upper && lower && digit;
    });
}

QJsonValue maskJson(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (isSecretKey(it.key()) && !it.value().isNull() && !it.value().isBool())
                it.value() = mask();
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
