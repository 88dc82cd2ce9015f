// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The containers panel's models without a server: the list model's minimal diffs, the filter,
// the log model under a flood (nothing lost below the cap, drops counted above it), the
// redaction of inspect answers, and the local name grammars.
#include <containers/core/containerlistmodel.h>
#include <containers/core/containersservice.h>
#include <containers/core/containertypes.h>
#include <containers/core/inspectview.h>
#include <containers/core/logmodel.h>
#include <containers/core/objectmodels.h>
#include <containers/core/yamlcheck.h>

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qwq::Containers;

namespace {
Container make(const QString &name, const QString &state = QStringLiteral("running"))
{
    Container c;
    c.id = QString(name).leftJustified(64, QLatin1Char('0'));
    c.name = name;
    c.image = QStringLiteral("busybox:1");
    c.state = state;
    c.status = state;
    c.created = 1767225600;
    return c;
}

QJsonArray numbered(int from, int count)
{
    QJsonArray a;
    for (int i = from; i < from + count; ++i)
        a.append(QStringLiteral("line %1").arg(i));
    return a;
}
} // namespace

class tst_ContainersModels : public QObject
{
    Q_OBJECT

private slots:
    void listModelUpdatesIncrementally();
    void listModelStats();
    void filterByTextAndState();
    void objectModelDiffs();
    void logModelBatchesPerFlush();
    void logModelFloodBelowCapLosesNothing();
    void logModelCapDropsOldestAndCounts();
    void logModelFindAndSave();
    void envSecretsMasked();
    void grammars_data();
    void grammars();
    void portsText();
    void yamlProblemsLocated();
    void labelsAndNetworkSpecChecked();
    void networkRowsKeepAttachedContainers();
};

void tst_ContainersModels::labelsAndNetworkSpecChecked()
{
    using S = ContainersService;
    const auto labels = S::parseLabels(QStringLiteral("a=1\n\n  b = two words \nc=\n"));
    QVERIFY(labels.ok());
    QCOMPARE(*labels, (QJsonObject{{QStringLiteral("a"), QStringLiteral("1")},
                                   {QStringLiteral("b"), QStringLiteral("two words")},
                                   {QStringLiteral("c"), QString()}}));
    const auto bad = S::parseLabels(QStringLiteral("a=1\nnovalue"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().field, QStringLiteral("labels"));
    QVERIFY(bad.error().message.contains(QLatin1String("line 2")));
    QVERIFY(!S::parseLabels(QStringLiteral("=v")).ok());

    S::NetworkSpec spec;
    spec.name = QStringLiteral("backend");
    QVERIFY(S::checkNetworkSpec(spec).ok());
    const auto field = [&](const S::NetworkSpec &s) {
        const Qwq::Result<void> r = S::checkNetworkSpec(s);
        return r.ok() ? QString() : r.error().field;
    };
    S::NetworkSpec s = spec;
    s.name = QStringLiteral("-x;y");
    QCOMPARE(field(s), QStringLiteral("name"));
    s = spec;
    s.gateway = QStringLiteral("172.30.0.1");
    QCOMPARE(field(s), QStringLiteral("gateway"));   // no subnet
    s.subnet = QStringLiteral("172.30.0.0");
    QCOMPARE(field(s), QStringLiteral("subnet"));    // no prefix length
    s.subnet = QStringLiteral("172.30.0.0/16");
    QCOMPARE(field(s), QString());
    s.gateway = QStringLiteral("10.0.0.1");
    QCOMPARE(field(s), QStringLiteral("gateway"));   // outside the subnet
    s.gateway = QStringLiteral("not-an-address");
    QCOMPARE(field(s), QStringLiteral("gateway"));
    s.subnet = QStringLiteral("fd00:1::/64");
    s.gateway = QStringLiteral("fd00:1::1");
    QCOMPARE(field(s), QString());
    s.driver = QStringLiteral("bad driver");
    QCOMPARE(field(s), QStringLiteral("driver"));
}

void tst_ContainersModels::networkRowsKeepAttachedContainers()
{
    const QJsonObject json{{QStringLiteral("name"), QStringLiteral("backend")},
                           {QStringLiteral("containers"),
                            QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("abc")},
                                                   {QStringLiteral("name"), QStringLiteral("web")}},
                                       QJsonObject{{QStringLiteral("id"), QStringLiteral("def")}}}}};
    const NetworkInfo n = NetworkInfo::fromJson(json);
    QCOMPARE(n.containers, (QStringList{QStringLiteral("web"), QStringLiteral("def")}));
    ObjectTableModel model(ObjectTableModel::Kind::Networks);
    model.setNetworks({n});
    QCOMPARE(model.attachedAt(model.rowOf(QStringLiteral("backend"))), n.containers);
}

