// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Hand-written sites changed through qwq: directive edits spliced in place, raw saves checked
// against the hash they were based on, and a reload the master refuses.
#include "tst_helper_websites.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

static QByteArray readAll(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void tst_HelperWebsites::handWrittenEdited()
{
    // adopt the hand-written site: change its root and add a body size; every other byte stays
    const QString hand = path(QStringLiteral("/conf/sites-enabled/hand.conf"));
    const QByteArray before = readAll(hand);
    const QString oldRoot = path(QStringLiteral("/www/hand"));
    const QString newRoot = path(QStringLiteral("/www/static2"));
    QJsonObject r = call(QStringLiteral("websites.edit"), {
        {QStringLiteral("id"), QString(hand + QStringLiteral(":2"))},
        {QStringLiteral("changes"), QJsonArray{
            QJsonObject{{QStringLiteral("name"), QStringLiteral("root")}, {QStringLiteral("args"), QJsonArray{newRoot}}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("client_max_body_size")},
                        {QStringLiteral("args"), QJsonArray{QStringLiteral("5m")}}}}}});
    QVERIFY2(r.contains(QLatin1String("result")), qPrintable(QJsonDocument(r).toJson()));
    const int version = result(r).value(QLatin1String("version")).toInt();
    QByteArray expected = before;
    expected.replace(QByteArray("root   " + oldRoot.toUtf8() + ";"), QByteArray("root   " + newRoot.toUtf8() + ";"));
    expected.replace("    add_header X-Hand 'yes';\n}", "    add_header X-Hand 'yes';\n    client_max_body_size 5m;\n}");
    QCOMPARE(readAll(hand), expected);
    QVERIFY(!QFileInfo(hand).isSymLink());
    QVERIFY(waitFor(QStringLiteral("hand.test"), QStringLiteral("200 static2-ok")));
    QCOMPARE(get(QStringLiteral("hand.test"), QStringLiteral("/custom")), QStringLiteral("200 custom line"));

    // edits are checked like spec fields, and managed sites go through websites.update
    r = call(QStringLiteral("websites.edit"), {{QStringLiteral("id"), QString(hand + QStringLiteral(":2"))},
        {QStringLiteral("changes"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("root")},
            {QStringLiteral("args"), QJsonArray{QString(newRoot + QStringLiteral(";include /etc/passwd"))}}}}}});
    QCOMPARE(errorCode(r), 1001);
    QCOMPARE(errorField(r), QStringLiteral("changes[0].args[0]"));
    r = call(QStringLiteral("websites.edit"), {{QStringLiteral("id"), QString(hand + QStringLiteral(":2"))},
        {QStringLiteral("changes"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("load_module")},
            {QStringLiteral("args"), QJsonArray{QStringLiteral("/tmp/x.so")}}}}}});
    QCOMPARE(errorField(r), QStringLiteral("changes[0].name"));
    QCOMPARE(readAll(hand), expected);

    // rollback puts the hand-written file back byte for byte
    r = call(QStringLiteral("websites.rollback"), {{QStringLiteral("version"), version}});
    QVERIFY2(r.contains(QLatin1String("result")), qPrintable(QJsonDocument(r).toJson()));
    QCOMPARE(readAll(hand), before);
    QVERIFY(waitFor(QStringLiteral("hand.test"), QStringLiteral("200 hand-ok")));
}

void tst_HelperWebsites::rawEdit()
{
    const QString hand = path(QStringLiteral("/conf/sites-enabled/hand.conf"));
    const QByteArray before = readAll(hand);
    const QJsonObject g = result(call(QStringLiteral("websites.get"), {{QStringLiteral("id"), QString(hand + QStringLiteral(":2"))}}));
    const QString sha = g.value(QLatin1String("sha256")).toString();
    QCOMPARE(sha.toLatin1(), QCryptographicHash::hash(before, QCryptographicHash::Sha256).toHex());
    const auto snap = snapshot();

    // a stale base is refused
    QJsonObject r = call(QStringLiteral("websites.writeRaw"), {{QStringLiteral("file"), hand},
        {QStringLiteral("text"), QString::fromUtf8(before)}, {QStringLiteral("baseSha256"), QString(64, QLatin1Char('0'))}});
    QCOMPARE(errorCode(r), 5007);
    // nginx refuses an unknown directive: its message with the real file and line, nothing changed
    QByteArray broken = before;
    broken.replace("    add_header X-Hand 'yes';\n", "    add_header X-Hand 'yes';\n    no_such_directive on;\n");
    r = call(QStringLiteral("websites.writeRaw"), {{QStringLiteral("file"), hand},
        {QStringLiteral("text"), QString::fromUtf8(broken)}, {QStringLiteral("baseSha256"), sha}});
    QCOMPARE(errorCode(r), 5000);
    const QJsonObject data = r.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("file")).toString(), hand);
    QCOMPARE(data.value(QLatin1String("line")).toInt(), 9);
    QVERIFY(data.value(QLatin1String("detail")).toString().contains(QLatin1String("no_such_directive")));
    QCOMPARE(snapshot(), snap);
    QCOMPARE(get(QStringLiteral("hand.test")), QStringLiteral("200 hand-ok"));

    // a good raw edit is applied as written
    QByteArray good = before;
    good.replace("    add_header X-Hand 'yes';\n", "    add_header X-Hand 'yes';\n    location = /raw { return 200 \"raw-ok\"; }\n");
    r = call(QStringLiteral("websites.writeRaw"), {{QStringLiteral("file"), hand},
        {QStringLiteral("text"), QString::fromUtf8(good)}, {QStringLiteral("baseSha256"), sha}});
    QVERIFY2(r.contains(QLatin1String("result")), qPrintable(QJsonDocument(r).toJson()));
    QCOMPARE(readAll(hand), good);
    // old workers finish their accepts after the new ones start: allow them a moment
    for (int i = 0; i < 50 && get(QStringLiteral("hand.test"), QStringLiteral("/raw")) != QLatin1String("200 raw-ok"); ++i)
        QTest::qWait(100);
    QCOMPARE(get(QStringLiteral("hand.test"), QStringLiteral("/raw")), QStringLiteral("200 raw-ok"));
    // files outside nginx's directories are not written
    QCOMPARE(errorCode(call(QStringLiteral("websites.writeRaw"), {{QStringLiteral("file"), QStringLiteral("/etc/passwd")},
        {QStringLiteral("text"), QStringLiteral("x")}, {QStringLiteral("baseSha256"), sha}})), 5002);
}

