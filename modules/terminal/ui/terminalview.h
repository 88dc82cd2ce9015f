// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "terminaltheme.h"

#include <core/core/result.h>

#include <terminal/core/iterminalsession.h>

#include <QAbstractScrollArea>
#include <QElapsedTimer>
#include <QFont>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QMenu;
class QPushButton;

namespace Qwq::Terminal {

class SessionLogger;
class TerminalScreen;
struct TerminalLine;
struct TerminalSettings;

/// Shows a TerminalScreen and is its keyboard, mouse and clipboard. Repaints are coalesced:
/// the screen's changes are collected and painted at most once per frame (16 ms), only the
/// damaged rows unless the view scrolled, and each run of cells with the same attributes is
/// drawn with one drawText (wide and fallback-font glyphs one by one, on their cells).
///
/// The vertical scroll bar spans the scrollback; the view follows new output unless the
/// user scrolled up. Selection: drag for characters, double click for a word, triple click
/// for the logical line; Shift bypasses mouse reporting. Ctrl+Shift+C / Ctrl+Shift+V copy
/// and paste; a paste of several lines asks first unless the program uses bracketed paste.
/// URLs (also across soft-wrapped rows) and OSC 8 hyperlinks open only with Ctrl+click
/// (urlActivated; the view opens nothing itself, and hovering shows the target). Ctrl+= and
/// Ctrl+- zoom. Font, theme, copy-on-select, OSC 52, scrollback size and the paste warning
/// come from TerminalSettings and follow its changes live. Blinking text blinks only while
/// some is on screen (the timer stops otherwise). Optional: a session log (SessionLogger),
/// broadcasting keys and pastes to other views (setInputTargets), a banner with a reconnect
/// button after the session ended. The view owns its screen, not its session.
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
    void applySettings(const TerminalSettings &settings);
    /// Blinking cells are on screen and the blink timer runs.
    bool isBlinkTimerActive() const { return m_blinkTimer.isActive(); }

    /// Appends what the session prints, timestamped and without escape sequences, to `path`.
    Result<void> startLogging(const QString &path);
    void stopLogging();
    bool isLogging() const;
    QString logPath() const;

    /// Broadcast: while on, keys, input-method text and pastes typed here go to every view
    /// `targets` returns (each encodes them for its own program's modes); marked by a frame.
    using InputTargets = std::function<QList<TerminalView *>()>;
    void setInputTargets(InputTargets targets) { m_inputTargets = std::move(targets); }
    void setBroadcasting(bool on);
    bool isBroadcasting() const { return m_broadcasting; }

    /// A banner over the bottom of the view with `message` (e.g. disconnected — press Enter
    /// or click to reconnect); clicking it emits restartRequested. Empty hides it.
    void setEndedMessage(const QString &message);
    QPushButton *endedBanner() const { return m_endedBanner; }

    /// Lets the owner add entries (split, broadcast, snippets…) to the context menu.
    using MenuExtender = std::function<void(QMenu *menu)>;
    void setMenuExtender(MenuExtender extender) { m_menuExtender = std::move(extender); }
    /// The context menu as it would be shown (for tests and the keyboard menu key).
    std::unique_ptr<QMenu> createContextMenu();

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
    /// Inserts a snippet the user chose: pasted without the multi-line question (to every
    /// broadcast target too), then Enter when `run`.
    void sendSnippet(const QString &text, bool run);
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
    void focusReceived();
    void broadcastingChanged(bool on);
    /// "Send Selection to AI" from the context menu.
    void askAiRequested(const QString &text);

protected:
    bool event(QEvent *e) override;
    void paintEvent(QPaintEvent *e) override;
    void hideEvent(QHideEvent *e) override;
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
    std::optional<std::pair<TextRange, QUrl>> hyperlinkAt(TextPos pos) const;
    void updateHover(const QPointF &p, Qt::KeyboardModifiers mods);
    /// `f` returns whether the input means something (then the view scrolls to the bottom).
    void forEachInputTarget(const std::function<bool(TerminalView *)> &f);
    void placeBanner();
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

    QTimer m_blinkTimer;
    bool m_blinkHidden = false;   // the blink phase in which blinking text is not drawn
    bool m_blinkSeen = false;     // set by paintLine
    std::unique_ptr<SessionLogger> m_logger;
    InputTargets m_inputTargets;
    bool m_broadcasting = false;
    QPushButton *m_endedBanner;
    MenuExtender m_menuExtender;
};

} // namespace Qwq::Terminal
