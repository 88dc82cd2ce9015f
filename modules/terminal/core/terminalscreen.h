// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "terminaltypes.h"

#include <QByteArrayView>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace Qwq::Terminal {

/// The terminal emulator without widgets: bytes from the program go in (feed), the screen
/// comes out (cells, lines, cursor, damage), and keys, mouse events, pastes and answers to
/// the program's queries go back through the writer callback.
///
/// libvterm's parser and state machine interpret the escape sequences; the screen buffer is
/// our own (rows are rotated, not copied, when the screen scrolls, and lines that scroll off
/// go into a compact Scrollback). Limits: libvterm 0.1.4 does not reflow text on resize
/// (lines are cut or padded), and its width tables are older than Unicode 15 (see
/// widthfix.h for what is done about emoji).
///
/// Safety: nothing in the byte stream acts outside the screen. OSC 52 clipboard writes are
/// ignored unless setAllowClipboardWrite(true) (then clipboardWriteRequested is emitted;
/// clipboard reads are never answered); titles are sanitised (sanitizeTitle); no sequence
/// opens a file or URL. Signals are emitted after feed() returns, never from inside libvterm.
class TerminalScreen final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalScreen)
public:
    static constexpr int kDefaultScrollback = 100000;
    static constexpr int kMaxTitleLength = 256;

    explicit TerminalScreen(int rows = 24, int cols = 80, QObject *parent = nullptr);
    ~TerminalScreen() override;

    // --- from the program ---------------------------------------------------------------
    /// Interprets `bytes`; call with chunks as large as you have.
    void feed(QByteArrayView bytes);

    /// Where keys, mouse reports, pastes and answers to queries (DA, DSR) are written.
    using Writer = std::function<void(QByteArrayView)>;
    void setWriter(Writer writer);

    // --- size -------------------------------------------------------------------------------
    int rows() const;
    int columns() const;
    /// No reflow: lines are cut or padded. Rows that no longer fit above the cursor go to the
    /// scrollback; growing pulls them back.
    void resize(int rows, int cols);

    // --- contents -----------------------------------------------------------------------
    /// A cell of the visible screen (row 0 = top).
    TerminalCell cell(int row, int col) const;
    int scrollbackLines() const;
    int totalLines() const { return scrollbackLines() + rows(); }
    /// Lines dropped from the front of the scrollback so far (see Scrollback::droppedLines).
    quint64 droppedLines() const;
    /// A line of the whole buffer: 0..scrollbackLines()-1 are scrollback (oldest first),
    /// then the screen rows.
    TerminalLine line(int index) const;
    /// Its text, blanks as spaces, trailing blanks dropped; see Scrollback::text.
    QString lineText(int index, std::vector<int> *posToCol = nullptr) const;
    bool isWrapped(int index) const;
    qint64 scrollbackMemory() const;
    void clearScrollback();
    void setScrollbackLimit(int lines);

    int cursorRow() const;
    int cursorColumn() const;
    bool isCursorVisible() const;
    bool isCursorBlinking() const;
    CursorShape cursorShape() const;
    bool isAlternateScreen() const;
    /// DECSCNM: the program asked for the whole screen in reverse video.
    bool isReverseVideo() const;
    QString title() const;

    /// Screen rows changed since the last takeDamage(), as [first, last] (empty: first > last).
    std::pair<int, int> takeDamage();

    // --- modes the program set ----------------------------------------------------------
    bool bracketedPaste() const;
    bool applicationCursorKeys() const;
    bool applicationKeypad() const;
    MouseMode mouseMode() const;

    // --- to the program -----------------------------------------------------------------
    /// A key press: `key` is a Qt::Key, `text` what the keyboard layout produced. Returns
    /// false when the key means nothing to a terminal (e.g. a lone modifier).
    bool sendKey(int key, Qt::KeyboardModifiers modifiers, const QString &text = {});
    /// Text typed or committed by an input method, sent as UTF-8.
    void sendText(const QString &text);
    /// Pasted text: line ends become CR, control characters other than tab are dropped
    /// (so a paste cannot end bracketed paste early), wrapped in ESC[200~ … ESC[201~ when
    /// the program asked for bracketed paste.
    void paste(const QString &text);
    /// Mouse reports (only when mouseMode() != None). Buttons: 1 left, 2 middle, 3 right,
    /// 4/5 wheel up/down.
    void mouseMove(int row, int col, Qt::KeyboardModifiers modifiers);
    void mouseButton(int button, bool pressed, Qt::KeyboardModifiers modifiers);
    void focusChanged(bool focused);

    // --- text, selection and search -----------------------------------------------------
    /// The text in `range`, lines joined with '\n' unless soft-wrapped.
    QString text(const TextRange &range) const;
    /// The word (or run of blanks, or single other character) at `pos`.
    TextRange wordAt(TextPos pos) const;
    /// The logical line at `pos`: soft-wrapped continuation lines included.
    TextRange lineAt(TextPos pos) const;
    /// The logical line around buffer line `index`: soft-wrapped rows joined (at most 1,000
    /// rows each way), blanks as spaces, trailing blanks of the last row dropped. `map` gets
    /// the cell of each UTF-16 position plus one entry for the end; `first`/`last` the rows.
    QString logicalLine(int index, std::vector<TextPos> *map = nullptr, int *first = nullptr,
                        int *last = nullptr) const;
    /// The next match of `needle` strictly after (or, backward, before) `from`, searching
    /// logical lines (a match may span soft-wrapped rows, not hard line ends).
    std::optional<TextRange> find(const QString &needle, TextPos from, bool backward,
                                  Qt::CaseSensitivity cs = Qt::CaseInsensitive) const;

    /// The URI of OSC 8 hyperlink number `link` (CellStyle::link()); empty if unknown. At most
    /// CellStyle::kMaxLinks distinct links are kept; text of later ones shows as plain text.
    QString hyperlink(int link) const;

    // --- safety -------------------------------------------------------------------------
    void setAllowClipboardWrite(bool allow);
    bool allowClipboardWrite() const;
    /// OSC 52 writes seen and dropped because clipboard writes are off.
    int ignoredClipboardWrites() const;
    /// Drops control characters (C0, C1, DEL) and bidirectional overrides, trims, and caps
    /// the length at kMaxTitleLength.
    static QString sanitizeTitle(const QString &raw);

signals:
    /// Something on screen (or the scrollback) changed; emitted at most once per feed().
    void contentsChanged();
    void titleChanged(const QString &title);
    void bell();
    void alternateScreenChanged(bool active);
    void mouseModeChanged(Qwq::Terminal::MouseMode mode);
    /// The program asked to set the clipboard (OSC 52) and setAllowClipboardWrite is on.
    void clipboardWriteRequested(const QString &text);

private:
    friend struct TerminalScreenCallbacks;
    struct Impl;
    void emitPending();
    std::unique_ptr<Impl> d;
};

} // namespace Qwq::Terminal