void tst_ContainersModels::listModelUpdatesIncrementally()
{
    ContainerListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

    model.setContainers({make("a"), make("b"), make("c")});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserts.size(), 1);

    // Same list again: nothing happens at all.
    model.setContainers({make("a"), make("b"), make("c")});
    QCOMPARE(inserts.size(), 1);
    QCOMPARE(changes.size(), 0);
    QCOMPARE(model.lastDiff().changed, 0);

    // b stops, c goes, d comes: one change, one removal, one insert; a keeps row 0.
    model.setContainers({make("a"), make("b", "exited"), make("d")});
    QCOMPARE(model.lastDiff().removed, 1);
    QCOMPARE(model.lastDiff().changed, 1);
    QCOMPARE(model.lastDiff().inserted, 1);
    QCOMPARE(removes.size(), 1);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(model.rowOf(make("a").id), 0);
    QCOMPARE(model.index(model.rowOf(make("b").id), ContainerListModel::StateColumn).data().toString(),
             QStringLiteral("Exited"));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(resets.size(), 0);

    // Several gone at once, not adjacent.
    model.setContainers({make("b", "exited")});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.containerAt(0).name, QStringLiteral("b"));
    QCOMPARE(resets.size(), 0);
}

void tst_ContainersModels::listModelStats()
{
    ContainerListModel model;
    model.setContainers({make("a"), make("b", "exited")});
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    ContainerStats s;
    s.valid = true;
    s.cpuPercent = 12.5;
    s.memUsage = 52428800;
    model.setStats(make("a").id, s);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).at(0).value<QModelIndex>().column(), int(ContainerListModel::CpuColumn));
    QCOMPARE(changes.at(0).at(1).value<QModelIndex>().column(), int(ContainerListModel::MemoryColumn));
    QVERIFY(model.index(0, ContainerListModel::CpuColumn).data().toString().startsWith(QLatin1String("12.5")));
    QCOMPARE(model.index(0, ContainerListModel::MemoryColumn).data().toString(), QStringLiteral("52.4 MB"));
    QCOMPARE(model.index(0, ContainerListModel::CpuColumn).data(ContainerListModel::SortRole).toDouble(), 12.5);
    // Stopping clears what was measured.
    model.setContainers({make("a", "exited"), make("b", "exited")});
    QVERIFY(model.index(0, ContainerListModel::CpuColumn).data().toString().isEmpty());
}

void tst_ContainersModels::filterByTextAndState()
{
    ContainerListModel model;
    Container web = make("shop-web-1");
    web.composeProject = QStringLiteral("shop");
    web.ports = {PortBinding{QStringLiteral("127.0.0.1"), 80, 8080, QStringLiteral("tcp")}};
    model.setContainers({web, make("db", "exited"), make("cache", "paused")});
    ContainerFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(filter.rowCount(), 3);
    filter.setText(QStringLiteral("shop"));
    QCOMPARE(filter.rowCount(), 1);
    filter.setText(QStringLiteral("8080"));
    QCOMPARE(filter.rowCount(), 1);
    filter.setText(QStringLiteral("SHOP 8080"));
    QCOMPARE(filter.rowCount(), 1);
    filter.setText(QStringLiteral("shop nothing"));
    QCOMPARE(filter.rowCount(), 0);
    filter.setText({});
    filter.setStateFilter(ContainerFilterModel::StateFilter::Stopped);
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, 0).data().toString(), QStringLiteral("db"));
    filter.setStateFilter(ContainerFilterModel::StateFilter::Paused);
    QCOMPARE(filter.index(0, 0).data().toString(), QStringLiteral("cache"));
    filter.setStateFilter(ContainerFilterModel::StateFilter::Running);
    QCOMPARE(filter.rowCount(), 1);
}

