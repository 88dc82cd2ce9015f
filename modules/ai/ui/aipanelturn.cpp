// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// AiPanel: one question's turn (key, policy, approvals, streaming), and the saved history.
#include "aipanel.h"

#include "aiservices.h"
#include "chatview.h"
#include "conversationlist.h"
#include "toolcallcard.h"

#include <ai/core/agentturn.h>
#include <ai/core/aitr.h>
#include <ai/core/conversationstore.h>
#include <ai/core/helpertoolexecutor.h>
#include <ai/core/llmclient.h>
#include <helper/core/helperclient.h>
#include <workbench/core/servercontext.h>

#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QLayout>
#include <QPlainTextEdit>
#include <QPushButton>

namespace Qwq::Ai {

namespace {

QString firstLine(const QString &text, int max)
{
    QString s = text.simplified();
    return s.size() > max ? s.left(max - 1) + QChar(0x2026) : s;
}

// What a stored tool result says about how the call ended (the pane's notes start with "[qwq:").
ToolCallStatus statusOfStoredResult(const QString &content)
{
    if (!content.startsWith(QLatin1String("[qwq: ")))
        return ToolCallStatus::Done;
    if (content.startsWith(QLatin1String("[qwq: the call failed")))
        return ToolCallStatus::Failed;
    for (const char *denied : {"denied", "did not match", "withdrawn", "nobody is there"}) {
        if (content.contains(QLatin1String(denied)))
            return ToolCallStatus::Denied;
    }
    return ToolCallStatus::Refused;
}

} // namespace

void AiPanel::send()
{
    if (isBusy())
        return;
    const QString question = m_input->toPlainText().trimmed();
    if (question.isEmpty())
        return;
    const QString text = UserText{question, m_attachTitle, m_attachText}.compose();
    m_input->clear();
    clearAttachment();
    m_chat->addUserMessage(text);
    m_pendingQuestion = question;
    updateModelIndicator();

    if (!ProviderConfig::isConfigured()) {
        showProblem(Error(ErrorCode::AiUnavailable, Tr::tr("No AI model is set up yet"), {},
                          Tr::tr("Choose a provider and a model in the AI settings.")),
                    question);
        emit turnFinished(false);
        return;
    }
    const ProviderConfig config = ProviderConfig::load();
    m_starting = true;
    const quint64 attempt = ++m_startGeneration;   // Stop while this waits makes it moot
    updateButtons();
    m_status->setText(Tr::tr("Reading the API key from the keychain…"));
    readApiKey(m_services->secrets(), config.providerId)
        .then(this, [this, text, config, attempt](const Result<QString> &key) {
            if (attempt != m_startGeneration)
                return;
            m_starting = false;
            ProviderConfig c = config;
            if (key) {
                c.apiKey = *key;
            } else if (key.error().code != ErrorCode::NotFound
                       && ProviderPreset::byId(c.providerId).needsKey) {
                updateButtons();
                showProblem(key.error(), m_pendingQuestion);
                emit turnFinished(false);
                return;
            }
            m_starting = true;
            m_status->setText(Tr::tr("Reading the server's facts…"));
            fetchFacts([this, text, c, attempt] {
                if (attempt != m_startGeneration)
                    return;
                m_starting = false;
                startTurn(text, c);
            });
        });
}

void AiPanel::startTurn(const QString &userText, ProviderConfig config)
{
    if (auto v = config.validate(); !v) {
        updateButtons();
        showProblem(v.error(), m_pendingQuestion);
        emit turnFinished(false);
        return;
    }
    m_llm->setConfig(config);
    IToolExecutor *executor = m_executorOverride;
    if (!executor) {
        m_executor = std::make_unique<HelperToolExecutor>(m_server->helper());
        executor = m_executor.get();
    }
    const AiOptions options = AiOptions::load();
    AgentPolicy policy;
    Helper::HelperClient *helper = m_server->helper();
    policy.readOnly = m_server->profile().mode == Profiles::Mode::ReadOnly
                      || (helper && helper->isReadOnly());
    policy.localModelOnly = options.localOnly;
    policy.tokenBudget = options.tokenBudget;
    policy.typedWord = m_server->serverName();

    auto *turn = new AgentTurn(m_llm, &m_services->tools(), executor, this);
    turn->setPolicy(policy);
    turn->setServerId(m_server->serverId());
    turn->setAudit(m_services->audit());
    turn->setContext(contextText());
    turn->setApprovalHandler([this](const ApprovalRequest &r) { return askApproval(r); });
    connect(turn, &AgentTurn::contentDelta, m_chat, &ChatView::appendContent);
    connect(turn, &AgentTurn::reasoningDelta, m_chat, &ChatView::appendReasoning);
    connect(turn, &AgentTurn::stepStarted, this, [this](int step) {
        m_chat->endAssistantMessage();
        m_status->setText(step == 1 ? Tr::tr("Thinking…")
                                    : Tr::tr("Thinking… (step %1)").arg(step));
    });
    connect(turn, &AgentTurn::toolCallUpdated, this, &AiPanel::onToolCall);
    connect(turn, &AgentTurn::retrying, this, [this](int attempt, int delayMs, const Error &reason) {
        m_status->setText(Tr::tr("%1; trying again in %2 s (attempt %3)")
                              .arg(reason.message)
                              .arg(QLocale().toString(double(delayMs) / 1000.0, 'f', 1))
                              .arg(attempt + 1));
    });
    connect(turn, &AgentTurn::finished, this, &AiPanel::onTurnFinished);
    m_turn = turn;
    m_cards.clear();
    m_cardsByCallId.clear();
    updateButtons();
    turn->start(m_history, userText);
}

void AiPanel::stop()
{
    if (m_turn)
        return m_turn->cancel();   // finishes with Cancelled; onTurnFinished tidies up
    if (!m_starting)
        return;
    // Still reading the key or the server's facts: forget the answer when it comes.
    ++m_startGeneration;
    m_starting = false;
    m_status->clear();
    m_chat->addNotice(Tr::tr("Stopped. Nothing more runs for this question."), false);
    updateButtons();
    emit turnFinished(false);
}

void AiPanel::onToolCall(const ToolCallRecord &record)
{
    const QString key = QString::number(record.step) + QLatin1Char('/') + record.callId;
    ToolCallCard *card = m_cards.value(key);
    if (!card) {
        card = m_chat->addToolCard(record);
        m_cards.insert(key, card);
        m_cardsByCallId.insert(record.callId, card);
    } else {
        card->setRecord(record);
    }
    switch (record.status) {
    case ToolCallStatus::AwaitingApproval:
        m_status->setText(Tr::tr("Waiting for your approval of %1").arg(record.method));
        break;
    case ToolCallStatus::Running:
        m_status->setText(Tr::tr("Running %1…").arg(record.method));
        break;
    default:
        break;
    }
}

QFuture<Approval> AiPanel::askApproval(const ApprovalRequest &request)
{
    ToolCallCard *card = m_cardsByCallId.value(request.callId);
    if (!card)
        return QtFuture::makeReadyFuture(Approval{});
    raisePanel();   // the question must be seen to be answered
    return card->askApproval(request, approverName());
}

void AiPanel::onTurnFinished()
{
    AgentTurn *turn = m_turn;
    m_turn = nullptr;
    if (!turn)
        return;
    turn->deleteLater();
    m_chat->endAssistantMessage();
    for (ToolCallCard *c : std::as_const(m_cards))
        c->withdrawApproval();
    const QList<ChatMessage> added = turn->newMessages();
    saveMessages(m_pendingQuestion, added);
    m_history += added;
    const Result<TurnSummary> &r = turn->result();
    updateButtons();
    if (r) {
        const Usage u = r->usage;
        if (r->answer.trimmed().isEmpty())
            m_chat->addNotice(Tr::tr("The model ended without an answer."), false);
        const QString tokens = QLocale().toString(u.totalTokens);
        m_status->setText(u.reported ? Tr::tr("Answered · %1 tokens").arg(tokens)
                                     : Tr::tr("Answered · about %1 tokens").arg(tokens));
        emit turnFinished(true);
        return;
    }
    if (r.error().code == ErrorCode::Cancelled) {
        m_status->clear();
        m_chat->addNotice(Tr::tr("Stopped. Nothing more runs for this question."), false);
    } else {
        showProblem(r.error(), m_pendingQuestion);
    }
    emit turnFinished(false);
}

void AiPanel::showProblem(const Error &error, const QString &question)
{
    m_status->clear();
    QString text = Tr::tr("The AI cannot answer: %1").arg(error.message);
    if (!error.hint.isEmpty())
        text = Tr::tr("%1. %2").arg(text, error.hint);
    QFrame *notice = m_chat->addNotice(text, true, error.detail);
    auto *settings = new QPushButton(Tr::tr("AI Settings…"), notice);
    settings->setObjectName(QStringLiteral("noticeSettings"));
    connect(settings, &QPushButton::clicked, this, &AiPanel::openSettings);
    notice->layout()->addWidget(settings);
    notice->layout()->setAlignment(settings, Qt::AlignLeft);
    const HelpIndex &help = m_services->help();
    m_chat->addHelp(help.match(question), help.topics(), QLocale().name());
    m_chat->keepAtTop(notice);
    updateButtons();
}

void AiPanel::saveMessages(const QString &firstQuestion, const QList<ChatMessage> &messages)
{
    ConversationStore *store = m_services->conversations();
    if (!store || messages.isEmpty())
        return;
    if (m_conversationId.isEmpty()) {
        const auto id = store->create(m_server->serverId(), firstLine(firstQuestion, 80));
        if (!id)
            return m_server->reportError(QStringLiteral("ai.chat"), id.error());
        m_conversationId = *id;
    }
    if (auto r = store->append(m_conversationId, messages); !r)
        m_server->reportError(QStringLiteral("ai.chat"), r.error());
    if (m_conversations->isVisible())
        m_conversations->reload();
    updateButtons();
}

bool AiPanel::openConversation(const QString &conversationId)
{
    ConversationStore *store = m_services->conversations();
    if (!store || isBusy())
        return false;
    const auto history = store->history(conversationId);
    if (!history) {
        m_chat->addNotice(history.error().message, true, history.error().detail);
        return false;
    }
    m_conversationId = conversationId;
    m_history = *history;
    m_status->clear();
    renderHistory(m_history);
    updateButtons();
    return true;
}

void AiPanel::renderHistory(const QList<ChatMessage> &messages)
{
    m_chat->clear();
    Helper::HelperClient *helper = m_server->helper();
    const Helper::MethodTable methods = helper ? helper->methods() : Helper::MethodTable::embedded();
    QHash<QString, ToolCallCard *> byId;
    for (const ChatMessage &m : messages) {
        switch (m.role) {
        case ChatMessage::Role::System:
            break;
        case ChatMessage::Role::User:
            m_chat->addUserMessage(m.content);
            break;
        case ChatMessage::Role::Assistant:
            m_chat->addAssistantMessage(m.content, m.reasoning);
            for (const ToolCall &c : m.toolCalls) {
                ToolCallRecord rec;
                rec.callId = c.id;
                rec.toolName = c.name;
                const Tool *tool = m_services->tools().find(c.name);
                rec.method = tool ? tool->method : c.name;
                rec.risk = methods.risk(rec.method);
                rec.params = QJsonDocument::fromJson(c.arguments.toUtf8()).object();
                rec.status = ToolCallStatus::Refused;
                byId.insert(c.id, m_chat->addToolCard(rec));
            }
            break;
        case ChatMessage::Role::Tool:
            if (ToolCallCard *card = byId.value(m.toolCallId)) {
                ToolCallRecord rec = card->record();
                rec.output = m.content;
                rec.suspicious = m.suspicious;
                rec.status = statusOfStoredResult(m.content);
                card->setRecord(rec);
            }
            break;
        }
    }
}

} // namespace Qwq::Ai
