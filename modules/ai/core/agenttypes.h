// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chattypes.h"

#include <helper/core/methodtable.h>

#include <QFuture>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <functional>
#include <optional>

namespace Qwq::Ai {

/// A config text a call would replace, shown to the user as a diff before approval (see
/// DiffSource). `current` is what the server has now; empty with `currentExists` false when
/// it could not be read (a new project, or the fetch failed: `note` says why).
struct ConfigDiff
{
    QString label;       // "compose.yml"
    QString language;    // editor language name
    QString current;
    QString proposed;
    bool currentExists = true;
    QString note;
};

/// What the user is asked to approve: the literal helper call, never the model's account of
/// it. `params` are exactly what will be sent if approved (the pane masks secret-named fields
/// when it shows them).
struct ApprovalRequest
{
    QString serverId;
    QString callId;
    QString toolName;
    QString method;
    QJsonObject params;
    Helper::Risk risk = Helper::Risk::Mutating;
    bool typed = false;          // destructive (or unknown risk): the user must type `typedWord`
    QString typedWord;
    bool afterSuspiciousOutput = false;   // earlier tool output in this turn was flagged
    QString modelText;           // what the model said alongside the call (context only)
    std::optional<ConfigDiff> diff; // the tool changes a config: current vs proposed text
    QString diffParam;           // the param whose text the diff shows
};

/// The user's answer. For a typed confirmation `typedText` must equal the request's
/// `typedWord`, checked by the agent; `approvedBy` goes to the audit log.
struct Approval
{
    bool approved = false;
    QString typedText;
    QString approvedBy;
};

using ApprovalHandler = std::function<QFuture<Approval>(const ApprovalRequest &request)>;

enum class ToolCallStatus {
    AwaitingApproval,
    Running,
    Done,       // ran and returned a result
    Failed,     // ran (or tried to) and failed
    Denied,     // the user said no, or the typed word did not match
    Refused,    // not run by the agent: unknown tool, invalid arguments, not offered, repeat
};

/// One tool call of a turn, as the pane shows it and the history keeps it.
struct ToolCallRecord
{
    int step = 0;
    QString callId;
    QString toolName;
    QString method;
    QJsonObject params;
    Helper::Risk risk = Helper::Risk::Unknown;
    ToolCallStatus status = ToolCallStatus::Refused;
    QString output;            // what the model got (redacted, trimmed, notes included)
    bool suspicious = false;
    QStringList injectionHints;
    bool trimmed = false;
    QString approvedBy;        // "auto" for reads
};

/// Limits and mode of a turn.
struct AgentPolicy
{
    int maxSteps = 20;                 // model requests per turn
    qint64 tokenBudget = 200000;       // total tokens per turn (reported or estimated)
    int outputLimitChars = 16000;      // per tool result sent to the model
    bool readOnly = false;             // offers no tool that changes the server
    bool secretReads = true;           // offers secret-read tools
    bool localModelOnly = false;       // the profile allows only a model on this machine
    QString typedWord;                 // what a destructive confirmation asks to type
};

/// The outcome of a finished turn.
struct TurnSummary
{
    QString answer;
    int steps = 0;
    Usage usage;
    QList<ToolCallRecord> calls;
};

QString toolCallStatusName(ToolCallStatus status);

} // namespace Qwq::Ai

Q_DECLARE_METATYPE(Qwq::Ai::ToolCallRecord)
