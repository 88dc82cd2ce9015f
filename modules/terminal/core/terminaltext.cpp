// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TerminalScreen: reading the buffer — cells, lines, text of a selection, words, search —
// and the title and clipboard policies.
#include "terminalscreen_p.h"

namespace Qwq::Terminal {

namespace {

void appendCodePoint(QString &s, char32_t cp)
{
    const char32_t c = WidthFix::unalias(cp);
    if (c >= 0x10000) {
        s.append(QChar(QChar::highSurrogate(c)));
        s.append(QChar(QChar::lowSurrogate(c)));
    } else {
        s.append(QChar(char16_t(c)));
    }
}

enum class CharClass { Blank, Word, Other };

CharClass classOf(const QString &cellText)
{
    if (cellText.isEmpty() || cellText == QLatin1String(" "))
        return CharClass::Blank;
    const QChar c = cellText.at(0);
    static const QString extra = QStringLiteral("-_.~/:@%+#?=&,$!*");
    if (c.isLetterOrNumber() || c.isHighSurrogate() || extra.contains(c) || c.unicode() >= 0x2e80)
        return CharClass::Word;
    return CharClass::Other;
}

} // namespace

TerminalLine TerminalScreen::Impl::screenLine(const ScreenRow &row) const
{
    TerminalLine out;
    out.wrapped = row.wrapped;
    out.cells.resize(size_t(cols));
    out.styles.emplace_back();
    out.text.reserve(cols);
    quint16 last = 0;
    for (int c = 0; c < cols && c < int(row.cells.size()); ++c) {
        const ScreenCell &cell = row.cells[size_t(c)];
        LineCell &lc = out.cells[size_t(c)];
        if (!(cell.style == out.styles[last])) {
            const auto it = std::find(out.styles.begin(), out.styles.end(), cell.style);
            if (it == out.styles.end()) {
                out.styles.push_back(cell.style);
                last = quint16(out.styles.size() - 1);
            } else {
                last = quint16(it - out.styles.begin());
            }
        }
        lc.style = last;
        lc.width = cell.width;
        lc.textPos = quint16(out.text.size());
        if (cell.width == 0)
            continue;
        if (cell.ch == 0 || cell.ch == U' ') {
            out.text.append(QLatin1Char(' '));
            continue;
        }
        appendCodePoint(out.text, cell.ch);
        if (cell.hasCombining) {
            if (const std::u32string *extra = row.combiningAt(c)) {
                for (char32_t x : *extra)
                    appendCodePoint(out.text, x);
            }
        }
        lc.textLen = quint8(out.text.size() - lc.textPos);
    }
    return out;
}

QString TerminalScreen::Impl::screenText(const ScreenRow &row, std::vector<int> *posToCol) const
{
    QString s;
    s.reserve(cols);
    if (posToCol)
        posToCol->clear();
    for (int c = 0; c < cols && c < int(row.cells.size()); ++c) {
        const ScreenCell &cell = row.cells[size_t(c)];
        if (cell.width == 0)
            continue;
        const qsizetype before = s.size();
        if (cell.ch == 0) {
            s.append(QLatin1Char(' '));
        } else {
            appendCodePoint(s, cell.ch);
            if (cell.hasCombining) {
                if (const std::u32string *extra = row.combiningAt(c)) {
                    for (char32_t x : *extra)
                        appendCodePoint(s, x);
                }
            }
        }
        if (posToCol)
            posToCol->insert(posToCol->end(), size_t(s.size() - before), c);
    }
    const QString trimmed = trimmedLineEnd(s);
    if (posToCol) {
        // One entry per UTF-16 position plus the column just after the last character.
        posToCol->resize(size_t(trimmed.size()));
        int end = 0;
        if (!trimmed.isEmpty()) {
            const int lastCol = posToCol->back();
            end = lastCol + std::max(1, int(row.cells[size_t(lastCol)].width));
        }
        posToCol->push_back(end);
    }
    return trimmed;
}

TerminalCell TerminalScreen::cell(int row, int col) const
{
    TerminalCell out;
    if (row < 0 || row >= d->rows || col < 0 || col >= d->cols)
        return out;
    const ScreenRow &r = d->screen()[size_t(row)];
    const ScreenCell &c = r.cells[size_t(col)];
    out.width = c.width;
    out.style = c.style;
    if (c.ch && c.width) {
        appendCodePoint(out.text, c.ch);
        if (c.hasCombining) {
            if (const std::u32string *extra = r.combiningAt(col)) {
                for (char32_t x : *extra)
                    appendCodePoint(out.text, x);
            }
        }
    }
    return out;
}

int TerminalScreen::scrollbackLines() const { return d->scrollback.size(); }
quint64 TerminalScreen::droppedLines() const { return d->scrollback.droppedLines(); }
qint64 TerminalScreen::scrollbackMemory() const { return d->scrollback.memoryUsage(); }

void TerminalScreen::clearScrollback()
{
    d->scrollback.clear();
    d->changed = true;
    emitPending();
}

void TerminalScreen::setScrollbackLimit(int lines)
{
    d->scrollback.setMaxLines(lines);
}

TerminalLine TerminalScreen::line(int index) const
{
    if (index < 0 || index >= totalLines())
        return {};
    if (index < d->scrollback.size())
        return d->scrollback.line(index, d->cols);
    return d->screenLine(d->screenRow(index));
}

QString TerminalScreen::lineText(int index, std::vector<int> *posToCol) const
{
    if (index < 0 || index >= totalLines())
        return {};
    if (index < d->scrollback.size()) {
        QString s = d->scrollback.text(index, posToCol);
        const qsizetype n = trimmedLineEnd(s).size();
        if (n != s.size()) {
            s.truncate(n);
            if (posToCol) {
                const int end = n ? (*posToCol)[size_t(n)] : 0;
                posToCol->resize(size_t(n));
                posToCol->push_back(end);
            }
        }
        return s;
    }
    return d->screenText(d->screenRow(index), posToCol);
}

bool TerminalScreen::isWrapped(int index) const
{
    if (index < 0 || index >= totalLines())
        return false;
    if (index < d->scrollback.size())
        return d->scrollback.isWrapped(index);
    return d->screenRow(index).wrapped;
}

int TerminalScreen::cursorRow() const { return d->cursor.row; }
int TerminalScreen::cursorColumn() const { return d->cursor.col; }
bool TerminalScreen::isCursorVisible() const { return d->cursorVisible; }
bool TerminalScreen::isCursorBlinking() const { return d->cursorBlink; }
CursorShape TerminalScreen::cursorShape() const { return d->cursorShape; }
bool TerminalScreen::isAlternateScreen() const { return d->altActive; }
bool TerminalScreen::isReverseVideo() const { return d->reverseVideo; }
QString TerminalScreen::title() const { return d->title; }

QString TerminalScreen::text(const TextRange &range) const
{
    QString out;
    const int first = std::max(0, range.start.line);
    const int last = std::min(totalLines() - 1, range.end.line);
    std::vector<int> cols;
    for (int l = first; l <= last; ++l) {
        const QString s = lineText(l, &cols);
        const int fromCol = l == range.start.line ? range.start.col : 0;
        const int toCol = l == range.end.line ? range.end.col : INT_MAX;
        qsizetype a = 0;
        while (a < s.size() && cols[size_t(a)] < fromCol)
            ++a;
        qsizetype b = a;
        while (b < s.size() && cols[size_t(b)] < toCol)
            ++b;
        out.append(QStringView(s).sliced(a, b - a));
        if (l != last && !(isWrapped(l) && b == s.size()))
            out.append(QLatin1Char('\n'));
    }
    return out;
}

TextRange TerminalScreen::wordAt(TextPos pos) const
{
    const TerminalLine l = line(pos.line);
    if (l.cells.empty())
        return {pos, pos};
    int col = std::clamp(pos.col, 0, int(l.cells.size()) - 1);
    while (col > 0 && l.cells[size_t(col)].width == 0)
        --col;
    const CharClass cls = classOf(l.cellText(col));
    auto sameClass = [&](int c) {
        return l.cells[size_t(c)].width == 0 || classOf(l.cellText(c)) == cls;
    };
    int start = col;
    int end = col + std::max(1, int(l.cells[size_t(col)].width));
    if (cls != CharClass::Other) {
        while (start > 0 && sameClass(start - 1))
            --start;
        while (end < int(l.cells.size()) && sameClass(end))
            ++end;
    }
    return {{pos.line, start}, {pos.line, end}};
}

TextRange TerminalScreen::lineAt(TextPos pos) const
{
    int first = pos.line;
    while (first > 0 && isWrapped(first - 1))
        --first;
    int last = pos.line;
    while (last < totalLines() - 1 && isWrapped(last))
        ++last;
    return {{first, 0}, {last, d->cols}};
}

QString TerminalScreen::logicalLine(int index, std::vector<TextPos> *map, int *firstOut,
                                    int *lastOut) const
{
    constexpr int kMaxRows = 1000;   // a runaway wrapped line is searched in pieces
    const int total = totalLines();
    index = std::clamp(index, 0, total - 1);
    int first = index;
    while (first > 0 && index - first < kMaxRows && isWrapped(first - 1))
        --first;
    int last = index;
    while (last < total - 1 && last - first < kMaxRows && isWrapped(last))
        ++last;
    if (firstOut)
        *firstOut = first;
    if (lastOut)
        *lastOut = last;
    if (map)
        map->clear();
    if (first == last && !map)
        return lineText(first);
    QString out;
    std::vector<int> cols;
    for (int l = first; l <= last; ++l) {
        const QString s = lineText(l, map ? &cols : nullptr);
        out += s;
        if (map) {
            for (qsizetype i = 0; i < s.size(); ++i)
                map->push_back({l, cols[size_t(i)]});
        }
        if (l == last) {
            if (map)
                map->push_back({l, cols.empty() ? 0 : cols.back()});
            break;
        }
        // A wrapped row ends in the last column; blanks cut from its end are put back.
        int end = map ? cols.back() : 0;
        if (!map) {
            lineText(l, &cols);
            end = cols.back();
        }
        for (int c = end; c < d->cols; ++c) {
            out += QLatin1Char(' ');
            if (map)
                map->push_back({l, c});
        }
    }
    return out;
}

std::optional<TextRange> TerminalScreen::find(const QString &needle, TextPos from, bool backward,
                                              Qt::CaseSensitivity cs) const
{
    if (needle.isEmpty())
        return std::nullopt;
    std::vector<TextPos> map;
    const int total = totalLines();
    int l = std::clamp(from.line, 0, total - 1);
    while (l >= 0 && l < total) {
        int first = l;
        int last = l;
        const QString s = logicalLine(l, nullptr, &first, &last);
        l = backward ? first - 1 : last + 1;
        if (s.size() < needle.size())
            continue;
        // Positions are found in the text and mapped to cells; `from` itself never matches.
        qsizetype at = backward ? s.lastIndexOf(needle, -1, cs) : s.indexOf(needle, 0, cs);
        if (at >= 0)
            logicalLine(first, &map);
        while (at >= 0) {
            const TextPos start = map[size_t(at)];
            if (backward ? start < from : from < start) {
                return TextRange{start, map[size_t(at + needle.size())]};
            }
            at = backward ? (at > 0 ? s.lastIndexOf(needle, at - 1, cs) : -1)
                          : s.indexOf(needle, at + 1, cs);
        }
    }
    return std::nullopt;
}

void TerminalScreen::setAllowClipboardWrite(bool allow) { d->allowClipboard = allow; }
bool TerminalScreen::allowClipboardWrite() const { return d->allowClipboard; }
int TerminalScreen::ignoredClipboardWrites() const { return d->ignoredClipboard; }

QString TerminalScreen::sanitizeTitle(const QString &raw)
{
    QString out;
    out.reserve(std::min(raw.size(), qsizetype(kMaxTitleLength)));
    const QList<uint> cps = raw.toUcs4();
    for (uint cp : cps) {
        const bool control = cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
        const bool bidi = cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e)
                          || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061c;
        if (control || bidi || cp == 0xfffd)
            continue;
        QString piece;
        appendCodePoint(piece, char32_t(cp));
        if (out.size() + piece.size() > kMaxTitleLength)
            break;
        out.append(piece);
    }
    return out.trimmed();
}

} // namespace Qwq::Terminal
