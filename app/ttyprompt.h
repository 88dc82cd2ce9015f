// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <helper/core/credentialprompt.h>

namespace Qwq::App {

/// qwqctl's answer to a credential request: the prompts on the controlling terminal
/// (/dev/tty, echo off for hidden fields). Nothing typed here is remembered. Resolves with
/// nullopt when there is no terminal or the user ends input (Ctrl+D).
QFuture<std::optional<Helper::CredentialAnswer>> askOnTerminal(const Helper::CredentialRequest &request);

/// Whether a controlling terminal can be opened.
bool haveTerminal();

} // namespace Qwq::App
