// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the terminal tests: feeding bytes and reading rows and cells back.
#pragma once

#include <terminal/core/terminalscreen.h>

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

namespace TermTest {

using Qwq::Terminal::CellStyle;
using Qwq::Terminal::TermColor;
using Qwq::Terminal::TerminalScreen;

inline void feed(TerminalScreen &s, const QByteArray &bytes)
{
    s.feed(bytes);
}

/// Row `row` of the visible screen, trailing blanks dropped.
inline QString row(const TerminalScreen &s, int row)
{
    return s.lineText(s.scrollbackLines() + row);
}

/// The visible screen as text, one line per row (for failure messages).
inline QString dump(const TerminalScreen &s)
{
    QString out;
    for (int r = 0; r < s.rows(); ++r)
        out += QStringLiteral("%1|%2\n").arg(r, 2).arg(row(s, r));
    return out;
}

inline QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(QWQ_TERMINAL_DATA "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

inline CellStyle style(TermColor fg, TermColor bg = {}, quint16 flags = 0)
{
    CellStyle s;
    s.fg = fg;
    s.bg = bg;
    s.flags = flags;
    return s;
}

} // namespace TermTest

namespace QTest {
template<>
inline char *toString(const Qwq::Terminal::CellStyle &s)
{
    return qstrdup(QStringLiteral("fg=%1 bg=%2 flags=%3")
                       .arg(s.fg.raw(), 8, 16, QLatin1Char('0'))
                       .arg(s.bg.raw(), 8, 16, QLatin1Char('0'))
                       .arg(s.flags, 0, 16)
                       .toUtf8()
                       .constData());
}
template<>
inline char *toString(const Qwq::Terminal::TermColor &c)
{
    return qstrdup(QByteArray::number(c.raw(), 16).constData());
}
} // namespace QTest
