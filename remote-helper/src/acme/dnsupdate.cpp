// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// DNS-01 providers. TODO: RFC 2136 with TSIG (libldns); no provider exists yet, so dns-01 is
// refused naming the field.
#include "acme/store.h"

#include "errors.h"

namespace qwqhelper::acme {

std::unique_ptr<IChallengeSolver> dnsSolver(const nlohmann::json &, CancelToken *)
{
    throw invalidValue("challenge", "dns-01 is not available yet", "http-01");
}

} // namespace qwqhelper::acme
