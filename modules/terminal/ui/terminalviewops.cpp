// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TerminalView: broadcast input, snippets, the session log, the ended banner, URLs and OSC 8
// links.
#include "terminalview.h"

#include <terminal/core/iterminalsession.h>
#include <terminal/core/sessionlogger.h>
#include <terminal/core/terminalscreen.h>

#include <QPushButton>
#include <QRegularExpression>

namespace Qwq::Terminal {

void TerminalView::sendSnippet(const QString &text, bool run)
{
    forEachInputTarget([&](TerminalView *v) {
        v->m_screen->paste(text);
        if (run)
            v->m_screen->sendKey(Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
        return true;
    });
}

void TerminalView::forEachInputTarget(const std::function<bool(TerminalView *)> &f)
{
    QList<TerminalView *> targets;
    if (m_broadcasting && m_inputTargets)
        targets = m_inputTargets();
    if (!targets.contains(this))
        targets.prepend(this);
    for (TerminalView *v : std::as_const(targets)) {
        if (v->m_session && v->m_session->isRunning() && f(v))
            v->scrollToBottom();
    }
}

void TerminalView::setBroadcasting(bool on)
{
    if (on == m_broadcasting)
        return;
    m_broadcasting = on;
    viewport()->update();
    emit broadcastingChanged(on);
}

Result<void> TerminalView::startLogging(const QString &path)
{
    auto logger = std::make_unique<SessionLogger>();
    if (auto r = logger->open(path); !r)
        return r;
    m_logger = std::move(logger);
    return {};
}

void TerminalView::stopLogging()
{
    m_logger.reset();
}

bool TerminalView::isLogging() const
{
    return m_logger != nullptr;
}

QString TerminalView::logPath() const
{
    return m_logger ? m_logger->path() : QString();
}

void TerminalView::setEndedMessage(const QString &message)
{
    m_endedBanner->setText(message);
    m_endedBanner->setVisible(!message.isEmpty());
    placeBanner();
}

void TerminalView::placeBanner()
{
    if (m_endedBanner->isHidden())
        return;
    const QRect vp = viewport()->geometry();
    const QSize hint = m_endedBanner->sizeHint();
    const int w = std::min(vp.width() - 8, hint.width() + 24);
    m_endedBanner->setGeometry(vp.left() + (vp.width() - w) / 2, vp.bottom() - hint.height() - 6, w,
                               hint.height());
    m_endedBanner->raise();
}

void TerminalView::hideEvent(QHideEvent *e)
{
    m_blinkTimer.stop();
    m_blinkHidden = false;
    QAbstractScrollArea::hideEvent(e);
}

std::optional<std::pair<TextRange, QUrl>> TerminalView::urlAt(TextPos pos) const
{
    if (auto link = hyperlinkAt(pos))
        return link;
    static const QRegularExpression re(QStringLiteral(R"((?:https?|ftp)://[^\s<>"'`]+)"));
    // The whole logical line, so a URL that the terminal wrapped is found in one piece.
    std::vector<TextPos> map;
    const QString text = m_screen->logicalLine(pos.line, &map);
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        qsizetype end = m.capturedEnd();
        while (end > m.capturedStart()
               && QStringLiteral(".,;:!?)]}").contains(text.at(end - 1)))
            --end;
        const TextRange range{map[size_t(m.capturedStart())], map[size_t(end)]};
        if (!range.contains(pos))
            continue;
        const QUrl url(text.mid(m.capturedStart(), end - m.capturedStart()), QUrl::StrictMode);
        if (url.isValid() && !url.host().isEmpty())
            return std::make_pair(range, url);
    }
    return std::nullopt;
}

std::optional<std::pair<TextRange, QUrl>> TerminalView::hyperlinkAt(TextPos pos) const
{
    const TerminalLine line = m_screen->line(pos.line);
    if (pos.col < 0 || pos.col >= int(line.cells.size()))
        return std::nullopt;
    const int link = line.style(pos.col).link();
    if (!link)
        return std::nullopt;
    // Only web and mail links: a file:// or custom scheme from a remote program could mean
    // something else on this machine.
    const QUrl url(m_screen->hyperlink(link), QUrl::StrictMode);
    static const QStringList schemes = {QStringLiteral("http"), QStringLiteral("https"),
                                        QStringLiteral("ftp"), QStringLiteral("mailto")};
    if (!url.isValid() || !schemes.contains(url.scheme().toLower()))
        return std::nullopt;
    int from = pos.col;
    while (from > 0 && line.style(from - 1).link() == link)
        --from;
    int to = pos.col + 1;
    while (to < int(line.cells.size()) && line.style(to).link() == link)
        ++to;
    return std::make_pair(TextRange{{pos.line, from}, {pos.line, to}}, url);
}

} // namespace Qwq::Terminal
