// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <string>

namespace qwqhelper {
class CancelToken;
}

/// A small HTTPS/1.1 client for ACME (OpenSSL over a TCP socket; one request per connection).
/// The peer's certificate is verified against the system's CA store, plus the file named by
/// QWQ_ACME_CA_FILE in the helper's own environment (a test CA such as Pebble's: no request
/// parameter can add trust), with host-name (or IP) verification. libcurl would do this, but
/// its static archive drags in a dozen more libraries; this is the part of HTTP ACME needs.
namespace qwqhelper::acme {

struct HttpResponse
{
    int status = 0;                            // 0: no answer; `error` says why
    std::map<std::string, std::string> headers; // lower-case names
    std::string body;
    std::string error;
};

// `method` GET, HEAD or POST; a URL https://host[:port]/path. Body at most 4 MiB; 30 s limit.
HttpResponse httpsRequest(const std::string &method, const std::string &url, const std::string &body,
                          const std::string &contentType, CancelToken *cancel);

} // namespace qwqhelper::acme