void tst_ContainersModels::objectModelDiffs()
{
    ObjectTableModel model(ObjectTableModel::Kind::Volumes);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setVolumes({VolumeInfo{"a", "local", "/a", "", "local", {}}, VolumeInfo{"b", "local", "/b", "", "local", {}}});
    QCOMPARE(model.rowCount(), 2);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    model.setVolumes({VolumeInfo{"b", "local", "/b2", "", "local", {}}, VolumeInfo{"c", "local", "/c", "", "local", {}}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.keyAt(0), QStringLiteral("b"));
    QCOMPARE(model.keyAt(1), QStringLiteral("c"));
    QCOMPARE(changes.size(), 1);
    QCOMPARE(resets.size(), 0);

    ObjectTableModel nets(ObjectTableModel::Kind::Networks);
    NetworkInfo bridge;
    bridge.name = QStringLiteral("bridge");
    NetworkInfo mine;
    mine.name = QStringLiteral("backend");
    nets.setNetworks({bridge, mine});
    QVERIFY(!nets.index(0, 0).data(ObjectTableModel::RemovableRole).toBool());
    QVERIFY(nets.index(1, 0).data(ObjectTableModel::RemovableRole).toBool());
}

void tst_ContainersModels::logModelBatchesPerFlush()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 50; ++i)
        model.append(i % 7 == 0, numbered(i * 100, 100));
    QCOMPARE(model.rowCount(), 0);   // nothing before the frame's flush
    QTRY_COMPARE(model.rowCount(), 5000);
    QCOMPARE(inserts.size(), 1);     // one insert for the whole frame
    QCOMPARE(model.lineAt(0), QStringLiteral("line 0"));
    QCOMPARE(model.lineAt(4999), QStringLiteral("line 4999"));
    QVERIFY(model.isStderrAt(0));
    QVERIFY(!model.isStderrAt(100));
}

void tst_ContainersModels::logModelFloodBelowCapLosesNothing()
{
    // 150,000 lines in 2000-line batches (the helper's batch size) with the event loop running
    // in between, as a 100,000 lines/s follow delivers them: every line is there, in order.
    LogModel model;
    model.setCapacity(200000);
    const int total = 150000;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < total; i += 2000) {
        model.append(false, numbered(i, 2000));
        if ((i / 2000) % 20 == 0)
            QCoreApplication::processEvents();
    }
    QTRY_COMPARE(model.rowCount(), total);
    QCOMPARE(model.dropped(), qint64(0));
    QCOMPARE(model.received(), qint64(total));
    for (int row = 0; row < total; row += 997)
        QCOMPARE(model.lineAt(row), QStringLiteral("line %1").arg(row));
    QCOMPARE(model.lineAt(total - 1), QStringLiteral("line %1").arg(total - 1));
    qInfo("150,000 lines appended and flushed in %lld ms", t.elapsed());
}

void tst_ContainersModels::logModelCapDropsOldestAndCounts()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(1000);
    for (int i = 0; i < 2500; i += 250) {
        model.append(false, numbered(i, 250));
        model.flush();
    }
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.dropped(), qint64(1500));
    QCOMPARE(model.received(), qint64(2500));
    QCOMPARE(model.lineAt(0), QStringLiteral("line 1500"));
    QCOMPARE(model.lineAt(999), QStringLiteral("line 2499"));
    QCOMPARE(model.index(0).data(LogModel::LineNumberRole).toLongLong(), qint64(1501));
    // More than the ring in one go: only the newest capacity lines stay.
    model.append(true, numbered(10000, 3000));
    model.flush();
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.lineAt(0), QStringLiteral("line 12000"));
    QCOMPARE(model.dropped(), qint64(1500 + 3000));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.dropped(), qint64(0));
}

void tst_ContainersModels::logModelFindAndSave()
{
    LogModel model;
    model.setCapacity(10);
    model.append(false, QStringList{"alpha", "beta", "Gamma", "delta"});
    model.flush();
    QCOMPARE(model.find(QStringLiteral("gamma"), 0, false), 2);
    QCOMPARE(model.find(QStringLiteral("a"), 3, false), 3);
    QCOMPARE(model.find(QStringLiteral("alpha"), 3, false), 0);   // wraps
    QCOMPARE(model.find(QStringLiteral("beta"), 0, true), 1);
    QCOMPARE(model.find(QStringLiteral("zeta"), 0, false), -1);
    QBuffer buf;
    buf.open(QIODevice::WriteOnly);
    QVERIFY(model.writeTo(&buf));
    QCOMPARE(buf.data(), QByteArray("alpha\nbeta\nGamma\ndelta\n"));
    model.append(true, numbered(0, 10));
    model.flush();
    QBuffer buf2;
    buf2.open(QIODevice::WriteOnly);
    QVERIFY(model.writeTo(&buf2));
    QVERIFY(buf2.data().startsWith("[qwq: 4 earlier lines were dropped"));
    QCOMPARE(model.lastLines(2), QStringList({"stderr: line 8", "stderr: line 9"}));
}

