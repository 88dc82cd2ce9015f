// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Disable/enable, logs (tail, filter, follow) and delete with its rollback.
#include "tst_helper_websites.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

void tst_HelperWebsites::disableEnable()
{
    QJsonObject r = call(QStringLiteral("websites.disable"), {{QStringLiteral("domain"), QStringLiteral("static.test")}});
    QVERIFY2(r.contains(QLatin1String("result")), qPrintable(QJsonDocument(r).toJson()));
    // the first server on the port (the hand-written one) answers unknown names
    QVERIFY(waitFor(QStringLiteral("static.test"), QStringLiteral("200 hand-ok")));
    bool listedDisabled = false;
    for (const auto &v : call(QStringLiteral("websites.list")).value(QLatin1String("result")).toObject()
                             .value(QLatin1String("sites")).toArray())
        if (v.toObject().value(QLatin1String("names")).toArray().contains(QStringLiteral("static.test")))
            listedDisabled = !v.toObject().value(QLatin1String("enabled")).toBool(true);
    QVERIFY(listedDisabled);
    r = call(QStringLiteral("websites.enable"), {{QStringLiteral("domain"), QStringLiteral("static.test")}});
    QVERIFY(r.value(QLatin1String("result")).toObject().value(QLatin1String("changed")).toBool());
    QVERIFY(waitFor(QStringLiteral("static.test"), QStringLiteral("200 static-ok")));
}

void tst_HelperWebsites::logs()
{
    for (int i = 0; i < 3; ++i)
        get(QStringLiteral("static.test"), QStringLiteral("/marker-%1").arg(i));
    QTest::qWait(200);
    m_helper->notifications.clear();
    const QJsonObject r = call(QStringLiteral("websites.logs"), {{QStringLiteral("domain"), QStringLiteral("static.test")},
                                                                {QStringLiteral("lines"), 2},
                                                                {QStringLiteral("filter"), QStringLiteral("/marker-")}});
    QVERIFY2(r.contains(QLatin1String("result")), qPrintable(QJsonDocument(r).toJson()));
    QCOMPARE(r.value(QLatin1String("result")).toObject().value(QLatin1String("path")).toString(),
             path(QStringLiteral("/www/static.access.log")));
    QStringList lines;
    for (const auto &n : m_helper->notifications)
        for (const auto &l : n.value(QLatin1String("params")).toObject().value(QLatin1String("data")).toObject()
                                 .value(QLatin1String("lines")).toArray())
            lines << l.toString();
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].contains(QLatin1String("/marker-1")));
    QVERIFY(lines[1].contains(QLatin1String("/marker-2")));

    // follow: a new request arrives as a stream line; cancel ends it with -32800
    m_helper->notifications.clear();
    const int id = m_id++;
    m_helper->send(QJsonDocument(QJsonObject{{"jsonrpc", "2.0"}, {"id", id}, {"method", "websites.logs"},
        {"params", QJsonObject{{"domain", "static.test"}, {"lines", 0}, {"follow", true},
                               {"filter", "/follow-me"}}}}).toJson(QJsonDocument::Compact));
    QTest::qWait(400);
    get(QStringLiteral("static.test"), QStringLiteral("/follow-me"));
    get(QStringLiteral("static.test"), QStringLiteral("/not-me"));
    QJsonObject streamed;
    for (int i = 0; i < 30 && streamed.isEmpty(); ++i) {
        const QJsonObject m = m_helper->next(200);
        if (m.value(QLatin1String("method")).toString() == QLatin1String("$/stream"))
            streamed = m;
    }
    const QJsonArray got = streamed.value(QLatin1String("params")).toObject().value(QLatin1String("data")).toObject()
                               .value(QLatin1String("lines")).toArray();
    QCOMPARE(got.size(), 1);
    QVERIFY(got.first().toString().contains(QLatin1String("/follow-me")));
    m_helper->send(QJsonDocument(QJsonObject{{"jsonrpc", "2.0"}, {"method", "$/cancel"},
                                             {"params", QJsonObject{{"id", id}}}}).toJson(QJsonDocument::Compact));
    QCOMPARE(errorCode(m_helper->response(id)), -32800);
}

void tst_HelperWebsites::deleteSite()
{
    const QJsonObject r = call(QStringLiteral("websites.delete"), {{QStringLiteral("domain"), QStringLiteral("proxy.test")}});
    QVERIFY2(r.contains(QLatin1String("result")), qPrintable(QJsonDocument(r).toJson()));
    QVERIFY(!QFile::exists(path(QStringLiteral("/conf/sites-available/proxy.test.conf"))));
    QVERIFY(!QFileInfo(path(QStringLiteral("/conf/sites-enabled/proxy.test.conf"))).isSymLink());
    QVERIFY(!QFile::exists(path(QStringLiteral("/conf/qwq-htpasswd/proxy.test"))));
    QVERIFY(waitFor(QStringLiteral("proxy.test"), QStringLiteral("200 hand-ok")));
    QCOMPARE(errorCode(call(QStringLiteral("websites.delete"), {{QStringLiteral("domain"), QStringLiteral("proxy.test")}})), 5002);
    // and rollback brings it back
    const int version = call(QStringLiteral("websites.versions")).value(QLatin1String("result")).toObject()
                            .value(QLatin1String("versions")).toArray().first().toObject().value(QLatin1String("version")).toInt();
    QVERIFY(call(QStringLiteral("websites.rollback"), {{QStringLiteral("version"), version}}).contains(QLatin1String("result")));
    QVERIFY(waitFor(QStringLiteral("proxy.test"), QStringLiteral("200 backend-a"), "alice:s3cret pw"));
}

