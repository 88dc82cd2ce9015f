// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace Qwq::Editor {

/// Styles of nginx configuration text. The numbers are the QScintilla style numbers
/// NginxLexer uses: keep them stable.
enum class NginxStyle : int {
    Default = 0,   ///< arguments, whitespace
    Comment = 1,   ///< "# …" to the end of the line
    Directive = 2, ///< the first word of a statement ("listen", "server", "location")
    String = 3,    ///< '…' or "…", may span lines
    Variable = 4,  ///< $name, ${name}, $1 (also inside strings)
    Number = 5,    ///< 80, 10m, 1.5s, 127.0.0.1:8080, 404
    Operator = 6,  ///< { } ;
};

/// A styled run of bytes, positions relative to the text given to the tokenizer.
struct NginxToken
{
    int start = 0;
    int length = 0;
    NginxStyle style = NginxStyle::Default;
    bool operator==(const NginxToken &) const = default;
};

/// A stateful nginx tokenizer over UTF-8 bytes (QScintilla styles bytes). Restartable at any
/// line start from the state of the line before, which NginxLexer keeps per line.
/// Unknown or broken syntax never fails: it is styled Default.
class NginxTokenizer final
{
public:
    /// What carries over a line break. Packs into an int (QScintilla's line state).
    struct State
    {
        bool statementStart = true; ///< the next word is a directive
        char quote = 0;             ///< inside a string opened with this quote
        int toInt() const { return (statementStart ? 1 : 0) | (int(quote) << 8); }
        static State fromInt(int v) { return {bool(v & 1), char((v >> 8) & 0xff)}; }
        bool operator==(const State &) const = default;
    };

    NginxTokenizer();
    explicit NginxTokenizer(State state) : m_state(state) {}

    /// Tokens of one line (with or without its line break). Adjacent bytes of one style are
    /// one token; whitespace is Default.
    QList<NginxToken> tokenizeLine(QByteArrayView line);
    State state() const { return m_state; }

    /// Convenience for tests and tools: every line of a text, positions relative to it.
    static QList<NginxToken> tokenize(QByteArrayView text);

private:
    State m_state;
};

} // namespace Qwq::Editor
