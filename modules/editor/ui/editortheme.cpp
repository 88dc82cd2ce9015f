// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editortheme.h"

#include <QApplication>
#include <QPalette>

namespace Qwq::Editor {

EditorColors EditorColors::forDark(bool dark)
{
    EditorColors c;
    if (dark) {
        c.paper = QColor(0x1e, 0x1f, 0x22);
        c.text = QColor(0xd4, 0xd4, 0xd4);
        c.caretLine = QColor(0x2a, 0x2b, 0x2f);
        c.selection = QColor(0x26, 0x4f, 0x78);
        c.margin = QColor(0x25, 0x26, 0x29);
        c.marginText = QColor(0x85, 0x85, 0x85);
        c.comment = QColor(0x6a, 0x99, 0x55);
        c.keyword = QColor(0x56, 0x9c, 0xd6);
        c.string = QColor(0xce, 0x91, 0x78);
        c.variable = QColor(0x9c, 0xdc, 0xfe);
        c.number = QColor(0xb5, 0xce, 0xa8);
        c.operatorColor = QColor(0xd7, 0xba, 0x7d);
        c.added = QColor(0x1f, 0x3a, 0x24);
        c.removed = QColor(0x4a, 0x22, 0x24);
        c.addedStrong = QColor(0x2e, 0x5c, 0x37);
        c.removedStrong = QColor(0x78, 0x32, 0x36);
        c.filler = QColor(0x2a, 0x2a, 0x2a);
        c.hunkCurrent = QColor(0xd7, 0xba, 0x7d);
        c.error = QColor(0xf1, 0x4c, 0x4c);
        c.warning = QColor(0xcc, 0xa7, 0x00);
    } else {
        c.paper = QColor(0xff, 0xff, 0xff);
        c.text = QColor(0x1f, 0x1f, 0x1f);
        c.caretLine = QColor(0xf3, 0xf6, 0xfa);
        c.selection = QColor(0xad, 0xd6, 0xff);
        c.margin = QColor(0xf5, 0xf5, 0xf5);
        c.marginText = QColor(0x80, 0x80, 0x80);
        c.comment = QColor(0x00, 0x80, 0x00);
        c.keyword = QColor(0x00, 0x33, 0xb3);
        c.string = QColor(0xa3, 0x15, 0x15);
        c.variable = QColor(0x87, 0x10, 0x94);
        c.number = QColor(0x09, 0x86, 0x58);
        c.operatorColor = QColor(0x80, 0x60, 0x00);
        c.added = QColor(0xe6, 0xff, 0xec);
        c.removed = QColor(0xff, 0xeb, 0xe9);
        c.addedStrong = QColor(0xab, 0xf2, 0xbc);
        c.removedStrong = QColor(0xff, 0xc0, 0xc0);
        c.filler = QColor(0xf0, 0xf0, 0xf0);
        c.hunkCurrent = QColor(0xe0, 0x9a, 0x00);
        c.error = QColor(0xd0, 0x00, 0x00);
        c.warning = QColor(0xb0, 0x80, 0x00);
    }
    return c;
}

bool EditorColors::isDark(EditorTheme theme)
{
    switch (theme) {
    case EditorTheme::Dark: return true;
    case EditorTheme::Light: return false;
    case EditorTheme::Auto: break;
    }
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

} // namespace Qwq::Editor
