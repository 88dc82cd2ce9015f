// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcAi)

namespace Qwq::Ai {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Qwq::Ai)
};
} // namespace Qwq::Ai
