// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nginxlexer.h"

#include "editortheme.h"

#include <editor/core/editortr.h>
#include <editor/core/nginxtokenizer.h>

#include <Qsci/qsciscintilla.h>

#include <QFontDatabase>

namespace Qwq::Editor {

NginxLexer::NginxLexer(QObject *parent)
    : QsciLexerCustom(parent)
{
}

const char *NginxLexer::language() const
{
    return "nginx";
}

QString NginxLexer::description(int style) const
{
    switch (NginxStyle(style)) {
    case NginxStyle::Default: return Tr::tr("Default");
    case NginxStyle::Comment: return Tr::tr("Comment");
    case NginxStyle::Directive: return Tr::tr("Directive");
    case NginxStyle::String: return Tr::tr("String");
    case NginxStyle::Variable: return Tr::tr("Variable");
    case NginxStyle::Number: return Tr::tr("Number");
    case NginxStyle::Operator: return Tr::tr("Operator");
    }
    return {};
}

QColor NginxLexer::defaultColor(int style) const
{
    const EditorColors c = EditorColors::forDark(m_dark);
    switch (NginxStyle(style)) {
    case NginxStyle::Comment: return c.comment;
    case NginxStyle::Directive: return c.keyword;
    case NginxStyle::String: return c.string;
    case NginxStyle::Variable: return c.variable;
    case NginxStyle::Number: return c.number;
    case NginxStyle::Operator: return c.operatorColor;
    case NginxStyle::Default: break;
    }
    return c.text;
}

QFont NginxLexer::defaultFont(int style) const
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (NginxStyle(style) == NginxStyle::Directive)
        f.setBold(true);
    if (NginxStyle(style) == NginxStyle::Comment)
        f.setItalic(true);
    return f;
}

QColor NginxLexer::defaultPaper(int) const
{
    return EditorColors::forDark(m_dark).paper;
}

const char *NginxLexer::keywords(int) const
{
    return nullptr;
}

const char *NginxLexer::wordCharacters() const
{
    return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$";
}

void NginxLexer::setDark(bool dark)
{
    m_dark = dark;
    for (int s = 0; s <= int(NginxStyle::Operator); ++s) {
        setColor(defaultColor(s), s);
        setPaper(defaultPaper(s), s);
        setFont(defaultFont(s), s);
    }
    setDefaultColor(defaultColor(0));
    setDefaultPaper(defaultPaper(0));
}

void NginxLexer::styleText(int start, int end)
{
    QsciScintilla *sci = editor();
    if (!sci)
        return;
    const long length = sci->SendScintilla(QsciScintillaBase::SCI_GETLENGTH);
    const int lineCount = int(sci->SendScintilla(QsciScintillaBase::SCI_GETLINECOUNT));
    int line = int(sci->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION, start));
    NginxTokenizer tokenizer(
        line > 0 ? NginxTokenizer::State::fromInt(
                       int(sci->SendScintilla(QsciScintillaBase::SCI_GETLINESTATE, line - 1)))
                 : NginxTokenizer::State());
    long pos = sci->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, line);
    startStyling(int(pos));
    QByteArray buffer;
    while (line < lineCount) {
        const long lineEnd = line + 1 < lineCount
                                 ? sci->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE,
                                                      line + 1)
                                 : length;
        buffer.resize(lineEnd - pos + 1);
        sci->SendScintilla(QsciScintillaBase::SCI_GETTEXTRANGE, int(pos), int(lineEnd),
                           buffer.data());
        const QList<NginxToken> tokens =
            tokenizer.tokenizeLine(QByteArrayView(buffer.constData(), lineEnd - pos));
        for (const NginxToken &t : tokens)
            setStyling(t.length, int(t.style));
        const int newState = tokenizer.state().toInt();
        const int oldState = int(sci->SendScintilla(QsciScintillaBase::SCI_GETLINESTATE, line));
        sci->SendScintilla(QsciScintillaBase::SCI_SETLINESTATE, line, newState);
        ++line;
        pos = lineEnd;
        if (lineEnd >= end && oldState == newState)
            break;
    }
}

} // namespace Qwq::Editor
