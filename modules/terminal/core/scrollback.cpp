// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrollback.h"

#include <algorithm>

namespace Qwq::Terminal {

// Line layout (16-bit words):
//   [0] stored columns (trailing default blanks dropped)   [1] flags   [2] run count
//   runs: fg lo, fg hi, bg lo, bg hi, attribute flags, columns
//   simple lines: one UTF-16 unit per column
//   complex lines: per cell (right halves of wide characters skipped) a word
//   (width << 8 | units) followed by that many UTF-16 units (0 units = blank)
namespace {
constexpr quint16 kWrapped = 0x1;
constexpr quint16 kComplex = 0x2;
constexpr int kHeader = 3;
constexpr int kRunWords = 6;

bool isTrailingBlank(const ScreenCell &c)
{
    return (c.ch == 0 || c.ch == U' ') && !c.hasCombining && c.width == 1 && c.style == CellStyle();
}

quint16 *appendUtf16(quint16 *out, char32_t cp)
{
    if (cp >= 0x10000) {
        cp -= 0x10000;
        *out++ = quint16(0xd800 + (cp >> 10));
        *out++ = quint16(0xdc00 + (cp & 0x3ff));
    } else {
        *out++ = quint16(cp);
    }
    return out;
}

char32_t firstCodePoint(const quint16 *u, int n)
{
    if (n >= 2 && QChar::isHighSurrogate(u[0]) && QChar::isLowSurrogate(u[1]))
        return QChar::surrogateToUcs4(u[0], u[1]);
    return n > 0 ? u[0] : 0;
}
} // namespace

const std::u32string *ScreenRow::combiningAt(int col) const
{
    for (const auto &[c, s] : combining) {
        if (c == col)
            return &s;
    }
    return nullptr;
}

void ScreenRow::setCombining(int col, const char32_t *chars)
{
    auto it = std::find_if(combining.begin(), combining.end(),
                           [col](const auto &e) { return e.first == col; });
    if (!chars || !*chars) {
        if (it != combining.end())
            combining.erase(it);
        return;
    }
    // A few marks per cell are plenty for real text; a stream of thousands must not grow a
    // cell without bound.
    constexpr size_t kMaxCombining = 7;
    std::u32string marks;
    for (size_t i = 0; chars[i] && i < kMaxCombining; ++i)
        marks += chars[i];
    if (it == combining.end())
        combining.emplace_back(col, std::move(marks));
    else
        it->second = std::move(marks);
}

void ScreenRow::clearCombining(int from, int to)
{
    std::erase_if(combining, [&](const auto &e) { return e.first >= from && e.first < to; });
}

void ScreenRow::reset(int cols, const ScreenCell &blank)
{
    cells.assign(size_t(cols), blank);
    combining.clear();
    wrapped = false;
}

Scrollback::Scrollback(int maxLines) : m_maxLines(std::max(0, maxLines)) {}

void Scrollback::setMaxLines(int maxLines)
{
    m_maxLines = std::max(0, maxLines);
    while (m_size > m_maxLines)
        dropFront();
}

void Scrollback::clear()
{
    m_dropped += quint64(m_size);
    m_blocks.clear();
    m_front = 0;
    m_size = 0;
}

void Scrollback::dropFront()
{
    ++m_front;
    --m_size;
    ++m_dropped;
    if (m_size == 0) {
        m_blocks.clear();
        m_front = 0;
    } else if (m_front == kBlockLines) {
        m_blocks.pop_front();
        m_front = 0;
    }
}

void Scrollback::push(const ScreenRow &row, int cols)
{
    if (m_maxLines == 0)
        return;
    const ScreenCell *cells = row.cells.data();
    cols = std::min(cols, int(row.cells.size()));
    int stored = cols;
    while (stored > 0 && isTrailingBlank(cells[stored - 1]))
        --stored;
    bool complex = !row.combining.empty();
    for (int c = 0; c < stored && !complex; ++c)
        complex = cells[c].width != 1 || cells[c].ch >= 0x10000;

    // Written through a pointer into a buffer big enough for the worst case: a run per cell,
    // and per cell a length word, a surrogate pair and combining characters.
    size_t extra = 0;
    for (const auto &e : row.combining)
        extra += 2 * e.second.size();
    m_scratch.resize(kHeader + size_t(stored) * (kRunWords + 3) + extra);
    quint16 *w = m_scratch.data();
    quint16 *out = w + kHeader;
    int runs = 0;
    for (int c = 0; c < stored;) {
        const CellStyle &s = cells[c].style;
        int e = c + 1;
        while (e < stored && cells[e].style == s)
            ++e;
        out[0] = quint16(s.fg.raw());
        out[1] = quint16(s.fg.raw() >> 16);
        out[2] = quint16(s.bg.raw());
        out[3] = quint16(s.bg.raw() >> 16);
        out[4] = s.flags;
        out[5] = quint16(e - c);
        out += kRunWords;
        ++runs;
        c = e;
    }
    w[0] = quint16(stored);
    w[1] = quint16((row.wrapped ? kWrapped : 0) | (complex ? kComplex : 0));
    w[2] = quint16(runs);
    if (!complex) {
        for (int c = 0; c < stored; ++c)
            *out++ = cells[c].ch ? quint16(cells[c].ch) : u' ';
    } else {
        for (int c = 0; c < stored; ++c) {
            const ScreenCell &cell = cells[c];
            if (cell.width == 0 && c > 0 && cells[c - 1].width == 2)
                continue;   // right half of a wide character
            quint16 *meta = out++;
            if (cell.ch && cell.width != 0) {
                out = appendUtf16(out, cell.ch);
                if (cell.hasCombining) {
                    if (const std::u32string *more = row.combiningAt(c)) {
                        for (char32_t x : *more)
                            out = appendUtf16(out, x);
                    }
                }
            }
            *meta = quint16((std::max(1, int(cell.width)) << 8) | int(out - meta - 1));
        }
    }
    const size_t words = size_t(out - w);

    if (m_blocks.empty() || m_blocks.back().offsets.size() == size_t(kBlockLines)) {
        if (!m_blocks.empty())
            m_blocks.back().data.shrink_to_fit();
        m_blocks.emplace_back();
        m_blocks.back().offsets.reserve(kBlockLines);
        m_blocks.back().data.reserve(size_t(kBlockLines) * 64);
    }
    Block &b = m_blocks.back();
    b.offsets.push_back(quint32(b.data.size()));
    b.data.insert(b.data.end(), w, w + words);
    ++m_size;
    if (m_size > m_maxLines)
        dropFront();
}

const quint16 *Scrollback::lineData(int index) const
{
    const int j = index + m_front;
    const Block &b = m_blocks[size_t(j / kBlockLines)];
    return b.data.data() + b.offsets[size_t(j % kBlockLines)];
}

bool Scrollback::isWrapped(int index) const
{
    return lineData(index)[1] & kWrapped;
}

TerminalLine Scrollback::line(int index, int cols) const
{
    TerminalLine out;
    out.cells.resize(size_t(std::max(cols, 0)));
    out.styles.emplace_back();
    const quint16 *p = lineData(index);
    const int stored = p[0];
    const bool complex = p[1] & kComplex;
    out.wrapped = p[1] & kWrapped;
    const int runs = p[2];
    const quint16 *r = p + kHeader;
    const quint16 *t = r + runs * kRunWords;

    int col = 0;
    for (int i = 0; i < runs; ++i, r += kRunWords) {
        CellStyle s;
        s.fg = TermColor::fromRaw(quint32(r[0]) | (quint32(r[1]) << 16));
        s.bg = TermColor::fromRaw(quint32(r[2]) | (quint32(r[3]) << 16));
        s.flags = r[4];
        quint16 styleIndex = 0;
        if (!(s == out.styles[0])) {
            out.styles.push_back(s);
            styleIndex = quint16(out.styles.size() - 1);
        }
        const int end = col + r[5];
        for (; col < end && col < stored; ++col) {
            if (col < cols)
                out.cells[size_t(col)].style = styleIndex;
        }
    }
    if (!complex) {
        out.text = QString(reinterpret_cast<const QChar *>(t), stored);
        for (int c = 0; c < std::min(stored, cols); ++c) {
            LineCell &lc = out.cells[size_t(c)];
            lc.textPos = quint16(c);
            lc.textLen = t[c] == u' ' ? 0 : 1;
        }
        return out;
    }
    for (col = 0; col < stored;) {
        const int width = t[0] >> 8;
        const int units = t[0] & 0xff;
        if (col < cols) {
            LineCell &lc = out.cells[size_t(col)];
            lc.textPos = quint16(out.text.size());
            lc.textLen = quint8(units);
            lc.width = quint8(width);
            if (width == 2 && col + 1 < cols) {
                out.cells[size_t(col + 1)].width = 0;
                out.cells[size_t(col + 1)].style = lc.style;
                out.cells[size_t(col + 1)].textPos = quint16(out.text.size() + units);
            }
        }
        out.text.append(reinterpret_cast<const QChar *>(t + 1), units);
        if (units == 0)
            out.text.append(QLatin1Char(' '));   // keep text positions aligned with blanks
        t += 1 + units;
        col += std::max(1, width);
    }
    return out;
}

QString Scrollback::text(int index, std::vector<int> *posToCol) const
{
    const quint16 *p = lineData(index);
    const int stored = p[0];
    const quint16 *t = p + kHeader + p[2] * kRunWords;
    QString s;
    if (!(p[1] & kComplex)) {
        s = QString(reinterpret_cast<const QChar *>(t), stored);
        if (posToCol) {
            posToCol->resize(size_t(stored) + 1);
            for (int i = 0; i <= stored; ++i)
                (*posToCol)[size_t(i)] = i;
        }
    } else {
        if (posToCol)
            posToCol->clear();
        for (int col = 0; col < stored;) {
            const int width = std::max(1, t[0] >> 8);
            const int units = t[0] & 0xff;
            if (units == 0)
                s.append(QLatin1Char(' '));
            else
                s.append(reinterpret_cast<const QChar *>(t + 1), units);
            if (posToCol)
                posToCol->insert(posToCol->end(), size_t(std::max(units, 1)), col);
            t += 1 + units;
            col += width;
        }
        if (posToCol)
            posToCol->push_back(stored);
    }
    return s;
}

bool Scrollback::pop(ScreenRow &row, int cols)
{
    if (m_size == 0)
        return false;
    const TerminalLine l = line(m_size - 1, cols);
    ScreenCell blank;
    row.reset(cols, blank);
    row.wrapped = l.wrapped;
    for (int c = 0; c < cols; ++c) {
        const LineCell &lc = l.cells[size_t(c)];
        ScreenCell &cell = row.cells[size_t(c)];
        cell.style = l.styles[lc.style];
        cell.width = lc.width;
        if (lc.textLen == 0 || lc.width == 0)
            continue;
        const quint16 *u = reinterpret_cast<const quint16 *>(l.text.constData()) + lc.textPos;
        cell.ch = firstCodePoint(u, lc.textLen);
        const int baseLen = cell.ch >= 0x10000 ? 2 : 1;
        if (lc.textLen > baseLen) {
            const std::u32string extra = l.text.mid(lc.textPos + baseLen, lc.textLen - baseLen)
                                             .toStdU32String();
            row.setCombining(c, extra.c_str());
            cell.hasCombining = 1;
        }
    }
    if (row.cells.back().width == 2)
        row.cells.back() = blank;   // a wide character cut by a narrower screen

    Block &b = m_blocks.back();
    b.data.resize(b.offsets.back());
    b.offsets.pop_back();
    --m_size;
    if (m_size == 0) {
        m_blocks.clear();
        m_front = 0;
    } else if (b.offsets.empty()) {
        m_blocks.pop_back();
    }
    return true;
}

qint64 Scrollback::memoryUsage() const
{
    qint64 bytes = 0;
    for (const Block &b : m_blocks)
        bytes += qint64(b.data.capacity() * sizeof(quint16) + b.offsets.capacity() * sizeof(quint32)
                        + sizeof(Block));
    return bytes;
}

} // namespace Qwq::Terminal
