// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// images.save (tar streamed to the app), images.load and images.import (a tar from a file on
// the server or streamed from the app with `$/input`).
#include "base64.h"
#include "dispatch.h"
#include "docker/engine.h"
#include "docker/validate.h"
#include "fsutil.h"
#include "handlers/handlers.h"
#include "inputqueue.h"

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace qwqhelper {

using nlohmann::json;
namespace v = docker::validate;

namespace {

constexpr std::size_t kSaveChunk = 512 * 1024;
constexpr int kUploadIdleMs = 60000;
constexpr long long kMaxTar = 64LL << 30;

json imagesSave(const Params &params, const Context &context)
{
    const json *list = params.optionalArray("images");
    if (!list || list->empty() || list->size() > 64)
        throw invalidValue("images", "name 1 to 64 images", "1..64 image references or ids");
    docker::Query query;
    for (const auto &item : *list) {
        if (!item.is_string() || !v::isImageReference(item.get<std::string>()))
            throw invalidValue("images", "invalid image reference", "an image reference or id");
        query.emplace_back("names", item.get<std::string>());
    }
    docker::Engine engine(params, context);
    auto http = engine.open("GET", "/images/get", query, {"images", (*list)[0].get<std::string>(), "image"},
                            600000);
    fs::Sha256 sha;
    uint64_t offset = 0;
    std::string pending;
    auto send = [&](std::size_t n) {
        const std::string_view chunk(pending.data(), n);
        sha.update(chunk);
        context.stream({{"b64", base64::encode(chunk)}, {"offset", offset}});
        offset += n;
        pending.erase(0, n);
    };
    for (;;) {
        const auto r = http->readSome(pending);
        if (r == docker::UnixHttp::Read::End)
            break;
        while (pending.size() >= kSaveChunk)
            send(kSaveChunk);
    }
    if (!pending.empty())
        send(pending.size());
    return {{"bytes", offset}, {"sha256", sha.hex()}};
}

// Where a tarball comes from: a file on the server or the app's `$/input`.
class TarSource
{
public:
    TarSource(const Params &params, const Context &context) : m_context(context)
    {
        const auto path = params.optionalString("path");
        const bool upload = params.optionalBool("upload").value_or(false);
        if (path.has_value() == upload)
            throw invalidValue(path ? "upload" : "path", "give either path or upload",
                               "a tar on the server (path) or one sent with $/input (upload)");
        if (path) {
            if (!fs::isCleanAbsolutePath(*path))
                throw invalidValue("path", "invalid path", "an absolute path without ..");
            m_fd = ::open(path->c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
            struct stat st{};
            if (m_fd < 0 || ::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode))
                throw invalidValue("path", "not a readable regular file",
                                   "a tar file (symbolic links are not followed)");
            if (st.st_size > kMaxTar)
                throw invalidValue("path", "the file is too large", "at most 64 GiB");
            m_length = st.st_size;
        } else {
            m_input = InputQueue::attach(context, false);
        }
    }
    ~TarSource()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    long long length() const { return m_length; } // -1: unknown (upload, sent chunked)

    // Sends the whole body on `http`.
    void sendTo(docker::UnixHttp &http)
    {
        if (m_fd >= 0) {
            std::string buf(1 << 20, '\0');
            for (;;) {
                m_context.throwIfCancelled();
                const ssize_t n = ::read(m_fd, buf.data(), buf.size());
                if (n < 0 && errno == EINTR)
                    continue;
                if (n < 0)
                    throw invalidValue("path", "cannot read the file");
                if (n == 0)
                    break;
                http.sendRaw(std::string_view(buf.data(), static_cast<std::size_t>(n)));
                m_sent += n;
            }
            return;
        }
        for (;;) {
            pollfd p{m_input->fd(), POLLIN, 0};
            int waited = 0;
            while (::poll(&p, 1, 200) == 0) {
                m_context.throwIfCancelled();
                waited += 200;
                if (waited >= kUploadIdleMs)
                    throw invalidValue("upload", "no input for 60 s",
                                       "send the tar with $/input and end it with eof");
            }
            const auto events = m_input->take();
            // Every byte matters in a tarball: input dropped for arriving too far ahead fails
            // the upload (before Docker gets a tar with a hole in it).
            if (m_input->overflowed())
                throw invalidValue("upload", "input arrived faster than it was taken",
                                   "keep at most 8 MiB sent beyond the last \"received\"");
            for (auto &e : events) {
                if (e.kind == InputQueue::Event::Kind::Eof) {
                    http.endChunks();
                    m_context.stream({{"received", m_sent}});
                    return;
                }
                m_sent += static_cast<long long>(e.bytes.size());
                if (m_sent > kMaxTar)
                    throw invalidValue("upload", "the upload is too large", "at most 64 GiB");
                http.sendChunk(e.bytes);
            }
            // The app's flow control: what has gone on to Docker (every 1 MiB at most).
            if (m_sent - m_acked >= (1 << 20)) {
                m_acked = m_sent;
                m_context.stream({{"received", m_sent}});
            }
        }
    }
    long long sent() const { return m_sent; }

private:
    const Context &m_context;
    int m_fd = -1;
    long long m_length = -1;
    long long m_sent = 0;
    long long m_acked = 0;
    std::shared_ptr<InputQueue> m_input;
};

// Docker's JSON-lines answer of load and import: {"stream": "Loaded image: x\n"},
// {"status": "sha256:…"}, {"error": "…"}. Messages are streamed; the texts returned.
std::vector<std::string> readMessages(docker::UnixHttp &http, const Context &context)
{
    std::vector<std::string> all;
    std::string pending;
    for (;;) {
        const auto r = http.readSome(pending);
        json messages = json::array();
        std::size_t start = 0;
        for (std::size_t nl; (nl = pending.find('\n', start)) != std::string::npos; start = nl + 1) {
            const json e = json::parse(pending.begin() + start, pending.begin() + nl, nullptr, false);
            if (!e.is_object())
                continue;
            if (e.contains("error")) {
                json data = errorData({}, {}, e.value("error", std::string()));
                data["status"] = http.status();
                throw RpcError(Code::DockerError, "Docker refused the tarball", data);
            }
            std::string text = e.value("stream", e.value("status", std::string()));
            while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
                text.pop_back();
            if (!text.empty()) {
                messages.push_back(text);
                all.push_back(text);
            }
        }
        pending.erase(0, start);
        if (!messages.empty())
            context.stream({{"messages", messages}});
        if (r == docker::UnixHttp::Read::End)
            break;
    }
    return all;
}

json imagesLoad(const Params &params, const Context &context)
{
    TarSource source(params, context);
    docker::Engine engine(params, context);
    auto http = engine.begin("POST", "/images/load", {{"quiet", "0"}}, {}, "application/x-tar",
                             source.length(), 600000);
    try {
        source.sendTo(*http);
    } catch (const docker::HttpError &e) {
        throw docker::unavailable(e.what());
    }
    engine.finish(*http, "POST", {});
    json images = json::array();
    for (const auto &m : readMessages(*http, context))
        for (const char *prefix : {"Loaded image: ", "Loaded image ID: "})
            if (m.rfind(prefix, 0) == 0)
                images.push_back(m.substr(std::string(prefix).size()));
    return {{"images", images}, {"bytes", source.sent()}};
}

json imagesImport(const Params &params, const Context &context)
{
    const std::string repository = v::image(params, "repository");
    if (v::hasTagOrDigest(repository))
        throw invalidValue("repository", "give the tag separately", "a reference without tag");
    const std::string tag = params.optionalString("tag").value_or("latest");
    if (!v::isImageReference("x:" + tag) || tag.size() > 128)
        throw invalidValue("tag", "invalid tag", "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    docker::Query query = {{"fromSrc", "-"}, {"repo", repository}, {"tag", tag}};
    static const char *kInstructions[] = {"CMD", "ENTRYPOINT", "ENV", "EXPOSE", "LABEL",
                                          "ONBUILD", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"};
    const auto changes = params.stringList("changes");
    if (changes.size() > 32)
        throw invalidValue("changes", "too many changes", "at most 32");
    for (const auto &c : changes) {
        const std::string word = c.substr(0, c.find(' '));
        const bool known = std::any_of(std::begin(kInstructions), std::end(kInstructions),
                                       [&word](const char *i) { return word == i; });
        if (!known || c.size() > 4096
            || std::any_of(c.begin(), c.end(), [](unsigned char ch) { return ch < 0x20 || ch == 0x7f; }))
            throw invalidValue("changes", "invalid change",
                               "CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, "
                               "VOLUME or WORKDIR, without control characters");
        query.emplace_back("changes", c);
    }
    if (const auto message = params.optionalString("message")) {
        if (message->size() > 1024
            || std::any_of(message->begin(), message->end(),
                           [](unsigned char ch) { return ch < 0x20 || ch == 0x7f; }))
            throw invalidValue("message", "invalid message", "at most 1024 bytes, no control characters");
        query.emplace_back("message", *message);
    }
    TarSource source(params, context);
    docker::Engine engine(params, context);
    auto http = engine.begin("POST", "/images/create", query, {}, "application/x-tar",
                             source.length(), 600000);
    try {
        source.sendTo(*http);
    } catch (const docker::HttpError &e) {
        throw docker::unavailable(e.what());
    }
    engine.finish(*http, "POST", {"repository", repository, "image"});
    std::string id;
    for (const auto &m : readMessages(*http, context))
        if (m.rfind("sha256:", 0) == 0)
            id = m;
    return {{"image", repository + ":" + tag}, {"id", id}};
}

} // namespace

QWQ_STARTUP void registerImageIoMethods(Dispatcher &dispatcher)
{
    // The tar holds each image's config, which may carry baked-in secrets (as inspect does).
    dispatcher.add("images.save", Risk::SecretRead, imagesSave);
    dispatcher.add("images.load", Risk::Mutating, imagesLoad);
    dispatcher.add("images.import", Risk::Mutating, imagesImport);
}

} // namespace qwqhelper
