// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "acme/https.h"

#include "acme/dns.h"
#include "dispatch.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstring>

namespace qwqhelper::acme {

namespace {

constexpr std::size_t kMaxBody = 4u << 20;
constexpr int kTimeoutMs = 30000;

struct Url
{
    std::string host;
    int port = 443;
    std::string path;
};

bool parseUrl(const std::string &url, Url &out)
{
    const std::string scheme = "https://";
    if (url.compare(0, scheme.size(), scheme) != 0 || url.size() > 2048)
        return false;
    const auto slash = url.find('/', scheme.size());
    std::string authority = url.substr(scheme.size(), slash == std::string::npos ? std::string::npos
                                                                                 : slash - scheme.size());
    out.path = slash == std::string::npos ? "/" : url.substr(slash);
    if (std::any_of(out.path.begin(), out.path.end(), [](unsigned char c) { return c <= 0x20 || c >= 0x7f; }))
        return false;
    std::string portText;
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string::npos)
            return false;
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':')
                return false;
            portText = authority.substr(close + 2);
        }
        authority = authority.substr(1, close - 1);
    } else if (const auto colon = authority.find(':'); colon != std::string::npos) {
        portText = authority.substr(colon + 1);
        authority.resize(colon);
    }
    if (!portText.empty()) {
        if (portText.size() > 5 || !std::all_of(portText.begin(), portText.end(), ::isdigit))
            return false;
        out.port = std::atoi(portText.c_str());
    }
    out.host = authority;
    return !out.host.empty() && out.port > 0 && out.port < 65536
           && std::all_of(out.host.begin(), out.host.end(),
                          [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '-' || c == ':'; });
}

