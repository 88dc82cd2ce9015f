// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ai/core/toolregistry.h>

namespace Qwq::Containers {

/// The AI pane's tools bound to the helper's containers/images/volumes/networks/compose
/// methods, registered by the Containers module (and by `qwqctl ai ask`). Risk is never
/// declared here: it is the helper method table's class for each method (a read-only profile
/// is offered only the reading ones).
QList<Ai::Tool> containerTools();

} // namespace Qwq::Containers
