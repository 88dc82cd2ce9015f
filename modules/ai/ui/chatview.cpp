// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatview.h"

#include "markdownview.h"
#include "toolcallcard.h"

#include <ai/core/aitr.h>

#include <QEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Qwq::Ai {

namespace {

// Model-facing marker between the question and what an "ask AI" entry point attached.
const QString kAttachedMarker = QStringLiteral("\n\n--- attached: ");
const QString kAttachedEnd = QStringLiteral(" ---\n");

// The pane's own words in the conversation, by key, so they follow a language change.
QString fixedText(const QString &key, const QString &arg = {})
{
    if (key == QLatin1String("you"))
        return Tr::tr("You");
    if (key == QLatin1String("ai"))
        return Tr::tr("AI");
    if (key == QLatin1String("reasoning"))
        return Tr::tr("Reasoning");
    if (key == QLatin1String("attached"))
        return Tr::tr("Attached: %1").arg(arg);
    if (key == QLatin1String("helpTitle"))
        return Tr::tr("Bundled help (works without a model)");
    if (key == QLatin1String("helpNone"))
        return Tr::tr("Nothing in the bundled help matches this question. These topics are there:");
    if (key == QLatin1String("helpMatch"))
        return Tr::tr("Commands for common problems that look like this question. Read them "
                      "before running them.");
    return {};
}

template<typename W>
W *keyed(W *w, const QString &key, const QString &arg = {})
{
    w->setProperty("qwqText", key);
    w->setProperty("qwqArg", arg);
    w->setText(fixedText(key, arg));
    return w;
}

QLabel *roleLabel(const QString &key, QWidget *parent)
{
    auto *l = keyed(new QLabel(parent), key);
    l->setTextFormat(Qt::PlainText);
    QFont f = l->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.9);
    l->setFont(f);
    l->setForegroundRole(QPalette::PlaceholderText);
    return l;
}

/// A toggle button that shows and hides `target`.
QToolButton *disclosure(const QString &text, QWidget *target, bool open, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setCheckable(true);
    b->setAutoRaise(true);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setChecked(open);
    b->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    target->setVisible(open);
    QObject::connect(b, &QToolButton::toggled, target, [b, target](bool on) {
        target->setVisible(on);
        b->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    return b;
}

QString fenceFor(const QString &text)
{
    QString fence = QStringLiteral("```");
    while (text.contains(fence))
        fence += QLatin1Char('`');
    return fence;
}

} // namespace

QString UserText::compose() const
{
    if (attachment.isEmpty())
        return question;
    const QString fence = fenceFor(attachment);
    return question + kAttachedMarker + attachmentTitle + kAttachedEnd + fence + QLatin1Char('\n')
           + attachment + QLatin1Char('\n') + fence;
}

UserText UserText::split(const QString &text)
{
    UserText u;
    const qsizetype at = text.indexOf(kAttachedMarker);
    const qsizetype end = at < 0 ? -1 : text.indexOf(kAttachedEnd, at + kAttachedMarker.size());
    if (at < 0 || end < 0) {
        u.question = text;
        return u;
    }
    u.question = text.left(at);
    u.attachmentTitle = text.mid(at + kAttachedMarker.size(), end - at - kAttachedMarker.size());
    QString body = text.mid(end + kAttachedEnd.size());
    // Strip the fence lines around it.
    const qsizetype firstNl = body.indexOf(QLatin1Char('\n'));
    const qsizetype lastNl = body.lastIndexOf(QLatin1Char('\n'));
    if (firstNl >= 0 && lastNl > firstNl && body.startsWith(QLatin1String("```")))
        body = body.mid(firstNl + 1, lastNl - firstNl - 1);
    u.attachment = body;
    return u;
}

ChatView::ChatView(QWidget *parent) : QScrollArea(parent)
{
    setObjectName(QStringLiteral("chatView"));
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("chatContent"));
    m_layout = new QVBoxLayout(m_content);
    m_layout->setContentsMargins(6, 6, 6, 6);
    m_layout->setSpacing(8);
    m_layout->addStretch(1);
    setWidget(m_content);

    // One flush per event-loop pass: tokens that arrived together are laid out together.
    m_flush.setSingleShot(true);
    m_flush.setInterval(0);
    connect(&m_flush, &QTimer::timeout, this, &ChatView::flush);
    QScrollBar *bar = verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int v) { m_follow = v >= bar->maximum() - 8; });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
        if (m_anchor)
            bar->setValue(qMin(max, m_anchor->y() - 4));
        else if (m_follow)
            bar->setValue(max);
    });
}

void ChatView::keepAtTop(QWidget *block)
{
    m_anchor = block;
    QTimer::singleShot(0, this, [this] {
        if (m_anchor)
            verticalScrollBar()->setValue(qMin(verticalScrollBar()->maximum(), m_anchor->y() - 4));
    });
}

