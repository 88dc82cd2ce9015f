// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "terminaltheme.h"

#include <terminal/core/iterminalsession.h>

#include <QAbstractScrollArea>
#include <QElapsedTimer>
#include <QFont>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

namespace Qwq::Terminal {

class TerminalScreen;
struct TerminalLine;

/// Shows a TerminalScreen and is its keyboard, mouse and clipboard. Repaints are coalesced:
/// the screen's changes are collected and painted at most once per frame (16 ms), only the
/// damaged rows unless the view scrolled, and each run of cells with the same attributes is
/// drawn with one drawText (wide and fallback-font glyphs one by one, on their cells).
///
/// The vertical scroll bar spans the scrollback; the view follows new output unless the
/// user scrolled up. Selection: drag for characters, double click for a word, triple click
/// for the logical line; Shift bypasses mouse reporting. Ctrl+Shift+C / Ctrl+Shift+V copy
/// and paste; a paste of several lines asks first unless the program uses bracketed paste.
/// URLs open only with Ctrl+click (urlActivated; the view opens nothing itself). Ctrl+= and
/// Ctrl+- zoom; the context menu picks the font, the theme and copy-on-select, saved for new
/// terminals (settings terminal/font, terminal/theme, terminal/copyOnSelect). The view owns
/// its screen, not its session.
class TerminalView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalView)
public:
    explicit TerminalView(QWidget *parent = nullptr);
    ~TerminalView() override;

    TerminalScreen *screen() const { return m_screen; }
    /// Connects `session` (not owned): its output is fed to the screen, keys go to it, and
    /// it is resized with the view. nullptr disconnects.
    void setSession(ITerminalSession *session);
    ITerminalSession *session() const { return m_session; }

    void setTheme(const TerminalTheme &theme);   // stops following the app palette
    /// "dark", "light", or anything else to follow the application palette; the context
    /// menu saves the user's choice (setting "terminal/theme") for new terminals.
    void setThemeChoice(const QString &choice);
    QString themeChoice() const;
    const TerminalTheme &theme() const { return m_theme; }
    void setTerminalFont(const QFont &font);
    QFont terminalFont() const { return m_font; }
    void zoomIn();
    void zoomOut();
    void resetZoom();
    QSizeF cellSize() const { return {m_cellWidth, qreal(m_cellHeight)}; }

    /// Asks before a multi-line paste without bracketed paste; the default shows a dialog.
    using PasteConfirmation = std::function<bool(const QString &text)>;
    void setPasteConfirmation(PasteConfirmation confirm);
    void setConfirmMultiLinePaste(bool on) { m_confirmMultiLine = on; }
    void setCopyOnSelect(bool on) { m_copyOnSelect = on; }

    QString selectedText() const;
    std::optional<TextRange> selection() const;
    void setSelection(const TextRange &range);
    void clearSelection();
    void copy();
    void paste();
    void pasteText(const QString &text);
    void selectAll();
    /// Selects and shows the next match of `text` (wrapping around once).
    bool find(const QString &text, bool backward, Qt::CaseSensitivity cs = Qt::CaseInsensitive);
    /// Forgets the current match (its highlight and where the next search starts).
    void clearSearch();
    void scrollToBottom();
    /// The first buffer line shown (see TerminalScreen::line).
    int topLine() const;
    /// Paints done so far (tests check that repaints are coalesced).
    int paintCount() const { return m_paints; }
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;

signals:
    void titleChanged(const QString &title);
    /// Ctrl+click on a URL: the panel decides whether to open it.
    void urlActivated(const QUrl &url);
    /// Enter pressed after the session finished.
    void restartRequested();
    void findRequested();
    void bellRang();

protected:
    bool event(QEvent *e) override;
    void paintEvent(QPaintEvent *e) override;
    void resizeEvent(QResizeEvent *e) override;
    void keyPressEvent(QKeyEvent *e) override;
    void inputMethodEvent(QInputMethodEvent *e) override;
    void mousePressEvent(QMouseEvent *e) override;
    void mouseMoveEvent(QMouseEvent *e) override;
    void mouseReleaseEvent(QMouseEvent *e) override;
    void mouseDoubleClickEvent(QMouseEvent *e) override;
    void wheelEvent(QWheelEvent *e) override;
    void focusInEvent(QFocusEvent *e) override;
    void focusOutEvent(QFocusEvent *e) override;
    void contextMenuEvent(QContextMenuEvent *e) override;
    void changeEvent(QEvent *e) override;
    void scrollContentsBy(int dx, int dy) override;
    bool focusNextPrevChild(bool next) override;

private:
    enum class SelectMode { Char, Word, Line };
    void onContentsChanged();
    void flush();
    void updateGeometryFromFont();
    void updateScrollBar();
    void sendSize();
    TextPos posAt(const QPointF &p, bool roundToNearest) const;
    QRectF cellRect(int line, int col, int width = 1) const;
    bool mouseReporting(Qt::KeyboardModifiers mods) const;
    void reportMouse(QMouseEvent *e, int button, bool pressed);
    void extendSelection(const QPointF &p);
    std::optional<std::pair<TextRange, QUrl>> urlAt(TextPos pos) const;
    void paintLine(QPainter &p, const TerminalLine &line, int lineIndex, qreal y);
    void paintCursor(QPainter &p);
    bool inPrimaryFont(char32_t c);
    void shiftLines(int by);

    TerminalScreen *m_screen;
    QPointer<ITerminalSession> m_session;
    TerminalTheme m_theme;
    bool m_themeFollowsPalette = true;
    QFont m_font;
    qreal m_baseFontSize = 0;
    QFont m_fonts[4];   // regular, bold, italic, bold italic
    qreal m_cellWidth = 8;
    int m_cellHeight = 16;
    int m_ascent = 12;
    int m_margin = 2;
    QHash<char32_t, bool> m_inFont;
    QHash<char32_t, qreal> m_advance;

    QTimer m_frame;
    QElapsedTimer m_sinceFlush;
    bool m_following = true;
    int m_top = 0;
    quint64 m_dropped = 0;
    int m_paints = 0;
    bool m_fullRepaint = true;

    std::optional<TextPos> m_anchor;
    std::optional<TextRange> m_selection;
    SelectMode m_selectMode = SelectMode::Char;
    bool m_selecting = false;
    int m_clickCount = 0;
    QElapsedTimer m_lastClick;
    QPointF m_lastClickPos;
    std::optional<TextRange> m_hoverUrl;
    std::optional<TextRange> m_searchHit;
    int m_mouseButtons = 0;

    QString m_preedit;
    bool m_confirmMultiLine = true;
    bool m_copyOnSelect = false;
    PasteConfirmation m_confirmPaste;
};

} // namespace Qwq::Terminal
