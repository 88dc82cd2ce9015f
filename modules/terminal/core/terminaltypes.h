// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <compare>
#include <vector>

namespace Qwq::Terminal {

/// A cell colour as the program asked for it: the default colour, an index into the
/// 256-colour palette, or 24-bit RGB. Packed into 32 bits so cells stay small; the view
/// resolves it against its theme.
class TermColor
{
public:
    enum class Kind : quint8 { Default, Indexed, Rgb };

    constexpr TermColor() = default;
    static constexpr TermColor indexed(int index)
    {
        return TermColor((quint32(Kind::Indexed) << 24) | quint32(index & 0xff));
    }
    static constexpr TermColor rgb(quint8 r, quint8 g, quint8 b)
    {
        return TermColor((quint32(Kind::Rgb) << 24) | (quint32(r) << 16) | (quint32(g) << 8) | b);
    }
    static constexpr TermColor fromRaw(quint32 raw) { return TermColor(raw); }

    constexpr Kind kind() const { return Kind(m_v >> 24); }
    constexpr bool isDefault() const { return kind() == Kind::Default; }
    constexpr int index() const { return int(m_v & 0xff); }
    /// 0xRRGGBB for Kind::Rgb.
    constexpr quint32 rgbValue() const { return m_v & 0xffffff; }
    constexpr quint32 raw() const { return m_v; }
    constexpr bool operator==(const TermColor &) const = default;

private:
    constexpr explicit TermColor(quint32 v) : m_v(v) {}
    quint32 m_v = 0;
};

/// Rendition of a cell: colours plus SGR attributes.
struct CellStyle
{
    enum Flag : quint16 {
        Bold = 0x01,
        Italic = 0x02,
        UnderlineMask = 0x0c,   // 2 bits: 0 none, 1 single, 2 double, 3 curly
        Reverse = 0x10,
        Strike = 0x20,
        Blink = 0x40,
        /// An OSC 8 hyperlink: the link's number (1..kMaxLinks) in TerminalScreen's table.
        LinkMask = 0xff80,
    };
    static constexpr int kUnderlineShift = 2;
    static constexpr int kLinkShift = 7;
    static constexpr int kMaxLinks = 0x1ff;

    TermColor fg;
    TermColor bg;
    quint16 flags = 0;

    bool bold() const { return flags & Bold; }
    bool italic() const { return flags & Italic; }
    int underline() const { return (flags & UnderlineMask) >> kUnderlineShift; }
    bool reverse() const { return flags & Reverse; }
    bool strike() const { return flags & Strike; }
    bool blink() const { return flags & Blink; }
    int link() const { return (flags & LinkMask) >> kLinkShift; }
    bool operator==(const CellStyle &) const = default;
};

/// One cell of the visible screen, for callers that look at single cells (tests, hit tests).
/// `text` is empty for a blank cell and for the right half of a wide character (width 0).
struct TerminalCell
{
    QString text;   // base character followed by its combining characters
    int width = 1;  // 1, 2 for wide (CJK, emoji), 0 for the right half of a wide character
    CellStyle style;
};

/// A cell inside a decoded line: where its text starts in TerminalLine::text.
struct LineCell
{
    quint16 textPos = 0;
    quint8 textLen = 0;   // 0 = blank (or the right half of a wide character)
    quint8 width = 1;     // 0 = right half of a wide character
    quint16 style = 0;    // index into TerminalLine::styles
};

/// One line of the screen or the scrollback, decoded for painting: the text of all cells
/// concatenated, one LineCell per column, and the distinct styles used.
struct TerminalLine
{
    QString text;
    std::vector<LineCell> cells;
    std::vector<CellStyle> styles;
    bool wrapped = false;   // the line continues on the next one (soft wrap)

    QString cellText(int col) const
    {
        const LineCell &c = cells[size_t(col)];
        return text.mid(c.textPos, c.textLen);
    }
    const CellStyle &style(int col) const { return styles[cells[size_t(col)].style]; }
};

/// A position in the whole buffer: `line` counts from the oldest scrollback line (0) through
/// the screen; `col` is a column.
struct TextPos
{
    int line = 0;
    int col = 0;
    auto operator<=>(const TextPos &) const = default;
};

/// [start, end) in reading order; `end.col` may equal the column count (to the line's end).
struct TextRange
{
    TextPos start;
    TextPos end;
    bool isEmpty() const { return !(start < end); }
    bool contains(TextPos p) const { return start <= p && p < end; }
    bool operator==(const TextRange &) const = default;
};

enum class MouseMode { None, Click, Drag, Move };
enum class CursorShape { Block, Underline, Bar };

/// What to do with the cells of the right half of a wide character and blanks when text
/// is copied: blanks become spaces, trailing blanks are dropped.
QString trimmedLineEnd(const QString &text);

} // namespace Qwq::Terminal
