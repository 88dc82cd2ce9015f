// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// websites.*: the nginx (or OpenResty) already on the server — discover it, list every site,
// and create/update/delete/enable/disable qwq-managed sites through the staged apply pipeline
// (nginx/apply.h). Hand-written files are listed and read, never rewritten.
#include "dispatch.h"
#include "fsutil.h"
#include "handlers/handlers.h"
#include "handlers/websites.h"
#include "nginx/apply.h"
#include "nginx/config.h"
#include "nginx/site.h"

#include <algorithm>
#include <sys/stat.h>

namespace qwqhelper {

using nlohmann::json;
namespace ng = nginx;

namespace websites {

ng::Install install(const Params &)
{
    try {
        return ng::discover();
    } catch (const ng::ParseError &e) {
        throw RpcError(ng::kConfigInvalid, std::string("cannot parse the nginx configuration: ") + e.what(),
                       json{{"file", e.file}, {"line", e.line}, {"detail", e.what()}});
    }
}

ng::Tree loadTree(const ng::Install &in)
{
    try {
        return ng::loadFromDisk(in.confPath);
    } catch (const ng::ParseError &e) {
        throw RpcError(ng::kConfigInvalid, std::string("cannot parse the nginx configuration: ") + e.what(),
                       json{{"file", e.file}, {"line", e.line}, {"detail", e.what()}});
    }
}

std::string domainParam(const Params &p)
{
    return ng::domainField(p.requiredString("domain"), "domain", false); // IDN → punycode
}

SitePaths sitePaths(const ng::Install &in, const std::string &domain)
{
    if (in.layout == "none" || in.siteDir.empty())
        throw RpcError(ng::kNoSiteDir, "the nginx configuration includes no sites directory",
                       json{{"hint", "include sites-enabled/* or conf.d/*.conf inside http {}"}});
    SitePaths s;
    s.file = in.siteDir + "/" + ng::siteFileName(domain);
    if (in.layout == "sites") {
        s.enabled = in.enabledDir + "/" + ng::siteFileName(domain);
    } else {
        s.enabled = s.file;
        s.disabled = s.file + ".disabled";
    }
    const auto slash = in.confPath.rfind('/');
    s.htpasswd = in.confPath.substr(0, slash) + "/qwq-htpasswd/" + domain;
    return s;
}

bool pathExists(const std::string &path)
{
    struct stat st{};
    return ::lstat(path.c_str(), &st) == 0;
}

bool siteEnabled(const ng::Install &in, const SitePaths &s)
{
    return in.layout == "sites" ? pathExists(s.enabled) : fs::exists(s.file);
}

// The current text of a managed site (enabled or not); nullopt when there is none.
std::optional<std::string> siteText(const ng::Install &in, const SitePaths &s)
{
    if (in.layout == "conf.d" && !fs::exists(s.file))
        return fs::readRegular(s.disabled, 16u << 20);
    return fs::readRegular(s.file, 16u << 20);
}

Plan planWrite(const ng::Install &in, const json &spec, int mode)
{
    if (!spec.is_object())
        throw RpcError(Code::InvalidParams, "invalid params: site must be an object", errorData("site"));
    // the same grammar (and punycode) as renderSite: the paths need the domain first
    const std::string lower = ng::domainField(ng::str(spec, "domain", "domain"), "domain", false);
    const SitePaths paths = sitePaths(in, lower);
    const auto current = siteText(in, paths);
    if (current && mode == 0)
        throw RpcError(ng::kSiteExists, "a site with this domain already exists",
                       json{{"field", "domain"}, {"value", lower}});
    if (!current && mode == 1)
        throw RpcError(ng::kSiteNotFound, "no such site", json{{"field", "domain"}, {"value", lower}});
    if (current && ng::managedSpec(*current).is_null())
        throw RpcError(ng::kNotManaged, "the site's file is not managed by qwq",
                       json{{"field", "domain"}, {"file", paths.file}});
    const std::string previousHtpasswd = fs::readRegular(paths.htpasswd, 1u << 20).value_or("");
    const ng::Rendered r = ng::renderSite(spec, paths.htpasswd, previousHtpasswd, ng::allowedRoots());

    Plan plan;
    plan.domain = lower;
    plan.spec = r.spec;
    plan.created = !current;
    const bool disabledConfD = current && in.layout == "conf.d" && !fs::exists(paths.file);
    ng::FileOp site{disabledConfD ? paths.disabled : paths.file, r.config, {}, 0644};
    plan.ops.push_back(site);
    if (!current && in.layout == "sites")
        plan.ops.push_back({paths.enabled, std::nullopt, paths.file, 0777});
    if (!r.htpasswd.empty())
        plan.ops.push_back({paths.htpasswd, r.htpasswd, {}, 0644});
    else if (fs::exists(paths.htpasswd))
        plan.ops.push_back({paths.htpasswd, std::nullopt, {}, 0644});
    return plan;
}

json applyPlan(const ng::Install &in, const std::vector<ng::FileOp> &ops, const std::string &action,
               const std::string &domain, const Context &ctx)
{
    const auto r = ng::apply(in, ops, action, domain, &ctx.cancel);
    json files = json::array();
    for (const auto &op : ops)
        files.push_back(op.path);
    return {{"version", r.version}, {"reloaded", r.reloaded}, {"running", r.running},
            {"files", files}};
}

json serversOfFile(const std::string &path, const std::string &text)
{
    ng::Tree tree;
    tree.mainPath = "(disabled)";
    ng::File main;
    main.path = "(disabled)";
    ng::Directive http;
    http.name = "http";
    http.block = true;
    ng::Directive include;
    include.name = "include";
    include.includes = {1};
    http.children.push_back(include);
    main.directives.push_back(http);
    tree.files.push_back(main);
    ng::File f;
    f.path = path;
    f.text = text;
    try {
        f.directives = ng::parse(text, path);
    } catch (const ng::ParseError &) {
        return json::array();
    }
    tree.files.push_back(f);
    return ng::listServers(tree);
}

const json &siteParam(const Params &p)
{
    const json *site = p.optionalObject("site");
    if (!site)
        throw RpcError(Code::InvalidParams, "invalid params: site is required", errorData("site"));
    return *site;
}

} // namespace websites

namespace {

using namespace websites;

json websitesDiscover(const Params &p, const Context &)
{
    const ng::Install in = install(p);
    // With a file that does not parse the install is still described (with parseError), so
    // the app can offer to open that file; the file list needs the whole tree.
    const ng::Tree tree = in.parseError ? ng::Tree{} : loadTree(in);
    json result = in.toJson();
    json files = json::array();
    for (const auto &f : tree.files)
        files.push_back(f.path);
    json includes = json::array();
    ng::walk(tree, [&](const ng::Directive &d, const ng::File &file, const std::vector<std::string> &) {
        if (d.name == "include" && !d.args.empty()) {
            json matches = json::array();
            for (int i : d.includes)
                matches.push_back(tree.files[static_cast<std::size_t>(i)].path);
            includes.push_back({{"file", file.path}, {"line", d.line}, {"pattern", d.args[0]},
                                {"matches", matches}});
        }
        return true;
    });
    result["files"] = files;
    result["includes"] = includes;
    const int pid = ng::masterPid(in);
    result["running"] = pid > 0;
    result["pid"] = pid > 0 ? json(pid) : json(nullptr);
    return result;
}

json websitesList(const Params &p, const Context &)
{
    const ng::Install in = install(p);
    const ng::Tree tree = loadTree(in);
    json sites = ng::listServers(tree);
    // managed sites that are switched off are not loaded: list them from their files
    if (in.layout != "none" && !in.siteDir.empty()) {
        for (const auto &name : fs::listDir(in.siteDir)) {
            std::string domain;
            if (name.size() > 5 && name.substr(name.size() - 5) == ".conf")
                domain = name.substr(0, name.size() - 5);
            else if (in.layout == "conf.d" && name.size() > 14 && name.substr(name.size() - 14) == ".conf.disabled")
                domain = name.substr(0, name.size() - 14);
            if (domain.empty() || !ng::isDomain(domain, false))
                continue;
            const SitePaths paths = sitePaths(in, domain);
            if (siteEnabled(in, paths))
                continue;
            const std::string path = in.siteDir + "/" + name;
            const auto text = fs::readRegular(path, 16u << 20);
            if (!text)
                continue;
            for (auto s : serversOfFile(path, *text)) {
                s["enabled"] = false;
                s["id"] = path + ":" + std::to_string(s["line"].get<int>());
                sites.push_back(s);
            }
        }
    }
    return {{"sites", sites}, {"layout", in.layout}};
}

json websitesGet(const Params &p, const Context &)
{
    const ng::Install in = install(p);
    if (p.has("domain")) {
        const std::string domain = domainParam(p);
        const SitePaths paths = sitePaths(in, domain);
        const auto text = siteText(in, paths);
        if (!text)
            throw RpcError(ng::kSiteNotFound, "no such site", json{{"field", "domain"}, {"value", domain}});
        const std::string file = fs::exists(paths.file) ? paths.file : paths.disabled;
        const json spec = ng::managedSpec(*text);
        return {{"file", file}, {"text", *text}, {"sha256", fs::sha256Hex(*text)},
                {"managed", !spec.is_null()}, {"spec", spec}, {"enabled", siteEnabled(in, paths)},
                {"servers", serversOfFile(file, *text)}};
    }
    const std::string id = p.requiredString("id");
    const auto colon = id.rfind(':');
    const std::string file = colon == std::string::npos ? id : id.substr(0, colon);
    if (in.parseError && file == in.parseError->file) {
        // the file that keeps the configuration from parsing: readable so it can be repaired
        std::string text;
        if (!ng::readConfigFile(file, text))
            throw RpcError(ng::kSiteNotFound, "no such file", json{{"field", "id"}, {"value", id}});
        return {{"file", file}, {"text", text}, {"sha256", fs::sha256Hex(text)}, {"managed", false},
                {"spec", nullptr}, {"enabled", true}, {"servers", json::array()},
                {"parseError", {{"file", in.parseError->file}, {"line", in.parseError->line},
                                {"detail", in.parseError->message}}}};
    }
    const ng::Tree tree = loadTree(in);
    const int index = tree.indexOf(file);
    if (index < 0)
        throw RpcError(ng::kSiteNotFound, "no such site", json{{"field", "id"}, {"value", id}});
    const auto &f = tree.files[static_cast<std::size_t>(index)];
    const json spec = ng::managedSpec(f.text);
    return {{"file", f.path}, {"text", f.text}, {"sha256", fs::sha256Hex(f.text)},
            {"managed", !spec.is_null()}, {"spec", spec}, {"enabled", true},
            {"servers", serversOfFile(f.path, f.text)}};
}

json websitesCreate(const Params &p, const Context &ctx)
{
    const ng::Install in = install(p);
    const Plan plan = planWrite(in, siteParam(p), 0);
    json r = applyPlan(in, plan.ops, "create", plan.domain, ctx);
    r["domain"] = plan.domain;
    r["spec"] = plan.spec;
    return r;
}

json websitesUpdate(const Params &p, const Context &ctx)
{
    const ng::Install in = install(p);
    const Plan plan = planWrite(in, siteParam(p), 1);
    json r = applyPlan(in, plan.ops, "update", plan.domain, ctx);
    r["domain"] = plan.domain;
    r["spec"] = plan.spec;
    return r;
}

// The managed site named by `domain`, or an error.
SitePaths managedSite(const ng::Install &in, const std::string &domain)
{
    const SitePaths paths = sitePaths(in, domain);
    const auto text = siteText(in, paths);
    if (!text)
        throw RpcError(ng::kSiteNotFound, "no such site", json{{"field", "domain"}, {"value", domain}});
    if (ng::managedSpec(*text).is_null())
        throw RpcError(ng::kNotManaged, "the site's file is not managed by qwq",
                       json{{"field", "domain"}, {"file", paths.file}});
    return paths;
}

json websitesDelete(const Params &p, const Context &ctx)
{
    const ng::Install in = install(p);
    const std::string domain = domainParam(p);
    const SitePaths paths = managedSite(in, domain);
    std::vector<ng::FileOp> ops;
    if (in.layout == "sites" && pathExists(paths.enabled))
        ops.push_back({paths.enabled, std::nullopt, {}, 0644});
    if (pathExists(paths.file))
        ops.push_back({paths.file, std::nullopt, {}, 0644});
    if (!paths.disabled.empty() && pathExists(paths.disabled))
        ops.push_back({paths.disabled, std::nullopt, {}, 0644});
    if (pathExists(paths.htpasswd))
        ops.push_back({paths.htpasswd, std::nullopt, {}, 0644});
    return applyPlan(in, ops, "delete", domain, ctx);
}

json setEnabled(const Params &p, const Context &ctx, bool enable)
{
    const ng::Install in = install(p);
    const std::string domain = domainParam(p);
    const SitePaths paths = managedSite(in, domain);
    if (siteEnabled(in, paths) == enable)
        return {{"version", nullptr}, {"reloaded", false}, {"changed", false}};
    std::vector<ng::FileOp> ops;
    if (in.layout == "sites") {
        if (enable)
            ops.push_back({paths.enabled, std::nullopt, paths.file, 0777});
        else
            ops.push_back({paths.enabled, std::nullopt, {}, 0644});
    } else {
        const std::string from = enable ? paths.disabled : paths.file;
        const std::string to = enable ? paths.file : paths.disabled;
        ops.push_back({to, fs::readRegular(from, 16u << 20).value_or(""), {}, 0644});
        ops.push_back({from, std::nullopt, {}, 0644});
    }
    json r = applyPlan(in, ops, enable ? "enable" : "disable", domain, ctx);
    r["changed"] = true;
    return r;
}

json websitesEnable(const Params &p, const Context &ctx)
{
    return setEnabled(p, ctx, true);
}

json websitesDisable(const Params &p, const Context &ctx)
{
    return setEnabled(p, ctx, false);
}

} // namespace

void registerWebsiteLogMethods(Dispatcher &dispatcher);
void registerWebsiteChangeMethods(Dispatcher &dispatcher);
void registerWebsiteCertMethods(Dispatcher &dispatcher);

QWQ_STARTUP void registerWebsiteMethods(Dispatcher &dispatcher)
{
    dispatcher.add("websites.discover", Risk::Read, websitesDiscover);
    dispatcher.add("websites.list", Risk::Read, websitesList);
    dispatcher.add("websites.get", Risk::SecretRead, websitesGet);
    dispatcher.add("websites.create", Risk::Mutating, websitesCreate);
    dispatcher.add("websites.update", Risk::Mutating, websitesUpdate);
    dispatcher.add("websites.delete", Risk::Destructive, websitesDelete);
    dispatcher.add("websites.enable", Risk::Mutating, websitesEnable);
    dispatcher.add("websites.disable", Risk::Mutating, websitesDisable);
    registerWebsiteChangeMethods(dispatcher);
    registerWebsiteLogMethods(dispatcher);
    registerWebsiteCertMethods(dispatcher);
}

} // namespace qwqhelper
