// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <helper/core/methodtable.h>

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Qwq::Ai {

/// A tool's result made fit to send to the model: secrets redacted (more strictly for
/// `secret-read` methods), trimmed over a size limit with a note saying so, and checked for
/// text that tries to instruct the model. Such text is flagged, never obeyed: whatever the
/// model does next, a call that changes the server still needs the user's approval.
struct ToolOutput
{
    QString text;               // what the model gets (notes included)
    bool suspicious = false;
    QStringList injectionHints; // the phrases that made it suspicious
    bool trimmed = false;
    qsizetype originalChars = 0;

    /// A short, redacted summary for the audit log and history lists.
    QString summary(int maxChars = 200) const;
};

namespace ToolOutputs {

/// `watchNames`: names whose mention in output is suspicious (the offered tools that change
/// the server).
ToolOutput fromResult(const QJsonValue &result, Helper::Risk risk, int limitChars,
                      const QStringList &watchNames = {});
ToolOutput fromError(const Error &error);
/// A message for the model about a call that did not run (denied, refused, invalid).
ToolOutput note(const QString &text);

/// Phrases in `text` that look like instructions to an AI model (prompt injection).
QStringList injectionHints(const QString &text, const QStringList &watchNames = {});

} // namespace ToolOutputs
} // namespace Qwq::Ai
