// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TerminalScreen's own screen buffer, driven by libvterm's state layer: glyphs, scrolls
// (whole-width ones by moving rows, not cells), rectangle moves, erases, the alternate
// screen and resizing.
#include "terminalscreen_p.h"

#include <algorithm>
#include <cstring>

namespace Qwq::Terminal {

namespace {

bool isBlankRow(const ScreenRow &row)
{
    return std::all_of(row.cells.begin(), row.cells.end(), [](const ScreenCell &c) {
        return (c.ch == 0 || c.ch == U' ') && c.style == CellStyle();
    });
}

} // namespace

void TerminalScreen::Impl::putGlyph(const VTermGlyphInfo *info, VTermPos pos)
{
    if (pos.row < 0 || pos.row >= rows || pos.col < 0 || pos.col >= cols)
        return;
    std::vector<ScreenRow> &buf = screen();
    if (wrapRow >= 0) {
        if (pos.col == 0 && pos.row == wrapRow + 1)
            buf[size_t(wrapRow)].wrapped = true;
        wrapRow = -1;
    }

    ScreenRow &row = buf[size_t(pos.row)];
    ScreenCell *cells = row.cells.data();
    // The common case first: a narrow character without combining marks over a narrow cell
    // (neither half of a wide character, nothing attached to it).
    if (info->width == 1 && info->chars[1] == 0 && cells[pos.col].width == 1
        && !cells[pos.col].hasCombining) {
        ScreenCell &c = cells[pos.col];
        c.ch = WidthFix::unalias(info->chars[0]);
        c.style = cellPen;
        if (pos.col + 1 >= cols) {
            row.wrapped = false;
            wrapRow = pos.row;
            wrapCol = pos.col;
        }
        damage(pos.row, pos.row);
        return;
    }
    const int width = std::clamp(info->width, 1, 2);
    const int end = std::min(pos.col + width, cols);
    // Writing over half of a wide character blanks the other half.
    if (cells[pos.col].width == 0 && pos.col > 0 && cells[pos.col - 1].width == 2) {
        cells[pos.col - 1].ch = 0;
        cells[pos.col - 1].width = 1;
    }
    if (end < cols && cells[end].width == 0) {
        cells[end].ch = 0;
        cells[end].width = 1;
    }

    ScreenCell &c = cells[pos.col];
    c.ch = WidthFix::unalias(info->chars[0]);
    c.style = cellPen;
    c.width = quint8(width);
    if (info->chars[0] && info->chars[1]) {
        row.setCombining(pos.col, reinterpret_cast<const char32_t *>(info->chars + 1));
        c.hasCombining = 1;
    } else if (c.hasCombining) {
        row.setCombining(pos.col, nullptr);
        c.hasCombining = 0;
    }
    if (width == 2 && pos.col + 1 < cols) {
        ScreenCell &right = cells[pos.col + 1];
        if (right.hasCombining)
            row.setCombining(pos.col + 1, nullptr);
        right = ScreenCell();
        right.width = 0;
        right.style = cellPen;
    }
    if (pos.col + width >= cols) {
        row.wrapped = false;
        wrapRow = pos.row;
        wrapCol = pos.col;
    }
    damage(pos.row, pos.row);
}

bool TerminalScreen::Impl::scrollRect(VTermRect rect, int downward, int rightward)
{
    // Only whole-width vertical scrolls are done by moving rows; libvterm falls back to
    // moverect + erase for the rest (left/right margins, ICH/DCH).
    if (rightward != 0 || rect.start_col != 0 || rect.end_col != cols)
        return false;
    const int top = rect.start_row;
    const int bottom = rect.end_row;
    if (bottom - top <= 0 || downward == 0)
        return true;
    std::vector<ScreenRow> &buf = screen();
    const int n = std::min(std::abs(downward), bottom - top);
    const ScreenCell b = blank();
    const auto first = buf.begin() + top;
    const auto last = buf.begin() + bottom;
    if (downward > 0) {
        if (top == 0 && !altActive) {
            for (int i = 0; i < n; ++i)
                scrollback.push(buf[size_t(i)], cols);
        }
        std::rotate(first, first + n, last);
        for (int i = bottom - n; i < bottom; ++i)
            buf[size_t(i)].reset(cols, b);
        if (wrapRow >= top && wrapRow < bottom)
            wrapRow = wrapRow - n >= top ? wrapRow - n : -1;
    } else {
        std::rotate(first, last - n, last);
        for (int i = top; i < top + n; ++i)
            buf[size_t(i)].reset(cols, b);
        if (wrapRow >= top && wrapRow < bottom)
            wrapRow = wrapRow + n < bottom ? wrapRow + n : -1;
    }
    damage(top, bottom - 1);
    return true;
}

void TerminalScreen::Impl::moveRect(VTermRect dest, VTermRect src)
{
    std::vector<ScreenRow> &buf = screen();
    const int height = dest.end_row - dest.start_row;
    const int width = dest.end_col - dest.start_col;
    if (height <= 0 || width <= 0)
        return;
    auto copyRow = [&](int i) {
        const ScreenRow &from = buf[size_t(src.start_row + i)];
        ScreenRow &to = buf[size_t(dest.start_row + i)];
        std::vector<std::pair<int, std::u32string>> moved;
        for (const auto &e : from.combining) {
            if (e.first >= src.start_col && e.first < src.end_col)
                moved.emplace_back(e.first - src.start_col + dest.start_col, e.second);
        }
        // ScreenCell is trivially copyable and the ranges may overlap within a row.
        std::memmove(to.cells.data() + dest.start_col, from.cells.data() + src.start_col,
                     size_t(width) * sizeof(ScreenCell));
        to.clearCombining(dest.start_col, dest.end_col);
        to.combining.insert(to.combining.end(), moved.begin(), moved.end());
    };
    if (dest.start_row <= src.start_row) {
        for (int i = 0; i < height; ++i)
            copyRow(i);
    } else {
        for (int i = height - 1; i >= 0; --i)
            copyRow(i);
    }
    damage(dest.start_row, dest.end_row - 1);
}

void TerminalScreen::Impl::erase(VTermRect rect)
{
    std::vector<ScreenRow> &buf = screen();
    const ScreenCell b = blank();
    const int from = std::clamp(rect.start_col, 0, cols);
    const int to = std::clamp(rect.end_col, 0, cols);
    for (int r = std::max(0, rect.start_row); r < std::min(rect.end_row, rows); ++r) {
        ScreenRow &row = buf[size_t(r)];
        ScreenCell *cells = row.cells.data();
        if (from > 0 && from < cols && cells[from].width == 0) {
            cells[from - 1].ch = 0;
            cells[from - 1].width = 1;
        }
        if (to < cols && cells[to].width == 0) {
            cells[to].ch = 0;
            cells[to].width = 1;
        }
        std::fill(cells + from, cells + to, b);
        row.clearCombining(from, to);
        if (from == 0 && to == cols)
            row.wrapped = false;
    }
    damage(rect.start_row, rect.end_row - 1);
}

void TerminalScreen::Impl::setAltScreen(bool on)
{
    if (on == altActive)
        return;
    altActive = on;
    if (on) {
        for (ScreenRow &r : alternate)
            r.reset(cols, blank());
    }
    wrapRow = -1;
    altPending = true;
    damage(0, rows - 1);
}

void TerminalScreen::Impl::resizeBuffers(int newRows, int newCols, VTermPos *delta)
{
    for (auto *buf : {&primary, &alternate}) {
        for (ScreenRow &row : *buf) {
            const int old = int(row.cells.size());
            row.cells.resize(size_t(newCols), ScreenCell());
            if (newCols < old) {
                row.clearCombining(newCols, INT_MAX);
                if (row.cells.back().width == 2) {
                    row.cells.back().ch = 0;
                    row.cells.back().width = 1;
                }
            }
        }
    }
    const int oldRows = rows;
    if (newRows < oldRows) {
        // The primary screen keeps the rows around the cursor: blank rows below it go
        // first, then rows from the top move to the scrollback.
        int keepUpTo = altActive ? 0 : cursor.row;
        if (altActive) {
            for (int r = oldRows - 1; r >= 0; --r) {
                if (!isBlankRow(primary[size_t(r)])) {
                    keepUpTo = r;
                    break;
                }
            }
        }
        int below = 0;
        for (int r = oldRows - 1; r > keepUpTo && below < oldRows - newRows; --r, ++below) {
            if (!isBlankRow(primary[size_t(r)]))
                break;
        }
        primary.resize(size_t(oldRows - below));
        const int fromTop = oldRows - newRows - below;
        for (int i = 0; i < fromTop; ++i)
            scrollback.push(primary[size_t(i)], newCols);
        primary.erase(primary.begin(), primary.begin() + fromTop);
        alternate.resize(size_t(newRows));
        if (!altActive)
            delta->row = -fromTop;
    } else if (newRows > oldRows) {
        int pulled = 0;
        if (!altActive) {
            while (pulled < newRows - oldRows && scrollback.size() > 0) {
                ScreenRow r;
                scrollback.pop(r, newCols);
                primary.insert(primary.begin(), std::move(r));
                ++pulled;
            }
            delta->row = pulled;
        }
        for (auto *buf : {&primary, &alternate}) {
            while (int(buf->size()) < newRows) {
                buf->emplace_back();
                buf->back().reset(newCols, ScreenCell());
            }
        }
    }
    rows = newRows;
    cols = newCols;
    wrapRow = -1;
    damage(0, rows - 1);
}

} // namespace Qwq::Terminal
