// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Saved forward rules: profile JSON, validation naming "forwards[i].field", the qwqctl rule
// grammar, and the Port Forwards table model.
#include <helper/core/serverconnection.h>
#include <profiles/core/profile.h>
#include <tunnels/core/forwardspecs.h>
#include <tunnels/core/tunnelsmodel.h>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qwq;
using Profiles::ForwardSpec;

namespace {
Profiles::Profile baseProfile()
{
    Profiles::Profile p;
    p.id = QStringLiteral("p1");
    p.name = QStringLiteral("web");
    p.host = QStringLiteral("example.org");
    p.user = QStringLiteral("deploy");
    return p;
}

ForwardSpec localSpec(const QString &name, quint16 bindPort = 0)
{
    ForwardSpec f;
    f.name = name;
    f.kind = QStringLiteral("local");
    f.bindPort = bindPort;
    f.targetHost = QStringLiteral("127.0.0.1");
    f.targetPort = 5432;
    return f;
}
} // namespace

class tst_Tunnels final : public QObject
{
    Q_OBJECT

private slots:
    void jsonRoundTrip();
    void exportCarriesForwards();
    void oldFilesHaveNoForwards();
    void fromJsonNamesField_data();
    void fromJsonNamesField();
    void namesUnique();
    void parseSpec_data();
    void parseSpec();
    void parseSpecErrors_data();
    void parseSpecErrors();
    void convertToRule();
    void modelRowsAndState();
    void modelKeepsRowsOnEdit();
};

void tst_Tunnels::jsonRoundTrip()
{
    Profiles::Profile p = baseProfile();
    ForwardSpec db = localSpec(QStringLiteral("db"), 15432);
    db.autoStart = true;
    ForwardSpec socks;
    socks.name = QStringLiteral("socks 中文");
    socks.kind = QStringLiteral("dynamic");
    socks.bindPort = 1080;
    ForwardSpec remote = localSpec(QStringLiteral("back"), 8080);
    remote.kind = QStringLiteral("remote");
    remote.bindAddress = QStringLiteral("::1");
    p.forwards = {db, socks, remote};
    const QByteArray bytes = QJsonDocument(p.toJson()).toJson();
    const auto back = Profiles::Profile::fromJson(QJsonDocument::fromJson(bytes).object());
    QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
    QCOMPARE(back->forwards.size(), 3);
    QCOMPARE(back->forwards.at(0), db);
    QCOMPARE(back->forwards.at(1), socks);
    QCOMPARE(back->forwards.at(2), remote);
    QVERIFY(back->forwards.at(0).autoStart);
}

void tst_Tunnels::exportCarriesForwards()
{
    Profiles::Profile p = baseProfile();
    p.forwards = {localSpec(QStringLiteral("db"))};
    const QJsonArray list = p.toExportJson().value(QStringLiteral("forwards")).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("db"));
}

void tst_Tunnels::oldFilesHaveNoForwards()
{
    const auto p = Profiles::Profile::fromJson(baseProfile().toJson());
    QVERIFY(p);
    QVERIFY(p->forwards.isEmpty());
    QVERIFY(!baseProfile().toJson().contains(QStringLiteral("forwards")));
}

void tst_Tunnels::fromJsonNamesField_data()
{
    QTest::addColumn<QByteArray>("forwards");
    QTest::addColumn<QString>("field");
    QTest::newRow("not a list") << QByteArray("{}") << "forwards";
    QTest::newRow("not an object") << QByteArray("[1]") << "forwards[0]";
    QTest::newRow("port too big")
        << QByteArray(R"([{"name":"a","kind":"local","bindPort":70000,"targetHost":"h","targetPort":1}])")
        << "forwards[0].bindPort";
    QTest::newRow("port text")
        << QByteArray(R"([{"name":"a","kind":"local","bindPort":"x","targetHost":"h","targetPort":1}])")
        << "forwards[0].bindPort";
    QTest::newRow("second bad target port")
        << QByteArray(R"([{"name":"a","kind":"dynamic","bindPort":1080},
                         {"name":"b","kind":"local","targetHost":"h","targetPort":0}])")
        << "forwards[1].targetPort";
    QTest::newRow("kind") << QByteArray(R"([{"name":"a","kind":"sideways"}])") << "forwards[0].kind";
    QTest::newRow("empty name")
        << QByteArray(R"([{"name":"","kind":"dynamic"}])") << "forwards[0].name";
    QTest::newRow("control char")
        << QByteArray("[{\"name\":\"a\\u0007b\",\"kind\":\"dynamic\"}]") << "forwards[0].name";
    QTest::newRow("long name")
        << QByteArray(R"([{"name":")" + QByteArray(65, 'n') + R"(","kind":"dynamic"}])")
        << "forwards[0].name";
    QTest::newRow("bind option")
        << QByteArray(R"([{"name":"a","kind":"dynamic","bindAddress":"-oX"}])")
        << "forwards[0].bindAddress";
    QTest::newRow("target host space")
        << QByteArray(R"([{"name":"a","kind":"local","targetHost":"a b","targetPort":1}])")
        << "forwards[0].targetHost";
    QTest::newRow("remote port 0")
        << QByteArray(R"([{"name":"a","kind":"remote","bindPort":0,"targetHost":"h","targetPort":1}])")
        << "forwards[0].bindPort";
    QTest::newRow("autoStart text")
        << QByteArray(R"([{"name":"a","kind":"dynamic","autoStart":"yes"}])")
        << "forwards[0].autoStart";
}