void ChatView::addBlock(QWidget *w)
{
    m_anchor = nullptr;   // something new: follow the end again
    // Before the stretch that keeps blocks at the top.
    m_layout->insertWidget(m_layout->count() - 1, w);
}

void ChatView::clear()
{
    m_flush.stop();
    m_pendingContent.clear();
    m_pendingReasoning.clear();
    m_open = nullptr;
    m_openText = nullptr;
    m_openReasoning = nullptr;
    while (m_layout->count() > 1) {
        QLayoutItem *item = m_layout->takeAt(0);
        delete item->widget();
        delete item;
    }
    m_follow = true;
}

bool ChatView::isEmpty() const
{
    return m_layout->count() <= 1;
}

void ChatView::addUserMessage(const QString &text)
{
    endAssistantMessage();
    const UserText u = UserText::split(text);
    auto *block = new QFrame;
    block->setObjectName(QStringLiteral("userMessage"));
    block->setStyleSheet(QStringLiteral("QFrame#userMessage { background: palette(alternate-base);"
                                        " border-radius: 6px; }"));
    auto *l = new QVBoxLayout(block);
    l->setContentsMargins(8, 4, 8, 6);
    l->setSpacing(2);
    l->addWidget(roleLabel(QStringLiteral("you"), block));
    auto *view = new MarkdownView(block);
    view->setPlainMessage(u.question);
    l->addWidget(view);
    if (!u.attachment.isEmpty()) {
        auto *body = new QPlainTextEdit(block);
        body->setObjectName(QStringLiteral("attachmentText"));
        body->setReadOnly(true);
        body->setPlainText(u.attachment);
        body->setMaximumHeight(160);
        l->addWidget(keyed(disclosure(QString(), body, false, block), QStringLiteral("attached"),
                           u.attachmentTitle));
        l->addWidget(body);
    }
    addBlock(block);
    m_follow = true;
}

void ChatView::appendContent(const QString &delta)
{
    m_pendingContent += delta;
    if (!m_flush.isActive())
        m_flush.start();
}

void ChatView::appendReasoning(const QString &delta)
{
    m_pendingReasoning += delta;
    if (!m_flush.isActive())
        m_flush.start();
}

void ChatView::flush()
{
    if (m_pendingContent.isEmpty() && m_pendingReasoning.isEmpty())
        return;
    if (!m_open) {
        auto *block = new QWidget;
        block->setObjectName(QStringLiteral("assistantMessage"));
        auto *l = new QVBoxLayout(block);
        l->setContentsMargins(8, 0, 8, 0);
        l->setSpacing(2);
        l->addWidget(roleLabel(QStringLiteral("ai"), block));
        m_openReasoning = new MarkdownView(block);
        m_openReasoning->setObjectName(QStringLiteral("reasoningText"));
        QPalette dim = m_openReasoning->palette();
        dim.setColor(QPalette::Text, dim.color(QPalette::PlaceholderText));
        m_openReasoning->setPalette(dim);
        auto *toggle = keyed(disclosure(QString(), m_openReasoning, false, block),
                             QStringLiteral("reasoning"));
        toggle->setObjectName(QStringLiteral("reasoningToggle"));
        toggle->setVisible(false);
        l->addWidget(toggle);
        l->addWidget(m_openReasoning);
        m_openText = new MarkdownView(block);
        m_openText->setObjectName(QStringLiteral("assistantText"));
        l->addWidget(m_openText);
        m_open = block;
        addBlock(block);
    }
    if (!m_pendingReasoning.isEmpty()) {
        m_open->findChild<QToolButton *>(QStringLiteral("reasoningToggle"))->setVisible(true);
        m_openReasoning->appendStreaming(std::exchange(m_pendingReasoning, {}));
    }
    if (!m_pendingContent.isEmpty())
        m_openText->appendStreaming(std::exchange(m_pendingContent, {}));
}

void ChatView::endAssistantMessage()
{
    m_flush.stop();
    flush();
    if (m_openText) {
        if (m_openText->source().trimmed().isEmpty())
            m_openText->hide();   // a step with only tool calls
        else
            m_openText->setMarkdownText(m_openText->source());
    }
    m_open = nullptr;
    m_openText = nullptr;
    m_openReasoning = nullptr;
}

void ChatView::addAssistantMessage(const QString &content, const QString &reasoning)
{
    endAssistantMessage();
    if (!reasoning.isEmpty())
        appendReasoning(reasoning);
    appendContent(content);
    endAssistantMessage();
}

ToolCallCard *ChatView::addToolCard(const ToolCallRecord &record)
{
    endAssistantMessage();
    auto *card = new ToolCallCard;
    card->setRecord(record);
    addBlock(card);
    return card;
}