bool isIp(const std::string &host)
{
    unsigned char buf[16];
    return ::inet_pton(AF_INET, host.c_str(), buf) == 1 || ::inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

int connectTo(const std::string &address, int port, std::string &error)
{
    sockaddr_storage ss{};
    socklen_t len = 0;
    auto *v4 = reinterpret_cast<sockaddr_in *>(&ss);
    auto *v6 = reinterpret_cast<sockaddr_in6 *>(&ss);
    if (::inet_pton(AF_INET, address.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(static_cast<uint16_t>(port));
        len = sizeof *v4;
    } else if (::inet_pton(AF_INET6, address.c_str(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(static_cast<uint16_t>(port));
        len = sizeof *v6;
    } else {
        error = "bad address " + address;
        return -1;
    }
    const int fd = ::socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        error = std::strerror(errno);
        return -1;
    }
    if (::connect(fd, reinterpret_cast<sockaddr *>(&ss), len) != 0 && errno != EINPROGRESS) {
        error = std::string("connect: ") + std::strerror(errno);
        ::close(fd);
        return -1;
    }
    pollfd p{fd, POLLOUT, 0};
    int soerr = 0;
    socklen_t sl = sizeof soerr;
    if (::poll(&p, 1, 10000) != 1 || ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) != 0 || soerr != 0) {
        error = std::string("connect: ") + (soerr ? std::strerror(soerr) : "timed out");
        ::close(fd);
        return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    timeval tv{kTimeoutMs / 1000, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    return fd;
}

SSL_CTX *makeContext()
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    SSL_CTX_set_default_verify_paths(ctx);
    // the static OpenSSL knows Debian's directory; other distributions keep the bundle elsewhere
    for (const char *bundle : {"/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt",
                               "/etc/ssl/ca-bundle.pem", "/etc/ssl/cert.pem"})
        if (::access(bundle, R_OK) == 0) {
            SSL_CTX_load_verify_locations(ctx, bundle, nullptr);
            break;
        }
    if (const char *extra = std::getenv("QWQ_ACME_CA_FILE"); extra && *extra)
        SSL_CTX_load_verify_locations(ctx, extra, nullptr);
    ERR_clear_error();
    return ctx;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool parseResponse(const std::string &raw, HttpResponse &r)
{
    const auto end = raw.find("\r\n\r\n");
    if (end == std::string::npos || raw.compare(0, 5, "HTTP/") != 0)
        return false;
    const auto sp = raw.find(' ');
    r.status = std::atoi(raw.c_str() + sp + 1);
    std::size_t pos = raw.find("\r\n") + 2;
    while (pos < end) {
        const auto eol = raw.find("\r\n", pos);
        const std::string line = raw.substr(pos, eol - pos);
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(" \t"));
            r.headers[lower(line.substr(0, colon))] = value;
        }
        pos = eol + 2;
    }
    std::string body = raw.substr(end + 4);
    if (lower(r.headers["transfer-encoding"]).find("chunked") != std::string::npos) {
        std::string out;
        std::size_t p = 0;
        while (p < body.size()) {
            const auto eol = body.find("\r\n", p);
            if (eol == std::string::npos)
                return false;
            const unsigned long n = std::strtoul(body.substr(p, eol - p).c_str(), nullptr, 16);
            if (n == 0)
                break;
            if (eol + 2 + n > body.size())
                return false;
            out.append(body, eol + 2, n);
            p = eol + 2 + n + 2;
        }
        body = std::move(out);
    }
    r.body = std::move(body);
    return true;
}

} // namespace

HttpResponse httpsRequest(const std::string &method, const std::string &url, const std::string &body,
                          const std::string &contentType, CancelToken *cancel)
{
    HttpResponse r;
    Url u;
    if (!parseUrl(url, u)) {
        r.error = "not an https URL: " + url;
        return r;
    }
    std::string address = u.host;
    if (u.host == "localhost") {
        address = "127.0.0.1";
    } else if (!isIp(u.host)) {
        const Lookup l = resolve(u.host);
        if (l.addresses.empty()) {
            r.error = "cannot resolve " + u.host + (l.error.empty() ? "" : ": " + l.error);
            return r;
        }
        address = l.addresses.front();
    }
    const int fd = connectTo(address, u.port, r.error);
    if (fd < 0)
        return r;
    if (cancel)
        cancel->setOnCancel([fd] { ::shutdown(fd, SHUT_RDWR); });
    SSL_CTX *ctx = makeContext();
    SSL *ssl = SSL_new(ctx);
    SSL_set_fd(ssl, fd);
    if (isIp(u.host)) {
        X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), u.host.c_str());
    } else {
        SSL_set_tlsext_host_name(ssl, u.host.c_str());
        SSL_set1_host(ssl, u.host.c_str());
    }
    std::string raw;
    if (SSL_connect(ssl) != 1) {
        const long v = SSL_get_verify_result(ssl);
        r.error = v != X509_V_OK ? std::string("TLS: ") + X509_verify_cert_error_string(v)
                                 : "TLS handshake failed";
    } else {
        std::string req = method + " " + u.path + " HTTP/1.1\r\nHost: " + u.host
                          + (u.port == 443 ? "" : ":" + std::to_string(u.port))
                          + "\r\nUser-Agent: qwq-helper\r\nAccept: */*\r\nConnection: close\r\n";
        if (method == "POST")
            req += "Content-Type: " + contentType + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
        req += "\r\n" + body;
        if (SSL_write(ssl, req.data(), static_cast<int>(req.size())) != static_cast<int>(req.size())) {
            r.error = "TLS write failed";
        } else {
            char buf[16384];
            for (;;) {
                const int n = SSL_read(ssl, buf, sizeof buf);
                if (n <= 0)
                    break;
                raw.append(buf, static_cast<std::size_t>(n));
                if (raw.size() > kMaxBody + 65536) {
                    r.error = "answer too large";
                    break;
                }
                // HEAD and bodies with a length end before the peer closes
                const auto end = raw.find("\r\n\r\n");
                if (end != std::string::npos && method == "HEAD")
                    break;
            }
        }
    }
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    if (cancel)
        cancel->clearOnCancel();
    ::close(fd);
    ERR_clear_error();
    if (cancel && cancel->isCancelled()) {
        r.error = "cancelled";
        return r;
    }
    if (r.error.empty() && !parseResponse(raw, r)) {
        r.status = 0;
        r.error = raw.empty() ? "no answer" : "malformed HTTP answer";
    }
    return r;
}

} // namespace qwqhelper::acme
