// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TerminalScreen: libvterm set-up, the callbacks that drive the buffer (screenbuffer.cpp),
// feeding, signals, size, damage and OSC 52.
#include "terminalscreen_p.h"

#include <algorithm>
#include <cstring>

namespace Qwq::Terminal {

namespace {

TermColor toColor(const VTermColor &c)
{
    if (VTERM_COLOR_IS_DEFAULT_FG(&c) || VTERM_COLOR_IS_DEFAULT_BG(&c))
        return {};
    if (VTERM_COLOR_IS_INDEXED(&c))
        return TermColor::indexed(c.indexed.idx);
    return TermColor::rgb(c.rgb.red, c.rgb.green, c.rgb.blue);
}

void setFlag(CellStyle &s, quint16 flag, bool on)
{
    s.flags = on ? (s.flags | flag) : (s.flags & ~flag);
}

} // namespace

// libvterm calls these with the Impl as user data. Returning 1 tells it the event was handled.
struct TerminalScreenCallbacks
{
    using Impl = TerminalScreen::Impl;
    static Impl *impl(void *user) { return static_cast<Impl *>(user); }

    static int putglyph(VTermGlyphInfo *info, VTermPos pos, void *user)
    {
        impl(user)->putGlyph(info, pos);
        return 1;
    }
    static int movecursor(VTermPos pos, VTermPos oldpos, int visible, void *user)
    {
        Impl *d = impl(user);
        d->cursor = pos;
        d->cursorVisible = visible;
        if (d->wrapRow >= 0 && (pos.row != d->wrapRow || pos.col != d->wrapCol))
            d->wrapRow = -1;
        d->damage(std::min(pos.row, oldpos.row), std::max(pos.row, oldpos.row));
        return 1;
    }
    static int scrollrect(VTermRect rect, int downward, int rightward, void *user)
    {
        return impl(user)->scrollRect(rect, downward, rightward) ? 1 : 0;
    }
    static int moverect(VTermRect dest, VTermRect src, void *user)
    {
        impl(user)->moveRect(dest, src);
        return 1;
    }
    static int erase(VTermRect rect, int /*selective*/, void *user)
    {
        impl(user)->erase(rect);
        return 1;
    }
    static int initpen(void *user)
    {
        impl(user)->pen = CellStyle();
        impl(user)->updateCellPen();
        return 1;
    }
    static int setpenattr(VTermAttr attr, VTermValue *val, void *user)
    {
        CellStyle &pen = impl(user)->pen;
        switch (attr) {
        case VTERM_ATTR_BOLD: setFlag(pen, CellStyle::Bold, val->boolean); break;
        case VTERM_ATTR_ITALIC: setFlag(pen, CellStyle::Italic, val->boolean); break;
        case VTERM_ATTR_BLINK: setFlag(pen, CellStyle::Blink, val->boolean); break;
        case VTERM_ATTR_REVERSE: setFlag(pen, CellStyle::Reverse, val->boolean); break;
        case VTERM_ATTR_STRIKE: setFlag(pen, CellStyle::Strike, val->boolean); break;
        case VTERM_ATTR_UNDERLINE:
            pen.flags = quint16((pen.flags & ~CellStyle::UnderlineMask)
                                | ((val->number & 3) << CellStyle::kUnderlineShift));
            break;
        case VTERM_ATTR_FOREGROUND: pen.fg = toColor(val->color); break;
        case VTERM_ATTR_BACKGROUND: pen.bg = toColor(val->color); break;
        default: break;
        }
        impl(user)->updateCellPen();
        return 1;
    }
    static int settermprop(VTermProp prop, VTermValue *val, void *user)
    {
        Impl *d = impl(user);
        switch (prop) {
        case VTERM_PROP_CURSORVISIBLE:
            d->cursorVisible = val->boolean;
            d->damage(d->cursor.row, d->cursor.row);
            break;
        case VTERM_PROP_CURSORBLINK: d->cursorBlink = val->boolean; break;
        case VTERM_PROP_CURSORSHAPE:
            d->cursorShape = val->number == VTERM_PROP_CURSORSHAPE_UNDERLINE ? CursorShape::Underline
                             : val->number == VTERM_PROP_CURSORSHAPE_BAR_LEFT ? CursorShape::Bar
                                                                               : CursorShape::Block;
            d->damage(d->cursor.row, d->cursor.row);
            break;
        case VTERM_PROP_ALTSCREEN: d->setAltScreen(val->boolean); break;
        case VTERM_PROP_TITLE: {
            const QString t = TerminalScreen::sanitizeTitle(QString::fromUtf8(val->string));
            if (t != d->title) {
                d->title = t;
                d->titlePending = true;
            }
            break;
        }
        case VTERM_PROP_REVERSE:
            d->reverseVideo = val->boolean;
            d->damage(0, d->rows - 1);
            break;
        case VTERM_PROP_MOUSE: {
            const MouseMode m = val->number == VTERM_PROP_MOUSE_CLICK  ? MouseMode::Click
                                : val->number == VTERM_PROP_MOUSE_DRAG ? MouseMode::Drag
                                : val->number == VTERM_PROP_MOUSE_MOVE ? MouseMode::Move
                                                                       : MouseMode::None;
            if (m != d->mouseMode) {
                d->mouseMode = m;
                d->mousePending = true;
            }
            break;
        }
        default: break;   // icon name: not shown anywhere
        }
        return 1;
    }
    static int bell(void *user)
    {
        impl(user)->bellPending = true;
        return 1;
    }
    static int resize(int rows, int cols, VTermPos *delta, void *user)
    {
        impl(user)->resizeBuffers(rows, cols, delta);
        return 1;
    }
    static int setlineinfo(int, const VTermLineInfo *, const VTermLineInfo *, void *) { return 1; }

