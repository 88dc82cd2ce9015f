// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ContainersService and StatsWatcher over the real helper (a pipe) and the fixture's dockerd.
#include "tst_containersapp.h"

#include "awaitfuture.h"

#include <containers/core/containerexecsession.h>
#include <containers/core/containersservice.h>
#include <containers/core/logmodel.h>
#include <helper/core/helperclient.h>
#include <helper/core/helpertransport.h>

#include <QJsonArray>
#include <QSignalSpy>

using namespace Qwq;
using namespace Qwq::Containers;
using QwqTest::await;

namespace {
const Container *find(const QList<Container> &list, const QString &name)
{
    for (const Container &c : list) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}
} // namespace

void tst_ContainersService::initTestCase()
{
    if (m_docker->socket().isEmpty())
        QSKIP("no dockerd here (needs root, docker.io and busybox-static)");
    auto *transport = new Helper::LocalProcessTransport;
    transport->start(QStringLiteral(QWQ_HELPER_PATH), {QStringLiteral("serve")});
    m_client = new Helper::HelperClient(transport);
    const auto info = await(m_client->initialize());
    QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().toString()));
    QVERIFY(info->capabilities.contains(QStringLiteral("docker")));
    m_service = std::make_unique<ContainersService>(m_client.data());
}

void tst_ContainersService::cleanupTestCase()
{
    m_service.reset();
    delete m_client.data();
}

void tst_ContainersService::listShowsARunningContainer()
{
    // Ports are listed only for containers on a network (the fixture's dockerd has no default
    // bridge).
    m_docker->docker({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("qwq-svc-net")});
    const QString id = m_docker->run(QStringLiteral("svc-list"), QStringLiteral("sleep 1000"),
                                     {QStringLiteral("--network"), QStringLiteral("qwq-svc-net"),
                                      QStringLiteral("-p"), QStringLiteral("127.0.0.1:18081:80")});
    QCOMPARE(id.size(), 64);
    const auto r = await(m_service->list());
    QVERIFY(r.ok());
    const Container *c = find(*r, QStringLiteral("svc-list"));
    QVERIFY(c);
    QCOMPARE(c->id, id);
    QCOMPARE(c->state, QStringLiteral("running"));
    QCOMPARE(c->image, m_docker->image());
    QCOMPARE(c->portsText(), QStringLiteral("127.0.0.1:18081→80/tcp"));
}

void tst_ContainersService::startStopAndBadNames()
{
    m_docker->run(QStringLiteral("svc-life"), QStringLiteral("sleep 1000"));
    auto r = await(m_service->action(QStringLiteral("stop"), QStringLiteral("svc-life"), {{QStringLiteral("timeout"), 1}}), 60000);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->toObject().value(QLatin1String("changed")).toBool(), true);
    auto list = await(m_service->list());
    QCOMPARE(find(*list, QStringLiteral("svc-life"))->state, QStringLiteral("exited"));
    r = await(m_service->action(QStringLiteral("start"), QStringLiteral("svc-life")));
    QVERIFY(r.ok());
    list = await(m_service->list());
    QCOMPARE(find(*list, QStringLiteral("svc-life"))->state, QStringLiteral("running"));

    // Refused before anything is sent: the helper never sees these.
    for (const QString &bad : {QStringLiteral("web;id"), QStringLiteral("$(id)"), QStringLiteral("-v")}) {
        r = await(m_service->action(QStringLiteral("stop"), bad));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidParam);
        QCOMPARE(r.error().field, QStringLiteral("id"));
        QVERIFY(!r.error().message.isEmpty());
    }
    r = await(m_service->action(QStringLiteral("explode"), QStringLiteral("svc-life")));
    QCOMPARE(r.error().code, ErrorCode::InvalidParam);
    // A name that passes the grammar but is not there: the helper's 4000.
    r = await(m_service->action(QStringLiteral("start"), QStringLiteral("no-such-container")));
    QCOMPARE(r.error().code, ErrorCode::ContainerNotFound);
    QVERIFY(!r.error().message.isEmpty());
    // Remove is destructive: without a confirmation handler the client refuses it.
    r = await(m_service->action(QStringLiteral("remove"), QStringLiteral("svc-life")));
    QCOMPARE(r.error().code, ErrorCode::Forbidden);
}

void tst_ContainersService::logsFollowKeepsEveryLineAndStreamsApart()
{
    // 20,000 lines at once, then 5,000 more a second later, and one stderr line.
    m_docker->run(QStringLiteral("svc-logs"),
                  QStringLiteral("seq 1 20000; echo oops >&2; sleep 1; seq 20001 25000; sleep 1000"));
    LogModel model;
    QList<QString> errLines;
    LogOptions o;
    o.tail = -1;
    QFuture<Result<QJsonValue>> f = m_service->logs(QStringLiteral("svc-logs"), o, [&](bool err, const QJsonArray &lines) {
        if (err) {
            for (const QJsonValue &l : lines)
                errLines << l.toString();
            return;
        }
        model.append(false, lines);
    });
    QTRY_COMPARE_WITH_TIMEOUT(model.received(), qint64(25000), 20000);
    model.flush();
    QCOMPARE(model.rowCount(), 25000);
    for (int i = 0; i < 25000; ++i) {
        if (model.lineAt(i) != QString::number(i + 1))
            QFAIL(qPrintable(QStringLiteral("line %1 is “%2”").arg(i).arg(model.lineAt(i))));
    }
    QCOMPARE(errLines, QStringList{QStringLiteral("oops")});
    QVERIFY(!f.isFinished());   // following: only cancel ends it
    f.cancel();
    QTRY_VERIFY(f.isFinished());
}