QFrame *ChatView::addNotice(const QString &text, bool error, const QString &detail)
{
    endAssistantMessage();
    auto *frame = new QFrame;
    frame->setObjectName(error ? QStringLiteral("errorNotice") : QStringLiteral("infoNotice"));
    frame->setStyleSheet(error ? QStringLiteral("QFrame#errorNotice { background: #fdecea;"
                                                " border: 1px solid #e57373; border-radius: 4px; }"
                                                " QLabel { color: #7f1d1d; }")
                               : QStringLiteral("QFrame#infoNotice { border: 1px dashed palette(mid);"
                                                " border-radius: 4px; }"));
    auto *l = new QVBoxLayout(frame);
    l->setContentsMargins(8, 4, 8, 4);
    auto *label = new QLabel(text, frame);
    label->setObjectName(QStringLiteral("noticeText"));
    label->setTextFormat(Qt::PlainText);   // provider messages may quote the provider
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->addWidget(label);
    if (!detail.isEmpty()) {
        auto *d = new QLabel(detail, frame);
        d->setObjectName(QStringLiteral("noticeDetail"));
        d->setTextFormat(Qt::PlainText);
        d->setWordWrap(true);
        d->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont f = d->font();
        f.setPointSizeF(f.pointSizeF() * 0.9);
        d->setFont(f);
        l->addWidget(d);
    }
    addBlock(frame);
    return frame;
}

void ChatView::addHelp(const QList<HelpTopic> &matches, const QList<HelpTopic> &all,
                       const QString &language)
{
    endAssistantMessage();
    auto *frame = new QFrame;
    frame->setObjectName(QStringLiteral("bundledHelp"));
    frame->setStyleSheet(QStringLiteral("QFrame#bundledHelp { border: 1px solid palette(mid);"
                                        " border-left: 4px solid #3a7bd5; border-radius: 4px; }"));
    auto *l = new QVBoxLayout(frame);
    l->setContentsMargins(10, 6, 8, 6);
    l->setSpacing(2);
    auto *title = roleLabel(QStringLiteral("helpTitle"), frame);
    title->setForegroundRole(QPalette::WindowText);
    l->addWidget(title);
    auto *intro = keyed(new QLabel(frame), matches.isEmpty() ? QStringLiteral("helpNone")
                                                             : QStringLiteral("helpMatch"));
    intro->setWordWrap(true);
    l->addWidget(intro);
    const QList<HelpTopic> &shown = matches.isEmpty() ? all : matches;
    for (const HelpTopic &t : shown) {
        auto *body = new MarkdownView(frame);
        body->setObjectName(QStringLiteral("helpTopic_") + t.id);
        body->setMarkdownText(t.body(language));
        auto *toggle = disclosure(t.title(language), body, !matches.isEmpty(), frame);
        QFont f = toggle->font();
        f.setBold(true);
        toggle->setFont(f);
        l->addWidget(toggle);
        l->addWidget(body);
    }
    addBlock(frame);
}

void ChatView::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) {
        for (QWidget *w : m_content->findChildren<QWidget *>()) {
            const QString key = w->property("qwqText").toString();
            if (key.isEmpty())
                continue;
            const QString text = fixedText(key, w->property("qwqArg").toString());
            if (auto *l = qobject_cast<QLabel *>(w))
                l->setText(text);
            else if (auto *b = qobject_cast<QToolButton *>(w))
                b->setText(text);
        }
    }
    QScrollArea::changeEvent(e);
}

QString ChatView::transcriptText() const
{
    QStringList parts;
    for (int i = 0; i < m_layout->count(); ++i) {
        QWidget *w = m_layout->itemAt(i)->widget();
        if (!w)
            continue;
        if (auto *card = qobject_cast<ToolCallCard *>(w)) {
            const ToolCallRecord &r = card->record();
            parts << QStringLiteral("[%1 %2 %3]").arg(r.toolName, r.method, card->statusText())
                  << r.output;
            continue;
        }
        const QList<QWidget *> children = w->findChildren<QWidget *>();
        for (QWidget *c : children) {
            if (auto *v = qobject_cast<MarkdownView *>(c))
                parts << v->toPlainText();
            else if (auto *label = qobject_cast<QLabel *>(c))
                parts << label->text();
            else if (auto *b = qobject_cast<QToolButton *>(c))
                parts << b->text();
        }
    }
    if (m_openText && !m_pendingContent.isEmpty())
        parts << m_pendingContent;
    return parts.join(QLatin1Char('\n'));
}

QList<ToolCallCard *> ChatView::cards() const
{
    return m_content->findChildren<ToolCallCard *>();
}

MarkdownView *ChatView::openMessageView() const
{
    return m_openText;
}

} // namespace Qwq::Ai
