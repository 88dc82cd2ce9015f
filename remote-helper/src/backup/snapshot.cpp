// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reading a snapshot back without writing anything: its manifest, and backups.verify.
#include "backup/datastream.h"
#include "backup/restore.h"
#include "base64.h"

#include <zstd.h>

#include <chrono>

namespace qwqhelper::backup {

using nlohmann::json;

namespace {
using Clock = std::chrono::steady_clock;
constexpr uint64_t kMaxManifest = 4ULL << 30;
} // namespace

void throwUnsafeEntry(const std::string &path, const std::string &why)
{
    json data = errorData("snapshot", {}, why);
    data["path"] = path;
    throw RpcError(Code::BackupUnsafeEntry, "the snapshot holds an unsafe entry: " + why, data);
}

void throwBadFile(const std::string &path)
{
    json data = errorData("snapshot", {}, path + " does not match its SHA-256");
    data["file"] = path;
    throw RpcError(Code::BackupCorrupt, "the snapshot is damaged: " + path + " does not match its hash",
                   data);
}

Manifest readManifest(SnapshotReader &reader)
{
    reader.seekManifest();
    ZSTD_DCtx *dctx = ZSTD_createDCtx();
    std::string text, chunk, buf(1 << 20, '\0');
    std::size_t last = 1;
    try {
        while (reader.nextChunk(chunk)) {
            ZSTD_inBuffer in{chunk.data(), chunk.size(), 0};
            for (;;) {
                ZSTD_outBuffer out{buf.data(), buf.size(), 0};
                const std::size_t before = in.pos;
                const std::size_t r = ZSTD_decompressStream(dctx, &out, &in);
                if (ZSTD_isError(r))
                    throw RpcError(Code::BackupCorrupt, "the snapshot is damaged: bad manifest",
                                   errorData("snapshot", {}, ZSTD_getErrorName(r)));
                text.append(buf.data(), out.pos);
                if (text.size() > kMaxManifest)
                    throw RpcError(Code::BackupCorrupt, "the snapshot's manifest is too large",
                                   errorData("snapshot"));
                if (out.pos > 0 || in.pos > before)
                    last = r;
                // Done with this chunk once its input is used and zstd holds nothing back.
                if (in.pos == in.size && out.pos < out.size)
                    break;
            }
        }
    } catch (...) {
        ZSTD_freeDCtx(dctx);
        throw;
    }
    ZSTD_freeDCtx(dctx);
    if (last != 0)
        throw RpcError(Code::BackupCorrupt, "the snapshot is damaged: truncated manifest", errorData("snapshot"));

    Manifest m;
    std::size_t start = 0;
    bool first = true;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos)
            nl = text.size();
        const json line = json::parse(text.begin() + start, text.begin() + nl, nullptr, false);
        start = nl + 1;
        if (first) {
            first = false;
            if (!line.is_object() || !line.contains("sources") || !line["sources"].is_array())
                throw RpcError(Code::BackupCorrupt, "the snapshot's manifest is unreadable", errorData("snapshot"));
            for (const auto &s : line["sources"]) {
                const std::string p = s.is_string() ? s.get<std::string>() : std::string();
                if (!isNormalAbsolutePath(p))
                    throwUnsafeEntry(p, "a source that is not a normal absolute path");
                m.sources.push_back(p);
            }
            continue;
        }
        Entry e = entryFromJson(line);
        if (!isNormalAbsolutePath(e.path))
            throwUnsafeEntry(e.path, "a path that is not absolute or has '..' or '.' segments");
        bool inside = false;
        for (const auto &s : m.sources)
            inside = inside || isWithin(e.path, s);
        if (!inside)
            throwUnsafeEntry(e.path, "a path outside the snapshot's sources");
        m.entries.push_back(std::move(e));
    }
    if (m.entries.size() != reader.trailer().value("entries", uint64_t(0)))
        throw RpcError(Code::BackupCorrupt, "the snapshot is damaged: the manifest's entry count is wrong",
                       errorData("snapshot"));
    return m;
}

std::unique_ptr<SnapshotReader> openSnapshot(const std::string &destination,
                                             const std::string &snapshot,
                                             const std::optional<std::string> &privateKey,
                                             bool keyRequired)
{
    auto reader = std::make_unique<SnapshotReader>(destination + "/" + snapshot + kSuffix);
    if (!reader->encrypted())
        return reader;
    if (privateKey) {
        const auto raw = base64::decode(*privateKey);
        if (!raw || raw->size() != 32)
            throw invalidValue("privateKey", "invalid private key", "a raw X25519 private key, 32 bytes in base64");
        reader->setPrivateKey(*raw);
    } else if (keyRequired) {
        json data = errorData("privateKey", "the private key of the policy that made the snapshot");
        data["reason"] = "missing";
        throw RpcError(Code::BackupKey, "the snapshot is encrypted: its private key is needed", data);
    }
    return reader;
}

json verifySnapshot(SnapshotReader &reader, bool haveKey, const CancelCheck &cancel,
                    const ProgressSink &progress)
{
    reader.setCheckHashes(true);
    reader.checkHeaderHash();
    const uint64_t chunks = reader.trailer()["chunks"].size();
    if (reader.encrypted() && !haveKey) {
        std::string chunk;
        uint64_t bytes = 0;
        reader.seekData();
        while (reader.nextChunk(chunk)) {
            cancel();
            bytes += chunk.size();
        }
        reader.seekManifest();
        while (reader.nextChunk(chunk))
            cancel();
        return {{"ok", true}, {"contentChecked", false}, {"chunks", chunks}, {"storedBytes", bytes}};
    }
    const Manifest manifest = readManifest(reader);
    uint64_t total = 0, files = 0;
    for (const auto &e : manifest.entries)
        if (e.type == 'f') {
            total += e.size;
            ++files;
        }
    DataStream data(reader);
    Sha256 sha;
    uint64_t doneBytes = 0, doneFiles = 0;
    auto lastProgress = Clock::now();
    for (const auto &e : manifest.entries) {
        if (e.type != 'f')
            continue;
        cancel();
        sha.reset();
        uint64_t left = e.size;
        while (left > 0) {
            const auto v = data.next(static_cast<std::size_t>(std::min<uint64_t>(left, 1 << 20)));
            if (v.empty())
                throwBadFile(e.path);
            sha.update(v);
            left -= v.size();
        }
        if (sha.hexDigest() != e.sha256)
            throwBadFile(e.path);
        doneBytes += e.size;
        ++doneFiles;
        if (Clock::now() - lastProgress > std::chrono::milliseconds(250)) {
            lastProgress = Clock::now();
            progress({{"phase", "verify"}, {"files", doneFiles}, {"filesTotal", files},
                      {"bytes", doneBytes}, {"bytesTotal", total}});
        }
    }
    if (!data.atEnd())
        throw RpcError(Code::BackupCorrupt, "the snapshot is damaged: more data than its manifest lists",
                       errorData("snapshot"));
    return {{"ok", true}, {"contentChecked", true}, {"chunks", chunks}, {"files", files},
            {"bytes", total}};
}

} // namespace qwqhelper::backup