void tst_ContainersModels::envSecretsMasked()
{
    const QJsonObject inspect{
        {"Name", "/web"},
        {"Config", QJsonObject{{"Env", QJsonArray{"TZ=UTC", "DB_PASSWORD=hunter2", "API_TOKEN=abc",
                                                  "HOME=/root", "OPAQUE=Zx9Kq2Lm8Np4Rs6Tv1Wy3Ab5",
                                                  "DATABASE_URL=postgres://app:s3cret@db/app"}},
                               {"Image", "busybox"}}}};
    const QList<EnvEntry> env = environmentOf(inspect);
    QCOMPARE(env.size(), 6);
    QCOMPARE(env.at(0).value, QStringLiteral("UTC"));
    QVERIFY(!env.at(0).masked);
    QVERIFY(env.at(1).masked);
    QVERIFY(!env.at(1).value.contains(QLatin1String("hunter2")));
    QVERIFY(env.at(2).masked);
    QCOMPARE(env.at(3).value, QStringLiteral("/root"));
    QVERIFY(env.at(4).masked);   // no telling name, but the value looks like a key
    QVERIFY(env.at(5).masked);   // a URL with a password
    const QString all = QString::fromUtf8(QJsonDocument(redactedInspect(inspect)).toJson());
    for (const char *secret : {"hunter2", "abc\"", "Zx9Kq2Lm8Np4Rs6Tv1Wy3Ab5", "s3cret"})
        QVERIFY2(!all.contains(QLatin1String(secret)), secret);
    QVERIFY(all.contains(QLatin1String("TZ=UTC")));
    const QString ai = inspectSummaryForAi(inspect);
    QVERIFY(!ai.contains(QLatin1String("hunter2")));
    QVERIFY(ai.contains(QLatin1String("busybox")));
}

void tst_ContainersModels::grammars_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("container");
    QTest::addColumn<bool>("image");
    QTest::newRow("plain") << "web" << true << true;
    QTest::newRow("dashes") << "shop-web-1" << true << true;
    QTest::newRow("semicolon") << "web;rm -rf /" << false << false;
    QTest::newRow("subshell") << "$(id)" << false << false;
    QTest::newRow("leading dash") << "-v" << false << false;
    QTest::newRow("empty") << "" << false << false;
    QTest::newRow("space") << "a b" << false << false;
    QTest::newRow("tag") << "nginx:1.25" << false << true;
    QTest::newRow("registry") << "localhost:5000/team/app:2" << false << true;
    QTest::newRow("upper path") << "Nginx" << true << false;
    QTest::newRow("digest") << "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" << false << true;
}

void tst_ContainersModels::grammars()
{
    QFETCH(QString, value);
    QFETCH(bool, container);
    QFETCH(bool, image);
    QCOMPARE(isValidContainerRef(value), container);
    QCOMPARE(isValidImageRef(value), image);
}

void tst_ContainersModels::portsText()
{
    Container c;
    c.ports = {PortBinding{"0.0.0.0", 80, 8080, "tcp"}, PortBinding{"::", 80, 8080, "tcp"},
               PortBinding{{}, 443, -1, "tcp"}};
    QCOMPARE(c.portsText(), QStringLiteral("0.0.0.0:8080→80/tcp, 443/tcp"));
    // Server text in tooltips is escaped: Qt would render it as rich text otherwise.
    ContainerListModel model;
    Container evil = make("evil");
    evil.status = QStringLiteral("<img src=x>Up");
    model.setContainers({evil});
    const QString tip = model.index(0, ContainerListModel::StateColumn).data(Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(QLatin1String("&lt;img src=x&gt;Up")));
    QVERIFY(!tip.contains(QLatin1String("<img")));
}

void tst_ContainersModels::yamlProblemsLocated()
{
    YamlLocation l = locateYamlProblem(QStringLiteral("services:\n  web:\n    image: [\n"));
    QCOMPARE(l.line, 4);
    QVERIFY(!l.message.isEmpty());
    l = locateYamlProblem(QStringLiteral("services:\n  web:\n\timage: x\n"));
    QVERIFY(l.line >= 2);
    // Valid YAML: the key the helper names is found by its line.
    l = locateYamlProblem(QStringLiteral("services:\n  web:\n    imagee: nginx\n"),
                          QStringLiteral("invalid compose file: unknown key 'imagee' in service 'web'"));
    QCOMPARE(l.line, 3);
    QCOMPARE(l.column, 5);
    l = locateYamlProblem(QStringLiteral("services: {}\n"), QStringLiteral("nothing named"));
    QCOMPARE(l.line, 0);
}

QTEST_GUILESS_MAIN(tst_ContainersModels)
#include "tst_containersmodels.moc"
