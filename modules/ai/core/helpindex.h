// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace Qwq::Ai {

/// One how-to of the bundled help: commands for a common operations question.
struct HelpTopic
{
    QString id;
    QStringList keywords;   // lower case, English and Chinese
    QString titleEn;
    QString titleZh;
    QString bodyEn;         // Markdown
    QString bodyZh;

    /// The title and body in `language` ("zh…" picks Chinese, anything else English).
    QString title(const QString &language) const;
    QString body(const QString &language) const;
};

/// The offline help the AI pane offers when no model is reachable: a small index of
/// commands and how-tos (resources/aihelp/ai-help.json, built in as :/qwq/ai-help.json),
/// matched by keywords against the user's question. GUI-free; qwqctl uses it too.
class HelpIndex final
{
public:
    /// Loads the built-in index (InvalidParam naming the topic when the file is malformed).
    static Result<HelpIndex> builtIn();
    static Result<HelpIndex> fromJson(const QByteArray &json);

    const QList<HelpTopic> &topics() const { return m_topics; }
    /// The topics whose keywords the question mentions, best first, at most `max`. Empty when
    /// nothing matches.
    QList<HelpTopic> match(const QString &question, int max = 3) const;

private:
    QList<HelpTopic> m_topics;
};

} // namespace Qwq::Ai