void tst_Tunnels::fromJsonNamesField()
{
    QFETCH(QByteArray, forwards);
    QFETCH(QString, field);
    QJsonObject o = baseProfile().toJson();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(forwards, &pe);
    QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
    o.insert(QStringLiteral("forwards"), doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
    const auto p = Profiles::Profile::fromJson(o);
    QVERIFY(!p);
    QCOMPARE(p.error().code, ErrorCode::InvalidParam);
    QCOMPARE(p.error().field, field);
    QVERIFY(!p.error().message.isEmpty());
}

void tst_Tunnels::namesUnique()
{
    Profiles::Profile p = baseProfile();
    p.forwards = {localSpec(QStringLiteral("db")), localSpec(QStringLiteral("web")),
                  localSpec(QStringLiteral("db"))};
    const auto r = Profiles::validate(p);
    QVERIFY(!r);
    QCOMPARE(r.error().field, QStringLiteral("forwards[2].name"));
    p.forwards.removeLast();
    QVERIFY(Profiles::validate(p));
}

void tst_Tunnels::parseSpec_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("bind");
    QTest::addColumn<int>("bindPort");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("hostPort");
    QTest::newRow("L short") << "L8080:db.internal:5432" << "local" << "127.0.0.1" << 8080 << "db.internal" << 5432;
    QTest::newRow("L any port") << "L0:127.0.0.1:22" << "local" << "127.0.0.1" << 0 << "127.0.0.1" << 22;
    QTest::newRow("L bind") << "Llocalhost:9000:h:1" << "local" << "localhost" << 9000 << "h" << 1;
    QTest::newRow("R") << "R2222:localhost:22" << "remote" << "127.0.0.1" << 2222 << "localhost" << 22;
    QTest::newRow("D") << "D1080" << "dynamic" << "127.0.0.1" << 1080 << "" << 0;
    QTest::newRow("D bind") << "D127.0.0.2:0" << "dynamic" << "127.0.0.2" << 0 << "" << 0;
}

void tst_Tunnels::parseSpec()
{
    QFETCH(QString, text);
    QFETCH(QString, kind);
    QFETCH(QString, bind);
    QFETCH(int, bindPort);
    QFETCH(QString, host);
    QFETCH(int, hostPort);
    const auto f = Tunnels::parseForwardSpec(text);
    QVERIFY2(f, qPrintable(f ? QString() : f.error().toString()));
    QCOMPARE(f->kind, kind);
    QCOMPARE(f->bindAddress, bind);
    QCOMPARE(int(f->bindPort), bindPort);
    QCOMPARE(f->targetHost, host);
    QCOMPARE(int(f->targetPort), hostPort);
    QVERIFY(Profiles::validateForward(*f, QStringLiteral("x")));
}

void tst_Tunnels::parseSpecErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::newRow("empty") << "" << "rule.kind";
    QTest::newRow("X") << "X80:h:1" << "rule.kind";
    QTest::newRow("too few") << "L80:h" << "rule.kind";
    QTest::newRow("too many") << "La:b:80:h:1" << "rule.kind";
    QTest::newRow("port text") << "Lhttp:h:1" << "rule.bindPort";
    QTest::newRow("port big") << "L70000:h:1" << "rule.bindPort";
    QTest::newRow("port sign") << "L+80:h:1" << "rule.bindPort";
    QTest::newRow("target port 0") << "L80:h:0" << "rule.targetPort";
    QTest::newRow("target host empty") << "L80::22" << "rule.targetHost";
    QTest::newRow("remote any port") << "R0:h:22" << "rule.bindPort";
    QTest::newRow("empty bind") << "D:1080" << "rule.bindAddress";
    QTest::newRow("bind option") << "D-oX:1080" << "rule.bindAddress";
    QTest::newRow("D port text") << "Dabc" << "rule.bindPort";
}

