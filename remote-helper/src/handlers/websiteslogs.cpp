// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// websites.logs: the access or error log of a site (paths from its server block, else the
// http-level or compiled defaults): the last N lines, then new lines as they come.
#include "dispatch.h"
#include "fsutil.h"
#include "handlers/handlers.h"
#include "handlers/websites.h"
#include "nginx/apply.h"
#include "nginx/config.h"
#include "nginx/site.h"

#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace qwqhelper {

using nlohmann::json;
namespace ng = nginx;

namespace {

constexpr std::size_t kMaxLine = 16384;

class LogFile
{
public:
    explicit LogFile(const std::string &path) : m_path(path) {}
    ~LogFile() { close(); }

    bool open()
    {
        close();
        m_fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
        if (m_fd < 0)
            return false;
        struct stat st{};
        if (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            close();
            return false;
        }
        m_inode = st.st_ino;
        return true;
    }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }
    int fd() const { return m_fd; }
    ino_t inode() const { return m_inode; }

    std::string read(off_t from, std::size_t max)
    {
        std::string data(max, '\0');
        const ssize_t n = ::pread(m_fd, data.data(), max, from);
        data.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
        return data;
    }

private:
    std::string m_path;
    int m_fd = -1;
    ino_t m_inode = 0;
};

std::vector<std::string> splitLines(const std::string &data, std::string &partial)
{
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (true) {
        const auto eol = data.find('\n', pos);
        if (eol == std::string::npos) {
            partial += data.substr(pos);
            if (partial.size() > kMaxLine) {
                lines.push_back(partial.substr(0, kMaxLine));
                partial.clear();
            }
            return lines;
        }
        partial += data.substr(pos, eol - pos);
        if (!partial.empty() && partial.back() == '\r')
            partial.pop_back();
        lines.push_back(partial.size() > kMaxLine ? partial.substr(0, kMaxLine) : partial);
        partial.clear();
        pos = eol + 1;
    }
}

