// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// bench_fleet: N servers connecting at once, as the GUI does it (one ServerConnection each:
// SSH connect, host key, auth, deploy check, helper start, initialize, then system.info),
// while a 5 ms timer on the same thread measures how long the event loop is ever blocked.
// The GUI thread must never wait on the network: the longest stall is the number to watch.
// Prints one JSON object on one line to stdout.

#include "support/schedwait.h"

#include <helper/core/helperclient.h>
#include <helper/core/serverconnection.h>
#include <profiles/core/profile.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

using namespace Qwq;

namespace {
qint64 threadCpuUs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

// Times every event the loop delivers, to name the slowest one when the lag is high: by the
// wall clock (which includes time the thread was preempted) and by the GUI thread's own CPU
// time (what our code costs there, whatever else runs on the machine).
class TimedApp final : public QCoreApplication
{
public:
    using QCoreApplication::QCoreApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (QThread::currentThread() != thread())
            return QCoreApplication::notify(receiver, event);
        QElapsedTimer t;
        t.start();
        const qint64 cpu0 = threadCpuUs();
        const int type = event->type();
        const QString name = QString::fromLatin1(receiver->metaObject()->className());
        const bool r = QCoreApplication::notify(receiver, event);
        const qint64 ms = t.elapsed();
        const qint64 cpuUs = threadCpuUs() - cpu0;
        if (ms > slowestMs) {
            slowestMs = ms;
            slowest = QStringLiteral("%1 (event %2)").arg(name).arg(type);
        }
        if (cpuUs > costliestUs) {
            costliestUs = cpuUs;
            costliest = QStringLiteral("%1 (event %2)").arg(name).arg(type);
        }
        return r;
    }
    qint64 slowestMs = 0;
    QString slowest;
    qint64 costliestUs = 0;
    QString costliest;
};
} // namespace

int main(int argc, char **argv)
{
    TimedApp app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Times N concurrent qwq connects and the event-loop lag."));
    p.addHelpOption();
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Server host."),
                                  QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("SSH port."), QStringLiteral("port"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("User."), QStringLiteral("user"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("Private key."), QStringLiteral("file"));
    const QCommandLineOption kh(QStringLiteral("known-hosts"), QStringLiteral("known_hosts."), QStringLiteral("file"));
    const QCommandLineOption helper(QStringLiteral("helper"), QStringLiteral("qwq-helper."), QStringLiteral("file"));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("Connections."),
                                   QStringLiteral("n"), QStringLiteral("50"));
    p.addOptions({host, port, user, key, kh, helper, count});
    p.process(app);

    const int n = p.value(count).toInt();
    std::vector<std::unique_ptr<Helper::ServerConnection>> conns;
    for (int i = 0; i < n; ++i) {
        Profiles::Profile prof;
        prof.id = QStringLiteral("bench%1").arg(i);
        prof.name = prof.id;
        prof.host = p.value(host);
        prof.port = quint16(p.value(port).toUInt());
        prof.user = p.value(user);
        prof.auth = Profiles::AuthMethod::Key;
        prof.identityFile = p.value(key);
        auto c = std::make_unique<Helper::ServerConnection>(prof, nullptr, nullptr);
        c->setHelperBinary(p.value(helper));
        c->setKnownHostsFiles(p.value(kh), p.value(kh));
        conns.push_back(std::move(c));
    }

    // The lag probe: a 5 ms timer; any gap beyond that is time the loop could not run. Split
    // with the thread's run-queue wait: "blocked" is the gap less the time the machine ran
    // something else while this thread was ready (the servers share these cores here).
    QElapsedTimer clock;
    clock.start();
    qint64 lastUs = 0;
    qint64 lastWaitUs = QwqBench::runQueueWaitUs();
    qint64 maxLagUs = 0;
    qint64 maxBlockedUs = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 nowUs = clock.nsecsElapsed() / 1000;
        const qint64 waitUs = QwqBench::runQueueWaitUs();
        const qint64 lagUs = nowUs - lastUs - 5000;
        maxLagUs = std::max(maxLagUs, lagUs);
        maxBlockedUs = std::max(maxBlockedUs, waitUs < 0 ? lagUs : lagUs - (waitUs - lastWaitUs));
        lastUs = nowUs;
        lastWaitUs = waitUs;
    });

    int done = 0;
    int failed = 0;
    QString firstError;
    qint64 allReadyMs = -1;
    for (auto &c : conns) {
        Helper::ServerConnection *conn = c.get();
        QObject::connect(conn, &Helper::ServerConnection::ready, conn, [&, conn] {
            conn->helper()->call(QStringLiteral("system.info")).then(conn, [&](const Result<QJsonValue> &r) {
                if (!r) {
                    ++failed;
                    firstError = r.error().toString();
                }
                if (++done == n) {
                    allReadyMs = clock.elapsed();
                    QCoreApplication::quit();
                }
            });
        });
        QObject::connect(conn, &Helper::ServerConnection::errorOccurred, conn, [&](const Error &e) {
            ++failed;
            firstError = e.toString();
            if (++done == n)
                QCoreApplication::quit();
        });
    }
    QTimer::singleShot(120000, &app, [] { QCoreApplication::exit(2); });
    QTimer::singleShot(0, &app, [&] {
        lastUs = clock.nsecsElapsed() / 1000;
        lastWaitUs = QwqBench::runQueueWaitUs();
        probe.start();
        for (auto &c : conns)
            c->connectToServer();
    });
    const qint64 guiCpu0 = threadCpuUs();
    const int rc = app.exec();
    const qint64 guiCpuUs = threadCpuUs() - guiCpu0;
    probe.stop();
    const QJsonObject out{{QStringLiteral("connections"), n},
                          {QStringLiteral("failed"), failed},
                          {QStringLiteral("first_error"), firstError},
                          {QStringLiteral("all_ready_ms"), double(allReadyMs)},
                          {QStringLiteral("max_event_loop_stall_ms"), double(maxLagUs) / 1000.0},
                          {QStringLiteral("max_event_loop_blocked_ms"), double(maxBlockedUs) / 1000.0},
                          {QStringLiteral("schedstat"), QwqBench::runQueueWaitUs() >= 0},
                          {QStringLiteral("slowest_event_ms"), double(app.slowestMs)},
                          {QStringLiteral("slowest_event"), app.slowest},
                          {QStringLiteral("max_event_cpu_ms"), double(app.costliestUs) / 1000.0},
                          {QStringLiteral("costliest_event"), app.costliest},
                          {QStringLiteral("gui_thread_cpu_ms"), double(guiCpuUs) / 1000.0}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    conns.clear();
    return rc == 0 && failed == 0 ? 0 : 1;
}
