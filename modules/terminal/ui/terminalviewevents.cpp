// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TerminalView: keyboard, input methods, mouse, wheel, focus and the context menu.
#include "terminalview.h"

#include "terminalsettings.h"

#include <terminal/core/iterminalsession.h>
#include <terminal/core/terminalscreen.h>
#include <terminal/core/terminaltr.h>

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFontDialog>
#include <QMessageBox>
#include <QMenu>
#include <QScrollBar>

namespace Qwq::Terminal {

namespace {
int buttonNumber(Qt::MouseButton b)
{
    return b == Qt::LeftButton ? 1 : b == Qt::MiddleButton ? 2 : b == Qt::RightButton ? 3 : 0;
}

constexpr auto kCtrlShift = Qt::ControlModifier | Qt::ShiftModifier;
} // namespace

bool TerminalView::event(QEvent *e)
{
    if (e->type() == QEvent::ShortcutOverride) {
        // Keys belong to the program, except Ctrl+Shift combinations: those stay with the
        // application (new tab, find, copy, paste).
        auto *ke = static_cast<QKeyEvent *>(e);
        const auto mods = ke->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier | Qt::AltModifier);
        if (mods != kCtrlShift) {
            ke->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(e);
}

bool TerminalView::focusNextPrevChild(bool)
{
    return false;   // Tab and Shift+Tab go to the program
}

void TerminalView::keyPressEvent(QKeyEvent *e)
{
    const int key = e->key();
    const auto mods = e->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier | Qt::AltModifier);
    const bool keypad = e->modifiers() & Qt::KeypadModifier;
    QScrollBar *bar = verticalScrollBar();
    if (mods == kCtrlShift && key == Qt::Key_C)
        return copy();
    if ((mods == kCtrlShift && key == Qt::Key_V) || (mods == Qt::ShiftModifier && key == Qt::Key_Insert))
        return paste();
    if (mods == kCtrlShift && key == Qt::Key_F)
        return emit findRequested();
    if ((mods & Qt::ControlModifier) && !(mods & Qt::AltModifier) && !keypad
        && (key == Qt::Key_Equal || key == Qt::Key_Plus))
        return zoomIn();
    if (mods == Qt::ControlModifier && !keypad && key == Qt::Key_Minus)
        return zoomOut();
    if (mods == Qt::ControlModifier && !keypad && key == Qt::Key_0)
        return resetZoom();
    if (mods == Qt::ShiftModifier && !m_screen->isAlternateScreen()) {
        switch (key) {
        case Qt::Key_PageUp: return bar->setValue(bar->value() - bar->pageStep());
        case Qt::Key_PageDown: return bar->setValue(bar->value() + bar->pageStep());
        case Qt::Key_Home: return bar->setValue(0);
        case Qt::Key_End: return scrollToBottom();
        default: break;
        }
    }
    if (!m_session || !m_session->isRunning()) {
        if (key == Qt::Key_Return || key == Qt::Key_Enter)
            emit restartRequested();
        return;
    }
    const QString text = e->text();
    const Qt::KeyboardModifiers modifiers = e->modifiers();
    forEachInputTarget([&](TerminalView *v) { return v->m_screen->sendKey(key, modifiers, text); });
}

void TerminalView::inputMethodEvent(QInputMethodEvent *e)
{
    if (const QString commit = e->commitString(); !commit.isEmpty()) {
        forEachInputTarget([&commit](TerminalView *v) {
            v->m_screen->sendText(commit);
            return true;
        });
    }
    m_preedit = e->preeditString();
    viewport()->update();
    e->accept();
}

QVariant TerminalView::inputMethodQuery(Qt::InputMethodQuery query) const
{
    switch (query) {
    case Qt::ImEnabled: return true;
    case Qt::ImFont: return m_font;
    case Qt::ImHints: return int(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    case Qt::ImCursorRectangle: {
        const QRectF r = cellRect(m_screen->scrollbackLines() + m_screen->cursorRow(),
                                  m_screen->cursorColumn());
        return r.toRect().translated(viewport()->pos());
    }
    case Qt::ImCursorPosition:
    case Qt::ImAnchorPosition: return 0;
    case Qt::ImSurroundingText:
    case Qt::ImCurrentSelection: return QString();
    default: return QAbstractScrollArea::inputMethodQuery(query);
    }
}

void TerminalView::mousePressEvent(QMouseEvent *e)
{
    if (mouseReporting(e->modifiers())) {
        const int b = buttonNumber(e->button());
        m_mouseButtons |= 1 << b;
        reportMouse(e, b, true);
        return;
    }
    if (e->button() == Qt::MiddleButton) {
        QClipboard *cb = QGuiApplication::clipboard();
        pasteText(cb->text(cb->supportsSelection() ? QClipboard::Selection : QClipboard::Clipboard));
        return;
    }
    if (e->button() != Qt::LeftButton)
        return;
    const TextPos pos = posAt(e->position(), false);
    if (e->modifiers() & Qt::ControlModifier) {
        if (const auto url = urlAt(pos)) {
            emit urlActivated(url->second);
            return;
        }
    }
    const bool again = m_lastClick.isValid()
                       && m_lastClick.elapsed() < QApplication::doubleClickInterval()
                       && (e->position() - m_lastClickPos).manhattanLength() < 6;
    m_clickCount = again ? m_clickCount % 3 + 1 : 1;
    m_lastClick.restart();
    m_lastClickPos = e->position();
    m_selectMode = m_clickCount == 1 ? SelectMode::Char
                   : m_clickCount == 2 ? SelectMode::Word
                                       : SelectMode::Line;
    m_selecting = true;
    if (m_selectMode == SelectMode::Char && (e->modifiers() & Qt::ShiftModifier) && m_anchor) {
        extendSelection(e->position());
        return;
    }
    if (m_selectMode == SelectMode::Char) {
        m_selection.reset();
        m_anchor = posAt(e->position(), true);
        viewport()->update();
    } else {
        m_anchor = pos;
        extendSelection(e->position());
    }
}

void TerminalView::mouseDoubleClickEvent(QMouseEvent *e)
{
    // A double-click event is the second click whatever came before; a third press soon
    // after it makes a triple click (counted in mousePressEvent).
    m_clickCount = 1;
    m_lastClick.restart();
    m_lastClickPos = e->position();
    mousePressEvent(e);
}

void TerminalView::mouseMoveEvent(QMouseEvent *e)
{
    if (mouseReporting(e->modifiers()) && !m_selecting) {
        if (m_screen->mouseMode() == MouseMode::Move
            || (m_screen->mouseMode() == MouseMode::Drag && e->buttons() != Qt::NoButton))
            reportMouse(e, 0, false);
        return;
    }
    if (m_selecting && (e->buttons() & Qt::LeftButton)) {
        QScrollBar *bar = verticalScrollBar();
        if (e->position().y() < 0)
            bar->setValue(bar->value() - 1);
        else if (e->position().y() > viewport()->height())
            bar->setValue(bar->value() + 1);
        extendSelection(e->position());
        return;
    }
    updateHover(e->position(), e->modifiers());
}

void TerminalView::updateHover(const QPointF &p, Qt::KeyboardModifiers mods)
{
    std::optional<TextRange> hover;
    QString target;
    if (mods & Qt::ControlModifier) {
        if (const auto url = urlAt(posAt(p, false))) {
            hover = url->first;
            target = url->second.toDisplayString();
        }
    }
    if (hover != m_hoverUrl) {
        m_hoverUrl = hover;
        viewport()->setCursor(hover ? Qt::PointingHandCursor : Qt::IBeamCursor);
        // The target is shown before the click: link text can say anything.
        viewport()->setToolTip(target.isEmpty() ? QString() : Tr::tr("Ctrl+click to open %1").arg(target));
        viewport()->update();
    }
}

void TerminalView::mouseReleaseEvent(QMouseEvent *e)
{
    const int b = buttonNumber(e->button());
    if (m_mouseButtons & (1 << b)) {
        m_mouseButtons &= ~(1 << b);
        reportMouse(e, b, false);
        return;
    }
    if (!m_selecting || e->button() != Qt::LeftButton)
        return;
    m_selecting = false;
    if (m_selectMode != SelectMode::Char || m_selection)
        extendSelection(e->position());
    const QString text = selectedText();
    if (text.isEmpty())
        return;
    QClipboard *cb = QGuiApplication::clipboard();
    if (cb->supportsSelection())
        cb->setText(text, QClipboard::Selection);
    if (m_copyOnSelect)
        cb->setText(text);
}

void TerminalView::wheelEvent(QWheelEvent *e)
{
    const int lines = e->angleDelta().y() / 40;   // one notch (120) = 3 lines
    if (lines == 0)
        return;
    if (mouseReporting(e->modifiers())) {
        const TextPos pos = posAt(e->position(), false);
        m_screen->mouseMove(pos.line - m_screen->scrollbackLines(), pos.col, e->modifiers());
        for (int i = 0; i < std::max(1, std::abs(lines) / 3); ++i)
            m_screen->mouseButton(lines > 0 ? 4 : 5, true, e->modifiers());
        return;
    }
    if (m_screen->isAlternateScreen()) {
        // Full-screen programs without mouse reporting (less, man): the wheel moves them.
        if (m_session && m_session->isRunning()) {
            for (int i = 0; i < std::abs(lines); ++i)
                m_screen->sendKey(lines > 0 ? Qt::Key_Up : Qt::Key_Down, Qt::NoModifier);
        }
        return;
    }
    verticalScrollBar()->setValue(verticalScrollBar()->value() - lines);
}

void TerminalView::focusInEvent(QFocusEvent *e)
{
    QAbstractScrollArea::focusInEvent(e);
    emit focusReceived();
    m_screen->focusChanged(true);
    viewport()->update();
}

void TerminalView::focusOutEvent(QFocusEvent *e)
{
    QAbstractScrollArea::focusOutEvent(e);
    m_screen->focusChanged(false);
    viewport()->update();
}

void TerminalView::contextMenuEvent(QContextMenuEvent *e)
{
    if (e->reason() == QContextMenuEvent::Mouse && mouseReporting(e->modifiers()))
        return;   // the right button belongs to the program
    createContextMenu()->exec(e->globalPos());
}

std::unique_ptr<QMenu> TerminalView::createContextMenu()
{
    auto menu = std::make_unique<QMenu>(this);
    QAction *copyAction = menu->addAction(Tr::tr("Copy"), this, &TerminalView::copy);
    copyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyAction->setEnabled(m_selection.has_value());
    QAction *pasteAction = menu->addAction(Tr::tr("Paste"), this, &TerminalView::paste);
    pasteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    pasteAction->setEnabled(m_session && m_session->isRunning());
    menu->addAction(Tr::tr("Select All"), this, &TerminalView::selectAll);
    QAction *ai = menu->addAction(Tr::tr("Send Selection to AI…"), this,
                                  [this] { emit askAiRequested(selectedText()); });
    ai->setObjectName(QStringLiteral("sendSelectionToAi"));
    ai->setEnabled(m_selection.has_value() && !selectedText().trimmed().isEmpty());
    menu->addSeparator();
    QAction *findAction = menu->addAction(Tr::tr("Find…"), this, &TerminalView::findRequested);
    findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    menu->addAction(Tr::tr("Clear Scrollback"), this, [this] {
        clearSelection();
        m_searchHit.reset();
        m_screen->clearScrollback();
        m_fullRepaint = true;
    });
    QAction *broadcast = menu->addAction(Tr::tr("Broadcast Input"), this, &TerminalView::setBroadcasting);
    broadcast->setObjectName(QStringLiteral("broadcastInput"));
    broadcast->setCheckable(true);
    broadcast->setChecked(m_broadcasting);
    if (m_logger) {
        menu->addAction(Tr::tr("Stop Logging to %1").arg(logPath()), this, &TerminalView::stopLogging)
            ->setObjectName(QStringLiteral("stopLogging"));
    } else {
        menu->addAction(Tr::tr("Log to File…"), this, [this] {
            const QString path = QFileDialog::getSaveFileName(
                this, Tr::tr("Log Terminal Output"),
                QDir::home().filePath(QStringLiteral("terminal-%1.log")
                                          .arg(QDateTime::currentDateTime().toString(
                                              QStringLiteral("yyyyMMdd-HHmmss")))),
                Tr::tr("Log files (*.log *.txt);;All files (*)"), nullptr,
                QFileDialog::DontConfirmOverwrite);   // the log is appended to
            if (path.isEmpty())
                return;
            if (const auto r = startLogging(path); !r)
                QMessageBox::warning(this, Tr::tr("Log Terminal Output"), r.error().message);
        })->setObjectName(QStringLiteral("startLogging"));
    }
    if (m_menuExtender) {
        menu->addSeparator();
        m_menuExtender(menu.get());
    }
    menu->addSeparator();
    menu->addAction(Tr::tr("Zoom In"), this, &TerminalView::zoomIn)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Equal));
    menu->addAction(Tr::tr("Zoom Out"), this, &TerminalView::zoomOut)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    menu->addAction(Tr::tr("Reset Zoom"), this, &TerminalView::resetZoom)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    // These change the settings of every terminal (as the Settings dialog does).
    menu->addAction(Tr::tr("Font…"), this, [this] {
        bool ok = false;
        const QFont f = QFontDialog::getFont(&ok, m_font, this, Tr::tr("Terminal Font"),
                                             QFontDialog::MonospacedFonts);
        if (!ok)
            return;
        TerminalSettings s = TerminalSettings::load();
        s.font = f;
        s.save();
    });
    QAction *copyOnSelect = menu->addAction(Tr::tr("Copy on Select"), this, [](bool on) {
        TerminalSettings s = TerminalSettings::load();
        s.copyOnSelect = on;
        s.save();
    });
    copyOnSelect->setCheckable(true);
    copyOnSelect->setChecked(m_copyOnSelect);
    QMenu *themes = menu->addMenu(Tr::tr("Theme"));
    auto *group = new QActionGroup(themes);
    const std::pair<QString, QString> choices[] = {
        {QStringLiteral("auto"), Tr::tr("Follow Application")},
        {QStringLiteral("dark"), Tr::tr("Dark")},
        {QStringLiteral("light"), Tr::tr("Light")},
    };
    for (const auto &[key, label] : choices) {
        QAction *a = themes->addAction(label, this, [key = key] {
            TerminalSettings s = TerminalSettings::load();
            s.theme = key;
            s.save();
        });
        a->setCheckable(true);
        a->setChecked(themeChoice() == key);
        group->addAction(a);
    }
    return menu;
}

void TerminalView::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::PaletteChange && m_themeFollowsPalette) {
        m_theme = TerminalTheme::forPalette(palette());
        viewport()->update();
    }
    QAbstractScrollArea::changeEvent(e);
}

} // namespace Qwq::Terminal
