// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qwqhelper {
class CancelToken;
}

namespace qwqhelper::docker {

/// A transport failure talking to the daemon: no socket, refused, timed out, or a response that
/// is not HTTP/1.1 as expected. The engine turns it into a "Docker unavailable" error.
struct HttpError final : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

/// One HTTP/1.1 request over a unix socket: the Docker Engine API (and Podman's compatible
/// one). Hand-written on purpose: no HTTP library is both static-linkable and small, and this
/// client needs only what the daemon speaks — a request with an optional JSON body, then a
/// response with Content-Length, chunked transfer coding, or a body that ends when the socket
/// closes. It is bounded: the status line and headers may take at most kMaxHeaderBytes, a
/// chunk-size line at most 1 KiB, and readAll() takes a cap. Every wait has a timeout.
///
/// Cancellation: with a CancelToken, cancelling shuts the socket down, which wakes a blocked
/// read at once; the read then throws the protocol's "cancelled" error. One connection per
/// request ("Connection: close"); the object owns the socket and closes it.
class UnixHttp final
{
public:
    static constexpr std::size_t kMaxHeaderBytes = 64 * 1024;

    // Connects at once; throws HttpError naming the path when that fails. idleTimeoutMs bounds
    // every wait for bytes (-1: wait forever, e.g. following logs; cancel still works).
    UnixHttp(const std::string &socketPath, CancelToken *cancel, int idleTimeoutMs);
    ~UnixHttp();
    UnixHttp(const UnixHttp &) = delete;
    UnixHttp &operator=(const UnixHttp &) = delete;

    // Sends the request and reads the status line and headers. `target` is the already
    // encoded path and query. A non-empty body is sent with Content-Type application/json.
    void request(const std::string &method, const std::string &target,
                 const std::string &body = {});

    using Headers = std::vector<std::pair<std::string, std::string>>;
    // The parts of request(), for requests that need more: extra headers (a "Connection"
    // header replaces "Connection: close", e.g. for an upgrade), a body of another type, or a
    // body streamed with chunked transfer coding (bodyLength -1; then sendChunk()…,
    // endChunks()). Header values are the caller's to check (no CR/LF).
    void sendHead(const std::string &method, const std::string &target, const Headers &headers,
                  const std::string &contentType, long long bodyLength);
    void sendRaw(std::string_view bytes);
    void sendChunk(std::string_view bytes);
    void endChunks();
    void readHead(const std::string &method);

    // After a 101 (or a hijacked 200) the connection is a raw byte stream: the socket and the
    // bytes already read past the headers.
    int fd() const { return m_fd; }
    std::string takeBuffered();

    int status() const { return m_status; }
    // A response header by lower-case name; empty when absent.
    std::string header(const std::string &name) const;

    enum class Read { Data, End, Timeout };
    // Appends whatever decoded body bytes arrive next to `out` (Data), or says the body ended
    // (End) or that nothing came within timeoutMs (Timeout; -1 means the idle timeout, whose
    // expiry throws HttpError instead).
    Read readSome(std::string &out, int timeoutMs = -1);
    // The whole body; throws HttpError when it exceeds maxBytes.
    std::string readAll(std::size_t maxBytes);

    void setIdleTimeout(int ms) { m_idleTimeoutMs = ms; }

private:
    enum class Body { None, Length, Chunked, UntilClose };
    enum class Chunk { Size, Data, DataEnd, Trailer, Done };

    bool fill(int timeoutMs); // more raw bytes; false on timeout; sets m_eof
    void throwIfCancelled() const;
    bool decode(std::string &out); // decodes buffered raw bytes; true when something changed
    void compact();

    int m_fd = -1;
    CancelToken *m_cancel = nullptr;
    int m_idleTimeoutMs;
    std::string m_socketPath;

    std::string m_raw;      // bytes read but not decoded yet, from m_pos
    std::size_t m_pos = 0;
    bool m_eof = false;

    int m_status = 0;
    std::map<std::string, std::string> m_headers;
    Body m_body = Body::None;
    unsigned long long m_left = 0; // Length: body bytes left; Chunked: bytes left in the chunk
    Chunk m_chunk = Chunk::Size;
    bool m_done = false;
};

// Percent-encodes everything but RFC 3986 unreserved characters (and, when keepSlash, "/"
// between path segments plus ":" and "@", which image references use).
std::string percentEncode(const std::string &text, bool keepSlash = false);

} // namespace qwqhelper::docker
