// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// compose.validate, lint, deploy, diff, files, versions and rollback: a definition written in
// the app is checked (yaml-cpp, then `compose config` on a staged copy), linted, checked for
// taken ports, and only then written to the managed root and brought up; a failed deploy puts
// the previous files and containers back.
#include "compose/cli.h"
#include "compose/diff.h"
#include "compose/ports.h"
#include "compose/project.h"
#include "compose/spec.h"
#include "compose/store.h"
#include "dispatch.h"
#include "docker/engine.h"
#include "docker/validate.h"
#include "fsutil.h"
#include "handlers/handlers.h"
#include "selfheal/state.h"

namespace qwqhelper {

using nlohmann::json;
using compose::Store;

namespace {

constexpr std::size_t kMaxYaml = 1u << 20;

// The files a request describes: `yaml` and, when given, `env`; without `env` a managed
// project keeps its current .env.
Store::Files filesParam(const Params &params, const Store &store, const std::string &project)
{
    Store::Files files;
    files.yaml = params.requiredString("yaml");
    if (files.yaml.size() > kMaxYaml)
        throw invalidValue("yaml", "the compose file is too long", "at most 1 MiB");
    if (const json *env = params.optionalObject("env"))
        files.env = env->empty() ? std::nullopt : std::optional(Store::envText(*env));
    else if (const auto current = store.current(project))
        files.env = current->env;
    return files;
}

struct Checked
{
    compose::Spec spec;
    compose::Tool tool;
};

// Steps 1-3 of compose.validate. Nothing outside a private staging directory is written.
Checked check(const Params &params, const Context &context, const Store &store,
              const std::string &project, const Store::Files &files)
{
    Checked c{compose::parse(files.yaml), compose::choose(params)};
    std::string staged;
    try {
        staged = store.stage(files);
    } catch (const std::exception &e) {
        throw RpcError(Code::Internal, "cannot stage the compose file", errorData({}, {}, e.what()));
    }
    compose::Project p{project, staged, {staged + "/compose.yml"}, false, true};
    compose::RunResult r;
    try {
        r = compose::run(c.tool, p, {"config", "--quiet"}, params, context, false, true);
    } catch (...) {
        fs::removeTree(staged);
        throw;
    }
    fs::removeTree(staged);
    if (r.exitCode != 0) {
        // Compose names the staged path; the user knows the file as compose.yml.
        std::string text = r.errTail;
        for (std::size_t pos; (pos = text.find(staged + "/")) != std::string::npos;)
            text.erase(pos, staged.size() + 1);
        throw RpcError(4004, "compose refused the file", compose::composeErrorData(text));
    }
    return c;
}

json lintFindings(const compose::Spec &spec, const json &ports)
{
    json findings = spec.findings;
    for (const auto &p : ports)
        if (p["inUse"].get<bool>())
            findings.push_back({{"rule", "port-in-use"}, {"severity", "high"},
                                {"service", p["service"]},
                                {"path", "services." + p["service"].get<std::string>() + ".ports"},
                                {"line", p["line"]}, {"column", p["column"]},
                                {"message", "host port " + std::to_string(p["port"].get<int>()) + "/"
                                                + p["protocol"].get<std::string>()
                                                + " is already in use by "
                                                + p["by"].get<std::string>()}});
    return findings;
}

json portsInUse(docker::Engine &engine, const compose::Spec &spec, const std::string &project)
{
    return compose::checkPorts(spec.ports, &engine, project);
}

json composeValidate(const Params &params, const Context &context)
{
    const std::string project = params.has("project") ? compose::projectParam(params)
                                                      : std::string("qwq-validate");
    Store store;
    const Store::Files files = filesParam(params, store, project);
    const Checked c = check(params, context, store, project, files);
    return {{"valid", true}, {"services", c.spec.services}, {"compose", c.tool.kind},
            {"version", c.tool.version}};
}

json composeLint(const Params &params, const Context &context)
{
    const std::string project = params.has("project") ? compose::projectParam(params)
                                                      : std::string("qwq-validate");
    const std::string yaml = params.requiredString("yaml");
    if (yaml.size() > kMaxYaml)
        throw invalidValue("yaml", "the compose file is too long", "at most 1 MiB");
    const compose::Spec spec = compose::parse(yaml);
    docker::Engine engine(params, context);
    json ports;
    try {
        ports = portsInUse(engine, spec, project);
    } catch (const RpcError &e) {
        if (e.code != Code::DockerUnavailable)
            throw;
        ports = compose::checkPorts(spec.ports, nullptr, project); // listening sockets only
    }
    return {{"findings", lintFindings(spec, ports)}, {"ports", ports}};
}

// A context for the restore after a failure or cancel: the request's own token may already be
// cancelled, and putting things back must still run.
struct RestoreContext
{
    explicit RestoreContext(const Context &c) : context{c.id, token, c.writer, c.dispatcher} {}
    CancelToken token;
    Context context;
};

json deployFiles(const Params &params, const Context &context, const std::string &name,
                 const Store::Files &files)
{
    Store store;
    docker::Engine engine(params, context);
    if (!store.exists(name)) {
        const json containers = compose::projectContainers(engine, name);
        if (!containers.empty()) {
            const json labels = containers[0].value("Labels", json::object());
            json data = errorData("project", "this project was started from other files");
            data["workingDir"] = labels.value("com.docker.compose.project.working_dir", std::string());
            throw RpcError(Code::DockerConflict, "the project exists outside qwq's managed root", data);
        }
    }
    const Checked c = check(params, context, store, name, files);

    json ports = portsInUse(engine, c.spec, name);
    json risky = json::array();
    for (const auto &f : c.spec.findings)
        if (f["severity"] == "high")
            risky.push_back(f);
    if (!risky.empty() && !params.optionalBool("acceptRisks").value_or(false)) {
        json data = errorData("yaml", "review the findings and deploy with acceptRisks");
        data["findings"] = risky;
        throw RpcError(4008, "the definition gives containers power over the host", data);
    }
    json taken = json::array();
    for (const auto &p : ports)
        if (p["inUse"].get<bool>())
            taken.push_back(p);
    if (!taken.empty()) {
        json data = errorData("yaml", "free the port or publish another one");
        data["ports"] = taken;
        throw RpcError(4005, "a host port is already in use", data);
    }

    const std::string pull = params.optionalString("pull").value_or("missing");
    if (pull != "missing" && pull != "always" && pull != "never")
        throw invalidValue("pull", "invalid pull policy", "missing, always or never");
    std::vector<std::string> up = {"up", "-d", "--remove-orphans"};
    if (c.tool.kind == "v2" && pull != "missing")
        up.insert(up.end(), {"--pull", pull});

    const auto previous = store.current(name);
    const int previousVersion = store.currentVersion(name);
    compose::Project project{name, store.projectDir(name), {store.composeFile(name)}, true, true};
    const bool changed = !previous || Store::hash(*previous) != Store::hash(files);
    int version = previousVersion;
    if (changed) {
        try {
            version = store.commit(name, files);
        } catch (const std::exception &e) {
            store.restore(name, previous, previousVersion, 0);
            throw RpcError(Code::Internal, "cannot write the project files", errorData({}, {}, e.what()));
        }
    }

    try {
        compose::run(c.tool, project, up, params, context);
    } catch (const RpcError &failure) {
        RestoreContext restore(context);
        bool restored = true;
        try {
            if (!changed) {
                restored = false; // the same files: nothing older to go back to
            } else if (previous) {
                store.restore(name, previous, previousVersion, version);
                restored = compose::run(c.tool, project, {"up", "-d", "--remove-orphans"}, params,
                                        restore.context, true, true)
                               .exitCode
                           == 0;
            } else {
                restored = compose::run(c.tool, project, {"down", "--remove-orphans"}, params,
                                        restore.context, true, true)
                               .exitCode
                           == 0;
                store.restore(name, previous, previousVersion, version);
            }
        } catch (const std::exception &) {
            restored = false;
        }
        if (failure.code == Code::Cancelled)
            throw;
        RpcError e = failure;
        if (!e.data.is_object())
            e.data = json::object();
        e.data["restored"] = restored;
        throw e;
    }
    selfheal::setPaused(name, false);
    return {{"project", name}, {"version", version}, {"changed", changed},
            {"path", store.projectDir(name)}};
}

json composeDeploy(const Params &params, const Context &context)
{
    const std::string name = compose::projectParam(params);
    Store store;
    return deployFiles(params, context, name, filesParam(params, store, name));
}

std::optional<int> versionParam(const Params &params)
{
    const auto v = docker::validate::intInRange(params, "version", 1, 999999999);
    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

json composeRollback(const Params &params, const Context &context)
{
    const std::string name = compose::projectParam(params);
    const auto version = versionParam(params);
    if (!version)
        throw RpcError(Code::InvalidParams, "invalid params: version is required", errorData("version"));
    Store store;
    const auto files = store.version(name, *version);
    if (!files)
        throw RpcError(4000, "no such version",
                       json{{"field", "version"}, {"value", *version}});
    json result = deployFiles(params, context, name, *files);
    result["from"] = *version;
    return result;
}

// The current files of a managed project, or an adopted project's first config file.
std::optional<Store::Files> currentFiles(const Params &params, const Context &context,
                                         const std::string &name, std::string *path)
{
    Store store;
    if (auto files = store.current(name)) {
        *path = store.composeFile(name);
        return files;
    }
    docker::Engine engine(params, context);
    try {
        const compose::Project p = compose::locate(engine, name);
        if (!p.configFiles.empty())
            if (auto text = fs::readRegular(p.configFiles[0], kMaxYaml)) {
                *path = p.configFiles[0];
                return Store::Files{*text, std::nullopt};
            }
    } catch (const RpcError &e) {
        if (e.code != 4000)
            throw;
    }
    return std::nullopt;
}

json composeDiff(const Params &params, const Context &context)
{
    const std::string name = compose::projectParam(params);
    Store store;
    const Store::Files files = filesParam(params, store, name);
    std::string path;
    const auto current = currentFiles(params, context, name, &path);
    const std::string old = current ? current->yaml : std::string();
    const std::string diff = compose::unifiedDiff(old, files.yaml, current ? "current/compose.yml" : "/dev/null",
                                                  "new/compose.yml");
    const bool envChanged = params.has("env") && (!current || current->env != files.env);
    return {{"exists", current.has_value()}, {"changed", !diff.empty() || envChanged},
            {"diff", diff}, {"envChanged", envChanged}};
}

json composeFiles(const Params &params, const Context &context)
{
    const std::string name = compose::projectParam(params);
    const auto version = versionParam(params);
    Store store;
    if (store.exists(name)) {
        const auto files = version ? store.version(name, *version) : store.current(name);
        if (!files)
            throw RpcError(4000, "no such version", json{{"field", "version"}, {"value", *version}});
        return {{"project", name}, {"managed", true}, {"workingDir", store.projectDir(name)},
                {"version", version ? *version : store.currentVersion(name)},
                {"files", json::array({{{"path", store.composeFile(name)}, {"content", files->yaml}}})},
                {"env", files->env ? Store::envObject(*files->env) : json::object()}};
    }
    if (version)
        throw RpcError(4000, "no such version", json{{"field", "version"}, {"value", *version}});
    docker::Engine engine(params, context);
    const compose::Project p = compose::locate(engine, name);
    json list = json::array();
    for (const auto &f : p.configFiles) {
        if (!fs::isCleanAbsolutePath(f))
            continue;
        if (auto text = fs::readRegular(f, kMaxYaml))
            list.push_back({{"path", f}, {"content", *text}});
    }
    return {{"project", name}, {"managed", false}, {"workingDir", p.workingDir},
            {"version", nullptr}, {"files", list}, {"env", json::object()}};
}

json composeVersions(const Params &params, const Context &)
{
    const std::string name = compose::projectParam(params);
    Store store;
    if (!store.exists(name))
        throw RpcError(4000, "not a project qwq manages", json{{"field", "project"}, {"value", name}});
    return {{"project", name}, {"current", store.currentVersion(name)},
            {"versions", store.versions(name)}};
}

} // namespace

QWQ_STARTUP void registerComposeDeployMethods(Dispatcher &dispatcher)
{
    dispatcher.add("compose.validate", Risk::Read, composeValidate);
    dispatcher.add("compose.lint", Risk::Read, composeLint);
    dispatcher.add("compose.deploy", Risk::Mutating, composeDeploy);
    dispatcher.add("compose.rollback", Risk::Mutating, composeRollback);
    dispatcher.add("compose.diff", Risk::SecretRead, composeDiff);
    dispatcher.add("compose.files", Risk::SecretRead, composeFiles);
    dispatcher.add("compose.versions", Risk::Read, composeVersions);
}

} // namespace qwqhelper
