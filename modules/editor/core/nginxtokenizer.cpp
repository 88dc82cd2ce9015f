// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nginxtokenizer.h"

namespace Qwq::Editor {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isVarChar(char c) { return isAlpha(c) || isDigit(c) || c == '_'; }
bool endsWord(char c) { return isSpace(c) || c == ';' || c == '{' || c == '}' || c == '#'; }

// "80", "10m", "1.5s", "500ms", "127.0.0.1:8080", "[::1]:443" is left Default.
bool isNumberWord(QByteArrayView w)
{
    qsizetype i = 0;
    if (w.isEmpty() || !isDigit(w[0]))
        return false;
    while (i < w.size() && (isDigit(w[i]) || w[i] == '.'))
        ++i;
    if (i < w.size() && w[i] == ':') { // address:port
        ++i;
        if (i == w.size())
            return false;
        while (i < w.size() && isDigit(w[i]))
            ++i;
        return i == w.size();
    }
    const qsizetype unitStart = i;
    while (i < w.size() && isAlpha(w[i]))
        ++i;
    return i == w.size() && i - unitStart <= 2;
}

class Emitter
{
public:
    explicit Emitter(QList<NginxToken> &out) : m_out(out) {}
    void add(qsizetype start, qsizetype length, NginxStyle style)
    {
        if (length <= 0)
            return;
        if (!m_out.isEmpty() && m_out.last().style == style
            && m_out.last().start + m_out.last().length == start) {
            m_out.last().length += int(length);
            return;
        }
        m_out.append({int(start), int(length), style});
    }

private:
    QList<NginxToken> &m_out;
};

// Styles the variables inside [from, to) of a string or word; the rest gets `base`.
void addWithVariables(Emitter &e, QByteArrayView line, qsizetype from, qsizetype to,
                      NginxStyle base)
{
    qsizetype runStart = from;
    qsizetype i = from;
    while (i < to) {
        if (line[i] == '\\' && i + 1 < to) {
            i += 2;
            continue;
        }
        if (line[i] == '$' && i + 1 < to) {
            qsizetype j = i + 1;
            if (line[j] == '{') {
                while (j < to && line[j] != '}')
                    ++j;
                if (j < to)
                    ++j;
            } else {
                while (j < to && isVarChar(line[j]))
                    ++j;
            }
            if (j > i + 1) {
                e.add(runStart, i - runStart, base);
                e.add(i, j - i, NginxStyle::Variable);
                runStart = i = j;
                continue;
            }
        }
        ++i;
    }
    e.add(runStart, to - runStart, base);
}

} // namespace

NginxTokenizer::NginxTokenizer() = default;

QList<NginxToken> NginxTokenizer::tokenizeLine(QByteArrayView line)
{
    QList<NginxToken> out;
    Emitter e(out);
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n) {
        if (m_state.quote) {
            qsizetype j = i;
            while (j < n && line[j] != m_state.quote) {
                if (line[j] == '\\' && j + 1 < n)
                    ++j;
                ++j;
            }
            if (j < n) {
                ++j; // the closing quote
                m_state.quote = 0;
            }
            addWithVariables(e, line, i, j, NginxStyle::String);
            i = j;
            continue;
        }
        const char c = line[i];
        if (isSpace(c)) {
            e.add(i, 1, NginxStyle::Default);
            ++i;
        } else if (c == '#') {
            qsizetype j = i;
            while (j < n && line[j] != '\n' && line[j] != '\r')
                ++j;
            e.add(i, j - i, NginxStyle::Comment);
            i = j;
        } else if (c == ';' || c == '{' || c == '}') {
            e.add(i, 1, NginxStyle::Operator);
            m_state.statementStart = true;
            ++i;
        } else if (c == '"' || c == '\'') {
            m_state.quote = c;
            m_state.statementStart = false;
            // The opening quote is styled with the string.
            qsizetype j = i + 1;
            while (j < n && line[j] != c) {
                if (line[j] == '\\' && j + 1 < n)
                    ++j;
                ++j;
            }
            if (j < n) {
                ++j;
                m_state.quote = 0;
            }
            addWithVariables(e, line, i, j, NginxStyle::String);
            i = j;
        } else {
            qsizetype j = i;
            while (j < n && !endsWord(line[j])) {
                if ((line[j] == '"' || line[j] == '\'') && j > i)
                    break;
                if (line[j] == '\\' && j + 1 < n)
                    ++j;
                if (line[j] == '$' && j + 1 < n && line[j + 1] == '{') { // ${name} in a word
                    while (j < n && line[j] != '}')
                        ++j;
                }
                ++j;
            }
            j = qMin(j, n);
            const QByteArrayView word = line.sliced(i, j - i);
            if (m_state.statementStart) {
                e.add(i, j - i, NginxStyle::Directive);
                m_state.statementStart = false;
            } else if (isNumberWord(word)) {
                e.add(i, j - i, NginxStyle::Number);
            } else {
                addWithVariables(e, line, i, j, NginxStyle::Default);
            }
            i = j;
        }
    }
    return out;
}

QList<NginxToken> NginxTokenizer::tokenize(QByteArrayView text)
{
    NginxTokenizer t;
    QList<NginxToken> out;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        end = end < 0 ? text.size() : end + 1;
        const QList<NginxToken> line = t.tokenizeLine(text.sliced(pos, end - pos));
        for (NginxToken tok : line) {
            tok.start += int(pos);
            if (!out.isEmpty() && out.last().style == tok.style
                && out.last().start + out.last().length == tok.start)
                out.last().length += tok.length;
            else
                out.append(tok);
        }
        pos = end;
    }
    return out;
}

} // namespace Qwq::Editor