void tst_Tunnels::parseSpecErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    const auto f = Tunnels::parseForwardSpec(text);
    QVERIFY(!f);
    QCOMPARE(f.error().code, ErrorCode::InvalidParam);
    QCOMPARE(f.error().field, field);
    QVERIFY(!f.error().message.isEmpty());
}

void tst_Tunnels::convertToRule()
{
    ForwardSpec f = localSpec(QStringLiteral("db"), 15432);
    f.bindAddress = QStringLiteral("0.0.0.0");
    const Ssh::ForwardRule r = Helper::ServerConnection::forwardRule(f);
    QCOMPARE(r.kind, Ssh::ForwardRule::Local);
    QCOMPARE(r.bindAddress, QStringLiteral("0.0.0.0"));
    QCOMPARE(r.bindPort, quint16(15432));
    QCOMPARE(r.targetHost, QStringLiteral("127.0.0.1"));
    QCOMPARE(r.targetPort, quint16(5432));
    QVERIFY(!r.allowAllInterfaces);   // a saved (maybe imported) rule never opens 0.0.0.0
    f.kind = QStringLiteral("remote");
    QCOMPARE(Helper::ServerConnection::forwardRule(f).kind, Ssh::ForwardRule::Remote);
    f.kind = QStringLiteral("dynamic");
    QCOMPARE(Helper::ServerConnection::forwardRule(f).kind, Ssh::ForwardRule::Dynamic);
}

void tst_Tunnels::modelRowsAndState()
{
    Tunnels::TunnelsModel model(nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(Tunnels::TunnelsModel::ColumnCount));
    model.setSpecs({localSpec(QStringLiteral("db")), localSpec(QStringLiteral("web"), 8080)});
    QCOMPARE(model.rowCount(), 2);
    using M = Tunnels::TunnelsModel;
    QCOMPARE(model.index(0, M::Name).data().toString(), QStringLiteral("db"));
    QCOMPARE(model.index(0, M::Listen).data().toString(), QStringLiteral("127.0.0.1:any"));
    QCOMPARE(model.index(1, M::Listen).data().toString(), QStringLiteral("127.0.0.1:8080"));
    QCOMPARE(model.index(1, M::Target).data().toString(), QStringLiteral("127.0.0.1:5432"));
    QCOMPARE(model.rowState(0), M::RowState::Off);
    QCOMPARE(model.forwardId(0), -1);

    Ssh::ForwardStatus st;
    st.id = 7;
    st.rule = Helper::ServerConnection::forwardRule(localSpec(QStringLiteral("db")));
    st.boundPort = 41234;
    st.activeConnections = 2;
    st.bytesIn = 2048;
    model.setStatuses({st});
    QCOMPARE(model.rowState(0), M::RowState::Active);
    QCOMPARE(model.forwardId(0), 7);
    QCOMPARE(model.index(0, M::Listen).data().toString(), QStringLiteral("127.0.0.1:41234"));
    QCOMPARE(model.index(0, M::Connections).data().toInt(), 2);
    QCOMPARE(model.index(0, M::Name).data(M::StateRole).toInt(), int(M::RowState::Active));
    QCOMPARE(model.rowState(1), M::RowState::Off);

    model.setRowError(QStringLiteral("web"), QStringLiteral("Address already in use"));
    QCOMPARE(model.rowState(1), M::RowState::Error);
    QCOMPARE(model.index(1, M::LastError).data().toString(), QStringLiteral("Address already in use"));
    // Without a connection there is nothing to start on.
    const auto r = model.start(0);
    QVERIFY(r.isFinished());
    QVERIFY(!r.result());
    model.setSpecs({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_Tunnels::modelKeepsRowsOnEdit()
{
    Tunnels::TunnelsModel model(nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSpecs({localSpec(QStringLiteral("db")), localSpec(QStringLiteral("web"))});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    ForwardSpec edited = localSpec(QStringLiteral("web"), 9000);
    model.setSpecs({localSpec(QStringLiteral("db")), edited});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.spec(1), edited);
}

QTEST_GUILESS_MAIN(tst_Tunnels)
#include "tst_tunnels.moc"
