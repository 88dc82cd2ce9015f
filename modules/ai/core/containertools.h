// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "toolregistry.h"

namespace Qwq::Ai {

/// The AI tools bound to the helper's containers/images/volumes/networks/compose methods.
/// They live here only until the containers module registers its own (from its
/// IModule::registerAiTools): the AI module adds these after every module and skips a name
/// already taken, so moving them there changes nothing for the model.
/// Risk is never declared here: it is the helper method table's class for each method (a
/// read-only profile is offered only the reading ones).
QList<Tool> containerTools();

} // namespace Qwq::Ai
