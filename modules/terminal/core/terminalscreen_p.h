// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Internals of TerminalScreen shared by its three .cpp files.
#pragma once

#include "scrollback.h"
#include "terminalscreen.h"
#include "widthfix.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

#include <vterm.h>

#include <climits>

namespace Qwq::Terminal {

struct TerminalScreen::Impl
{
    VTerm *vt = nullptr;
    VTermState *state = nullptr;
    int rows = 24;
    int cols = 80;

    std::vector<ScreenRow> primary;
    std::vector<ScreenRow> alternate;
    bool altActive = false;
    std::vector<ScreenRow> &screen() { return altActive ? alternate : primary; }
    const std::vector<ScreenRow> &screen() const { return altActive ? alternate : primary; }

    CellStyle pen;
    // The pen plus the open OSC 8 hyperlink: what glyphs are written with.
    CellStyle cellPen;
    int link = 0;
    QStringList links;             // link number - 1 -> URI
    QHash<QString, int> linkIds;   // URI (and id parameter) -> link number
    void updateCellPen()
    {
        cellPen = pen;
        cellPen.flags = quint16((pen.flags & ~CellStyle::LinkMask) | (link << CellStyle::kLinkShift));
    }
    void handleHyperlink(QByteArrayView params, QByteArrayView uri);
    // An OSC string (or CSI) cut by the end of a chunk waits here for the rest: libvterm
    // 0.1.4 loses the part of an OSC string before the cut.
    QByteArray oscCarry;
    ScreenCell blank() const
    {
        ScreenCell c;
        c.style.fg = pen.fg;
        c.style.bg = pen.bg;
        return c;
    }

    Scrollback scrollback{kDefaultScrollback};

    VTermPos cursor{0, 0};
    bool cursorVisible = true;
    bool cursorBlink = false;
    CursorShape cursorShape = CursorShape::Block;
    bool reverseVideo = false;
    MouseMode mouseMode = MouseMode::None;
    QString title;

    // A glyph was written in the last column: if the next one lands at column 0 of the
    // next row, the row was soft-wrapped (libvterm 0.1.4 does not say).
    int wrapRow = -1;
    int wrapCol = -1;

    int damageFirst = INT_MAX;
    int damageLast = -1;
    bool changed = false;
    void damage(int first, int last)
    {
        damageFirst = std::min(damageFirst, first);
        damageLast = std::max(damageLast, last);
        changed = true;
    }

    // Events collected while libvterm runs, emitted after it returns.
    bool titlePending = false;
    bool bellPending = false;
    bool altPending = false;
    bool mousePending = false;
    QStringList clipboardPending;
    bool allowClipboard = false;
    int ignoredClipboard = 0;

    QByteArray out;          // bytes for the writer
    bool probing = false;    // mode probes write here instead
    QByteArray probeOut;
    Writer writer;
    void flushOutput()
    {
        if (!out.isEmpty() && writer) {
            const QByteArray bytes = std::exchange(out, {});
            writer(bytes);
        }
        out.clear();
    }
    QByteArray probe(const std::function<void()> &f) const;

    WidthFix::Rewriter rewriter;

    // Buffer operations (terminalscreen.cpp)
    void putGlyph(const VTermGlyphInfo *info, VTermPos pos);
    bool scrollRect(VTermRect rect, int downward, int rightward);
    void moveRect(VTermRect dest, VTermRect src);
    void erase(VTermRect rect);
    void resizeBuffers(int newRows, int newCols, VTermPos *delta);
    void setAltScreen(bool on);
    void handleOsc(const char *command, size_t len);

    // Text (terminaltext.cpp)
    const ScreenRow &screenRow(int index) const
    {
        return screen()[size_t(index - scrollback.size())];
    }
    TerminalLine screenLine(const ScreenRow &row) const;
    QString screenText(const ScreenRow &row, std::vector<int> *posToCol) const;
};

} // namespace Qwq::Terminal
