// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ai/core/agenttypes.h>
#include <ai/core/chattypes.h>
#include <ai/core/providerpreset.h>
#include <core/core/result.h>

#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QFrame;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QToolButton;

namespace Qwq::Workbench {
class ServerContext;
}

namespace Qwq::Ai {

class AgentTurn;
class AiServices;
class ChatView;
class ConversationList;
class IToolExecutor;
class LlmClient;
class ToolCallCard;

/// The AI pane of one server: a chat that can look at the server through the registered
/// tools and changes it only with the user's approval, given right in the tool-call card
/// (typed word for destructive calls). Conversations are saved per server and searchable.
/// Without a usable model it says why and shows the bundled help; the rest of the app does
/// not depend on it. "Ask AI" requests from other panels (ServerContext::askAi) bring it
/// forward with the question and the attachment filled in.
class AiPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AiPanel)
public:
    AiPanel(Workbench::ServerContext *server, AiServices *services, QWidget *parent = nullptr);
    ~AiPanel() override;

    /// Sends what is in the input box (with the attachment, if any).
    void send();
    void stop();
    void newConversation();
    bool openConversation(const QString &conversationId);
    Result<void> exportConversation(const QString &path);
    /// Fills the input as an "ask AI" entry point does, and comes forward.
    void prefill(const QString &question, const QString &attachmentTitle, const QString &attachment);

    bool isBusy() const;
    QString conversationId() const { return m_conversationId; }
    ChatView *chat() const { return m_chat; }
    QPlainTextEdit *input() const { return m_input; }
    LlmClient *llmClient() const { return m_llm; }
    QString modelText() const;
    QString attachmentTitle() const { return m_attachTitle; }
    /// Tools run through `executor` instead of the server's helper (tests); not owned.
    void setExecutorOverride(IToolExecutor *executor) { m_executorOverride = executor; }

    /// Room for a conversation: the dock starts tall enough to read an answer.
    QSize sizeHint() const override { return {460, 560}; }
    QSize minimumSizeHint() const override { return {300, 260}; }

signals:
    void turnFinished(bool ok);

protected:
    void changeEvent(QEvent *e) override;
    bool eventFilter(QObject *watched, QEvent *e) override;

private:
    void retranslate();
    void updateModelIndicator();
    void updateButtons();
    void onReadyChanged(bool ready);
    /// Reads system.info (fresh numbers for the model's context), then runs `then`.
    void fetchFacts(std::function<void()> then);
    QString contextText() const;
    void startTurn(const QString &userText, ProviderConfig config);
    void onTurnFinished();
    void onToolCall(const ToolCallRecord &record);
    QFuture<Approval> askApproval(const ApprovalRequest &request);
    void showProblem(const Error &error, const QString &question);
    void saveMessages(const QString &firstQuestion, const QList<ChatMessage> &messages);
    void renderHistory(const QList<ChatMessage> &messages);
    void clearAttachment();
    void raisePanel();
    void maybeAutoAsk();
    void openSettings();
    void trackActivePanel(QWidget *now);
    static QString approverName();

    Workbench::ServerContext *m_server;
    AiServices *m_services;
    LlmClient *m_llm;
    QPointer<AgentTurn> m_turn;
    std::unique_ptr<IToolExecutor> m_executor;
    IToolExecutor *m_executorOverride = nullptr;
    QString m_conversationId;
    QList<ChatMessage> m_history;
    QString m_pendingQuestion;
    bool m_starting = false;   // reading the key and the facts before the turn starts
    quint64 m_startGeneration = 0;
    QHash<QString, ToolCallCard *> m_cards;          // step/callId → card, this turn
    QHash<QString, ToolCallCard *> m_cardsByCallId;  // callId → its latest card
    QJsonObject m_systemInfo;
    QString m_activePanel;
    QString m_attachTitle;
    QString m_attachText;

    QLabel *m_modelLabel;
    QToolButton *m_settingsButton;
    QToolButton *m_historyButton;
    QToolButton *m_newButton;
    QToolButton *m_exportButton;
    QSplitter *m_splitter;
    ConversationList *m_conversations;
    ChatView *m_chat;
    QLabel *m_status;
    QFrame *m_attachment;
    QToolButton *m_attachToggle;
    QPlainTextEdit *m_attachView;
    QToolButton *m_attachRemove;
    QPlainTextEdit *m_input;
    QPushButton *m_send;
    QPushButton *m_stop;
};

} // namespace Qwq::Ai