void tst_HelperWebsites::brokenFileOnDiskIsRepaired()
{
    // Someone edits hand.conf by hand and leaves a brace open: nginx keeps serving the old
    // configuration, and qwq must still find the install, name the broken file and repair it.
    const QString hand = path(QStringLiteral("/conf/sites-enabled/hand.conf"));
    const QByteArray good = readAll(hand);
    QByteArray broken = good;
    broken.replace("    add_header X-Hand 'yes';\n", "    add_header X-Hand 'yes';\n    location /oops {\n");
    {
        QFile f(hand);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(broken);
    }
    const QJsonObject d = result(call(QStringLiteral("websites.discover")));
    const QJsonObject parseError = d.value(QLatin1String("parseError")).toObject();
    QCOMPARE(parseError.value(QLatin1String("file")).toString(), hand);
    QVERIFY(parseError.value(QLatin1String("line")).toInt() > 0);
    QCOMPARE(d.value(QLatin1String("layout")).toString(), QStringLiteral("sites")); // still found
    // listing needs the whole configuration: 5000 naming the file
    QJsonObject r = call(QStringLiteral("websites.list"));
    QCOMPARE(errorCode(r), 5000);
    QCOMPARE(r.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject()
                 .value(QLatin1String("file")).toString(), hand);
    // the broken file can be read (only that one) ...
    const QJsonObject g = result(call(QStringLiteral("websites.get"), {{QStringLiteral("id"), hand}}));
    QCOMPARE(g.value(QLatin1String("text")).toString().toUtf8(), broken);
    QVERIFY(g.contains(QLatin1String("parseError")));
    QCOMPARE(errorCode(call(QStringLiteral("websites.get"), {{QStringLiteral("id"), path(QStringLiteral("/conf/nginx.conf"))}})), 5000);
    // ... a rewrite that still does not parse changes nothing ...
    r = call(QStringLiteral("websites.writeRaw"), {{QStringLiteral("file"), hand},
        {QStringLiteral("text"), QString::fromUtf8(broken + "\n# still open\n")},
        {QStringLiteral("baseSha256"), g.value(QLatin1String("sha256")).toString()}});
    QCOMPARE(errorCode(r), 5000);
    QCOMPARE(readAll(hand), broken);
    // ... and the repair goes through the pipeline (nginx -t, reload) and lists again
    r = call(QStringLiteral("websites.writeRaw"), {{QStringLiteral("file"), hand},
        {QStringLiteral("text"), QString::fromUtf8(good)},
        {QStringLiteral("baseSha256"), g.value(QLatin1String("sha256")).toString()}});
    QVERIFY2(r.contains(QLatin1String("result")), qPrintable(QJsonDocument(r).toJson()));
    QCOMPARE(readAll(hand), good);
    QVERIFY(result(call(QStringLiteral("websites.discover"))).value(QLatin1String("parseError")).isNull());
    QVERIFY(call(QStringLiteral("websites.list")).contains(QLatin1String("result")));
    QVERIFY(waitFor(QStringLiteral("hand.test"), QStringLiteral("200 hand-ok")));
}

void tst_HelperWebsites::reloadRefusedRestores()
{
    // nginx -t passes, but the master cannot bind the port the backend holds: the reload fails,
    // the files are put back and the old configuration keeps serving
    const auto before = snapshot();
    QJsonObject spec = site({{QStringLiteral("domain"), QStringLiteral("clash.test")},
                             {QStringLiteral("root"), path(QStringLiteral("/www/static"))}}).value(QLatin1String("site")).toObject();
    spec.insert(QStringLiteral("port"), int(m_backendA->port()));
    const QJsonObject r = call(QStringLiteral("websites.create"), {{QStringLiteral("site"), spec}});
    QCOMPARE(errorCode(r), 5006);
    const QJsonObject data = r.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject();
    QVERIFY(data.value(QLatin1String("restored")).toBool());
    QVERIFY2(data.value(QLatin1String("detail")).toString().contains(QLatin1String("bind")), qPrintable(QJsonDocument(r).toJson()));
    QCOMPARE(snapshot(), before);
    QCOMPARE(get(QStringLiteral("static.test")), QStringLiteral("200 static-ok"));
}

