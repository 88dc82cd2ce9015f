// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "docker/http.h"

#include "dispatch.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace qwqhelper::docker {

namespace {

constexpr std::size_t kReadBlock = 64 * 1024;
constexpr std::size_t kMaxChunkLine = 1024;

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

} // namespace

std::string percentEncode(const std::string &text, bool keepSlash)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const unsigned char c : text) {
        const bool unreserved = std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved || (keepSlash && (c == '/' || c == ':' || c == '@'))) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

UnixHttp::UnixHttp(const std::string &socketPath, CancelToken *cancel, int idleTimeoutMs)
    : m_cancel(cancel), m_idleTimeoutMs(idleTimeoutMs), m_socketPath(socketPath)
{
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (socketPath.empty() || socketPath.size() >= sizeof(addr.sun_path))
        throw HttpError("socket path is empty or too long: " + socketPath);
    std::memcpy(addr.sun_path, socketPath.c_str(), socketPath.size() + 1);

    m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        throw HttpError(std::string("socket: ") + std::strerror(errno));
    if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&addr), sizeof(addr)) != 0) {
        const int err = errno;
        ::close(m_fd);
        m_fd = -1;
        throw HttpError("cannot connect to " + socketPath + ": " + std::strerror(err));
    }
    if (m_cancel) {
        const int fd = m_fd;
        m_cancel->setOnCancel([fd] { ::shutdown(fd, SHUT_RDWR); });
    }
}

UnixHttp::~UnixHttp()
{
    if (m_cancel)
        m_cancel->clearOnCancel(); // before close(): the fd number may be reused at once
    if (m_fd >= 0)
        ::close(m_fd);
}

void UnixHttp::throwIfCancelled() const
{
    if (m_cancel && m_cancel->isCancelled())
        throw cancelledError();
}

void UnixHttp::request(const std::string &method, const std::string &target,
                       const std::string &body)
{
    const bool withBody = !body.empty() || method == "POST" || method == "PUT";
    sendHead(method, target, {}, withBody ? "application/json" : "",
             withBody ? static_cast<long long>(body.size()) : -2);
    sendRaw(body);
    readHead(method);
}

void UnixHttp::sendHead(const std::string &method, const std::string &target,
                        const Headers &headers, const std::string &contentType,
                        long long bodyLength)
{
    std::string head = method + " " + target + " HTTP/1.1\r\nHost: docker\r\n"
                       "User-Agent: qwq-helper/" QWQ_HELPER_VERSION "\r\n";
    bool connection = false;
    for (const auto &[name, value] : headers) {
        head += name + ": " + value + "\r\n";
        if (lower(name) == "connection")
            connection = true;
    }
    if (!connection)
        head += "Connection: close\r\n";
    if (!contentType.empty())
        head += "Content-Type: " + contentType + "\r\n";
    if (bodyLength >= 0)
        head += "Content-Length: " + std::to_string(bodyLength) + "\r\n";
    else if (bodyLength == -1)
        head += "Transfer-Encoding: chunked\r\n";
    head += "\r\n";
    sendRaw(head);
}

void UnixHttp::sendRaw(std::string_view bytes)
{
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            throwIfCancelled();
            throw HttpError(std::string("cannot send to the daemon: ") + std::strerror(errno));
        }
        sent += static_cast<std::size_t>(n);
    }
}

void UnixHttp::sendChunk(std::string_view bytes)
{
    if (bytes.empty())
        return;
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", bytes.size());
    sendRaw(size);
    sendRaw(bytes);
    sendRaw("\r\n");
}

void UnixHttp::endChunks()
{
    sendRaw("0\r\n\r\n");
}

std::string UnixHttp::takeBuffered()
{
    std::string rest = m_raw.substr(m_pos);
    m_raw.clear();
    m_pos = 0;
    return rest;
}

void UnixHttp::readHead(const std::string &method)
{
    // Status line and headers.
    std::size_t end;
    while ((end = m_raw.find("\r\n\r\n")) == std::string::npos) {
        if (m_raw.size() > kMaxHeaderBytes)
            throw HttpError("response headers exceed 64 KiB");
        if (m_eof) {
            throwIfCancelled();
            throw HttpError("the daemon closed the connection before answering");
        }
        if (!fill(m_idleTimeoutMs))
            throw HttpError("the daemon did not answer in time");
    }
    if (end > kMaxHeaderBytes)
        throw HttpError("response headers exceed 64 KiB");
    const std::string headText = m_raw.substr(0, end);
    m_pos = end + 4;

    std::size_t lineEnd = headText.find("\r\n");
    const std::string statusLine = headText.substr(0, lineEnd);
    // "HTTP/1.1 200 OK"
    if (statusLine.rfind("HTTP/1.", 0) != 0 || statusLine.size() < 12 || statusLine[8] != ' ')
        throw HttpError("not an HTTP response: " + statusLine.substr(0, 64));
    const std::string code = statusLine.substr(9, 3);
    if (!std::all_of(code.begin(), code.end(), [](unsigned char c) { return std::isdigit(c); }))
        throw HttpError("bad HTTP status line: " + statusLine.substr(0, 64));
    m_status = std::stoi(code);

    while (lineEnd != std::string::npos) {
        const std::size_t start = lineEnd + 2;
        lineEnd = headText.find("\r\n", start);
        const std::string line = headText.substr(start, lineEnd == std::string::npos
                                                            ? std::string::npos
                                                            : lineEnd - start);
        const auto colon = line.find(':');
        if (colon == std::string::npos || colon == 0)
            continue;
        m_headers[lower(trim(line.substr(0, colon)))] = trim(line.substr(colon + 1));
    }

    const std::string te = lower(header("transfer-encoding"));
    const std::string cl = header("content-length");
    if (m_status == 204 || m_status == 304 || (m_status >= 100 && m_status < 200)
        || method == "HEAD") {
        m_body = Body::None;
    } else if (te.find("chunked") != std::string::npos) {
        m_body = Body::Chunked;
    } else if (!cl.empty()) {
        if (!std::all_of(cl.begin(), cl.end(), [](unsigned char c) { return std::isdigit(c); })
            || cl.size() > 15)
            throw HttpError("bad Content-Length: " + cl.substr(0, 32));
        m_body = Body::Length;
        m_left = std::stoull(cl);
    } else {
        m_body = Body::UntilClose;
    }
    m_done = m_body == Body::None || (m_body == Body::Length && m_left == 0);
}

