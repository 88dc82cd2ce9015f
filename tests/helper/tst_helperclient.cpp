// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The app's helper client against the real qwq-helper over a pipe (no SSH).
#include "awaitfuture.h"

#include <core/core/auditlog.h>
#include <helper/core/helperclient.h>
#include <helper/core/helpertransport.h>
#include <helper/core/methodtable.h>
#include <helper/core/serverconnection.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QPromise>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qwq;
using namespace Qwq::Helper;
using QwqTest::await;

namespace {
HelperClient *startHelper(QObject *parent, const QStringList &extra = {})
{
    auto *t = new LocalProcessTransport;
    auto *c = new HelperClient(t, parent);
    t->start(QStringLiteral(QWQ_HELPER_PATH), QStringList{QStringLiteral("serve")} + extra);
    return c;
}
/// Records what the client writes; nothing answers.
class RecordingTransport final : public IHelperTransport
{
public:
    void write(const QByteArray &data) override
    {
        for (const QByteArray &line : data.split('\n')) {
            if (!line.isEmpty())
                lines << QJsonDocument::fromJson(line).object();
        }
    }
    void close() override {}
    QList<QJsonObject> lines;
};
} // namespace

class tst_HelperClient : public QObject
{
    Q_OBJECT
private slots:
    void embeddedMethodTableMatchesTheHelper()
    {
        const MethodTable t = MethodTable::embedded();
        QVERIFY(t.contains(QStringLiteral("system.info")));
        QCOMPARE(t.risk(QStringLiteral("system.info")), Risk::Read);
        QCOMPARE(t.risk(QStringLiteral("no.such")), Risk::Unknown);
        QVERIFY(changesServer(t.risk(QStringLiteral("no.such"))));
        QFile f(QStringLiteral(QWQ_SOURCE_DIR "/remote-helper/methods.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto fromFile = MethodTable::fromJson(f.readAll());
        QVERIFY(fromFile.ok());
        QCOMPARE(fromFile->methods(), t.methods());
    }

    void initializeAndSystemInfo()
    {
        QObject owner;
        HelperClient *c = startHelper(&owner);
        const auto info = await(c->initialize());
        QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().toString()));
        QCOMPARE(info->protocol, 1);
        QVERIFY(!info->arch.isEmpty());
        QVERIFY(!info->hostname.isEmpty());
        QCOMPARE(info->uid, int(getuid()));
        const auto r = await(c->call(QStringLiteral("system.info")));
        QVERIFY(r.ok());
        QVERIFY(r->toObject().value(QStringLiteral("memory")).toObject()
                    .value(QStringLiteral("total")).toDouble() > 0);
    }

    void manyCallsInFlight()
    {
        QObject owner;
        HelperClient *c = startHelper(&owner);
        QVERIFY(await(c->initialize()).ok());
        QList<QFuture<Result<QJsonValue>>> futures;
        for (int i = 0; i < 25; ++i)
            futures << c->call(QStringLiteral("system.info"));
        for (const auto &f : futures) {
            const auto r = await(f);
            QVERIFY(r.ok());
            QVERIFY(r->toObject().contains(QStringLiteral("hostname")));
        }
    }

    void errorsCarryCodeFieldAndTranslatedMessage()
    {
        QObject owner;
        HelperClient *c = startHelper(&owner);
        QVERIFY(await(c->initialize()).ok());
        const auto range = await(c->call(QStringLiteral("metrics.watch"),
                                         {{QStringLiteral("intervalMs"), 5}}));
        QVERIFY(!range.ok());
        QCOMPARE(range.error().code, ErrorCode::InvalidParam);
        QCOMPARE(range.error().field, QStringLiteral("intervalMs"));
        QVERIFY(range.error().message.contains(QStringLiteral("intervalMs")));
        QVERIFY(range.error().hint.contains(QStringLiteral("60000")));
        const auto type = await(c->call(QStringLiteral("metrics.watch"),
                                        {{QStringLiteral("intervalMs"), QStringLiteral("x")}}));
        QCOMPARE(type.error().code, ErrorCode::InvalidParams);
        const auto unknown = await(c->call(QStringLiteral("no.such")));
        QCOMPARE(unknown.error().code, ErrorCode::MethodNotFound);
        QVERIFY(!unknown.error().message.isEmpty());
    }

