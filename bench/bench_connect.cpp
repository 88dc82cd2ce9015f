// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// bench_connect: times qwq's path to a server the way the app walks it.
//   (a) full connects: a new ServerConnection each time, from connectToServer() to ready()
//       (TCP, key exchange, host key check, public key auth, deploy probe, helper exec,
//       initialize); the first connect uploads the helper and is not counted;
//   (b) sequential calls on one open connection: an unknown method (the helper answers
//       -32601 at once: a pure round trip through SSH and the dispatcher) and system.info;
//   (c) diagnostics: plain SSH connect+auth, and `run()` of commands on one open SshSession
//       (`true`, and the sha256sum that the deploy probe does), to see where connect time goes.
// Prints one JSON object on one line to stdout; progress goes to stderr.

#include <helper/core/serverconnection.h>
#include <profiles/core/profile.h>
#include <ssh/core/sshsession.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

using Qwq::Helper::ServerConnection;

namespace {

struct Options
{
    QString host;
    quint16 port = 22;
    QString user;
    QString key;
    QString knownHosts;
    QString helper;
    int connects = 20;
    int calls = 500;
    int timeoutMs = 30000;
};

// Times in milliseconds.
struct Stats
{
    int n = 0;
    double median = 0, mean = 0, min = 0, max = 0, p90 = 0;
};

Stats stats(std::vector<double> v)
{
    Stats s;
    s.n = int(v.size());
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    double sum = 0;
    for (double x : v)
        sum += x;
    s.mean = sum / double(n);
    s.min = v.front();
    s.max = v.back();
    s.p90 = v[std::min(n - 1, size_t(double(n) * 0.9))];
    return s;
}

QJsonObject toJson(const Stats &s)
{
    return QJsonObject{{QStringLiteral("n"), s.n},
                       {QStringLiteral("median_ms"), s.median},
                       {QStringLiteral("mean_ms"), s.mean},
                       {QStringLiteral("min_ms"), s.min},
                       {QStringLiteral("p90_ms"), s.p90},
                       {QStringLiteral("max_ms"), s.max}};
}

double msSince(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_connect: %s\n", qPrintable(message));
    std::fflush(stderr);
    std::_Exit(1);
}

Qwq::Profiles::Profile makeProfile(const Options &o)
{
    Qwq::Profiles::Profile p;
    p.id = QStringLiteral("bench-0000-0000-0000-loopback");
    p.name = QStringLiteral("bench");
    p.host = o.host;
    p.port = o.port;
    p.user = o.user;
    p.auth = Qwq::Profiles::AuthMethod::Key;
    p.identityFile = o.key;
    return p;
}

// Per-phase timestamps of one connect, taken from stateChanged.
struct ConnectTiming
{
    double total = -1;      // connectToServer() -> ready()
    double ssh = -1;        // -> Deploying: TCP, KEX, host key check, auth
    double deploy = -1;     // Deploying -> Starting: the probe exec (and upload, first time)
    double start = -1;      // Starting -> Ready: helper exec + initialize
};

std::unique_ptr<ServerConnection> connectOnce(const Options &o, ConnectTiming *timing)
{
    auto conn = std::make_unique<ServerConnection>(makeProfile(o), nullptr, nullptr);
    conn->setHelperBinary(o.helper);
    conn->setKnownHostsFiles(o.knownHosts, o.knownHosts);

    QEventLoop loop;
    QElapsedTimer t;
    double atDeploying = -1, atStarting = -1;
    std::optional<Qwq::Error> error;
    QObject::connect(conn.get(), &ServerConnection::stateChanged, &loop,
                     [&](ServerConnection::State s) {
                         if (s == ServerConnection::State::Deploying)
                             atDeploying = msSince(t);
                         else if (s == ServerConnection::State::Starting)
                             atStarting = msSince(t);
                     });
    QObject::connect(conn.get(), &ServerConnection::ready, &loop, [&] {
        timing->total = msSince(t);
        loop.quit();
    });
    QObject::connect(conn.get(), &ServerConnection::errorOccurred, &loop,
                     [&](const Qwq::Error &e) {
                         error = e;
                         loop.quit();
                     });
    QTimer::singleShot(o.timeoutMs, &loop, [&] {
        error = Qwq::Error(Qwq::ErrorCode::Timeout, QStringLiteral("connect timed out"));
        loop.quit();
    });
    t.start();
    conn->connectToServer();
    loop.exec();
    if (error)
        die(QStringLiteral("connect failed: ") + error->toString());
    timing->ssh = atDeploying;
    timing->deploy = atDeploying >= 0 && atStarting >= 0 ? atStarting - atDeploying : -1;
    timing->start = atStarting >= 0 ? timing->total - atStarting : -1;
    return conn;
}

// One call, waited for in a local event loop; returns its latency in ms. `expectError` is the
// JSON-RPC code the call must fail with, or 0 when it must succeed.
double timedCall(ServerConnection *conn, const QString &method, int expectError, int timeoutMs)
{
    QEventLoop loop;
    bool done = false;
    QString problem;
    QTimer::singleShot(timeoutMs, &loop, [&] {
        problem = QStringLiteral("timed out");
        loop.quit();
    });
    QElapsedTimer t;
    t.start();
    QFuture<Qwq::Result<QJsonValue>> f = conn->helper()->call(method);
    f.then(&loop, [&](const Qwq::Result<QJsonValue> &r) {
        done = true;
        if (expectError == 0 && !r)
            problem = r.error().toString();
        else if (expectError != 0 && r)
            problem = QStringLiteral("succeeded, expected error %1").arg(expectError);
        else if (expectError != 0 && r.error().number() != expectError)
            problem = QStringLiteral("error %1 (%2), expected %3")
                          .arg(r.error().number())
                          .arg(r.error().toString())
                          .arg(expectError);
        loop.quit();
    });
    if (!done)
        loop.exec();
    const double ms = msSince(t);
    if (!problem.isEmpty())
        die(method + QStringLiteral(": ") + problem);
    return ms;
}

// Waits for a future in a local event loop (the futures always finish).
template<typename T>
T await(QFuture<T> f, int timeoutMs, const QString &what)
{
    QEventLoop loop;
    std::optional<T> value;
    f.then(&loop, [&](const T &r) {
        value = r;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!value)
        loop.exec();
    if (!value)
        die(what + QStringLiteral(": timed out"));
    return *value;
}

Qwq::Ssh::SshTarget makeTarget(const Options &o)
{
    Qwq::Ssh::SshTarget t;
    t.host = o.host;
    t.port = o.port;
    t.user = o.user;
    t.identityFile = o.key;
    t.useAgent = false;
    t.knownHostsFile = o.knownHosts;
    t.userKnownHostsFile = o.knownHosts;
    return t;
}

// Median time of `command` run to completion `n` times on one open session.
Stats timeRuns(Qwq::Ssh::SshSession *session, const QString &command, int n, int timeoutMs)
{
    std::vector<double> v;
    for (int i = -2; i < n; ++i) {   // two untimed warm-up runs
        QElapsedTimer t;
        t.start();
        const auto r = await(session->run(command), timeoutMs, command);
        const double ms = msSince(t);
        if (!r)
            die(command + QStringLiteral(": ") + r.error().toString());
        if (r->exitStatus != 0)
            die(command + QStringLiteral(": exit status %1: ").arg(r->exitStatus)
                + QString::fromUtf8(r->err));
        if (i >= 0)
            v.push_back(ms);
    }
    return stats(v);
}

QJsonObject sshDiagnostics(const Options &o)
{
    QFile f(o.helper);
    if (!f.open(QIODevice::ReadOnly))
        die(QStringLiteral("cannot read ") + o.helper);
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    const QString hex = QString::fromLatin1(h.result().toHex());
    const QString remote = QStringLiteral("\"$HOME/.cache/qwq/helper/%1/qwq-helper\"").arg(hex);

    // The first exec on a fresh connection, and the second.
    std::vector<double> connectMs, firstRunMs, secondRunMs;
    for (int i = 0; i < std::min(o.connects, 10); ++i) {
        Qwq::Ssh::SshSession s(makeTarget(o));
        QElapsedTimer t;
        t.start();
        const auto r = await(s.connectToHost(), o.timeoutMs, QStringLiteral("connect"));
        connectMs.push_back(msSince(t));
        if (!r)
            die(QStringLiteral("ssh connect: ") + r.error().toString());
        for (auto *v : {&firstRunMs, &secondRunMs}) {
            t.restart();
            const auto rr = await(s.run(QStringLiteral("true")), o.timeoutMs, QStringLiteral("true"));
            v->push_back(msSince(t));
            if (!rr)
                die(QStringLiteral("true: ") + rr.error().toString());
        }
    }

    Qwq::Ssh::SshSession s(makeTarget(o));
    if (const auto r = await(s.connectToHost(), o.timeoutMs, QStringLiteral("connect")); !r)
        die(QStringLiteral("ssh connect: ") + r.error().toString());
    const int n = 20;
    return QJsonObject{
        {QStringLiteral("ssh_connect_auth"), toJson(stats(connectMs))},
        {QStringLiteral("first_run_true_after_connect"), toJson(stats(firstRunMs))},
        {QStringLiteral("second_run_true_after_connect"), toJson(stats(secondRunMs))},
        {QStringLiteral("run_true"), toJson(timeRuns(&s, QStringLiteral("true"), n, o.timeoutMs))},
        {QStringLiteral("run_echo_3_lines"),
         toJson(timeRuns(&s, QStringLiteral("echo a; echo b; echo c"), n, o.timeoutMs))},
        {QStringLiteral("run_sha256sum_helper"),
         toJson(timeRuns(&s, QStringLiteral("sha256sum ") + remote, n, o.timeoutMs))},
        {QStringLiteral("run_stat_helper"),
         toJson(timeRuns(&s, QStringLiteral("stat -c %s ") + remote, n, o.timeoutMs))},
    };
}

Options parseArgs(const QCoreApplication &app)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Times qwq connects and helper calls."));
    p.addHelpOption();
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Server."), QStringLiteral("host"),
                                  QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("SSH port."), QStringLiteral("port"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("User."), QStringLiteral("user"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("Private key file."), QStringLiteral("file"));
    const QCommandLineOption kh(QStringLiteral("known-hosts"), QStringLiteral("known_hosts file."),
                                QStringLiteral("file"));
    const QCommandLineOption helper(QStringLiteral("helper"), QStringLiteral("qwq-helper binary."),
                                    QStringLiteral("file"));
    const QCommandLineOption connects(QStringLiteral("connects"), QStringLiteral("Timed connects."),
                                      QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption calls(QStringLiteral("calls"), QStringLiteral("Timed calls per method."),
                                   QStringLiteral("n"), QStringLiteral("500"));
    p.addOptions({host, port, user, key, kh, helper, connects, calls});
    p.process(app);

    Options o;
    o.host = p.value(host);
    bool ok = false;
    o.port = quint16(p.value(port).toUInt(&ok));
    if (!ok || o.port == 0)
        die(QStringLiteral("--port is required"));
    o.user = p.value(user);
    o.key = p.value(key);
    o.knownHosts = p.value(kh);
    o.helper = p.value(helper);
    o.connects = std::max(1, p.value(connects).toInt());
    o.calls = std::max(1, p.value(calls).toInt());
    if (o.user.isEmpty() || o.key.isEmpty() || o.knownHosts.isEmpty())
        die(QStringLiteral("--user, --key and --known-hosts are required"));
    if (!QFileInfo(o.helper).isExecutable())
        die(QStringLiteral("--helper must name the qwq-helper binary"));
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    app.setApplicationName(QStringLiteral("bench_connect"));
    const Options o = parseArgs(app);

    // Warm-up: uploads the helper if this build's hash is not on the server yet, and warms
    // the page cache on both ends. Not counted.
    ConnectTiming warm;
    connectOnce(o, &warm).reset();
    std::fprintf(stderr, "bench_connect: warm-up connect %.1f ms\n", warm.total);

    std::vector<double> total, ssh, deploy, start;
    for (int i = 0; i < o.connects; ++i) {
        ConnectTiming ct;
        auto conn = connectOnce(o, &ct);
        total.push_back(ct.total);
        ssh.push_back(ct.ssh);
        deploy.push_back(ct.deploy);
        start.push_back(ct.start);
        conn.reset();   // disconnect and join the SSH thread outside the timed span
    }

    ConnectTiming ct;
    auto conn = connectOnce(o, &ct);
    const QString unknown = QStringLiteral("bench.noSuchMethod");
    const QString info = QStringLiteral("system.info");
    // Warm both paths once.
    for (int i = 0; i < 10; ++i) {
        timedCall(conn.get(), unknown, -32601, o.timeoutMs);
        timedCall(conn.get(), info, 0, o.timeoutMs);
    }
    std::vector<double> unknownMs, infoMs;
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < o.calls; ++i)
        unknownMs.push_back(timedCall(conn.get(), unknown, -32601, o.timeoutMs));
    const double unknownWall = msSince(wall);
    wall.restart();
    for (int i = 0; i < o.calls; ++i)
        infoMs.push_back(timedCall(conn.get(), info, 0, o.timeoutMs));
    const double infoWall = msSince(wall);
    conn.reset();

    const QJsonObject diagnostics = sshDiagnostics(o);

    const QJsonObject out{
        {QStringLiteral("connect"), toJson(stats(total))},
        {QStringLiteral("connect_phases"),
         QJsonObject{{QStringLiteral("ssh_connect_auth"), toJson(stats(ssh))},
                     {QStringLiteral("deploy_probe"), toJson(stats(deploy))},
                     {QStringLiteral("helper_start_initialize"), toJson(stats(start))}}},
        {QStringLiteral("connect_warmup_ms"), warm.total},
        {QStringLiteral("trivial_call"), toJson(stats(unknownMs))},
        {QStringLiteral("trivial_call_method"), unknown},
        {QStringLiteral("trivial_call_calls_per_s"), double(o.calls) / (unknownWall / 1000.0)},
        {QStringLiteral("system_info_call"), toJson(stats(infoMs))},
        {QStringLiteral("system_info_calls_per_s"), double(o.calls) / (infoWall / 1000.0)},
        {QStringLiteral("diagnostics"), diagnostics},
    };
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    return 0;
}