std::string UnixHttp::header(const std::string &name) const
{
    const auto it = m_headers.find(name);
    return it == m_headers.end() ? std::string() : it->second;
}

bool UnixHttp::fill(int timeoutMs)
{
    pollfd p{m_fd, POLLIN, 0};
    for (;;) {
        const int r = ::poll(&p, 1, timeoutMs);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            throw HttpError(std::string("poll: ") + std::strerror(errno));
        if (r == 0) {
            throwIfCancelled();
            return false;
        }
        break;
    }
    char block[kReadBlock];
    ssize_t n;
    do {
        n = ::recv(m_fd, block, sizeof block, 0);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        throwIfCancelled();
        throw HttpError(std::string("cannot read from the daemon: ") + std::strerror(errno));
    }
    if (n == 0) {
        throwIfCancelled(); // a cancel shuts the socket down: that reads as EOF
        m_eof = true;
        return true;
    }
    compact();
    m_raw.append(block, static_cast<std::size_t>(n));
    return true;
}

void UnixHttp::compact()
{
    if (m_pos > 0 && (m_pos == m_raw.size() || m_pos >= kReadBlock)) {
        m_raw.erase(0, m_pos);
        m_pos = 0;
    }
}

bool UnixHttp::decode(std::string &out)
{
    const std::size_t before = out.size();
    const std::size_t posBefore = m_pos;
    const auto available = [this] { return m_raw.size() - m_pos; };

    switch (m_body) {
    case Body::None:
        m_done = true;
        break;
    case Body::UntilClose:
        out.append(m_raw, m_pos, std::string::npos);
        m_pos = m_raw.size();
        if (m_eof)
            m_done = true;
        break;
    case Body::Length: {
        const std::size_t take = static_cast<std::size_t>(
            std::min<unsigned long long>(m_left, available()));
        out.append(m_raw, m_pos, take);
        m_pos += take;
        m_left -= take;
        if (m_left == 0)
            m_done = true;
        break;
    }
    case Body::Chunked:
        while (!m_done && available() > 0) {
            if (m_chunk == Chunk::Size || m_chunk == Chunk::Trailer) {
                const std::size_t eol = m_raw.find("\r\n", m_pos);
                if (eol == std::string::npos) {
                    if (available() > kMaxChunkLine)
                        throw HttpError("chunk header line too long");
                    break;
                }
                const std::string line = m_raw.substr(m_pos, eol - m_pos);
                m_pos = eol + 2;
                if (m_chunk == Chunk::Trailer) {
                    if (line.empty())
                        m_done = true; // trailers themselves are ignored
                    continue;
                }
                const std::string hex = trim(line.substr(0, line.find(';')));
                if (hex.empty() || hex.size() > 15
                    || !std::all_of(hex.begin(), hex.end(),
                                    [](unsigned char c) { return std::isxdigit(c); }))
                    throw HttpError("bad chunk size: " + line.substr(0, 32));
                m_left = std::stoull(hex, nullptr, 16);
                m_chunk = m_left == 0 ? Chunk::Trailer : Chunk::Data;
            } else if (m_chunk == Chunk::Data) {
                const std::size_t take = static_cast<std::size_t>(
                    std::min<unsigned long long>(m_left, available()));
                out.append(m_raw, m_pos, take);
                m_pos += take;
                m_left -= take;
                if (m_left == 0)
                    m_chunk = Chunk::DataEnd;
            } else { // DataEnd: the CRLF after a chunk's data
                if (available() < 2)
                    break;
                if (m_raw.compare(m_pos, 2, "\r\n") != 0)
                    throw HttpError("chunk data not followed by CRLF");
                m_pos += 2;
                m_chunk = Chunk::Size;
            }
        }
        break;
    }
    return out.size() != before || m_pos != posBefore || m_done;
}

UnixHttp::Read UnixHttp::readSome(std::string &out, int timeoutMs)
{
    const bool idle = timeoutMs < 0;
    const int wait = idle ? m_idleTimeoutMs : timeoutMs;
    const std::size_t before = out.size();
    for (;;) {
        if (m_done)
            return out.size() != before ? Read::Data : Read::End;
        decode(out);
        if (out.size() != before)
            return Read::Data;
        if (m_done)
            return Read::End;
        if (m_eof) {
            throwIfCancelled();
            throw HttpError("the daemon closed the connection in the middle of a response");
        }
        if (!fill(wait)) {
            if (idle)
                throw HttpError("the daemon sent nothing for "
                                + std::to_string(m_idleTimeoutMs / 1000) + " s");
            return Read::Timeout;
        }
    }
}

std::string UnixHttp::readAll(std::size_t maxBytes)
{
    std::string body;
    while (readSome(body) == Read::Data) {
        if (body.size() > maxBytes)
            throw HttpError("response body exceeds " + std::to_string(maxBytes >> 20) + " MiB");
    }
    return body;
}

} // namespace qwqhelper::docker
