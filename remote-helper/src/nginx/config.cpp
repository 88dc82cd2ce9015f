// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The tokenizer and parser (nginx's own word rules), the splicer that edits text in place, and
// the quoting and canonical emitter.
#include "nginx/config.h"

#include <algorithm>
#include <stdexcept>

namespace qwqhelper::nginx {

namespace {

struct Token
{
    enum Kind { Word, Semicolon, Open, Close, End } kind = End;
    std::string value;
    Span span;
    int line = 0;
};

class Lexer
{
public:
    Lexer(const std::string &text, const std::string &file) : m_text(text), m_file(file) {}

    Token next()
    {
        skipSpaceAndComments();
        Token t;
        t.line = m_line;
        t.span.begin = m_pos;
        if (m_pos >= m_text.size()) {
            t.span.end = m_pos;
            return t;
        }
        const char c = m_text[m_pos];
        if (c == ';' || c == '{' || c == '}') {
            ++m_pos;
            t.kind = c == ';' ? Token::Semicolon : c == '{' ? Token::Open : Token::Close;
            t.span.end = m_pos;
            return t;
        }
        t.kind = Token::Word;
        if (c == '"' || c == '\'') {
            ++m_pos;
            while (true) {
                if (m_pos >= m_text.size())
                    throw ParseError(m_file, t.line, "unexpected end of file, expecting a closing quote");
                const char q = m_text[m_pos];
                if (q == '\\' && m_pos + 1 < m_text.size()) {
                    unescape(m_text[m_pos + 1], t.value);
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                if (q == c)
                    break;
                if (q == '\n')
                    ++m_line;
                t.value += q;
            }
            // nginx wants a separator after a closing quote (or the ")" of an if condition)
            if (m_pos < m_text.size()) {
                const char a = m_text[m_pos];
                if (!(a == ' ' || a == '\t' || a == '\r' || a == '\n' || a == ';' || a == '{'
                      || a == ')'))
                    throw ParseError(m_file, m_line, "unexpected \"" + std::string(1, a) + "\"");
            }
            t.span.end = m_pos;
            return t;
        }
        // like nginx, only blanks, ";" and "{" end a bare word ("{" not right after "$": ${var});
        // a "}" inside a word belongs to it
        while (m_pos < m_text.size()) {
            const char w = m_text[m_pos];
            if (w == '{' && m_pos > t.span.begin && m_text[m_pos - 1] == '$') {
                t.value += w;
                ++m_pos;
                continue;
            }
            if (w == ' ' || w == '\t' || w == '\r' || w == '\n' || w == ';' || w == '{')
                break;
            if (w == '\\' && m_pos + 1 < m_text.size()) {
                unescape(m_text[m_pos + 1], t.value);
                m_pos += 2;
                continue;
            }
            t.value += w;
            ++m_pos;
        }
        t.span.end = m_pos;
        return t;
    }

    // OpenResty's *_by_lua_block bodies are Lua, not nginx syntax: the text up to the brace that
    // closes the one just read, skipping Lua strings and comments. Returns the Lua; the closing
    // brace is consumed into `closing`.
    std::string luaBlock(Token &closing)
    {
        const std::size_t start = m_pos;
        int depth = 1;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '\n') {
                ++m_line;
            } else if (c == '"' || c == '\'') {
                for (++m_pos; m_pos < m_text.size() && m_text[m_pos] != c; ++m_pos) {
                    if (m_text[m_pos] == '\\')
                        ++m_pos;
                    else if (m_text[m_pos] == '\n')
                        ++m_line;
                }
            } else if (c == '-' && m_text.compare(m_pos, 2, "--") == 0) {
                while (m_pos < m_text.size() && m_text[m_pos] != '\n')
                    ++m_pos;
                continue;
            } else if (c == '[' && m_text.compare(m_pos, 2, "[[") == 0) {
                const auto end = m_text.find("]]", m_pos + 2);
                const std::size_t stop = end == std::string::npos ? m_text.size() : end + 1;
                for (; m_pos < stop; ++m_pos)
                    if (m_text[m_pos] == '\n')
                        ++m_line;
            } else if (c == '{') {
                ++depth;
            } else if (c == '}' && --depth == 0) {
                closing.kind = Token::Close;
                closing.line = m_line;
                closing.span = {m_pos, m_pos + 1};
                ++m_pos;
                return m_text.substr(start, m_pos - 1 - start);
            }
            ++m_pos;
        }
        throw ParseError(m_file, m_line, "unexpected end of file, expecting \"}\" of a Lua block");
    }

private:
    // nginx resolves \" \' \\ \t \r \n and keeps any other backslash as it is
    void unescape(char e, std::string &out)
    {
        if (e == '"' || e == '\'' || e == '\\')
            out += e;
        else if (e == 't')
            out += '\t';
        else if (e == 'r')
            out += '\r';
        else if (e == 'n')
            out += '\n';
        else {
            out += '\\';
            out += e;
        }
        if (e == '\n')
            ++m_line;
    }

