// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "terminaltypes.h"

#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace Qwq::Terminal {

/// A cell of the live screen (16 bytes). `ch` 0 is a blank; `width` 0 marks the right half
/// of a wide character. Combining characters live in the row's side list.
struct ScreenCell
{
    char32_t ch = 0;
    CellStyle style;
    quint8 width = 1;
    quint8 hasCombining = 0;
};

/// A row of the live screen. Rows are moved, not copied, when the screen scrolls.
struct ScreenRow
{
    std::vector<ScreenCell> cells;
    std::vector<std::pair<int, std::u32string>> combining;   // column -> combining chars
    bool wrapped = false;

    const std::u32string *combiningAt(int col) const;
    void setCombining(int col, const char32_t *chars);   // 0-terminated, at most 7 kept; empty removes
    void clearCombining(int from, int to);                // columns [from, to)
    void reset(int cols, const ScreenCell &blank);
};

/// Lines that scrolled off the top of the primary screen, stored compactly: each line is a
/// run of 16-bit words — header, style runs (colours + attributes + length) and UTF-16 text
/// (plus per-cell width/length words only on lines with wide or combined characters) — with
/// trailing blanks dropped. Lines live in blocks of 1024 so the oldest can be dropped
/// cheaply; an 80-column ASCII line costs about 180 bytes.
class Scrollback
{
public:
    explicit Scrollback(int maxLines = 100000);

    int size() const { return m_size; }
    int maxLines() const { return m_maxLines; }
    void setMaxLines(int maxLines);
    /// How many lines have been dropped from the front since construction; lets a view that
    /// shows old lines keep them in place.
    quint64 droppedLines() const { return m_dropped; }
    void clear();

    void push(const ScreenRow &row, int cols);
    /// Takes the newest line back (the screen grew taller). False when empty.
    bool pop(ScreenRow &row, int cols);

    /// Decodes line `index` (0 = oldest) to `cols` columns.
    TerminalLine line(int index, int cols) const;
    /// The text of line `index`, blanks as spaces and trailing blanks dropped; `posToCol`
    /// (if given) gets the column of each UTF-16 position plus one entry for the end.
    QString text(int index, std::vector<int> *posToCol = nullptr) const;
    bool isWrapped(int index) const;

    /// Bytes held by the stored lines (capacity, not just size).
    qint64 memoryUsage() const;

private:
    static constexpr int kBlockLines = 1024;
    struct Block
    {
        std::vector<quint16> data;
        std::vector<quint32> offsets;   // start of each line in data
    };
    const quint16 *lineData(int index) const;
    void dropFront();

    std::deque<Block> m_blocks;
    int m_front = 0;   // lines of m_blocks.front() already dropped
    int m_size = 0;
    int m_maxLines;
    quint64 m_dropped = 0;
    std::vector<quint16> m_scratch;
};

} // namespace Qwq::Terminal
