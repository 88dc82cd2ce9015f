// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// backups.*: snapshots of directories in a destination directory on the server (PROTOCOL.md
// "backups"): create, list, verify, restore, prune. The logic is in backup/.
#include "backup/catalog.h"
#include "backup/create.h"
#include "backup/restore.h"
#include "base64.h"
#include "dispatch.h"
#include "handlers/handlers.h"

#include <ctime>
#include <thread>

namespace qwqhelper {

using nlohmann::json;

namespace {

bool hasControl(const std::string &s)
{
    for (const unsigned char c : s)
        if (c < 0x20 || c == 0x7f)
            return true;
    return false;
}

std::string absolutePath(const std::string &value, const char *field)
{
    if (!backup::isNormalAbsolutePath(value))
        throw invalidValue(field, std::string("invalid ") + field,
                           "an absolute path without '.', '..' or empty segments, not /");
    return value;
}

// destination: {"dir": "/abs/path"}.
std::string destinationDir(const Params &params)
{
    const json *d = params.optionalObject("destination");
    if (!d)
        throw RpcError(Code::InvalidParams, "invalid params: destination is required",
                       errorData("destination"));
    if (!d->contains("dir") || !(*d)["dir"].is_string())
        throw RpcError(Code::InvalidParams, "invalid params: destination.dir must be a string",
                       errorData("destination"));
    return absolutePath((*d)["dir"].get<std::string>(), "destination");
}

std::string snapshotParam(const Params &params)
{
    const std::string id = params.requiredString("snapshot");
    if (!backup::isSnapshotId(id))
        throw invalidValue("snapshot", "invalid snapshot name", "a name backups.list returned");
    return id;
}

std::string policyParam(const Params &params)
{
    const std::string policy = params.requiredString("policy");
    if (!backup::isPolicyName(policy))
        throw invalidValue("policy", "invalid policy name",
                           "1..64 letters, digits, '_', '-' and '.', starting with a letter or digit");
    return policy;
}

int64_t intParam(const Params &params, const char *field, int64_t min, int64_t max, int64_t fallback)
{
    const auto v = params.optionalInt(field);
    if (v && (*v < min || *v > max))
        throw outOfRange(field, min, max);
    return v.value_or(fallback);
}

backup::CancelCheck cancelCheck(const Context &context)
{
    return [&context] { context.throwIfCancelled(); };
}

backup::ProgressSink progressSink(const Context &context)
{
    return [&context](const json &item) { context.stream({{"progress", item}}); };
}

json backupsCreate(const Params &params, const Context &context)
{
    backup::CreateOptions options;
    const json *sources = params.optionalArray("sources");
    if (!sources || sources->empty() || sources->size() > 64)
        throw invalidValue("sources", "give 1 to 64 sources", "[{\"path\": \"/srv/www\", \"excludes\": [\"*.log\"]}]");
    for (const auto &s : *sources) {
        if (!s.is_object() || !s.contains("path") || !s["path"].is_string())
            throw RpcError(Code::InvalidParams, "invalid params: each source needs a path string",
                           errorData("sources"));
        backup::Source source;
        source.path = absolutePath(s["path"].get<std::string>(), "sources");
        if (s.contains("excludes") && !s["excludes"].is_null()) {
            if (!s["excludes"].is_array() || s["excludes"].size() > 256)
                throw invalidValue("sources", "excludes must be a list of at most 256 globs");
            for (const auto &x : s["excludes"]) {
                if (!x.is_string() || x.get<std::string>().empty() || x.get<std::string>().size() > 1024
                    || hasControl(x.get<std::string>()))
                    throw invalidValue("sources", "invalid exclude pattern",
                                       "a glob of 1..1024 characters without control characters");
                source.excludes.push_back(x.get<std::string>());
            }
        }
        for (const auto &other : options.sources)
            if (backup::isWithin(source.path, other.path) || backup::isWithin(other.path, source.path))
                throw invalidValue("sources", "sources overlap: " + source.path + " and " + other.path,
                                   "sources that do not contain each other");
        options.sources.push_back(std::move(source));
    }
    options.destination = destinationDir(params);
    for (const auto &source : options.sources)
        if (backup::isWithin(source.path, options.destination))
            throw invalidValue("destination", "the destination contains a source",
                               "a directory outside the sources (one inside a source is left out of it)");
    options.policy = policyParam(params);
    options.level = static_cast<int>(intParam(params, "level", 1, 19, 3));
    const int cores = static_cast<int>(std::thread::hardware_concurrency());
    options.threads = static_cast<int>(intParam(params, "threads", 0, 8, cores > 1 ? 1 : 0));
    options.time = intParam(params, "time", 0, 32503680000LL, std::time(nullptr));
    if (const auto key = params.optionalString("recipientPublicKey")) {
        const auto raw = base64::decode(*key);
        if (!raw || raw->size() != 32)
            throw invalidValue("recipientPublicKey", "invalid public key",
                               "a raw X25519 public key, 32 bytes in base64");
        options.recipientPublicKey = *raw;
    }
    return backup::createSnapshot(options, cancelCheck(context), progressSink(context));
}

json backupsList(const Params &params, const Context &)
{
    const std::string dir = destinationDir(params);
    std::optional<std::string> policy;
    if (params.has("policy"))
        policy = policyParam(params);
    return {{"snapshots", backup::listSnapshots(dir, policy)}};
}

json backupsVerify(const Params &params, const Context &context)
{
    const std::string dir = destinationDir(params);
    const std::string id = snapshotParam(params);
    const auto key = params.optionalString("privateKey");
    auto reader = backup::openSnapshot(dir, id, key, false);
    json result = backup::verifySnapshot(*reader, key.has_value(), cancelCheck(context),
                                         progressSink(context));
    result["snapshot"] = id;
    return result;
}

json backupsRestore(const Params &params, const Context &context)
{
    const std::string dir = destinationDir(params);
    const std::string id = snapshotParam(params);
    backup::RestoreOptions options;
    if (const auto target = params.optionalString("target")) {
        if (*target != "/")
            options.target = absolutePath(*target, "target");
    }
    for (const auto &p : params.stringList("paths"))
        options.paths.push_back(absolutePath(p, "paths"));
    if (options.paths.size() > 4096)
        throw invalidValue("paths", "too many paths", "at most 4096");
    options.keepSafetyCopy = params.optionalBool("keepSafetyCopy").value_or(false);
    options.sync = params.optionalBool("sync").value_or(true);
    auto reader = backup::openSnapshot(dir, id, params.optionalString("privateKey"), true);
    json result = backup::restoreSnapshot(*reader, options, cancelCheck(context), progressSink(context));
    result["snapshot"] = id;
    return result;
}

json backupsPrune(const Params &params, const Context &)
{
    const std::string dir = destinationDir(params);
    const std::string policy = policyParam(params);
    backup::Retention r;
    r.keepLast = static_cast<int>(intParam(params, "keepLast", 0, 100000, 0));
    r.keepDaily = static_cast<int>(intParam(params, "keepDaily", 0, 100000, 0));
    r.keepWeekly = static_cast<int>(intParam(params, "keepWeekly", 0, 100000, 0));
    r.keepMonthly = static_cast<int>(intParam(params, "keepMonthly", 0, 100000, 0));
    if (r.keepLast + r.keepDaily + r.keepWeekly + r.keepMonthly == 0)
        throw invalidValue("keepLast", "give at least one keep rule",
                           "keepLast, keepDaily, keepWeekly or keepMonthly above 0");
    const bool dryRun = params.optionalBool("dryRun").value_or(false);
    return backup::pruneSnapshots(dir, policy, r, dryRun);
}

} // namespace

QWQ_STARTUP void registerBackupMethods(Dispatcher &dispatcher)
{
    dispatcher.add("backups.create", Risk::Mutating, backupsCreate);
    dispatcher.add("backups.list", Risk::Read, backupsList);
    dispatcher.add("backups.verify", Risk::Read, backupsVerify);
    // Replaces what is at the target (kept only until the swap is complete).
    dispatcher.add("backups.restore", Risk::Destructive, backupsRestore);
    dispatcher.add("backups.prune", Risk::Destructive, backupsPrune);
}

} // namespace qwqhelper
