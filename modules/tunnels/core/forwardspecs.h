// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <profiles/core/profile.h>

#include <QString>

namespace Qwq::Tunnels {

/// Parses an OpenSSH-like ad-hoc rule, as `qwqctl forward` takes it:
///   L[bind:]port:host:hostport   local forward
///   R[bind:]port:host:hostport   remote forward
///   D[bind:]port                 SOCKS5 (dynamic) forward
/// The bind address defaults to 127.0.0.1. The result is named after the text. Errors are
/// InvalidParam naming the bad part as "rule.kind", "rule.bindPort", "rule.targetHost", …
Result<Profiles::ForwardSpec> parseForwardSpec(const QString &text);

/// "Local" / "Remote" / "Dynamic (SOCKS)", translated, for "local" / "remote" / "dynamic".
QString kindTitle(const QString &kind);
/// The listen side as "address:port" (the bound port when known, else the saved one).
QString listenText(const Profiles::ForwardSpec &spec, quint16 boundPort = 0);
/// The target as "host:port", or "SOCKS5" for a dynamic forward.
QString targetText(const Profiles::ForwardSpec &spec);

} // namespace Qwq::Tunnels
