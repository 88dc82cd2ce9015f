// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "iterminalsession.h"

namespace Qwq::Terminal {

ITerminalSession::~ITerminalSession() = default;

} // namespace Qwq::Terminal
