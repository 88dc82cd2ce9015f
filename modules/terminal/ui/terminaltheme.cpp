// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminaltheme.h"

#include <QPalette>

namespace Qwq::Terminal {

TerminalTheme TerminalTheme::dark()
{
    TerminalTheme t;
    t.kind = Kind::Dark;
    t.foreground = QColor(0xd8, 0xdb, 0xe2);
    t.background = QColor(0x1a, 0x1c, 0x22);
    t.cursor = QColor(0xe6, 0xe6, 0xe6);
    t.cursorText = t.background;
    t.selection = QColor(0x3b, 0x4d, 0x6e);
    t.selectionText = QColor(0xf2, 0xf2, 0xf2);
    t.searchHit = QColor(0x8a, 0x6d, 0x1f);
    t.ansi = {QColor(0x2a, 0x2d, 0x35), QColor(0xe0, 0x6a, 0x70), QColor(0x93, 0xc3, 0x6f),
              QColor(0xe3, 0xbd, 0x6e), QColor(0x5e, 0xa8, 0xec), QColor(0xc2, 0x7a, 0xdc),
              QColor(0x4f, 0xb8, 0xc4), QColor(0xc9, 0xcd, 0xd6), QColor(0x63, 0x69, 0x76),
              QColor(0xff, 0x86, 0x8c), QColor(0xb3, 0xe3, 0x8d), QColor(0xff, 0xd8, 0x8c),
              QColor(0x86, 0xc1, 0xff), QColor(0xdc, 0x9c, 0xf2), QColor(0x79, 0xd6, 0xe0),
              QColor(0xff, 0xff, 0xff)};
    return t;
}

TerminalTheme TerminalTheme::light()
{
    TerminalTheme t;
    t.kind = Kind::Light;
    t.foreground = QColor(0x26, 0x28, 0x2c);
    t.background = QColor(0xfb, 0xfb, 0xf9);
    t.cursor = QColor(0x30, 0x30, 0x30);
    t.cursorText = t.background;
    t.selection = QColor(0xb4, 0xd2, 0xf2);
    t.selectionText = QColor(0x10, 0x10, 0x10);
    t.searchHit = QColor(0xf6, 0xd8, 0x6b);
    t.ansi = {QColor(0x26, 0x28, 0x2c), QColor(0xc2, 0x33, 0x2f), QColor(0x2d, 0x85, 0x3a),
              QColor(0x98, 0x6c, 0x00), QColor(0x25, 0x61, 0xc0), QColor(0x98, 0x3b, 0xa6),
              QColor(0x17, 0x7f, 0x8a), QColor(0xb8, 0xb8, 0xb8), QColor(0x6a, 0x6c, 0x70),
              QColor(0xe0, 0x50, 0x4a), QColor(0x3a, 0xa0, 0x4a), QColor(0xb5, 0x88, 0x00),
              QColor(0x3a, 0x7c, 0xe4), QColor(0xb4, 0x52, 0xc0), QColor(0x20, 0x9e, 0xab),
              QColor(0xe8, 0xe8, 0xe8)};
    return t;
}

TerminalTheme TerminalTheme::forPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? dark() : light();
}

QColor TerminalTheme::indexed(int index) const
{
    if (index < 16)
        return ansi[size_t(std::max(index, 0))];
    if (index < 232) {
        static constexpr int levels[] = {0, 95, 135, 175, 215, 255};
        const int i = index - 16;
        return QColor(levels[i / 36], levels[(i / 6) % 6], levels[i % 6]);
    }
    const int grey = 8 + 10 * (std::min(index, 255) - 232);
    return QColor(grey, grey, grey);
}

QColor TerminalTheme::color(TermColor c, bool fg) const
{
    switch (c.kind()) {
    case TermColor::Kind::Default: return fg ? foreground : background;
    case TermColor::Kind::Indexed: return indexed(c.index());
    case TermColor::Kind::Rgb: return QColor::fromRgb(QRgb(0xff000000u | c.rgbValue()));
    }
    return fg ? foreground : background;
}

} // namespace Qwq::Terminal
