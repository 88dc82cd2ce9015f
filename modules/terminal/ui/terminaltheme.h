// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <terminal/core/terminaltypes.h>

#include <QColor>

#include <array>

class QPalette;

namespace Qwq::Terminal {

/// The colours a TerminalView paints with: default foreground/background, cursor, selection,
/// search hits and the 16 ANSI colours; indices 16–255 are the standard xterm cube and grey
/// ramp, truecolour is used as given.
struct TerminalTheme
{
    enum class Kind { Dark, Light };

    Kind kind = Kind::Dark;
    QColor foreground;
    QColor background;
    QColor cursor;
    QColor cursorText;
    QColor selection;
    QColor selectionText;
    QColor searchHit;
    std::array<QColor, 16> ansi;

    static TerminalTheme dark();
    static TerminalTheme light();
    /// Dark or light to match the application palette.
    static TerminalTheme forPalette(const QPalette &palette);

    /// `c` as a colour: `foreground` says which default to use.
    QColor color(TermColor c, bool foreground) const;
    /// The xterm colour for palette index 16..255 (and the theme's for 0..15).
    QColor indexed(int index) const;
};

} // namespace Qwq::Terminal