    void streamsArriveAndCancelReachesTheHelper()
    {
        QObject owner;
        HelperClient *c = startHelper(&owner);
        QVERIFY(await(c->initialize()).ok());
        int samples = 0;
        double cpu = -2;
        auto f = c->call(QStringLiteral("metrics.watch"), {{QStringLiteral("intervalMs"), 200}},
                         [&](const QJsonObject &p) {
                             ++samples;
                             cpu = p.value(QStringLiteral("data")).toObject()
                                       .value(QStringLiteral("cpuPercent")).toDouble(-1);
                         });
        QTRY_VERIFY_WITH_TIMEOUT(samples >= 3, 5000);
        QVERIFY(cpu >= 0 && cpu <= 100);
        QElapsedTimer t;
        t.start();
        f.cancel();
        // The helper answers -32800; the client then forgets the call and streams stop.
        const int before = samples;
        QTest::qWait(600);
        QVERIFY(samples <= before + 1);
        QVERIFY(t.elapsed() < 2000);
        // The connection is still usable.
        QVERIFY(await(c->call(QStringLiteral("system.info"))).ok());
    }

    void readOnlyRefusesChangesLocally()
    {
        QObject owner;
        HelperClient *c = startHelper(&owner, {QStringLiteral("--read-only")});
        c->setReadOnly(true);
        const auto info = await(c->initialize());
        QVERIFY(info.ok());
        QVERIFY(info->readOnly);
        // Unknown methods count as changes: refused before anything is sent.
        const auto r = await(c->call(QStringLiteral("containers.remove"),
                                     {{QStringLiteral("id"), QStringLiteral("x")}}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Forbidden);
        QVERIFY(!r.error().message.isEmpty());
        QVERIFY(await(c->call(QStringLiteral("system.info"))).ok());
    }

    void changesAreConfirmedWithTheLiteralCall()
    {
        QObject owner;
        HelperClient *c = startHelper(&owner);
        QVERIFY(await(c->initialize()).ok());
        c->setMethodRisk(QStringLiteral("test.mutate"), Risk::Mutating);
        c->setMethodRisk(QStringLiteral("test.destroy"), Risk::Destructive);
        c->setTypedWord(QStringLiteral("web-01"));

        // Normal: mutating goes straight out (the helper answers "method not found": it was
        // sent), destructive needs a typed confirmation.
        QList<CallPreview> asked;
        bool answer = false;
        c->setConfirmHandler([&](const CallPreview &p) {
            asked << p;
            return QtFuture::makeReadyFuture(answer);
        });
        QCOMPARE(await(c->call(QStringLiteral("test.mutate"))).error().code, ErrorCode::MethodNotFound);
        QCOMPARE(asked.size(), 0);
        const auto declined = await(c->call(QStringLiteral("test.destroy"),
                                            {{QStringLiteral("id"), QStringLiteral("c1")},
                                             {QStringLiteral("password"), QStringLiteral("pw")}}));
        QCOMPARE(declined.error().code, ErrorCode::Cancelled);
        QVERIFY(!declined.error().message.isEmpty());
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked[0].method, QStringLiteral("test.destroy"));
        QCOMPARE(asked[0].risk, Risk::Destructive);
        QVERIFY(asked[0].typed);
        QCOMPARE(asked[0].typedWord, QStringLiteral("web-01"));
        QCOMPARE(asked[0].params.value(QStringLiteral("id")).toString(), QStringLiteral("c1"));
        QVERIFY(asked[0].params.value(QStringLiteral("password")).toString() != QStringLiteral("pw"));
        answer = true;
        QCOMPARE(await(c->call(QStringLiteral("test.destroy"))).error().code, ErrorCode::MethodNotFound);

        // Production: every change asks; reads never do.
        c->setConfirmPolicy(ConfirmPolicy::EveryChange);
        asked.clear();
        answer = false;
        QCOMPARE(await(c->call(QStringLiteral("test.mutate"))).error().code, ErrorCode::Cancelled);
        QCOMPARE(asked.size(), 1);
        QVERIFY(!asked[0].typed);
        QVERIFY(await(c->call(QStringLiteral("system.info"))).ok());
        QCOMPARE(asked.size(), 1);

        // Nobody to ask: refused, not sent.
        c->setConfirmHandler({});
        const auto alone = await(c->call(QStringLiteral("test.mutate")));
        QCOMPARE(alone.error().code, ErrorCode::Forbidden);

        // A caller that confirmed the literal call itself (the AI pane) is not asked again...
        const auto pre = await(c->call(QStringLiteral("test.destroy"), {}, {},
                                       {.confirmed = true, .audited = true}));
        QCOMPARE(pre.error().code, ErrorCode::MethodNotFound); // sent
        // ...but read-only still refuses it.
        c->setReadOnly(true);
        const auto ro = await(c->call(QStringLiteral("test.mutate"), {}, {}, {.confirmed = true}));
        QCOMPARE(ro.error().code, ErrorCode::Forbidden);
    }

