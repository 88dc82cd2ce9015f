// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// websites.diff/versions/rollback, and the edits that work on any file, hand-written ones
// included: websites.edit (single directives of one server block, spliced in place) and
// websites.writeRaw (a whole file's text, checked against the hash it was based on). All of them
// go through the same staged apply (nginx/apply.h).
#include "compose/diff.h"
#include "fsutil.h"
#include "handlers/websites.h"
#include "nginx/edit.h"
#include "nginx/site.h"

#include <algorithm>
#include <climits>
#include <cstdlib>

namespace qwqhelper {

using nlohmann::json;
namespace ng = nginx;
using namespace websites;

namespace {

// A unified diff of what `ops` would change (htpasswd files listed, never shown).
json describeOps(const std::vector<ng::FileOp> &ops, std::string &diff)
{
    json files = json::array();
    for (const auto &op : ops) {
        const ng::FileState now = ng::stateOf(op.path);
        const std::string oldText = now.type == "link" ? "-> " + now.target + "\n" : now.content;
        std::string newText;
        if (op.content)
            newText = *op.content;
        else if (!op.linkTo.empty())
            newText = "-> " + op.linkTo + "\n";
        const bool secret = op.path.find("/qwq-htpasswd/") != std::string::npos;
        files.push_back({{"path", op.path},
                         {"action", op.content ? (now.type == "absent" ? "create" : "update")
                                               : (op.linkTo.empty() ? "remove" : "link")}});
        if (!secret)
            diff += compose::unifiedDiff(oldText, newText, "a" + op.path, "b" + op.path);
    }
    return files;
}

void addTest(json &r, const ng::Install &in, const std::vector<ng::FileOp> &ops, const Context &ctx)
{
    try {
        ng::test(in, ops, &ctx.cancel);
        r["valid"] = true;
    } catch (const RpcError &e) {
        if (e.code != ng::kConfigInvalid)
            throw;
        r["valid"] = false;
        r["error"] = e.toJson();
    }
}

int versionParam(const Params &p)
{
    const auto version = p.optionalInt("version");
    if (!version)
        throw RpcError(Code::InvalidParams, "invalid params: version is required", errorData("version"));
    if (*version < 1 || *version > 1000000000)
        throw outOfRange("version", 1, 1000000000);
    return static_cast<int>(*version);
}

// A version file is data: its paths must stay inside nginx's directories.
std::vector<ng::FileOp> checkedRollbackOps(const ng::Install &in, int version, std::string &site)
{
    auto ops = ng::rollbackOps(in, version, &site);
    for (const auto &op : ops)
        if (!fs::isCleanAbsolutePath(op.path) || !ng::isPathUnder(op.path, ng::writableDirs(in)))
            throw RpcError(ng::kSiteNotFound, "the version names a file outside the nginx configuration",
                           json{{"field", "version"}, {"file", op.path}});
    return ops;
}

json websitesDiff(const Params &p, const Context &ctx)
{
    const ng::Install in = install(p);
    std::string diff;
    if (p.has("version")) { // what websites.rollback would change
        const int version = versionParam(p);
        std::string site;
        const auto ops = checkedRollbackOps(in, version, site);
        json r = {{"version", version}, {"site", site}, {"files", describeOps(ops, diff)}};
        r["diff"] = diff;
        if (p.optionalBool("test").value_or(false))
            addTest(r, in, ops, ctx);
        return r;
    }
    const Plan plan = planWrite(in, siteParam(p), 2);
    json r = {{"domain", plan.domain}, {"create", plan.created}, {"files", describeOps(plan.ops, diff)},
              {"spec", plan.spec}};
    r["diff"] = diff;
    if (p.optionalBool("test").value_or(false))
        addTest(r, in, plan.ops, ctx);
    return r;
}

json websitesVersions(const Params &p, const Context &)
{
    const ng::Install in = install(p);
    const std::string domain = p.has("domain") ? domainParam(p) : std::string();
    return {{"versions", ng::versions(in, domain)}};
}

json websitesRollback(const Params &p, const Context &ctx)
{
    const ng::Install in = install(p);
    const int version = versionParam(p);
    std::string site;
    const auto ops = checkedRollbackOps(in, version, site);
    json r = applyPlan(in, ops, "rollback", site, ctx);
    r["rolledBack"] = version;
    r["site"] = site;
    return r;
}

// The file behind a path nginx loads: a symbolic link's target (what gets written), which must
// also be inside nginx's directories.
std::string writableTarget(const ng::Install &in, const std::string &path, const std::string &field)
{
    char buf[PATH_MAX];
    const std::string real = ::realpath(path.c_str(), buf) ? std::string(buf) : path;
    std::vector<std::string> dirs;
    for (const auto &d : ng::writableDirs(in)) {
        dirs.push_back(d);
        if (::realpath(d.c_str(), buf))
            dirs.push_back(buf);
    }
    if (!ng::isPathUnder(path, dirs) || !ng::isPathUnder(real, dirs))
        throw invalidValue(field, "the file is outside the nginx configuration directories",
                           "files under " + in.confDir + (in.siteDir.empty() ? "" : " or " + in.siteDir));
    return real;
}

// "<file>:<line>" of a loaded server block.
std::pair<std::string, int> idParam(const Params &p)
{
    const std::string id = p.requiredString("id");
    const auto colon = id.rfind(':');
    int line = 0;
    if (colon != std::string::npos && colon + 1 < id.size() && id.size() - colon < 10
        && std::all_of(id.begin() + static_cast<long>(colon) + 1, id.end(), ::isdigit))
        line = std::atoi(id.c_str() + colon + 1);
    if (line < 1 || !fs::isCleanAbsolutePath(id.substr(0, colon)))
        throw invalidValue("id", "invalid id", "<file>:<line> as websites.list gives it");
    return {id.substr(0, colon), line};
}

json websitesEdit(const Params &p, const Context &ctx)
{
    const ng::Install in = install(p);
    const auto [file, line] = idParam(p);
    const ng::Tree tree = loadTree(in);
    const int index = tree.indexOf(file);
    if (index < 0)
        throw RpcError(ng::kSiteNotFound, "no such site", json{{"field", "id"}, {"value", p.requiredString("id")}});
    const std::string &text = tree.files[static_cast<std::size_t>(index)].text;
    if (!ng::managedSpec(text).is_null())
        throw invalidValue("id", "this site is managed by qwq", "change it with websites.update");
    const json *changes = p.optionalArray("changes");
    const auto list = ng::parseChanges(changes ? *changes : json(), ng::allowedRoots());
    const std::string target = writableTarget(in, file, "id");
    const std::string edited = ng::editServer(text, file, line, list);
    std::string site;
    for (const auto &s : serversOfFile(file, text))
        if (s.value("line", 0) == line && !s["names"].empty())
            site = s["names"][0].get<std::string>();
    ng::FileOp op{target, edited, {}, ng::stateOf(target).mode};
    json r = applyPlan(in, {op}, "edit", site, ctx);
    r["changed"] = edited != text;
    return r;
}

json websitesWriteRaw(const Params &p, const Context &ctx)
{
    const ng::Install in = install(p);
    const std::string file = p.requiredString("file");
    if (!fs::isCleanAbsolutePath(file))
        throw invalidValue("file", "invalid file", "an absolute path");
    const std::string text = p.requiredString("text");
    if (text.size() > (1u << 20) || text.find('\0') != std::string::npos)
        throw invalidValue("text", "invalid text", "at most 1 MiB, no NUL bytes");
    const std::string expected = p.requiredString("baseSha256");
    // The file that keeps the configuration from parsing may be rewritten (that is how it gets
    // repaired); any other file needs a configuration that parses.
    const bool broken = in.parseError && file == in.parseError->file;
    const bool loaded = broken || loadTree(in).indexOf(file) >= 0;
    const bool siteFile = !in.siteDir.empty() && ng::isPathUnder(file, {in.siteDir});
    if (!loaded && !siteFile)
        throw RpcError(ng::kSiteNotFound, "the file is not part of the nginx configuration",
                       json{{"field", "file"}, {"value", file}});
    const std::string target = writableTarget(in, file, "file");
    const ng::FileState now = ng::stateOf(target);
    if (now.type != "file")
        throw RpcError(ng::kSiteNotFound, "no such file", json{{"field", "file"}, {"value", file}});
    if (fs::sha256Hex(now.content) != expected)
        throw RpcError(ng::kChangedMeanwhile, "the file changed since it was read",
                       json{{"field", "baseSha256"}, {"detail", "read it again with websites.get"}});
    try {
        ng::parse(text, file); // our parser first: its message names the line in the user's text
    } catch (const ng::ParseError &e) {
        throw RpcError(ng::kConfigInvalid, std::string("the configuration does not parse: ") + e.what(),
                       json{{"file", file}, {"line", e.line}, {"detail", e.what()}});
    }
    std::string site;
    const json servers = serversOfFile(file, now.content);
    if (!servers.empty() && !servers[0]["names"].empty())
        site = servers[0]["names"][0].get<std::string>();
    ng::FileOp op{target, text, {}, now.mode};
    json r = applyPlan(in, {op}, "raw", site, ctx);
    r["changed"] = text != now.content;
    r["sha256"] = fs::sha256Hex(text);
    return r;
}

} // namespace

QWQ_STARTUP void registerWebsiteChangeMethods(Dispatcher &dispatcher)
{
    dispatcher.add("websites.diff", Risk::SecretRead, websitesDiff);
    dispatcher.add("websites.versions", Risk::Read, websitesVersions);
    dispatcher.add("websites.rollback", Risk::Mutating, websitesRollback);
    dispatcher.add("websites.edit", Risk::Mutating, websitesEdit);
    dispatcher.add("websites.writeRaw", Risk::Mutating, websitesWriteRaw);
}

} // namespace qwqhelper