    // Sequences libvterm does not know: swallowed. OSC 52 is looked at (and usually dropped);
    // nothing else here may act.
    static int osc(const char *command, size_t len, void *user)
    {
        impl(user)->handleOsc(command, len);
        return 1;
    }
    static int control(unsigned char, void *) { return 1; }
    static int csi(const char *, const long[], int, const char *, char, void *) { return 1; }
    static int dcs(const char *, size_t, void *) { return 1; }

    static void output(const char *s, size_t len, void *user)
    {
        Impl *d = impl(user);
        (d->probing ? d->probeOut : d->out).append(s, qsizetype(len));
    }
};

namespace {
using Cb = TerminalScreenCallbacks;
const VTermStateCallbacks kStateCallbacks = {
    Cb::putglyph, Cb::movecursor, Cb::scrollrect, Cb::moverect, Cb::erase,  Cb::initpen,
    Cb::setpenattr, Cb::settermprop, Cb::bell, Cb::resize, Cb::setlineinfo,
};
const VTermParserCallbacks kFallbacks = {
    nullptr, Cb::control, nullptr, Cb::csi, Cb::osc, Cb::dcs, nullptr,
};
} // namespace

TerminalScreen::TerminalScreen(int rows, int cols, QObject *parent)
    : QObject(parent), d(std::make_unique<Impl>())
{
    d->rows = std::max(1, rows);
    d->cols = std::max(1, cols);
    d->primary.resize(size_t(d->rows));
    d->alternate.resize(size_t(d->rows));
    for (auto *buf : {&d->primary, &d->alternate}) {
        for (ScreenRow &r : *buf)
            r.reset(d->cols, ScreenCell());
    }
    d->vt = vterm_new(d->rows, d->cols);
    vterm_set_utf8(d->vt, 1);
    vterm_output_set_callback(d->vt, &Cb::output, d.get());
    d->state = vterm_obtain_state(d->vt);
    vterm_state_set_callbacks(d->state, &kStateCallbacks, d.get());
    vterm_state_set_unrecognised_fallbacks(d->state, &kFallbacks, d.get());
    vterm_state_reset(d->state, 1);
    d->changed = false;
}

TerminalScreen::~TerminalScreen()
{
    vterm_free(d->vt);
}

namespace {
// Where an escape sequence that the chunk does not finish starts (an OSC string, a CSI, or
// a lone ESC), or -1. Inside an OSC string an ESC can only begin its terminator (ESC \), so
// only the last ESC or two need a look.
qsizetype unfinishedSequence(QByteArrayView bytes)
{
    auto openOsc = [bytes](qsizetype esc, qsizetype end) {
        return esc + 1 < end && bytes[esc + 1] == ']'
               && bytes.sliced(esc + 2, end - esc - 2).indexOf('\x07') < 0;
    };
    const qsizetype esc = bytes.lastIndexOf('\x1b');
    if (esc < 0)
        return -1;
    if (esc + 1 == bytes.size()) {
        // ESC alone: it may begin a sequence, or end an OSC string begun before it.
        const qsizetype prev = esc > 0 ? bytes.lastIndexOf('\x1b', esc - 1) : -1;
        return prev >= 0 && openOsc(prev, esc) ? prev : esc;
    }
    if (bytes[esc + 1] == '[') {
        for (qsizetype i = esc + 2; i < bytes.size(); ++i) {
            if (bytes[i] >= 0x40 && bytes[i] <= 0x7e)
                return -1;
        }
        return esc;
    }
    return openOsc(esc, bytes.size()) ? esc : -1;
}
constexpr qsizetype kMaxCarry = 64 * 1024;

// libvterm 0.1.4 applies only the first mode of "CSI ? Pm h" (and l); ncurses sets several
// at once (htop: "\e[?1006;1000h" turns on mouse reporting). Such sequences are split into
// one per mode. '?' is rare in output, so the scan is a memchr.
QByteArrayView splitPrivateModes(QByteArrayView in, QByteArray &out)
{
    const char *data = in.data();
    const qsizetype n = in.size();
    qsizetype done = 0;
    qsizetype from = 0;
    while (from < n) {
        const auto *q = static_cast<const char *>(std::memchr(data + from, '?', size_t(n - from)));
        if (!q)
            break;
        const qsizetype at = q - data;
        from = at + 1;
        if (at < 2 || data[at - 2] != '\x1b' || data[at - 1] != '[')
            continue;
        qsizetype end = at + 1;
        bool several = false;
        while (end < n && ((data[end] >= '0' && data[end] <= '9') || data[end] == ';')) {
            several = several || data[end] == ';';
            ++end;
        }
        if (!several || end >= n || (data[end] != 'h' && data[end] != 'l'))
            continue;
        if (out.isEmpty())
            out.reserve(n + 64);
        out.append(data + done, at - 2 - done);
        for (qsizetype p = at + 1; p < end;) {
            qsizetype e = p;
            while (e < end && data[e] != ';')
                ++e;
            if (e > p) {
                out.append("\x1b[?");
                out.append(data + p, e - p);
                out.append(data[end]);
            }
            p = e + 1;
        }
        done = end + 1;
        from = done;
    }
    if (done == 0)
        return in;
    out.append(data + done, n - done);
    return out;
}
} // namespace

void TerminalScreen::feed(QByteArrayView bytes)
{
    QByteArray joined;
    if (!d->oscCarry.isEmpty()) {
        joined = std::exchange(d->oscCarry, {});
        joined.append(bytes);
        bytes = joined;
    }
    if (const qsizetype cut = unfinishedSequence(bytes); cut >= 0 && bytes.size() - cut < kMaxCarry) {
        d->oscCarry = bytes.sliced(cut).toByteArray();
        bytes = bytes.first(cut);
    }
    QByteArray split;
    bytes = splitPrivateModes(bytes, split);
    const QByteArrayView in = d->rewriter.process(bytes);
    if (!in.isEmpty())
        vterm_input_write(d->vt, in.data(), size_t(in.size()));
    d->flushOutput();
    emitPending();
}

void TerminalScreen::emitPending()
{
    if (d->altPending) {
        d->altPending = false;
        emit alternateScreenChanged(d->altActive);
    }
    if (d->titlePending) {
        d->titlePending = false;
        emit titleChanged(d->title);
    }
    if (d->mousePending) {
        d->mousePending = false;
        emit mouseModeChanged(d->mouseMode);
    }
    for (const QString &text : std::exchange(d->clipboardPending, {}))
        emit clipboardWriteRequested(text);
    if (d->bellPending) {
        d->bellPending = false;
        emit bell();
    }
    if (d->changed) {
        d->changed = false;
        emit contentsChanged();
    }
}

void TerminalScreen::setWriter(Writer writer)
{
    d->writer = std::move(writer);
}

int TerminalScreen::rows() const { return d->rows; }
int TerminalScreen::columns() const { return d->cols; }

void TerminalScreen::resize(int rows, int cols)
{
    rows = std::max(1, rows);
    cols = std::max(1, cols);
    if (rows == d->rows && cols == d->cols)
        return;
    vterm_set_size(d->vt, rows, cols);   // calls resizeBuffers through the state
    VTermPos pos;
    vterm_state_get_cursorpos(d->state, &pos);
    d->cursor = pos;
    d->flushOutput();
    emitPending();
}

std::pair<int, int> TerminalScreen::takeDamage()
{
    const std::pair<int, int> r{std::max(0, d->damageFirst), std::min(d->rows - 1, d->damageLast)};
    d->damageFirst = INT_MAX;
    d->damageLast = -1;
    return r;
}

void TerminalScreen::Impl::handleOsc(const char *command, size_t len)
{
    const QByteArrayView s(command, qsizetype(len));
    const qsizetype semi = s.indexOf(';');
    if (semi == 1 && s.first(1) == "8") {
        const qsizetype semi2 = s.indexOf(';', 2);
        if (semi2 >= 0)
            handleHyperlink(s.sliced(2, semi2 - 2), s.sliced(semi2 + 1));
        return;
    }
    if (semi < 0 || s.first(semi) != "52")
        return;   // OSC 7, 10, 11, 133, … change nothing here
    const qsizetype semi2 = s.indexOf(';', semi + 1);
    if (semi2 < 0)
        return;
    const QByteArrayView payload = s.sliced(semi2 + 1);
    if (payload == "?")
        return;   // a clipboard read: never answered
    if (!allowClipboard) {
        ++ignoredClipboard;
        return;
    }
    constexpr qsizetype kMaxClipboard = 1 << 20;
    const auto decoded = QByteArray::fromBase64Encoding(payload.toByteArray(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (decoded && decoded.decoded.size() <= kMaxClipboard)
        clipboardPending.append(QString::fromUtf8(*decoded));
}

void TerminalScreen::Impl::handleHyperlink(QByteArrayView params, QByteArrayView uri)
{
    // OSC 8 ; params ; URI — an empty URI ends the link. Only the text is kept here; the view
    // opens nothing unless the user Ctrl+clicks, and then only web URLs.
    constexpr qsizetype kMaxUri = 2048;
    link = 0;
    if (!uri.isEmpty() && uri.size() <= kMaxUri) {
        const QString target = QString::fromUtf8(uri);
        // Cells of one link with an id stay one link even where the same URI is used twice.
        QString key = target;
        for (const QByteArrayView p : QByteArray::fromRawData(params.data(), params.size()).split(':')) {
            if (p.startsWith("id="))
                key += QLatin1Char('\n') + QString::fromUtf8(p);
        }
        if (const auto it = linkIds.constFind(key); it != linkIds.cend()) {
            link = *it;
        } else if (links.size() < CellStyle::kMaxLinks) {
            links.append(target);
            link = int(links.size());
            linkIds.insert(key, link);
        }   // beyond the table the text shows as plain text
    }
    updateCellPen();
}

QString TerminalScreen::hyperlink(int link) const
{
    return link > 0 && link <= d->links.size() ? d->links.at(link - 1) : QString();
}

} // namespace Qwq::Terminal
