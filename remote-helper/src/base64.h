// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

// RFC 4648 base64 for `$/stream {b64}` output and `$/input {b64}` input; url = true gives the
// URL-safe alphabet Docker wants in X-Registry-Auth.
namespace qwqhelper::base64 {

std::string encode(std::string_view bytes, bool url = false);
// Accepts the standard and URL-safe alphabets, with or without padding; nullopt on any other
// character or a bad length.
std::optional<std::string> decode(std::string_view text);

} // namespace qwqhelper::base64