// Log text is data from the network: make it valid UTF-8 for JSON.
std::string clean(const std::string &line)
{
    std::string out;
    for (std::size_t i = 0; i < line.size();) {
        const unsigned char c = static_cast<unsigned char>(line[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool ok = len > 0 && i + static_cast<std::size_t>(len) <= line.size();
        for (int k = 1; ok && k < len; ++k)
            ok = (static_cast<unsigned char>(line[i + static_cast<std::size_t>(k)]) & 0xC0) == 0x80;
        if (!ok) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        if (c < 0x20 && c != '\t')
            out += ' ';
        else
            out.append(line, i, static_cast<std::size_t>(len));
        i += static_cast<std::size_t>(len);
    }
    return out;
}

std::string logPath(const Params &p, const ng::Install &in, const std::string &which)
{
    const ng::Tree tree = websites::loadTree(in);
    json servers = ng::listServers(tree);
    const std::string key = which == "error" ? "errorLog" : "accessLog";
    std::string path = which == "error" ? in.errorLogPath : in.httpLogPath;
    if (p.has("domain") || p.has("id")) {
        const json *found = nullptr;
        const std::string domain = p.has("domain") ? websites::domainParam(p) : std::string();
        const std::string id = p.optionalString("id").value_or("");
        for (const auto &s : servers) {
            if ((!id.empty() && s.value("id", "") == id)
                || (!domain.empty() && std::find(s["names"].begin(), s["names"].end(), domain) != s["names"].end())) {
                found = &s;
                if (s.contains(key))
                    break;
            }
        }
        if (!found)
            throw RpcError(ng::kSiteNotFound, "no such site",
                           json{{"field", p.has("id") ? "id" : "domain"}, {"value", p.has("id") ? id : domain}});
        if (found->contains(key))
            path = (*found)[key].get<std::string>();
    }
    if (path == "stderr" || path == "off" || path.rfind("syslog:", 0) == 0 || path.find('$') != std::string::npos)
        throw invalidValue("log", "this log is not written to a file", path);
    if (!path.empty() && path[0] != '/')
        path = in.prefix + "/" + path;
    if (!fs::isCleanAbsolutePath(path))
        throw invalidValue("log", "the log path is not a clean absolute path", path);
    return path;
}

json websitesLogs(const Params &p, const Context &ctx)
{
    const ng::Install in = websites::install(p);
    const std::string which = p.optionalString("log").value_or("access");
    if (which != "access" && which != "error")
        throw invalidValue("log", "invalid log", "access or error");
    const int64_t lines = p.intOr("lines", 100);
    if (lines < 0 || lines > 10000)
        throw outOfRange("lines", 0, 10000);
    const std::string filter = p.optionalString("filter").value_or("");
    if (filter.size() > 1024)
        throw invalidValue("filter", "filter is too long", "at most 1024 bytes");
    const bool follow = p.optionalBool("follow").value_or(false);
    const std::string path = logPath(p, in, which);

    LogFile file(path);
    if (!file.open())
        throw RpcError(ng::kSiteNotFound, "the log file cannot be read", json{{"field", "log"}, {"file", path}});
    struct stat st{};
    ::fstat(file.fd(), &st);
    off_t end = st.st_size;

    // tail: read backwards in chunks until enough matching lines (at most 64 MiB)
    std::vector<std::string> tail;
    off_t pos = end;
    std::string carry; // the part before a chunk's first newline, joined with the previous chunk
    const std::size_t chunk = 1 << 16;
    while (lines > 0 && pos > 0 && end - pos < (64 << 20)
           && tail.size() < static_cast<std::size_t>(lines)) {
        const off_t from = pos > static_cast<off_t>(chunk) ? pos - static_cast<off_t>(chunk) : 0;
        std::string data = file.read(from, static_cast<std::size_t>(pos - from)) + carry;
        pos = from;
        std::size_t first = pos > 0 ? data.find('\n') : std::string::npos;
        if (pos > 0 && first == std::string::npos) {
            carry = data;
            continue;
        }
        carry = pos > 0 ? data.substr(0, first) : std::string();
        std::string body = pos > 0 ? data.substr(first + 1) : data;
        std::string partial;
        auto chunkLines = splitLines(body, partial);
        if (!partial.empty())
            chunkLines.push_back(partial);
        for (auto it = chunkLines.rbegin(); it != chunkLines.rend() && tail.size() < static_cast<std::size_t>(lines); ++it)
            if (filter.empty() || it->find(filter) != std::string::npos)
                tail.push_back(*it);
    }
    std::reverse(tail.begin(), tail.end());
    json batch = json::array();
    for (const auto &l : tail) {
        batch.push_back(clean(l));
        if (batch.size() == 500) {
            ctx.stream({{"lines", batch}});
            batch = json::array();
        }
    }
    if (!batch.empty())
        ctx.stream({{"lines", batch}});
    if (!follow)
        return {{"path", path}, {"lines", tail.size()}};

    std::string partial;
    off_t offset = end;
    while (!ctx.cancel.waitFor(std::chrono::milliseconds(250))) {
        struct stat now{};
        if (::stat(path.c_str(), &now) == 0 && now.st_ino != file.inode()) {
            file.open(); // rotated: read the new file from its start
            offset = 0;
        }
        if (file.fd() < 0 || ::fstat(file.fd(), &now) != 0)
            continue;
        if (now.st_size < offset)
            offset = 0; // truncated
        json fresh = json::array();
        while (now.st_size > offset) {
            const std::string data = file.read(offset, std::min<std::size_t>(1 << 20, static_cast<std::size_t>(now.st_size - offset)));
            if (data.empty())
                break;
            offset += static_cast<off_t>(data.size());
            for (const auto &l : splitLines(data, partial))
                if (filter.empty() || l.find(filter) != std::string::npos)
                    fresh.push_back(clean(l));
        }
        if (!fresh.empty())
            ctx.stream({{"lines", fresh}});
    }
    throw cancelledError();
}

} // namespace

QWQ_STARTUP void registerWebsiteLogMethods(Dispatcher &dispatcher)
{
    dispatcher.add("websites.logs", Risk::Read, websitesLogs);
}

} // namespace qwqhelper
