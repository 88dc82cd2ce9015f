// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qsci/qscilexercustom.h>

namespace Qwq::Editor {

/// QScintilla lexer for nginx configuration, on top of NginxTokenizer (styles are the
/// NginxStyle numbers). Restyles from the changed line on, carrying the tokenizer's state in
/// QScintilla's per-line state; continues past the requested range only while the state at
/// a line end differs from what was stored (e.g. a quote opened).
class NginxLexer final : public QsciLexerCustom
{
    Q_OBJECT

public:
    explicit NginxLexer(QObject *parent = nullptr);

    const char *language() const override;
    QString description(int style) const override;
    void styleText(int start, int end) override;

    QColor defaultColor(int style) const override;
    QFont defaultFont(int style) const override;
    QColor defaultPaper(int style) const override;
    const char *keywords(int set) const override;
    const char *wordCharacters() const override;

    /// Dark or light default colours (CodeEditor sets it from its theme).
    void setDark(bool dark);
    bool isDark() const { return m_dark; }

private:
    bool m_dark = false;
};

} // namespace Qwq::Editor
