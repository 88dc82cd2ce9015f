// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcQwq)

namespace Qwq::Logging {

/// Sends Qt's messages to stderr and to `file` (appended, one line per message with a
/// timestamp). Secrets never reach the log: callers log redacted values only.
void install(const QString &file);

} // namespace Qwq::Logging
