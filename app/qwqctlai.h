// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// qwqctl's shared helpers (defined in qwqctl.cpp) and the `ai ask` command (qwqctlai.cpp).
#pragma once

#include <core/core/result.h>

#include <QStringList>
#include <QTextStream>

#include <functional>
#include <optional>

class QCoreApplication;

namespace Qwq {
class AuditLog;
}
namespace Qwq::Helper {
class HelperClient;
class ServerConnection;
}

namespace Qwq::App::Ctl {

QTextStream &out();
QTextStream &err();
/// Prints "error <code>: message" (and field, hint, detail) to stderr; returns 1.
int fail(const Error &e);
/// Connects (trusting a host key only when its fingerprint was given), then runs `then`.
void withConnection(Helper::ServerConnection *conn, const QString &trustFingerprint,
                    std::function<void(Helper::HelperClient *)> then);

/// `qwqctl ai ask` flags, taken out of the arguments before the profile is read.
struct AiAskOptions
{
    bool denyAll = false;
    bool json = false;
    QString toolsFile;
};
/// Removes "ask" and the flags from `args` (leaving PROFILE and the question); nullopt for a
/// usage error.
std::optional<AiAskOptions> takeAiAskOptions(QStringList &args);
/// Runs one AI turn about the connected server and prints the answer: streamed to stdout
/// (or one JSON object with --json), tool calls on stderr, approvals asked on the terminal
/// (typed word for destructive calls) or all denied with --deny-all. Exit code 0 with an
/// answer, 1 with the error (and the bundled help for the question on stderr), 2 for usage.
int aiAsk(QCoreApplication &app, Helper::ServerConnection &conn, AuditLog &audit,
          const QString &trust, const AiAskOptions &options, const QStringList &args);
/// The usage lines of `ai ask` (translated).
QString aiUsage();

} // namespace Qwq::App::Ctl
