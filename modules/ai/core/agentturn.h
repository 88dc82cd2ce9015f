// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agenttypes.h"
#include "chattypes.h"
#include "toolregistry.h"

#include <core/core/result.h>

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

namespace Qwq {
class AuditLog;
}

namespace Qwq::Ai {

class ChatReply;
class IToolExecutor;
class LlmClient;
struct ToolOutput;

/// Runs one user turn: model → tool calls → risk gate → results → model, until the model
/// answers, at most `maxSteps` model requests and `tokenBudget` tokens.
///
/// The risk gate: a call's risk is the helper method table's class for the tool's method
/// (from the executor), never the model's say. `read` and `secret-read` calls run at once
/// (their output redacted); `mutating` calls run only after the approval handler approves the
/// exact method and params; `destructive` and unknown-risk calls also need the typed word.
/// Without a handler nothing that changes the server runs. A read-only policy does not even
/// offer such tools. A call already denied, or already run, in this turn is not asked or run
/// again. Tool output is redacted, trimmed and checked for injected instructions (flagged on
/// the record and noted to the model); it can never cause an unapproved call, since approval
/// does not depend on what the model read. Every call is written to the audit log.
///
/// Single use: create one per question. Lives on the GUI thread; never blocks.
class AgentTurn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentTurn)
public:
    /// None of the three is owned; they must outlive the turn.
    AgentTurn(LlmClient *llm, const ToolRegistry *tools, IToolExecutor *executor,
              QObject *parent = nullptr);
    ~AgentTurn() override;

    void setPolicy(const AgentPolicy &policy) { m_policy = policy; }
    const AgentPolicy &policy() const { return m_policy; }
    void setApprovalHandler(ApprovalHandler handler) { m_approve = std::move(handler); }
    void setServerId(const QString &serverId) { m_serverId = serverId; }
    /// Audit log for every tool call (not owned; may be nullptr).
    void setAudit(AuditLog *audit) { m_audit = audit; }
    /// Appended to the system prompt: the server's facts, the active panel, what the user is
    /// looking at. Redacted before it is sent.
    void setContext(const QString &context) { m_context = context; }
    static QString baseSystemPrompt();

    /// Starts the turn. `history` is the conversation so far (system messages in it are
    /// ignored); the user's text is redacted before it leaves.
    void start(const QList<ChatMessage> &history, const QString &userText);
    void cancel();

    bool isFinished() const { return m_result.has_value(); }
    /// Valid once finished: the answer, or why there is none (Cancelled, AiTokenLimitExceeded
    /// for the step cap or the token budget, or the provider's error).
    const Result<TurnSummary> &result() const { return *m_result; }
    /// The messages this turn added (user, assistant, tool), complete even when it failed:
    /// every tool call has its tool message, so the history stays valid for the next turn.
    QList<ChatMessage> newMessages() const { return m_messages.mid(m_firstNew); }
    const QList<Tool> &offeredTools() const { return m_offered; }
    const QList<ToolCallRecord> &calls() const { return m_records; }
    Usage usage() const { return m_usage; }

signals:
    void stepStarted(int step);
    void contentDelta(const QString &text);
    void reasoningDelta(const QString &text);
    void toolCallUpdated(const Qwq::Ai::ToolCallRecord &record);
    void retrying(int attempt, int delayMs, const Qwq::Error &reason);
    void finished();

private:
    void requestModel();
    void onModelFinished();
    void processNextCall();
    void askApproval(ToolCallRecord rec, const Tool *tool);
    void requestApproval(ToolCallRecord rec, std::optional<ConfigDiff> diff, const QString &diffParam);
    void runCall(ToolCallRecord rec);
    void finishCall(ToolCallRecord rec, const ToolOutput &out);
    void closeOpenCalls(const QString &why, const QString &firstWhy = {});
    void audit(const ToolCallRecord &rec);
    void complete(const Result<TurnSummary> &result);
    TurnSummary summary() const;
    static QString callKey(const QString &method, const QJsonObject &params);

    LlmClient *m_llm;
    const ToolRegistry *m_tools;
    IToolExecutor *m_executor;
    AgentPolicy m_policy;
    ApprovalHandler m_approve;
    AuditLog *m_audit = nullptr;
    QString m_serverId;
    QString m_context;

    Helper::MethodTable m_methods;
    QList<Tool> m_offered;
    QStringList m_watchNames;
    QList<ChatMessage> m_messages;
    qsizetype m_firstNew = 0;
    QPointer<ChatReply> m_reply;
    QList<ToolCall> m_pending;
    QString m_modelText;
    QList<ToolCallRecord> m_records;
    QSet<QString> m_denied;
    QSet<QString> m_done;
    QFuture<Approval> m_approval;
    QFuture<Result<QJsonValue>> m_diffFetch;
    QFuture<Result<QJsonValue>> m_execution;
    Usage m_usage;
    int m_step = 0;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_sawSuspicious = false;
    std::optional<Result<TurnSummary>> m_result;
};

} // namespace Qwq::Ai
