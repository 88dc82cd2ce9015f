// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ai/core/agenttypes.h>
#include <ai/core/helpindex.h>

#include <QPointer>
#include <QScrollArea>
#include <QTimer>

class QFrame;
class QVBoxLayout;

namespace Qwq::Ai {

class MarkdownView;
class ToolCallCard;

/// The user's message as stored and sent: the question, then what an "ask AI" entry point
/// attached under a fixed marker (model-facing, English). split() recovers the parts for
/// display.
struct UserText
{
    QString question;
    QString attachmentTitle;
    QString attachment;

    QString compose() const;
    static UserText split(const QString &text);
};

/// The conversation as a column of blocks: messages (Markdown rendered safely), collapsible
/// reasoning, tool-call cards, notices and bundled help. Streaming text is buffered and
/// appended once per event-loop pass, so a burst of tokens costs one layout and one paint;
/// the view follows the end unless the user scrolled up.
class ChatView final : public QScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatView)
public:
    explicit ChatView(QWidget *parent = nullptr);

    void clear();
    void addUserMessage(const QString &text);
    /// Streaming: appended to the open assistant message (opened when needed).
    void appendContent(const QString &delta);
    void appendReasoning(const QString &delta);
    /// Closes the open assistant message: its Markdown is rendered now.
    void endAssistantMessage();
    /// A finished assistant message (history).
    void addAssistantMessage(const QString &content, const QString &reasoning = {});
    ToolCallCard *addToolCard(const ToolCallRecord &record);
    /// A message from the pane (an error, "stopped"); returns its frame for extra buttons.
    QFrame *addNotice(const QString &text, bool error, const QString &detail = {});
    /// Bundled help for a question: the matching topics open; without a match, every topic
    /// closed, so the user can browse.
    void addHelp(const QList<HelpTopic> &matches, const QList<HelpTopic> &all,
                 const QString &language);

    /// Scrolls so that `block` is at the top (an error and the help after it are read from
    /// their start), until more is added.
    void keepAtTop(QWidget *block);

    /// Everything shown, as plain text (tests, the export of what is on screen).
    QString transcriptText() const;
    QList<ToolCallCard *> cards() const;
    /// The assistant message receiving streamed text, if any.
    MarkdownView *openMessageView() const;
    bool isEmpty() const;

protected:
    void changeEvent(QEvent *e) override;

private:
    void addBlock(QWidget *w);
    void flush();

    QWidget *m_content;
    QVBoxLayout *m_layout;
    QWidget *m_open = nullptr;        // the open assistant block
    MarkdownView *m_openText = nullptr;
    MarkdownView *m_openReasoning = nullptr;
    QString m_pendingContent;
    QString m_pendingReasoning;
    QTimer m_flush;
    bool m_follow = true;
    QPointer<QWidget> m_anchor;
};

} // namespace Qwq::Ai
