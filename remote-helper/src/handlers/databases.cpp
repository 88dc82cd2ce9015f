// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// databases.*: find the database servers on this host (services and containers), the client
// tools, and dump/restore a PostgreSQL or MySQL/MariaDB database with the server's own tools
// (argv only, the password in the child's environment), streamed to and from the app.
#include "base64.h"
#include "databases/child.h"
#include "databases/containerrun.h"
#include "databases/discover.h"
#include "databases/names.h"
#include "databases/tools.h"
#include "dispatch.h"
#include "docker/engine.h"
#include "docker/validate.h"
#include "fsutil.h"
#include "handlers/handlers.h"
#include "inputqueue.h"

#include <chrono>
#include <future>

namespace qwqhelper {

using nlohmann::json;
namespace db = databases;

namespace {

// The databases error codes (PROTOCOL.md, "databases").
constexpr int kConnectFailed = 6001;  // cannot connect or log in: field host|port|user|password
constexpr int kNoDatabase = 6002;     // the database does not exist: field database
constexpr int kToolMissing = 6003;    // no client tool on the server (or in the container)
constexpr int kToolFailed = 6004;     // the tool failed otherwise (exit code, stderr tail)
constexpr int kInputRefused = 6005;   // restore: the server refused the dump's content
constexpr int kDatabaseExists = 6006; // restore with create: the database already exists

constexpr std::size_t kChunk = 512 * 1024;
constexpr auto kFlushAfter = std::chrono::milliseconds(250);

struct Target
{
    db::Engine engine = db::Engine::PostgreSql;
    std::optional<std::string> host;
    std::optional<int> port;
    std::string user;
    std::string database;
    std::optional<std::string> password;
    std::optional<std::string> container;
    bool pg() const { return engine == db::Engine::PostgreSql; }
};

Target readTarget(const Params &params)
{
    Target t;
    t.engine = db::engine(params);
    if (t.engine == db::Engine::Redis)
        throw invalidValue("engine", "dump and restore are for SQL databases",
                           "postgresql, mariadb or mysql");
    t.container = params.optionalString("container");
    if (t.container && !docker::validate::isContainerName(*t.container))
        throw invalidValue("container", "invalid container", "a container id or name");
    t.host = db::host(params);
    t.port = db::port(params);
    if (!t.container) { // on the host: TCP to 127.0.0.1 and the engine's port by default
        if (!t.host)
            t.host = "127.0.0.1";
        if (!t.port)
            t.port = t.pg() ? 5432 : 3306;
    }
    // PostgreSQL truncates names at 63 bytes; MariaDB users may have 80, databases 64.
    t.user = db::name(params, "user", t.pg() ? 63 : 80);
    t.database = db::name(params, "database", t.pg() ? 63 : 64);
    t.password = db::password(params);
    return t;
}

// The connection settings in the child's environment (libpq reads PGHOST…; PGDATABASE is not
// parsed as a connection string, unlike a dbname argument). MySQL clients take only the
// password from the environment; the rest goes to argv as single --name=value items.
std::vector<std::string> connectionEnv(const Target &t, bool withDatabase)
{
    std::vector<std::string> env;
    if (t.pg()) {
        if (t.host)
            env.push_back("PGHOST=" + *t.host);
        if (t.port)
            env.push_back("PGPORT=" + std::to_string(*t.port));
        env.push_back("PGUSER=" + t.user);
        if (withDatabase)
            env.push_back("PGDATABASE=" + t.database);
        if (t.password)
            env.push_back("PGPASSWORD=" + *t.password);
        env.push_back("PGCONNECT_TIMEOUT=10");
        env.push_back("PGAPPNAME=qwq-helper");
    } else if (t.password) {
        env.push_back("MYSQL_PWD=" + *t.password);
    }
    return env;
}

std::vector<std::string> mysqlConnectionArgs(const Target &t)
{
    std::vector<std::string> args;
    // On the host, option files (~/.my.cnf of whoever runs the helper, /etc/mysql) are not
    // read: the connection is exactly the params. In a container its own configuration is the
    // server's, so it is kept (it knows the socket path when no host is given).
    if (!t.container)
        args.push_back("--no-defaults"); // must come first
    if (t.host) {
        args.push_back("--protocol=TCP"); // "localhost" would otherwise mean the socket
        args.push_back("--host=" + *t.host);
    }
    if (t.port)
        args.push_back("--port=" + std::to_string(*t.port));
    args.push_back("--user=" + t.user);
    return args;
}

struct Run
{
    db::ChildResult result;
    std::string tool; // the path (host) or name (container) that ran
};

// Runs the first of `names` that exists with `args`, on the host or in the target's container.
Run runTool(const Target &t, const Params &params, const Context &context,
            const std::vector<std::string> &names, const std::vector<std::string> &args,
            const std::vector<std::string> &env,
            const std::function<void(std::string_view)> &onStdout,
            const std::function<void()> &onTick, db::ChildInput *input)
{
    const json tried = names;
    if (t.container) {
        docker::Engine engine(params, context);
        // A missing command is found with a harmless probe first, so that no input is taken
        // by an exec that cannot start.
        for (const auto &name : names) {
            const auto probe = db::runInContainer(engine, *t.container, {name, "--version"}, {},
                                                  context.cancel, {}, {}, nullptr);
            if (probe.exitCode != 0)
                continue;
            std::vector<std::string> cmd = {name};
            cmd.insert(cmd.end(), args.begin(), args.end());
            return {db::runInContainer(engine, *t.container, cmd, env, context.cancel, onStdout,
                                       onTick, input),
                    name};
        }
        json data = errorData("engine", "install the client tools in the container", {});
        data["tools"] = tried;
        data["container"] = *t.container;
        throw RpcError(kToolMissing, "the container has no " + tried[0].get<std::string>(), data);
    }
    const auto path = db::findTool(names);
    if (!path) {
        json data = errorData("engine",
                              t.pg() ? "install postgresql-client" : "install mariadb-client or mysql-client");
        data["tools"] = tried;
        throw RpcError(kToolMissing, "no " + tried[0].get<std::string>() + " on the server", data);
    }
    std::vector<std::string> argv = {*path};
    argv.insert(argv.end(), args.begin(), args.end());
    try {
        return {db::runChild({argv, db::toolEnvironment(env)}, context.cancel, onStdout, onTick, input),
                *path};
    } catch (const std::runtime_error &e) {
        json data = errorData("engine", {}, e.what());
        data["tools"] = tried;
        throw RpcError(kToolMissing, "cannot run " + *path, data);
    }
}

enum class Phase { Dump, Restore, Create };

bool contains(const std::string &text, const char *what)
{
    return text.find(what) != std::string::npos;
}

// "psql:<stdin>:12: ERROR: …" or "ERROR 1064 (42000) at line 12: …" → 12.
json lineOf(const std::string &err)
{
    for (const char *marker : {"<stdin>:", " at line "}) {
        const std::size_t at = err.find(marker);
        if (at == std::string::npos)
            continue;
        const std::size_t from = at + std::string(marker).size();
        std::size_t end = from;
        while (end < err.size() && err[end] >= '0' && err[end] <= '9')
            ++end;
        if (end > from && end - from < 10)
            return std::stoll(err.substr(from, end - from));
    }
    return nullptr;
}

[[noreturn]] void throwToolFailure(const Target &t, const Run &run, Phase phase)
{
    const std::string &e = run.result.errTail;
    auto fail = [&](int code, const std::string &field, const std::string &message,
                    const std::string &hint = {}) {
        json data = errorData(field, hint, e);
        data["exitCode"] = run.result.exitCode;
        data["tool"] = run.tool;
        if (code == kInputRefused)
            data["line"] = lineOf(e);
        throw RpcError(code, message, data);
    };
    if (t.pg()) {
        // Connection failures are FATAL (or libpq's own words); SQL errors are ERROR.
        if (contains(e, "password authentication failed") || contains(e, "no password supplied"))
            fail(kConnectFailed, "password", "authentication failed");
        if (contains(e, "FATAL:") && contains(e, "role \"") && contains(e, "does not exist"))
            fail(kConnectFailed, "user", "no such user");
        if (contains(e, "FATAL:") && contains(e, "database \"") && contains(e, "does not exist"))
            fail(kNoDatabase, "database", "no such database");
        if (contains(e, "no pg_hba.conf entry"))
            fail(kConnectFailed, "host", "the server does not accept this connection",
                 "pg_hba.conf has no entry for it");
        if (contains(e, "FATAL:") && contains(e, "permission denied for database"))
            fail(kConnectFailed, "user", "the user may not connect to the database");
        if (contains(e, "Connection refused"))
            fail(kConnectFailed, "port", "connection refused");
        if (contains(e, "could not translate host name") || contains(e, "Name or service not known"))
            fail(kConnectFailed, "host", "unknown host");
        if (contains(e, "timeout expired") || contains(e, "No route to host")
            || contains(e, "Network is unreachable") || contains(e, "Connection timed out"))
            fail(kConnectFailed, "host", "the server cannot be reached");
        if (phase == Phase::Create && contains(e, "already exists"))
            fail(kDatabaseExists, "database", "the database already exists");
        if (contains(e, "server version mismatch"))
            fail(kToolFailed, "engine", "the client tool is older than the server",
                 "install a newer PostgreSQL client");
        if (phase == Phase::Restore && (contains(e, "ERROR:") || contains(e, "pg_restore: error:")))
            fail(kInputRefused, "input", "the server refused the dump");
    } else {
        if (contains(e, "Access denied for user") && contains(e, "using password"))
            fail(kConnectFailed, "password", "authentication failed");
        if (contains(e, "Access denied for user") && contains(e, "to database"))
            fail(kConnectFailed, "user", "the user may not use the database");
        if (contains(e, "Unknown database"))
            fail(kNoDatabase, "database", "no such database");
        if (contains(e, "is not allowed to connect"))
            fail(kConnectFailed, "host", "the server does not accept this connection");
        if (contains(e, "Unknown MySQL server host") || contains(e, "Unknown server host"))
            fail(kConnectFailed, "host", "unknown host");
        if (contains(e, "Can't connect to"))
            fail(kConnectFailed, contains(e, "(111") ? "port" : "host", "cannot connect");
        if (phase == Phase::Create && contains(e, "database exists"))
            fail(kDatabaseExists, "database", "the database already exists");
        if (phase == Phase::Restore && contains(e, "ERROR "))
            fail(kInputRefused, "input", "the server refused the dump");
    }
    fail(kToolFailed, {}, "the tool failed (exit code " + std::to_string(run.result.exitCode) + ")");
}

std::string format(const Params &params, const Target &t)
{
    const std::string f = params.optionalString("format").value_or("plain");
    if (f != "plain" && f != "custom")
        throw invalidValue("format", "invalid format", "plain or custom");
    if (f == "custom" && !t.pg())
        throw invalidValue("format", "custom is PostgreSQL's archive format", "plain");
    return f;
}

json databasesDiscover(const Params &params, const Context &context)
{
    auto tools = std::async(std::launch::async, [] { return db::toolsJson(); });
    json instances = db::discoverServices();
    json dockerState = {{"available", false}, {"socket", nullptr}, {"error", nullptr}};
    docker::Engine engine(params, context);
    dockerState["socket"] = engine.socketPath();
    const docker::Ping ping = docker::ping(engine.socketPath(), 1500);
    if (ping.ok) {
        try {
            for (auto &c : db::discoverContainers(engine))
                instances.push_back(std::move(c));
            dockerState["available"] = true;
        } catch (const RpcError &e) {
            if (e.code == Code::Cancelled)
                throw;
            dockerState["error"] = e.message;
        }
    } else {
        dockerState["error"] = ping.error;
    }
    context.throwIfCancelled();
    return {{"instances", instances}, {"docker", dockerState}, {"tools", tools.get()}};
}

json databasesTools(const Params &, const Context &)
{
    return {{"tools", db::toolsJson()}};
}

json databasesDump(const Params &params, const Context &context)
{
    const Target t = readTarget(params);
    const std::string fmt = format(params, t);
    std::vector<std::string> args;
    std::vector<std::string> names = {"pg_dump"};
    if (t.pg()) {
        args = {"--no-password", "--format=" + fmt};
    } else {
        names = t.engine == db::Engine::MariaDb
                    ? std::vector<std::string>{"mariadb-dump", "mysqldump"}
                    : std::vector<std::string>{"mysqldump", "mariadb-dump"};
        args = mysqlConnectionArgs(t);
        for (const char *a : {"--single-transaction", "--routines", "--triggers", "--hex-blob",
                              "--no-tablespaces", "--default-character-set=utf8mb4", "--"})
            args.emplace_back(a);
        args.push_back(t.database);
    }

    fs::Sha256 sha;
    uint64_t offset = 0;
    std::string pending;
    auto lastFlush = std::chrono::steady_clock::now();
    auto flush = [&](std::size_t n) {
        const std::string_view chunk(pending.data(), n);
        sha.update(chunk);
        context.stream({{"b64", base64::encode(chunk)}, {"offset", offset}, {"bytes", offset + n}});
        offset += n;
        pending.erase(0, n);
        lastFlush = std::chrono::steady_clock::now();
    };
    auto onStdout = [&](std::string_view bytes) {
        pending.append(bytes);
        while (pending.size() >= kChunk)
            flush(kChunk);
    };
    auto onTick = [&] {
        if (!pending.empty() && std::chrono::steady_clock::now() - lastFlush > kFlushAfter)
            flush(pending.size());
    };
    const Run run = runTool(t, params, context, names, args, connectionEnv(t, true), onStdout,
                            onTick, nullptr);
    if (run.result.exitCode != 0)
        throwToolFailure(t, run, Phase::Dump);
    if (!pending.empty())
        flush(pending.size());
    return {{"bytes", offset}, {"sha256", sha.hex()}, {"tool", run.tool}, {"format", fmt}};
}

json databasesRestore(const Params &params, const Context &context)
{
    const Target t = readTarget(params);
    const std::string fmt = format(params, t);
    const bool create = params.optionalBool("create").value_or(false);
    const bool noOwner = params.optionalBool("noOwner").value_or(false);
    // Input that arrives while the database is created waits in the queue. `$/input` that
    // arrives before this point finds no queue and is dropped by the dispatcher: the app
    // starts sending when it sees {"ready": true}.
    const auto queue = InputQueue::attach(context, false);
    context.stream({{"ready", true}});

    bool created = false;
    if (create) {
        Run run;
        if (t.pg()) {
            // The new name as createdb's operand; it connects to its maintenance database.
            run = runTool(t, params, context, {"createdb"}, {"--no-password", "--", t.database},
                          connectionEnv(t, false), {}, {}, nullptr);
        } else {
            std::vector<std::string> args = mysqlConnectionArgs(t);
            args.insert(args.end(), {"--", "create", t.database});
            run = runTool(t, params, context,
                          t.engine == db::Engine::MariaDb
                              ? std::vector<std::string>{"mariadb-admin", "mysqladmin"}
                              : std::vector<std::string>{"mysqladmin", "mariadb-admin"},
                          args, connectionEnv(t, false), {}, {}, nullptr);
        }
        if (run.result.exitCode != 0)
            throwToolFailure(t, run, Phase::Create);
        created = true;
    }

    std::vector<std::string> args;
    std::vector<std::string> names = {"psql"};
    if (t.pg() && fmt == "plain") {
        // One transaction: a dump that fails half-way leaves the database as it was.
        args = {"--no-password", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1",
                "--single-transaction", "--file=-"};
    } else if (t.pg()) {
        names = {"pg_restore"};
        // The database as a conninfo keyword value: the name grammar has no quote or backslash.
        args = {"--no-password", "--exit-on-error", "--single-transaction",
                "--dbname=dbname='" + t.database + "'"};
        if (noOwner) {
            args.emplace_back("--no-owner");
            args.emplace_back("--no-acl");
        }
    } else {
        names = t.engine == db::Engine::MariaDb ? std::vector<std::string>{"mariadb", "mysql"}
                                                : std::vector<std::string>{"mysql", "mariadb"};
        args = mysqlConnectionArgs(t);
        args.insert(args.end(), {"--binary-mode", "--default-character-set=utf8mb4",
                                 "--database=" + t.database});
    }
    fs::Sha256 sha;
    db::ChildInput input;
    input.queue = queue;
    input.onReceived = [&context](long long n) { context.stream({{"received", n}}); };
    input.onData = [&sha](std::string_view b) { sha.update(b); };
    const Run run = runTool(t, params, context, names, args, connectionEnv(t, true), {}, {}, &input);
    if (run.result.exitCode != 0)
        throwToolFailure(t, run, Phase::Restore);
    return {{"bytes", run.result.inputBytes}, {"sha256", sha.hex()}, {"tool", run.tool},
            {"format", fmt}, {"created", created}};
}

} // namespace

QWQ_STARTUP void registerDatabaseMethods(Dispatcher &dispatcher)
{
    dispatcher.add("databases.discover", Risk::Read, databasesDiscover);
    dispatcher.add("databases.tools", Risk::Read, databasesTools);
    // The dump is the database's data: passwords, personal data, tokens.
    dispatcher.add("databases.dump", Risk::SecretRead, databasesDump);
    dispatcher.add("databases.restore", Risk::Destructive, databasesRestore);
}

} // namespace qwqhelper
