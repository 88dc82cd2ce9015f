// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverblock.h"

namespace Qwq::Websites {

QList<BlockDirective> serverBlockDirectives(const QString &text, int serverLine)
{
    QList<BlockDirective> out;
    int line = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n && line < serverLine) {
        if (text.at(i) == QLatin1Char('\n'))
            ++line;
        ++i;
    }
    if (line != serverLine)
        return out;

    int depth = 0;            // 1 = directly inside the server block
    bool sawServer = false;
    QStringList words;
    int wordsLine = 0;
    QString word;
    bool inWord = false;
    const auto endWord = [&] {
        if (inWord) {
            if (words.isEmpty())
                wordsLine = line;
            words << word;
            word.clear();
            inWord = false;
        }
    };
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            // A quoted argument (nginx's escapes: \" \' \\); it ends the word it starts.
            const QChar q = c;
            inWord = true;
            ++i;
            while (i < n && text.at(i) != q) {
                if (text.at(i) == QLatin1Char('\\') && i + 1 < n) {
                    ++i;
                }
                if (text.at(i) == QLatin1Char('\n'))
                    ++line;
                word += text.at(i);
                ++i;
            }
            ++i;
            endWord();
            continue;
        }
        if (c == QLatin1Char('#') && !inWord) {
            while (i < n && text.at(i) != QLatin1Char('\n'))
                ++i;
            continue;
        }
        if (c.isSpace()) {
            endWord();
            if (c == QLatin1Char('\n'))
                ++line;
            ++i;
            continue;
        }
        if (c == QLatin1Char(';')) {
            endWord();
            if (depth == 1 && !words.isEmpty())
                out << BlockDirective{words.constFirst(), words.mid(1), wordsLine};
            words.clear();
            ++i;
            continue;
        }
        if (c == QLatin1Char('{')) {
            endWord();
            if (depth == 0) {
                if (words.value(0) != QLatin1String("server"))
                    return {};
                sawServer = true;
            }
            ++depth;
            words.clear();
            ++i;
            continue;
        }
        if (c == QLatin1Char('}')) {
            endWord();
            words.clear();
            --depth;
            ++i;
            if (depth <= 0)
                break;
            continue;
        }
        inWord = true;
        word += c;
        ++i;
    }
    return sawServer ? out : QList<BlockDirective>{};
}

} // namespace Qwq::Websites