void tst_ContainersService::statsStream()
{
    m_docker->run(QStringLiteral("svc-stats"), QStringLiteral("while :; do :; done"));
    QList<ContainerStats> samples;
    QFuture<Result<QJsonValue>> f = m_service->stats(QStringLiteral("svc-stats"),
                                                     [&](const ContainerStats &s) { samples << s; });
    QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 3, 15000);
    f.cancel();
    QVERIFY(samples.last().valid);
    QVERIFY(samples.last().memUsage > 0);
    QVERIFY2(samples.last().cpuPercent > 10, qPrintable(QString::number(samples.last().cpuPercent)));
    QVERIFY(samples.last().pids >= 1);
}

void tst_ContainersService::statsWatcherFollowsTheWatchedSet()
{
    const QString a = m_docker->run(QStringLiteral("svc-watch-a"), QStringLiteral("sleep 1000"));
    const QString b = m_docker->run(QStringLiteral("svc-watch-b"), QStringLiteral("sleep 1000"));
    StatsWatcher watcher(m_service.get());
    QSignalSpy sampled(&watcher, &StatsWatcher::sampled);
    QSignalSpy ended(&watcher, &StatsWatcher::ended);
    watcher.setLimit(1);
    watcher.setWatched({a, b});
    QCOMPARE(watcher.watched(), QStringList{a});   // past the limit: ignored
    QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 2, 15000);
    for (const auto &args : sampled)
        QCOMPARE(args.at(0).toString(), a);
    watcher.setWatched({b});
    QCOMPARE(watcher.watched(), QStringList{b});
    sampled.clear();
    QTRY_VERIFY_WITH_TIMEOUT(!sampled.isEmpty(), 15000);
    QCOMPARE(sampled.last().at(0).toString(), b);
    // The panel recomputes the set on each refresh: a container that stopped is dropped and
    // its stream cancelled (Docker keeps a stopped container's stats stream open).
    m_docker->docker({QStringLiteral("kill"), b});
    watcher.setWatched({});
    QVERIFY(watcher.watched().isEmpty());
    QCOMPARE(ended.size(), 0);   // cancelled by us, not ended by itself
}

void tst_ContainersService::execSessionIsATerminal()
{
    // The terminal view's session on a container: keys in as $/input, size as $/resize, the
    // exit status out.
    m_docker->run(QStringLiteral("svc-exec"), QStringLiteral("sleep 1000"));
    ContainerExecSession session(m_client.data(), QStringLiteral("svc-exec"), QStringLiteral("svc-exec"));
    QByteArray out;
    connect(&session, &Terminal::ITerminalSession::dataReceived, this, [&out](const QByteArray &b) { out += b; });
    QSignalSpy finished(&session, &Terminal::ITerminalSession::finished);
    QVERIFY(session.start(24, 80).ok());
    QVERIFY(session.requestId() > 0);
    QVERIFY(session.isRunning());
    // busybox ash asks the terminal where its cursor is before it reads a line: answer as a
    // terminal would once the prompt is there, then type.
    const auto typeLine = [&](const QByteArray &line) {
        QTRY_VERIFY2_WITH_TIMEOUT(out.contains("\x1b[6n"), out.constData(), 15000);
        out.clear();
        session.write(QByteArray(QByteArray("\x1b[3;3R") + line + "\n"));
    };
    typeLine("echo qwq-$((6*7)); tty");
    QTRY_VERIFY2_WITH_TIMEOUT(out.contains("qwq-42") && out.contains("/dev/pts/"), out.constData(), 15000);
    session.resize(31, 101);
    typeLine("stty size");
    QTRY_VERIFY2_WITH_TIMEOUT(out.contains("31 101"), out.constData(), 10000);
    typeLine("exit 3");
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).toInt(), 3);
    QVERIFY(!session.isRunning());

    // A bad name never leaves the app; a stopped container is refused by the helper.
    ContainerExecSession bad(m_client.data(), QStringLiteral("web;id"), QStringLiteral("x"));
    const auto refused = bad.start(24, 80);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().field, QStringLiteral("id"));
    m_docker->docker({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"), QStringLiteral("svc-exec")});
    ContainerExecSession stopped(m_client.data(), QStringLiteral("svc-exec"), QStringLiteral("x"));
    QSignalSpy stoppedEnd(&stopped, &Terminal::ITerminalSession::finished);
    QVERIFY(stopped.start(24, 80).ok());
    QTRY_COMPARE_WITH_TIMEOUT(stoppedEnd.size(), 1, 10000);
    QCOMPARE(stoppedEnd.first().at(0).toInt(), -1);
    QVERIFY(!stoppedEnd.first().at(1).toString().isEmpty());

    // terminate() hangs up a running shell.
    m_docker->docker({QStringLiteral("start"), QStringLiteral("svc-exec")});
    ContainerExecSession hung(m_client.data(), QStringLiteral("svc-exec"), QStringLiteral("x"));
    QSignalSpy hungEnd(&hung, &Terminal::ITerminalSession::finished);
    QByteArray hungOut;
    connect(&hung, &Terminal::ITerminalSession::dataReceived, this, [&hungOut](const QByteArray &b) { hungOut += b; });
    QVERIFY(hung.start(24, 80).ok());
    QTRY_VERIFY_WITH_TIMEOUT(hungOut.contains("\x1b[6n"), 15000);
    hung.write("\x1b[3;3R");
    hung.write("echo ready\n");
    QTRY_VERIFY_WITH_TIMEOUT(hungOut.contains("ready"), 15000);
    hung.terminate();
    QTRY_COMPARE_WITH_TIMEOUT(hungEnd.size(), 1, 10000);
}
