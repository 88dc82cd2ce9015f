// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalview.h"

#include "terminalsettings.h"

#include <terminal/core/iterminalsession.h>
#include <terminal/core/sessionlogger.h>
#include <terminal/core/terminalscreen.h>
#include <terminal/core/terminaltr.h>

#include <core/core/settings.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QInputMethod>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>

#include <cmath>

namespace Qwq::Terminal {

namespace {
constexpr int kFrameMs = 16;
constexpr qreal kMinFontSize = 6;
constexpr qreal kMaxFontSize = 48;
constexpr int kBlinkMs = 500;
} // namespace

TerminalView::TerminalView(QWidget *parent)
    : QAbstractScrollArea(parent), m_screen(new TerminalScreen(24, 80, this)),
      m_endedBanner(new QPushButton(this))
{
    setObjectName(QStringLiteral("terminalView"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setMouseTracking(true);

    m_endedBanner->setObjectName(QStringLiteral("terminalEndedBanner"));
    m_endedBanner->setCursor(Qt::PointingHandCursor);
    m_endedBanner->setFocusPolicy(Qt::NoFocus);
    m_endedBanner->hide();
    connect(m_endedBanner, &QPushButton::clicked, this, &TerminalView::restartRequested);
    m_blinkTimer.setInterval(kBlinkMs);
    connect(&m_blinkTimer, &QTimer::timeout, this, [this] {
        m_blinkHidden = !m_blinkHidden;
        viewport()->update();   // the paint stops the timer when no blinking cell is left
    });
    m_frame.setSingleShot(true);
    connect(&m_frame, &QTimer::timeout, this, &TerminalView::flush);
    connect(m_screen, &TerminalScreen::contentsChanged, this, &TerminalView::onContentsChanged);
    connect(m_screen, &TerminalScreen::titleChanged, this, &TerminalView::titleChanged);
    connect(m_screen, &TerminalScreen::bell, this, &TerminalView::bellRang);
    connect(m_screen, &TerminalScreen::alternateScreenChanged, this, [this] {
        // Line numbers now mean other text: selection and search hits no longer apply.
        m_fullRepaint = true;
        m_searchHit.reset();
        clearSelection();
        scrollToBottom();
    });
    m_screen->setWriter([this](QByteArrayView bytes) {
        if (m_session)
            m_session->write(bytes);
    });
    // Only reaches here when the user allowed OSC 52 in the settings.
    connect(m_screen, &TerminalScreen::clipboardWriteRequested, this,
            [](const QString &text) { QGuiApplication::clipboard()->setText(text); });
    m_sinceFlush.start();
    applySettings(TerminalSettings::load());
    connect(TerminalSettingsNotifier::instance(), &TerminalSettingsNotifier::changed, this,
            [this] { applySettings(TerminalSettings::load()); });
}

void TerminalView::applySettings(const TerminalSettings &s)
{
    setThemeChoice(s.theme);
    m_copyOnSelect = s.copyOnSelect;
    m_confirmMultiLine = s.confirmMultiLinePaste;
    m_screen->setAllowClipboardWrite(s.allowClipboardWrite);
    m_screen->setScrollbackLimit(s.scrollbackLines);
    QFont unzoomed = m_font;
    if (m_baseFontSize > 0)
        unzoomed.setPointSizeF(m_baseFontSize);
    if (m_baseFontSize <= 0 || s.font != unzoomed)
        setTerminalFont(s.font);   // else the zoom stays
    m_fullRepaint = true;
    onContentsChanged();
}

TerminalView::~TerminalView() = default;

void TerminalView::setSession(ITerminalSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (!session)
        return;
    connect(session, &ITerminalSession::dataReceived, this, [this](const QByteArray &bytes) {
        if (m_logger)
            m_logger->write(bytes);
        m_screen->feed(bytes);
    });
    if (session->isRunning())
        session->resize(m_screen->rows(), m_screen->columns());
}

void TerminalView::setTheme(const TerminalTheme &theme)
{
    m_theme = theme;
    m_themeFollowsPalette = false;
    viewport()->update();
}

void TerminalView::setThemeChoice(const QString &choice)
{
    if (choice == QLatin1String("dark"))
        setTheme(TerminalTheme::dark());
    else if (choice == QLatin1String("light"))
        setTheme(TerminalTheme::light());
    else {
        m_themeFollowsPalette = true;
        m_theme = TerminalTheme::forPalette(palette());
        viewport()->update();
    }
}

QString TerminalView::themeChoice() const
{
    if (m_themeFollowsPalette)
        return QStringLiteral("auto");
    return m_theme.kind == TerminalTheme::Kind::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

void TerminalView::setTerminalFont(const QFont &font)
{
    m_font = font;
    m_baseFontSize = font.pointSizeF();
    updateGeometryFromFont();
}

void TerminalView::zoomIn()
{
    m_font.setPointSizeF(std::min(kMaxFontSize, m_font.pointSizeF() + 1));
    updateGeometryFromFont();
}

void TerminalView::zoomOut()
{
    m_font.setPointSizeF(std::max(kMinFontSize, m_font.pointSizeF() - 1));
    updateGeometryFromFont();
}

void TerminalView::resetZoom()
{
    m_font.setPointSizeF(m_baseFontSize);
    updateGeometryFromFont();
}

void TerminalView::updateGeometryFromFont()
{
    for (int i = 0; i < 4; ++i) {
        m_fonts[i] = m_font;
        m_fonts[i].setBold(i & 1);
        m_fonts[i].setItalic(i & 2);
    }
    const QFontMetricsF fm(m_font);
    // The advance of a long run, so that one drawText of n cells spans exactly n cells.
    m_cellWidth = fm.horizontalAdvance(QString(100, QLatin1Char('M'))) / 100.0;
    m_cellHeight = std::max(1, int(std::ceil(fm.height())));
    m_ascent = int(std::ceil(fm.ascent()));
    m_inFont.clear();
    m_advance.clear();
    m_fullRepaint = true;
    sendSize();
    viewport()->update();
}

void TerminalView::setPasteConfirmation(PasteConfirmation confirm)
{
    m_confirmPaste = std::move(confirm);
}

void TerminalView::onContentsChanged()
{
    if (!m_frame.isActive())
        m_frame.start(int(std::max<qint64>(0, kFrameMs - m_sinceFlush.elapsed())));
}

void TerminalView::flush()
{
    m_sinceFlush.restart();
    const quint64 dropped = m_screen->droppedLines();
    if (dropped != m_dropped) {
        shiftLines(int(dropped - m_dropped));
        m_dropped = dropped;
    }
    const int oldTop = m_top;
    updateScrollBar();
    const auto [first, last] = m_screen->takeDamage();
    // Painted right away (repaint, not update): this is already the once-per-frame moment,
    // and while output floods in, queued update requests would wait behind it.
    if (m_fullRepaint || m_top != oldTop) {
        m_fullRepaint = false;
        viewport()->repaint();
    } else if (first <= last) {
        const int base = m_screen->scrollbackLines() - m_top;
        const int a = std::max(0, base + first);
        const int b = std::min(m_screen->rows() - 1, base + last);
        if (a <= b)
            viewport()->repaint(0, m_margin + a * m_cellHeight, viewport()->width(),
                                (b - a + 1) * m_cellHeight);
    }
    if (hasFocus())
        QGuiApplication::inputMethod()->update(Qt::ImCursorRectangle);
}

void TerminalView::shiftLines(int by)
{
    auto shift = [by](TextPos &p) { p.line -= by; };
    if (!m_following)
        m_top = std::max(0, m_top - by);
    if (m_anchor)
        shift(*m_anchor);
    for (auto *r : {&m_selection, &m_searchHit, &m_hoverUrl}) {
        if (!*r)
            continue;
        shift((*r)->start);
        shift((*r)->end);
        if ((*r)->start.line < 0)
            r->reset();
    }
    if (m_anchor && m_anchor->line < 0)
        m_anchor.reset();
}

void TerminalView::updateScrollBar()
{
    QScrollBar *bar = verticalScrollBar();
    const int max = m_screen->scrollbackLines();
    const QSignalBlocker block(bar);
    bar->setRange(0, max);
    bar->setPageStep(m_screen->rows());
    bar->setSingleStep(1);
    bar->setValue(m_following ? max : std::clamp(m_top, 0, max));
    m_top = bar->value();
}

void TerminalView::scrollContentsBy(int, int)
{
    const QScrollBar *bar = verticalScrollBar();
    m_top = bar->value();
    m_following = m_top >= bar->maximum();
    viewport()->update();
}

void TerminalView::scrollToBottom()
{
    m_following = true;
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

int TerminalView::topLine() const
{
    return m_top;
}

void TerminalView::sendSize()
{
    const QSize vp = viewport()->size();
    const int cols = std::max(2, int((vp.width() - 2 * m_margin) / m_cellWidth));
    const int rows = std::max(1, (vp.height() - 2 * m_margin) / m_cellHeight);
    if (rows != m_screen->rows() || cols != m_screen->columns()) {
        m_screen->resize(rows, cols);
        if (m_session && m_session->isRunning())
            m_session->resize(rows, cols);
        m_fullRepaint = true;
    }
    updateScrollBar();
}

void TerminalView::resizeEvent(QResizeEvent *e)
{
    QAbstractScrollArea::resizeEvent(e);
    sendSize();
    placeBanner();
}

TextPos TerminalView::posAt(const QPointF &p, bool roundToNearest) const
{
    const qreal x = (p.x() - m_margin) / m_cellWidth;
    const int row = int(std::floor((p.y() - m_margin) / m_cellHeight));
    const int line = std::clamp(m_top + row, 0, m_screen->totalLines() - 1);
    const int col = roundToNearest ? int(std::lround(x)) : int(std::floor(x));
    return {line, std::clamp(col, 0, m_screen->columns() - (roundToNearest ? 0 : 1))};
}

QRectF TerminalView::cellRect(int line, int col, int width) const
{
    return QRectF(m_margin + col * m_cellWidth, m_margin + (line - m_top) * m_cellHeight,
                  width * m_cellWidth, m_cellHeight);
}

bool TerminalView::mouseReporting(Qt::KeyboardModifiers mods) const
{
    return m_screen->mouseMode() != MouseMode::None && !(mods & Qt::ShiftModifier)
           && m_top >= m_screen->scrollbackLines();
}

void TerminalView::reportMouse(QMouseEvent *e, int button, bool pressed)
{
    const TextPos pos = posAt(e->position(), false);
    m_screen->mouseMove(pos.line - m_screen->scrollbackLines(), pos.col, e->modifiers());
    if (button)
        m_screen->mouseButton(button, pressed, e->modifiers());
}

// --- selection ----------------------------------------------------------------------------

QString TerminalView::selectedText() const
{
    return m_selection ? m_screen->text(*m_selection) : QString();
}

std::optional<TextRange> TerminalView::selection() const
{
    return m_selection;
}

void TerminalView::setSelection(const TextRange &range)
{
    m_selection = range.isEmpty() ? std::nullopt : std::optional<TextRange>(range);
    viewport()->update();
}

void TerminalView::clearSelection()
{
    m_selection.reset();
    m_anchor.reset();
    viewport()->update();
}

void TerminalView::selectAll()
{
    setSelection({{0, 0}, {m_screen->totalLines() - 1, m_screen->columns()}});
}

void TerminalView::extendSelection(const QPointF &p)
{
    if (!m_anchor)
        return;
    const TextPos cur = posAt(p, m_selectMode == SelectMode::Char);
    TextRange r;
    if (m_selectMode == SelectMode::Char) {
        r = {std::min(*m_anchor, cur), std::max(*m_anchor, cur)};
    } else {
        const auto unit = [this](TextPos q) {
            return m_selectMode == SelectMode::Word ? m_screen->wordAt(q) : m_screen->lineAt(q);
        };
        const TextRange a = unit(*m_anchor);
        const TextRange b = unit(cur);
        r = {std::min(a.start, b.start), std::max(a.end, b.end)};
    }
    setSelection(r);
}

void TerminalView::copy()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void TerminalView::paste()
{
    pasteText(QGuiApplication::clipboard()->text());
}

void TerminalView::pasteText(const QString &text)
{
    if (text.isEmpty() || !m_session || !m_session->isRunning())
        return;
    const bool multiLine = text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
    if (multiLine && m_confirmMultiLine && !m_screen->bracketedPaste()) {
        bool ok = false;
        if (m_confirmPaste) {
            ok = m_confirmPaste(text);
        } else {
            const int lines = int(text.count(QLatin1Char('\n')) + (text.endsWith(QLatin1Char('\n')) ? 0 : 1));
            QMessageBox box(QMessageBox::Warning, Tr::tr("Paste Several Lines?"),
                            Tr::tr("The text has %1 lines. The shell may run each line as soon as "
                                   "it arrives.").arg(lines),
                            QMessageBox::Cancel, this);
            box.setTextFormat(Qt::PlainText);
            box.setDetailedText(text.left(4000));
            QPushButton *pasteButton = box.addButton(Tr::tr("Paste"), QMessageBox::AcceptRole);
            auto *dontAsk = new QCheckBox(Tr::tr("Do not ask again in this terminal"), &box);
            box.setCheckBox(dontAsk);
            box.exec();
            ok = box.clickedButton() == pasteButton;
            if (ok && dontAsk->isChecked())
                m_confirmMultiLine = false;
        }
        if (!ok)
            return;
    }
    forEachInputTarget([&text](TerminalView *v) {
        v->m_screen->paste(text);
        return true;
    });
}

void TerminalView::clearSearch()
{
    m_searchHit.reset();
    viewport()->update();
}

bool TerminalView::find(const QString &text, bool backward, Qt::CaseSensitivity cs)
{
    if (text.isEmpty())
        return false;
    const TextPos end{m_screen->totalLines(), 0};
    const TextPos begin{0, -1};
    TextPos from = m_searchHit ? m_searchHit->start : (backward ? end : begin);
    auto hit = m_screen->find(text, from, backward, cs);
    if (!hit)
        hit = m_screen->find(text, backward ? end : begin, backward, cs);   // wrap around
    m_searchHit = hit;
    if (!hit) {
        viewport()->update();
        return false;
    }
    m_selection = hit;
    if (hit->start.line < m_top || hit->start.line >= m_top + m_screen->rows()) {
        m_following = false;
        verticalScrollBar()->setValue(hit->start.line - m_screen->rows() / 2);
    }
    viewport()->update();
    return true;
}

} // namespace Qwq::Terminal