    void requestInputFollowsItsRequest()
    {
        // $/input for a request goes out after the request, in order, with the request's id —
        // held back while the request waits for its confirmation, dropped if it is refused.
        auto *t = new RecordingTransport;
        HelperClient c(t);
        c.setMethodRisk(QStringLiteral("test.exec"), Risk::Mutating);
        c.setConfirmPolicy(ConfirmPolicy::EveryChange);
        QPromise<bool> answer;
        answer.start();
        c.setConfirmHandler([&answer](const CallPreview &) { return answer.future(); });
        const auto started = c.start(QStringLiteral("test.exec"), {{QStringLiteral("x"), 1}});
        QVERIFY(started.id > 0);
        QVERIFY(c.notifyRequest(started.id, QStringLiteral("$/input"), {{QStringLiteral("b64"), QStringLiteral("YQ==")}}));
        QVERIFY(c.notifyRequest(started.id, QStringLiteral("$/resize"), {{QStringLiteral("rows"), 5}}));
        QVERIFY(t->lines.isEmpty());   // nothing before the confirmation
        QVERIFY(!c.notifyRequest(started.id, QStringLiteral("system.info"), {}));   // only $/ notifications
        QVERIFY(!c.notifyRequest(987654, QStringLiteral("$/input"), {}));            // not in flight
        answer.addResult(true);
        answer.finish();
        QTRY_COMPARE(t->lines.size(), 3);
        QCOMPARE(t->lines.at(0).value(QLatin1String("method")).toString(), QStringLiteral("test.exec"));
        QCOMPARE(t->lines.at(0).value(QLatin1String("id")).toInteger(), started.id);
        QCOMPARE(t->lines.at(1).value(QLatin1String("method")).toString(), QStringLiteral("$/input"));
        QCOMPARE(t->lines.at(1).value(QLatin1String("params")).toObject().value(QLatin1String("id")).toInteger(), started.id);
        QVERIFY(!t->lines.at(1).contains(QLatin1String("id")));   // a notification
        QCOMPARE(t->lines.at(2).value(QLatin1String("method")).toString(), QStringLiteral("$/resize"));
        // Sent at once now.
        QVERIFY(c.notifyRequest(started.id, QStringLiteral("$/input"), {{QStringLiteral("eof"), true}}));
        QCOMPARE(t->lines.size(), 4);

        // Refused: the held input never leaves.
        QPromise<bool> no;
        no.start();
        c.setConfirmHandler([&no](const CallPreview &) { return no.future(); });
        const auto refused = c.start(QStringLiteral("test.exec"));
        QVERIFY(c.notifyRequest(refused.id, QStringLiteral("$/input"), {{QStringLiteral("b64"), QStringLiteral("YQ==")}}));
        no.addResult(false);
        no.finish();
        QTRY_VERIFY(refused.future.isFinished());
        QCOMPARE(t->lines.size(), 4);
        QVERIFY(!c.notifyRequest(refused.id, QStringLiteral("$/input"), {}));
    }

