// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TerminalView: painting. Per line: background runs, then text runs (one drawText per run
// of cells with the same colour and font), then underline/strike lines; the cursor and an
// input method's pre-edit text last.
#include "terminalview.h"

#include <terminal/core/terminalscreen.h>
#include <terminal/core/terminaltr.h>

#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>

namespace Qwq::Terminal {

namespace {
char32_t firstCodePoint(QStringView s)
{
    if (s.size() >= 2 && s[0].isHighSurrogate() && s[1].isLowSurrogate())
        return QChar::surrogateToUcs4(s[0], s[1]);
    return s.isEmpty() ? 0 : s[0].unicode();
}
} // namespace

bool TerminalView::inPrimaryFont(char32_t c)
{
    if (c >= 0x20 && c < 0x7f)
        return true;
    auto it = m_inFont.constFind(c);
    if (it == m_inFont.cend())
        it = m_inFont.insert(c, QFontMetricsF(m_fonts[0]).inFontUcs4(uint(c)));
    return *it;
}

void TerminalView::paintEvent(QPaintEvent *e)
{
    ++m_paints;
    // A full paint knows whether blinking text is on screen; a partial one can only add.
    if (e->rect().contains(viewport()->rect()))
        m_blinkSeen = false;
    QPainter p(viewport());
    const bool rv = m_screen->isReverseVideo();
    p.fillRect(e->rect(), rv ? m_theme.foreground : m_theme.background);
    const int total = m_screen->totalLines();
    const int first = std::max(0, (e->rect().top() - m_margin) / m_cellHeight);
    const int last = std::min(m_screen->rows() - 1, (e->rect().bottom() - m_margin) / m_cellHeight);
    for (int r = first; r <= last && m_top + r < total; ++r)
        paintLine(p, m_screen->line(m_top + r), m_top + r, m_margin + r * m_cellHeight);
    paintCursor(p);
    if (m_broadcasting) {
        // Input typed here goes to other terminals too: impossible to miss.
        const QColor mark(0xe0, 0x7b, 0x10);
        const QRect vr = viewport()->rect();
        p.setPen(QPen(mark, 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(vr).adjusted(1, 1, -1, -1));
        const QString label = Tr::tr("Broadcast");
        QFont f = font();
        f.setBold(true);
        p.setFont(f);
        const QRect box = QFontMetrics(f).boundingRect(label).adjusted(-6, -2, 6, 2);
        const QRect at(vr.right() - box.width() - 4, vr.top() + 4, box.width(), box.height());
        p.fillRect(at, mark);
        p.setPen(Qt::white);
        p.drawText(at, Qt::AlignCenter, label);
    }
    if (m_blinkSeen && !m_blinkTimer.isActive() && isVisible()) {
        m_blinkTimer.start();
    } else if (!m_blinkSeen && m_blinkTimer.isActive()) {
        m_blinkTimer.stop();
        m_blinkHidden = false;
    }
}

void TerminalView::paintLine(QPainter &p, const TerminalLine &line, int lineIndex, qreal y)
{
    const int cols = int(line.cells.size());
    const bool rv = m_screen->isReverseVideo();
    const QColor defaultBg = rv ? m_theme.foreground : m_theme.background;
    auto columnsOf = [&](const std::optional<TextRange> &r) -> std::pair<int, int> {
        if (!r || lineIndex < r->start.line || lineIndex > r->end.line)
            return {0, 0};
        return {lineIndex == r->start.line ? r->start.col : 0,
                lineIndex == r->end.line ? r->end.col : cols};
    };
    const auto [selFrom, selTo] = columnsOf(m_selection);
    const auto [hitFrom, hitTo] = columnsOf(m_searchHit);
    const auto [urlFrom, urlTo] = columnsOf(m_hoverUrl);
    const bool blinks = std::any_of(line.styles.begin(), line.styles.end(),
                                    [](const CellStyle &s) { return s.blink(); });
    const bool links = std::any_of(line.styles.begin(), line.styles.end(),
                                   [](const CellStyle &s) { return s.link() != 0; });
    auto colours = [&](int c, QColor &fg, QColor &bg) {
        const CellStyle &s = line.style(c);
        fg = s.fg.isDefault() && rv ? m_theme.background : m_theme.color(s.fg, true);
        bg = s.bg.isDefault() && rv ? m_theme.foreground : m_theme.color(s.bg, false);
        if (s.reverse())
            std::swap(fg, bg);
        if (c >= selFrom && c < selTo) {
            fg = m_theme.selectionText;
            bg = m_theme.selection;
        } else if (c >= hitFrom && c < hitTo) {
            bg = m_theme.searchHit;
        }
    };
    auto x = [this](int col) { return m_margin + col * m_cellWidth; };

    // Backgrounds, merged into runs of one colour.
    QColor fg, bg, runBg;
    int runStart = 0;
    for (int c = 0; c <= cols; ++c) {
        if (c < cols)
            colours(c, fg, bg);
        if (c == cols || bg != runBg) {
            if (c > runStart && runBg != defaultBg)
                p.fillRect(QRectF(x(runStart), y, (c - runStart) * m_cellWidth, m_cellHeight), runBg);
            runStart = c;
            runBg = bg;
        }
    }

    // Text: runs of narrow glyphs from the primary font in one colour and font.
    QString run;
    int runCol = -1;
    QColor runFg;
    int runFont = 0;
    auto flushRun = [&] {
        if (!run.isEmpty()) {
            p.setFont(m_fonts[runFont]);
            p.setPen(runFg);
            p.drawText(QPointF(x(runCol), y + m_ascent), run);
        }
        run.clear();
        runCol = -1;
    };
    for (int c = 0; c < cols; ++c) {
        const LineCell &lc = line.cells[size_t(c)];
        if (lc.width == 0)
            continue;
        colours(c, fg, bg);
        const CellStyle &s = line.style(c);
        const int font = (s.bold() ? 1 : 0) | (s.italic() ? 2 : 0);
        const bool sameRun = runCol >= 0 && fg == runFg && font == runFont;
        if (lc.textLen == 0) {
            if (sameRun)
                run += QLatin1Char(' ');
            else
                flushRun();
            continue;
        }
        if (blinks && s.blink()) {
            m_blinkSeen = true;
            if (m_blinkHidden) {   // the "off" half of the blink: the cell shows its background
                flushRun();
                continue;
            }
        }
        const QStringView text = QStringView(line.text).sliced(lc.textPos, lc.textLen);
        const char32_t base = firstCodePoint(text);
        const bool simple = lc.width == 1 && lc.textLen == 1 && inPrimaryFont(base);
        if (simple && sameRun) {
            run += text;
            continue;
        }
        flushRun();
        if (simple) {
            runCol = c;
            run = text.toString();
            runFg = fg;
            runFont = font;
            continue;
        }
        // Wide, combined or fallback-font glyphs: one by one, centred on their cells.
        p.setFont(m_fonts[font]);
        p.setPen(fg);
        const QString glyph = text.toString();
        qreal adv = 0;
        if (const bool single = lc.textLen <= 2 && (lc.textLen == 1 || base >= 0x10000); single) {
            auto it = m_advance.constFind(base);
            if (it == m_advance.cend())
                it = m_advance.insert(base, QFontMetricsF(m_fonts[0]).horizontalAdvance(glyph));
            adv = *it;
        } else {
            adv = QFontMetricsF(m_fonts[font]).horizontalAdvance(glyph);
        }
        const qreal room = lc.width * m_cellWidth;
        p.drawText(QPointF(x(c) + std::max<qreal>(0, (room - adv) / 2), y + m_ascent), glyph);
    }
    flushRun();

    // Underline and strike-through lines.
    const QFontMetricsF fm(m_fonts[0]);
    const qreal thick = std::max<qreal>(1, fm.lineWidth());
    const qreal underY = y + m_ascent + std::max<qreal>(1, fm.underlinePos());
    const qreal strikeY = y + m_ascent - fm.strikeOutPos();
    for (int c = 0; c < cols; ++c) {
        const CellStyle &s = line.style(c);
        const int underline = (c >= urlFrom && c < urlTo) ? 1 : s.underline();
        const bool link = links && s.link() != 0;
        if (!underline && !s.strike() && !link)
            continue;
        colours(c, fg, bg);
        const QRectF cell(x(c), y, m_cellWidth, m_cellHeight);
        if (link && !underline) {
            // OSC 8 hyperlinks: a dotted line until Ctrl+hover makes it solid.
            for (qreal dx = 0; dx < cell.width(); dx += 2 * thick)
                p.fillRect(QRectF(cell.left() + dx, underY, std::min(thick, cell.width() - dx), thick), fg);
            continue;
        }
        if (s.strike())
            p.fillRect(QRectF(cell.left(), strikeY, cell.width(), thick), fg);
        if (underline == 1 || underline == 2)
            p.fillRect(QRectF(cell.left(), underY, cell.width(), thick), fg);
        if (underline == 2)
            p.fillRect(QRectF(cell.left(), underY + 2 * thick, cell.width(), thick), fg);
        if (underline == 3) {
            QPainterPath wave;
            wave.moveTo(cell.left(), underY + thick);
            wave.lineTo(cell.left() + cell.width() / 2, underY - thick);
            wave.lineTo(cell.right(), underY + thick);
            p.setPen(QPen(fg, thick));
            p.drawPath(wave);
        }
    }
}

void TerminalView::paintCursor(QPainter &p)
{
    const int line = m_screen->scrollbackLines() + m_screen->cursorRow();
    if (line < m_top || line >= m_top + m_screen->rows())
        return;
    const int col = std::clamp(m_screen->cursorColumn(), 0, m_screen->columns() - 1);
    const TerminalCell cell = m_screen->cell(m_screen->cursorRow(), col);
    const QRectF r = cellRect(line, col, cell.width == 2 ? 2 : 1);
    if (!m_preedit.isEmpty()) {
        // An input method's composition, drawn over the cells at the cursor.
        QFontMetricsF fm(m_fonts[0]);
        const QRectF box(r.topLeft(), QSizeF(fm.horizontalAdvance(m_preedit) + 2, r.height()));
        p.fillRect(box, m_theme.background);
        p.setFont(m_fonts[0]);
        p.setPen(m_theme.foreground);
        p.drawText(QPointF(box.left() + 1, r.top() + m_ascent), m_preedit);
        p.fillRect(QRectF(box.left(), box.bottom() - 2, box.width(), 1), m_theme.foreground);
        return;
    }
    if (!m_screen->isCursorVisible())
        return;
    if (!hasFocus()) {
        p.setPen(m_theme.cursor);
        p.setBrush(Qt::NoBrush);
        p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
        return;
    }
    switch (m_screen->cursorShape()) {
    case CursorShape::Underline:
        p.fillRect(QRectF(r.left(), r.bottom() - 2, r.width(), 2), m_theme.cursor);
        break;
    case CursorShape::Bar: p.fillRect(QRectF(r.left(), r.top(), 2, r.height()), m_theme.cursor); break;
    case CursorShape::Block:
        p.fillRect(r, m_theme.cursor);
        if (!cell.text.isEmpty()) {
            p.setFont(m_fonts[(cell.style.bold() ? 1 : 0) | (cell.style.italic() ? 2 : 0)]);
            p.setPen(m_theme.cursorText);
            const qreal adv = QFontMetricsF(p.font()).horizontalAdvance(cell.text);
            p.drawText(QPointF(r.left() + std::max<qreal>(0, (r.width() - adv) / 2), r.top() + m_ascent),
                       cell.text);
        }
        break;
    }
}

} // namespace Qwq::Terminal
