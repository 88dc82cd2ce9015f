// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpindex.h"

#include "aitr.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace Qwq::Ai {

QString HelpTopic::title(const QString &language) const
{
    return language.startsWith(QLatin1String("zh")) && !titleZh.isEmpty() ? titleZh : titleEn;
}

QString HelpTopic::body(const QString &language) const
{
    return language.startsWith(QLatin1String("zh")) && !bodyZh.isEmpty() ? bodyZh : bodyEn;
}

Result<HelpIndex> HelpIndex::builtIn()
{
    QFile f(QStringLiteral(":/qwq/ai-help.json"));
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Internal, Tr::tr("The bundled help is missing from this build"),
                     f.errorString());
    return fromJson(f.readAll());
}

Result<HelpIndex> HelpIndex::fromJson(const QByteArray &json)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject())
        return Error(ErrorCode::InvalidParam, Tr::tr("The bundled help is not valid JSON"),
                     pe.errorString());
    HelpIndex index;
    const QJsonArray topics = doc.object().value(QStringLiteral("topics")).toArray();
    for (const QJsonValue &v : topics) {
        const QJsonObject o = v.toObject();
        HelpTopic t;
        t.id = o.value(QStringLiteral("id")).toString();
        for (const QJsonValue &k : o.value(QStringLiteral("keywords")).toArray())
            t.keywords << k.toString().toLower();
        const QJsonObject title = o.value(QStringLiteral("title")).toObject();
        const QJsonObject body = o.value(QStringLiteral("body")).toObject();
        t.titleEn = title.value(QStringLiteral("en")).toString();
        t.titleZh = title.value(QStringLiteral("zh_CN")).toString();
        t.bodyEn = body.value(QStringLiteral("en")).toString();
        t.bodyZh = body.value(QStringLiteral("zh_CN")).toString();
        if (t.id.isEmpty() || t.titleEn.isEmpty() || t.bodyEn.isEmpty() || t.keywords.isEmpty())
            return Error(ErrorCode::InvalidParam, Tr::tr("A topic of the bundled help is incomplete"),
                         t.id, {}, QStringLiteral("topics"));
        index.m_topics.append(t);
    }
    return index;
}

QList<HelpTopic> HelpIndex::match(const QString &question, int max) const
{
    const QString q = question.toLower();
    struct Scored { int score; int order; const HelpTopic *topic; };
    QList<Scored> scored;
    for (int i = 0; i < m_topics.size(); ++i) {
        const HelpTopic &t = m_topics.at(i);
        int score = 0;
        for (const QString &k : t.keywords) {
            bool hit = false;
            if (k.front().unicode() < 0x80 && k.back().unicode() < 0x80) {
                // Latin keywords match whole words ("ss" must not match "pass", "load" may
                // match "loads"); Chinese ones anywhere, since Chinese has no spaces.
                const QRegularExpression re(QStringLiteral("(^|[^a-z0-9_])")
                                            + QRegularExpression::escape(k)
                                            + QStringLiteral("(s|es|ed|ing)?($|[^a-z0-9_])"));
                hit = re.match(q).hasMatch();
            } else {
                hit = q.contains(k);
            }
            if (hit)
                score += k.size() > 4 ? 2 : 1;   // longer phrases say more
        }
        if (score > 0)
            scored.append({score, i, &t});
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const Scored &a, const Scored &b) { return a.score > b.score; });
    QList<HelpTopic> out;
    for (const Scored &s : std::as_const(scored)) {
        if (out.size() >= max)
            break;
        out.append(*s.topic);
    }
    return out;
}

} // namespace Qwq::Ai