    void deadHelperFailsEveryPendingCall()
    {
        QObject owner;
        auto *t = new LocalProcessTransport;
        auto *c = new HelperClient(t, &owner);
        QSignalSpy closed(c, &HelperClient::closed);
        t->start(QStringLiteral(QWQ_HELPER_PATH),
                 {QStringLiteral("serve"), QStringLiteral("--watchdog-seconds"), QStringLiteral("1")});
        QVERIFY(await(c->initialize()).ok());
        c->setPingInterval(60000);   // let the watchdog fire
        auto pending = c->call(QStringLiteral("metrics.watch"), {{QStringLiteral("intervalMs"), 60000}});
        const auto r = await(pending, 10000);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::ConnectionFailed);
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 5000);
        const auto after = await(c->call(QStringLiteral("system.info")));
        QCOMPARE(after.error().code, ErrorCode::ConnectionFailed);
    }

    void pingsKeepTheHelperAlive()
    {
        QObject owner;
        auto *t = new LocalProcessTransport;
        auto *c = new HelperClient(t, &owner);
        c->setPingInterval(300);
        QSignalSpy closed(c, &HelperClient::closed);
        t->start(QStringLiteral(QWQ_HELPER_PATH),
                 {QStringLiteral("serve"), QStringLiteral("--watchdog-seconds"), QStringLiteral("1")});
        QVERIFY(await(c->initialize()).ok());
        QTest::qWait(2500);
        QCOMPARE(closed.count(), 0);
        QVERIFY(await(c->call(QStringLiteral("system.info"))).ok());
    }

    void missingBinaryIsAClearError()
    {
        QObject owner;
        auto *t = new LocalProcessTransport;
        auto *c = new HelperClient(t, &owner);
        QSignalSpy closed(c, &HelperClient::closed);
        t->start(QStringLiteral("/nonexistent/qwq-helper"), {QStringLiteral("serve")});
        const auto r = await(c->initialize());
        QVERIFY(!r.ok());
        QCOMPARE(closed.count(), 1);
        QVERIFY(!closed.first().first().value<Error>().message.isEmpty());
    }

    void thisComputerConnectsThroughServerConnection()
    {
        QTemporaryDir home;
        qputenv("QWQ_HOME", home.path().toUtf8());
        AuditLog audit(home.filePath(QStringLiteral("audit.sqlite")));
        QVERIFY(audit.open().ok());
        ServerConnection conn(Profiles::Profile::local(), nullptr, &audit);
        conn.setHelperBinary(QStringLiteral(QWQ_HELPER_PATH));
        QSignalSpy ready(&conn, &ServerConnection::ready);
        conn.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
        QCOMPARE(conn.state(), ServerConnection::State::Ready);
        QVERIFY(conn.connectMs() >= 0);
        QVERIFY(conn.helper()->info().protocol == 1);
        conn.disconnectFromServer();
        QCOMPARE(conn.state(), ServerConnection::State::Disconnected);
        QVERIFY(conn.helper() == nullptr);
    }

    void droppedLinkReconnectsWithBackoff()
    {
        // A private copy of the helper so this test can kill exactly its process.
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("qwq-helper-reconnect-test"));
        QVERIFY(QFile::copy(QStringLiteral(QWQ_HELPER_PATH), copy));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        ServerConnection conn(Profiles::Profile::local(), nullptr, nullptr);
        conn.setHelperBinary(copy);
        conn.setAutoReconnect(true);
        QSignalSpy ready(&conn, &ServerConnection::ready);
        QList<ServerConnection::State> states;
        connect(&conn, &ServerConnection::stateChanged, this,
                [&](ServerConnection::State s) { states << s; });
        conn.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
        auto pending = conn.helper()->call(QStringLiteral("metrics.watch"),
                                           {{QStringLiteral("intervalMs"), 60000}});
        QVERIFY(QProcess::execute(QStringLiteral("pkill"), {QStringLiteral("-KILL"), QStringLiteral("-f"), copy}) == 0);
        const auto r = await(pending, 5000);
        QCOMPARE(r.error().code, ErrorCode::ConnectionFailed);
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), ServerConnection::State::Reconnecting, 3000);
        QVERIFY(conn.nextRetryInMs() > 0 && conn.nextRetryInMs() <= 1000);
        QCOMPARE(conn.reconnectAttempt(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 5000);
        QCOMPARE(conn.reconnectAttempt(), 0);
        QVERIFY(await(conn.helper()->call(QStringLiteral("system.info"))).ok());
        QVERIFY(states.contains(ServerConnection::State::Reconnecting));

        // If the retry finds the helper gone, that needs the user: the retries end in Failed.
        QVERIFY(QFile::remove(copy));
        QVERIFY(QProcess::execute(QStringLiteral("pkill"), {QStringLiteral("-KILL"), QStringLiteral("-f"), copy}) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), ServerConnection::State::Reconnecting, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), ServerConnection::State::Failed, 4000);
        QCOMPARE(conn.lastError().code, ErrorCode::HelperDeployFailed);

        // A user's disconnect stops the retries.
        conn.disconnectFromServer();
        QCOMPARE(conn.state(), ServerConnection::State::Disconnected);
        QCOMPARE(conn.nextRetryInMs(), qint64(-1));
    }

    void authStyleFailuresAreNotRetried()
    {
        ServerConnection conn(Profiles::Profile::local(), nullptr, nullptr);
        conn.setHelperBinary(QStringLiteral("/nonexistent/qwq-helper"));
        conn.setAutoReconnect(true);
        conn.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), ServerConnection::State::Failed, 5000);
        QCOMPARE(conn.lastError().code, ErrorCode::HelperDeployFailed);
        QTest::qWait(1500);
        QCOMPARE(conn.state(), ServerConnection::State::Failed);
    }
};

QTEST_GUILESS_MAIN(tst_HelperClient)
#include "tst_helperclient.moc"