    void skipSpaceAndComments()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '\n') {
                ++m_line;
                ++m_pos;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++m_pos;
            } else if (c == '#') {
                while (m_pos < m_text.size() && m_text[m_pos] != '\n')
                    ++m_pos;
            } else {
                break;
            }
        }
    }

    const std::string &m_text;
    const std::string &m_file;
    std::size_t m_pos = 0;
    int m_line = 1;
};

std::vector<Directive> parseBlock(Lexer &lexer, const std::string &file, bool nested, int depth,
                                  Token &closing)
{
    if (depth > 64)
        throw ParseError(file, closing.line, "blocks nested too deeply");
    std::vector<Directive> list;
    while (true) {
        Token t = lexer.next();
        if (t.kind == Token::End) {
            if (nested)
                throw ParseError(file, t.line, "unexpected end of file, expecting \"}\"");
            return list;
        }
        if (t.kind == Token::Close) {
            if (!nested)
                throw ParseError(file, t.line, "unexpected \"}\"");
            closing = t;
            return list;
        }
        if (t.kind != Token::Word)
            throw ParseError(file, t.line, std::string("unexpected \"")
                                               + (t.kind == Token::Semicolon ? ";" : "{") + "\"");
        Directive d;
        d.name = t.value;
        d.line = t.line;
        d.span.begin = t.span.begin;
        while (true) {
            Token a = lexer.next();
            if (a.kind == Token::Word) {
                d.args.push_back(a.value);
                d.argSpans.push_back(a.span);
                continue;
            }
            if (a.kind == Token::Semicolon) {
                d.span.end = a.span.end;
                break;
            }
            if (a.kind == Token::Open) {
                d.block = true;
                Token close;
                close.line = a.line;
                const std::string lua = "_by_lua_block";
                if (d.name.size() > lua.size()
                    && d.name.compare(d.name.size() - lua.size(), lua.size(), lua) == 0) {
                    d.lua = lexer.luaBlock(close);
                    d.span.end = close.span.end;
                    break;
                }
                d.children = parseBlock(lexer, file, true, depth + 1, close);
                d.span.end = close.span.end;
                break;
            }
            if (a.kind == Token::Close)
                throw ParseError(file, a.line, "unexpected \"}\"");
            throw ParseError(file, a.line, "unexpected end of file, expecting \";\" or \"}\"");
        }
        list.push_back(std::move(d));
    }
}

} // namespace

std::vector<Directive> parse(const std::string &text, const std::string &file)
{
    Lexer lexer(text, file);
    Token none;
    return parseBlock(lexer, file, false, 0, none);
}

std::string splice(const std::string &text, std::vector<Edit> edits)
{
    std::sort(edits.begin(), edits.end(),
              [](const Edit &a, const Edit &b) { return a.span.begin < b.span.begin; });
    std::string out;
    std::size_t pos = 0;
    for (const auto &e : edits) {
        if (e.span.begin < pos || e.span.end > text.size() || e.span.end < e.span.begin)
            throw std::runtime_error("overlapping or out-of-range edit");
        out.append(text, pos, e.span.begin - pos);
        out += e.text;
        pos = e.span.end;
    }
    out.append(text, pos, std::string::npos);
    return out;
}

std::string quoteArg(const std::string &value)
{
    const bool plain = !value.empty() && std::all_of(value.begin(), value.end(), [](unsigned char c) {
        return c > ' ' && c < 0x7f && c != ';' && c != '{' && c != '}' && c != '"' && c != '\''
               && c != '\\' && c != '#';
    });
    if (plain)
        return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

std::string emitCanonical(const std::vector<Directive> &list, int indent)
{
    std::string out;
    const std::string pad(static_cast<std::size_t>(indent) * 4, ' ');
    for (const auto &d : list) {
        out += pad + quoteArg(d.name);
        for (const auto &a : d.args)
            out += " " + quoteArg(a);
        if (!d.block) {
            out += ";\n";
            continue;
        }
        if (!d.lua.empty()) {
            out += " {" + d.lua + "}\n";
            continue;
        }
        out += " {\n" + emitCanonical(d.children, indent + 1) + pad + "}\n";
    }
    return out;
}

} // namespace qwqhelper::nginx
