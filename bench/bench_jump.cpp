// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// bench_jump: times qwq's connect through one jump host the way OpenSSH's
// `ssh -J USER@HOST:JUMPPORT -p PORT USER@HOST true` does it: a new SshSession with one jump,
// from connectToHost() through key exchange, host key checks and authentication on both hops
// to the end of `run("true")` on the target. The session is torn down outside the timed span.
// Prints one JSON object on one line to stdout.

#include <ssh/core/sshsession.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

namespace {

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_jump: %s\n", qPrintable(message));
    std::fflush(stderr);
    std::_Exit(1);
}

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

QJsonObject stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    double sum = 0;
    for (double x : v)
        sum += x;
    return QJsonObject{{QStringLiteral("n"), int(n)},
                       {QStringLiteral("median_ms"), n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2},
                       {QStringLiteral("mean_ms"), sum / double(n)},
                       {QStringLiteral("min_ms"), v.front()},
                       {QStringLiteral("max_ms"), v.back()}};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Times qwq connects through one jump host."));
    p.addHelpOption();
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Host of both servers."),
                                  QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption jumpPort(QStringLiteral("jump-port"), QStringLiteral("Jump host's SSH port."),
                                      QStringLiteral("port"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Target's SSH port."), QStringLiteral("port"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("User on both."), QStringLiteral("user"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("Private key file."), QStringLiteral("file"));
    const QCommandLineOption kh(QStringLiteral("known-hosts"), QStringLiteral("known_hosts file."),
                                QStringLiteral("file"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Timed connects."),
                                  QStringLiteral("n"), QStringLiteral("20"));
    p.addOptions({host, jumpPort, port, user, key, kh, runs});
    p.process(app);
    if (!p.isSet(jumpPort) || !p.isSet(port) || !p.isSet(user) || !p.isSet(key) || !p.isSet(kh))
        die(QStringLiteral("--jump-port, --port, --user, --key and --known-hosts are required"));

    Qwq::Ssh::SshTarget jump;
    jump.host = p.value(host);
    jump.port = quint16(p.value(jumpPort).toUInt());
    jump.user = p.value(user);
    jump.identityFile = p.value(key);
    jump.useAgent = false;
    jump.knownHostsFile = p.value(kh);
    jump.userKnownHostsFile = p.value(kh);
    Qwq::Ssh::SshTarget target = jump;
    target.port = quint16(p.value(port).toUInt());
    target.jumps = {jump};
    const int n = std::max(1, p.value(runs).toInt());

    std::vector<double> total, connect;
    for (int i = -2; i < n; ++i) { // two untimed warm-up rounds
        QElapsedTimer t;
        t.start();
        auto s = std::make_unique<Qwq::Ssh::SshSession>(target);
        const auto c = await(s->connectToHost(), 30000, QStringLiteral("connect"));
        const double connectMs = double(t.nsecsElapsed()) / 1e6;
        if (!c)
            die(QStringLiteral("connect: ") + c.error().toString());
        const auto r = await(s->run(QStringLiteral("true")), 30000, QStringLiteral("true"));
        const double totalMs = double(t.nsecsElapsed()) / 1e6;
        if (!r || r->exitStatus != 0)
            die(QStringLiteral("true failed: ") + (r ? QString::fromUtf8(r->err) : r.error().toString()));
        s.reset();
        if (i >= 0) {
            total.push_back(totalMs);
            connect.push_back(connectMs);
        }
    }
    const QJsonObject out{{QStringLiteral("jump_connect_true"), stats(total)},
                          {QStringLiteral("jump_connect_auth"), stats(connect)}};
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    return 0;
}
