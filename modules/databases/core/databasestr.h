// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace Qwq::Databases {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Qwq::Databases)
};
} // namespace Qwq::Databases
