// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TerminalScreen: what goes to the program (keys, text, pastes, mouse) and the modes that
// decide how it is encoded. libvterm 0.1.4 has no getters for these modes, so they are read
// by asking its own encoder what it would send (the "probe"); nothing reaches the program.
#include "terminalscreen_p.h"

namespace Qwq::Terminal {

namespace {

VTermModifier toModifier(Qt::KeyboardModifiers m)
{
    int v = VTERM_MOD_NONE;
    if (m & Qt::ShiftModifier)
        v |= VTERM_MOD_SHIFT;
    if (m & Qt::AltModifier)
        v |= VTERM_MOD_ALT;
    if (m & Qt::ControlModifier)
        v |= VTERM_MOD_CTRL;
    return VTermModifier(v);
}

VTermKey keypadKey(int key)
{
    switch (key) {
    case Qt::Key_0: case Qt::Key_1: case Qt::Key_2: case Qt::Key_3: case Qt::Key_4:
    case Qt::Key_5: case Qt::Key_6: case Qt::Key_7: case Qt::Key_8: case Qt::Key_9:
        return VTermKey(VTERM_KEY_KP_0 + (key - Qt::Key_0));
    case Qt::Key_Asterisk: return VTERM_KEY_KP_MULT;
    case Qt::Key_Plus: return VTERM_KEY_KP_PLUS;
    case Qt::Key_Comma: return VTERM_KEY_KP_COMMA;
    case Qt::Key_Minus: return VTERM_KEY_KP_MINUS;
    case Qt::Key_Period: return VTERM_KEY_KP_PERIOD;
    case Qt::Key_Slash: return VTERM_KEY_KP_DIVIDE;
    case Qt::Key_Enter: return VTERM_KEY_KP_ENTER;
    case Qt::Key_Equal: return VTERM_KEY_KP_EQUAL;
    default: return VTERM_KEY_NONE;
    }
}

VTermKey specialKey(int key)
{
    switch (key) {
    case Qt::Key_Return: case Qt::Key_Enter: return VTERM_KEY_ENTER;
    case Qt::Key_Tab: case Qt::Key_Backtab: return VTERM_KEY_TAB;
    case Qt::Key_Backspace: return VTERM_KEY_BACKSPACE;
    case Qt::Key_Escape: return VTERM_KEY_ESCAPE;
    case Qt::Key_Up: return VTERM_KEY_UP;
    case Qt::Key_Down: return VTERM_KEY_DOWN;
    case Qt::Key_Left: return VTERM_KEY_LEFT;
    case Qt::Key_Right: return VTERM_KEY_RIGHT;
    case Qt::Key_Insert: return VTERM_KEY_INS;
    case Qt::Key_Delete: return VTERM_KEY_DEL;
    case Qt::Key_Home: return VTERM_KEY_HOME;
    case Qt::Key_End: return VTERM_KEY_END;
    case Qt::Key_PageUp: return VTERM_KEY_PAGEUP;
    case Qt::Key_PageDown: return VTERM_KEY_PAGEDOWN;
    default: break;
    }
    if (key >= Qt::Key_F1 && key <= Qt::Key_F35)
        return VTermKey(VTERM_KEY_FUNCTION(key - Qt::Key_F1 + 1));
    return VTERM_KEY_NONE;
}

// The classic control characters for Ctrl with a symbol or digit (libvterm 0.1.4 only maps
// letters and sends CSI u for the rest, which shells do not understand).
int controlByte(char32_t c)
{
    switch (c) {
    case U' ': case U'@': case U'2': return 0x00;
    case U'[': case U'3': return 0x1b;
    case U'\\': case U'4': return 0x1c;
    case U']': case U'5': return 0x1d;
    case U'^': case U'6': return 0x1e;
    case U'_': case U'7': case U'/': case U'-': return 0x1f;
    case U'?': case U'8': return 0x7f;
    default: return -1;
    }
}

bool isModifierKey(int key)
{
    return key == Qt::Key_Shift || key == Qt::Key_Control || key == Qt::Key_Alt
           || key == Qt::Key_Meta || key == Qt::Key_AltGr || key == Qt::Key_CapsLock
           || key == Qt::Key_NumLock || key == Qt::Key_ScrollLock || key == Qt::Key_Super_L
           || key == Qt::Key_Super_R || key == Qt::Key_Hyper_L || key == Qt::Key_Hyper_R;
}

} // namespace

QByteArray TerminalScreen::Impl::probe(const std::function<void()> &f) const
{
    auto *self = const_cast<Impl *>(this);
    self->probing = true;
    self->probeOut.clear();
    f();
    self->probing = false;
    return std::exchange(self->probeOut, {});
}

bool TerminalScreen::bracketedPaste() const
{
    return !d->probe([this] { vterm_keyboard_start_paste(d->vt); }).isEmpty();
}

bool TerminalScreen::applicationCursorKeys() const
{
    return d->probe([this] { vterm_keyboard_key(d->vt, VTERM_KEY_UP, VTERM_MOD_NONE); })
           == "\x1bOA";
}

bool TerminalScreen::applicationKeypad() const
{
    return d->probe([this] { vterm_keyboard_key(d->vt, VTERM_KEY_KP_0, VTERM_MOD_NONE); })
           == "\x1bOp";
}

MouseMode TerminalScreen::mouseMode() const
{
    return d->mouseMode;
}

bool TerminalScreen::sendKey(int key, Qt::KeyboardModifiers modifiers, const QString &text)
{
    if (isModifierKey(key))
        return false;
    VTermModifier mod = toModifier(modifiers);
    if (modifiers & Qt::KeypadModifier) {
        if (const VTermKey k = keypadKey(key); k != VTERM_KEY_NONE) {
            vterm_keyboard_key(d->vt, k, mod);
            d->flushOutput();
            return true;
        }
    }
    if (const VTermKey k = specialKey(key); k != VTERM_KEY_NONE) {
        if (key == Qt::Key_Backtab)
            mod = VTermModifier(mod | VTERM_MOD_SHIFT);
        vterm_keyboard_key(d->vt, k, mod);
        d->flushOutput();
        return true;
    }
    // With Ctrl the layout's text is already a control character (or nothing): encode from
    // the key instead, so Ctrl+C is ^C and Ctrl+Alt+X is ESC ^X.
    if ((modifiers & Qt::ControlModifier) && key >= 0x20 && key < 0x7f) {
        char32_t c = char32_t(key);
        if (c >= U'A' && c <= U'Z')
            c = c - U'A' + U'a';
        if (const int b = controlByte(c); b >= 0) {
            if (mod & VTERM_MOD_ALT)
                d->out.append('\x1b');
            d->out.append(char(b));
            d->flushOutput();
            return true;
        }
        vterm_keyboard_unichar(d->vt, c, VTermModifier(mod & ~VTERM_MOD_SHIFT));
        d->flushOutput();
        return true;
    }
    if (text.isEmpty())
        return false;
    const QList<uint> cps = text.toUcs4();
    for (uint cp : cps) {
        if (cp < 0x20 || cp == 0x7f) {
            if (mod & VTERM_MOD_ALT)
                d->out.append('\x1b');
            d->out.append(char(cp));   // e.g. a layout that produces a control character
        } else {
            vterm_keyboard_unichar(d->vt, cp, mod);
        }
    }
    d->flushOutput();
    return true;
}

void TerminalScreen::sendText(const QString &text)
{
    if (text.isEmpty())
        return;
    d->out.append(text.toUtf8());
    d->flushOutput();
}

void TerminalScreen::paste(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (u == u'\r') {
            clean.append(QLatin1Char('\r'));
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
        } else if (u == u'\n') {
            clean.append(QLatin1Char('\r'));
        } else if (u == u'\t' || (u >= 0x20 && u != 0x7f && !(u >= 0x80 && u < 0xa0))) {
            clean.append(c);
        }
    }
    if (clean.isEmpty())
        return;
    vterm_keyboard_start_paste(d->vt);
    d->out.append(clean.toUtf8());
    vterm_keyboard_end_paste(d->vt);
    d->flushOutput();
}

void TerminalScreen::mouseMove(int row, int col, Qt::KeyboardModifiers modifiers)
{
    // libvterm 0.1.4 reports buttons even with mouse reporting off: check first.
    if (d->mouseMode == MouseMode::None)
        return;
    vterm_mouse_move(d->vt, std::clamp(row, 0, d->rows - 1), std::clamp(col, 0, d->cols - 1),
                     toModifier(modifiers));
    d->flushOutput();
}

void TerminalScreen::mouseButton(int button, bool pressed, Qt::KeyboardModifiers modifiers)
{
    if (d->mouseMode == MouseMode::None)
        return;
    vterm_mouse_button(d->vt, button, pressed, toModifier(modifiers));
    d->flushOutput();
}

void TerminalScreen::focusChanged(bool focused)
{
    if (focused)
        vterm_state_focus_in(d->state);
    else
        vterm_state_focus_out(d->state);
    d->flushOutput();
}

} // namespace Qwq::Terminal
