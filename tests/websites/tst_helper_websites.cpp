// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The real qwq-helper against a real nginx on 127.0.0.1 (tests/fixtures/nginx.sh): sites are
// created, served, refused, rolled back, and a hand-written site is never touched.
#include "tst_helper_websites.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace ProtocolTest;


QJsonObject tst_HelperWebsites::call(const QString &method, QJsonObject params)
{
    const int id = m_id++;
    QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
                        {QStringLiteral("method"), method}};
    if (!params.isEmpty())
        request.insert(QStringLiteral("params"), params);
    m_helper->send(QJsonDocument(request).toJson(QJsonDocument::Compact));
    const QJsonObject r = m_helper->response(id, 30000); // a refused reload takes ~3 s
    // An apply answers once the master runs new workers; the master lets the old ones accept
    // for another 100 ms before it tells them to stop: let that pass before asserting on HTTP.
    if (result(r).value(QLatin1String("reloaded")).toBool())
        QTest::qWait(150);
    return r;
}

QJsonObject tst_HelperWebsites::site(const QJsonObject &spec) const
{
    QJsonObject s = spec;
    s.insert(QStringLiteral("port"), m_port);
    s.insert(QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    return QJsonObject{{QStringLiteral("site"), s}};
}

// A raw HTTP/1.0 GET: the status line and the body, "" when nothing answered.
QString tst_HelperWebsites::get(const QString &host, const QString &path, const QByteArray &auth)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_port));
    if (!s.waitForConnected(3000))
        return {};
    QByteArray req = "GET " + path.toUtf8() + " HTTP/1.0\r\nHost: " + host.toUtf8() + "\r\n";
    if (!auth.isEmpty())
        req += "Authorization: Basic " + auth.toBase64() + "\r\n";
    s.write(req + "\r\n");
    QByteArray all;
    while (s.waitForReadyRead(3000))
        all += s.readAll();
    all += s.readAll();
    const int split = all.indexOf("\r\n\r\n");
    const QByteArray status = all.left(all.indexOf("\r\n"));
    const QByteArray code = status.split(' ').value(1);
    return QString::fromUtf8(code + " " + (split < 0 ? QByteArray() : all.mid(split + 4).trimmed()));
}

bool tst_HelperWebsites::waitFor(const QString &host, const QString &expected, const QByteArray &auth)
{
    for (int i = 0; i < 50; ++i) { // the master reloads asynchronously after SIGHUP
        if (get(host, QStringLiteral("/"), auth) == expected)
            return true;
        QTest::qWait(100);
    }
    qWarning() << "got" << get(host, QStringLiteral("/"), auth) << "expected" << expected;
    return false;
}

// Every file under the configuration directory (links by target) and the master's pid.
QMap<QString, QByteArray> tst_HelperWebsites::snapshot() const
{
    QMap<QString, QByteArray> files;
    QDirIterator it(path(QStringLiteral("/conf")), QDir::Files | QDir::System | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        const QFileInfo fi(p);
        if (fi.isSymLink()) {
            files.insert(p, "-> " + fi.symLinkTarget().toUtf8());
            continue;
        }
        QFile f(p);
        f.open(QIODevice::ReadOnly);
        files.insert(p, QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
    }
    QFile pid(path(QStringLiteral("/nginx.pid")));
    pid.open(QIODevice::ReadOnly);
    files.insert(QStringLiteral("pid"), pid.readAll());
    return files;
}

void tst_HelperWebsites::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("needs root (nginx workers, /var/log/nginx)");
    QVERIFY(m_dir.isValid());
    QProcess fixture;
    fixture.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    fixture.start(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/nginx.sh"),
                                           QStringLiteral("start"), m_dir.path()});
    QVERIFY(fixture.waitForFinished(30000));
    if (fixture.exitCode() == 77)
        QSKIP("nginx is not installed");
    QCOMPARE(fixture.exitCode(), 0);
    m_started = true;
    QFile env(path(QStringLiteral("/env")));
    QVERIFY(env.open(QIODevice::ReadOnly));
    for (const QByteArray &line : env.readAll().split('\n')) {
        const QByteArray value = line.mid(line.indexOf('=') + 1);
        if (line.startsWith("CONF="))
            m_conf = QString::fromUtf8(value);
        else if (line.startsWith("PORT="))
            m_port = value.toInt();
    }
    QVERIFY(m_port > 0);
    m_backendA = std::make_unique<BackendServer>("backend-a");
    m_backendB = std::make_unique<BackendServer>("backend-b");
    QVERIFY(m_backendA->startAndWait() > 0 && m_backendB->startAndWait() > 0);
    for (const char *name : {"static", "static2"}) {
        const QString d = QString(path(QStringLiteral("/www/")) + QLatin1String(name));
        QDir().mkpath(d);
        QFile f(d + QStringLiteral("/index.html"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(name) + "-ok\n");
        f.close();
        QFile::setPermissions(d, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                     | QFileDevice::ReadOther | QFileDevice::ExeOther);
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    }
    qputenv("QWQ_DATA_DIR", (path(QStringLiteral("/qwq-data"))).toUtf8());
    qputenv("QWQ_WEBSITES_ROOTS", (path(QStringLiteral("/www"))).toUtf8());
    qputenv("QWQ_NGINX_CONF", m_conf.toUtf8()); // the helper's environment: no param moves it
    m_helper = std::make_unique<Helper>();
    QVERIFY(m_helper->initialize().contains(QLatin1String("result")));
}

void tst_HelperWebsites::cleanupTestCase()
{
    m_helper.reset();
    if (m_started)
        QProcess::execute(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/nginx.sh"),
                                                   QStringLiteral("stop"), m_dir.path()});
}

void tst_HelperWebsites::discoverAndList()
{
    const QJsonObject d = call(QStringLiteral("websites.discover")).value(QLatin1String("result")).toObject();
    QCOMPARE(d.value(QLatin1String("layout")).toString(), QStringLiteral("sites"));
    QVERIFY(d.value(QLatin1String("version")).toString().startsWith(QLatin1Char('1')));
    QVERIFY(d.value(QLatin1String("running")).toBool());
    QCOMPARE(d.value(QLatin1String("confPath")).toString(), m_conf);
    QVERIFY(d.value(QLatin1String("files")).toArray().contains(path(QStringLiteral("/conf/sites-enabled/hand.conf"))));

    const QJsonArray sites = call(QStringLiteral("websites.list")).value(QLatin1String("result")).toObject()
                                 .value(QLatin1String("sites")).toArray();
    bool found = false;
    for (const auto &v : sites) {
        const QJsonObject s = v.toObject();
        if (s.value(QLatin1String("names")).toArray().contains(QStringLiteral("hand.test"))) {
            found = true;
            QCOMPARE(s.value(QLatin1String("managed")).toBool(), false);
            QCOMPARE(s.value(QLatin1String("line")).toInt(), 2);
            QCOMPARE(s.value(QLatin1String("listen")).toArray().first().toObject().value(QLatin1String("port")).toInt(), m_port);
            QCOMPARE(s.value(QLatin1String("locations")).toArray().size(), 1);
        }
    }
    QVERIFY(found);
    // a request cannot point the helper at another configuration: `conf` is no parameter
    const QJsonObject other = call(QStringLiteral("websites.discover"),
                                   {{QStringLiteral("conf"), path(QStringLiteral("/evil/nginx.conf"))}});
    QCOMPARE(result(other).value(QLatin1String("confPath")).toString(), m_conf);
}

void tst_HelperWebsites::staticAndProxySites()
{
    const QString hand = path(QStringLiteral("/conf/sites-enabled/hand.conf"));
    QFile hf(hand);
    QVERIFY(hf.open(QIODevice::ReadOnly));
    const QByteArray handBefore = hf.readAll();
    hf.close();

    QJsonObject r = call(QStringLiteral("websites.create"), site({
        {QStringLiteral("domain"), QStringLiteral("static.test")},
        {QStringLiteral("root"), path(QStringLiteral("/www/static"))},
        {QStringLiteral("gzip"), true},
        {QStringLiteral("accessLog"), path(QStringLiteral("/www/static.access.log"))}}));
    QVERIFY2(r.contains(QLatin1String("result")), qPrintable(QJsonDocument(r).toJson()));
    QVERIFY(r.value(QLatin1String("result")).toObject().value(QLatin1String("reloaded")).toBool());
    QVERIFY(waitFor(QStringLiteral("static.test"), QStringLiteral("200 static-ok")));

    r = call(QStringLiteral("websites.create"), site({
        {QStringLiteral("domain"), QStringLiteral("proxy.test")},
        {QStringLiteral("kind"), QStringLiteral("proxy")},
        {QStringLiteral("upstream"), QJsonObject{{QStringLiteral("servers"), QJsonArray{
            QJsonObject{{QStringLiteral("address"), QJsonValue(QStringLiteral("127.0.0.1:%1").arg(m_backendA->port()))},
                        {QStringLiteral("weight"), 2}, {QStringLiteral("maxFails"), 3}, {QStringLiteral("failTimeout"), 5}},
            QJsonObject{{QStringLiteral("address"), QJsonValue(QStringLiteral("127.0.0.1:%1").arg(m_backendB->port()))},
                        {QStringLiteral("weight"), 1}}}}}},
        {QStringLiteral("websocket"), true},
        {QStringLiteral("rateLimit"), QJsonObject{{QStringLiteral("perSecond"), 100}, {QStringLiteral("burst"), 10}}},
        {QStringLiteral("basicAuth"), QJsonObject{{QStringLiteral("users"), QJsonArray{QJsonObject{
            {QStringLiteral("name"), QStringLiteral("alice")}, {QStringLiteral("password"), QStringLiteral("s3cret pw")}}}}}},
        {QStringLiteral("access"), QJsonArray{QJsonObject{{QStringLiteral("action"), QStringLiteral("allow")},
                                                          {QStringLiteral("source"), QStringLiteral("127.0.0.0/8")}},
                                              QJsonObject{{QStringLiteral("action"), QStringLiteral("deny")},
                                                          {QStringLiteral("source"), QStringLiteral("all")}}}}}));
    QVERIFY2(r.contains(QLatin1String("result")), qPrintable(QJsonDocument(r).toJson()));
    QVERIFY(waitFor(QStringLiteral("proxy.test"), QStringLiteral("200 backend-a"), "alice:s3cret pw"));
    QCOMPARE(get(QStringLiteral("proxy.test")).left(3), QStringLiteral("401"));
    // weights 2:1 — six requests through the one worker's round robin: four to a, two to b
    const int a0 = m_backendA->requests(), b0 = m_backendB->requests();
    for (int i = 0; i < 6; ++i)
        QVERIFY(get(QStringLiteral("proxy.test"), QStringLiteral("/w"), "alice:s3cret pw").startsWith(QLatin1String("200 backend-")));
    QCOMPARE(m_backendA->requests() - a0, 4);
    QCOMPARE(m_backendB->requests() - b0, 2);
    const QByteArray head = m_backendA->lastRequest() + m_backendB->lastRequest();
    QVERIFY2(head.contains("Host: proxy.test") && head.contains("X-Real-IP: 127.0.0.1"), head.constData());
    // a websocket upgrade goes through and the tunnel echoes
    {
        QTcpSocket ws;
        ws.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_port));
        QVERIFY(ws.waitForConnected(3000));
        ws.write("GET /ws HTTP/1.1\r\nHost: proxy.test\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Authorization: Basic " + QByteArray("alice:s3cret pw").toBase64() + "\r\n\r\n");
        QByteArray reply;
        while (!reply.contains("\r\n\r\n") && ws.waitForReadyRead(3000))
            reply += ws.readAll();
        QVERIFY2(reply.startsWith("HTTP/1.1 101"), reply.constData());
        ws.write("ping-through-nginx");
        QByteArray echo;
        while (echo.size() < 18 && ws.waitForReadyRead(3000))
            echo += ws.readAll();
        QCOMPARE(echo, QByteArray("ping-through-nginx"));
    }
    QCOMPARE(get(QStringLiteral("proxy.test"), QStringLiteral("/"), "alice:wrong").left(3), QStringLiteral("401"));

    // the hand-written site still serves and its file is byte for byte what it was
    QCOMPARE(get(QStringLiteral("hand.test")), QStringLiteral("200 hand-ok"));
    QCOMPARE(get(QStringLiteral("hand.test"), QStringLiteral("/custom")), QStringLiteral("200 custom line"));
    QVERIFY(hf.open(QIODevice::ReadOnly));
    QCOMPARE(hf.readAll(), handBefore);

    // listed as managed; the password is nowhere in the config
    const QJsonObject g = call(QStringLiteral("websites.get"), {{QStringLiteral("domain"), QStringLiteral("proxy.test")}})
                              .value(QLatin1String("result")).toObject();
    QVERIFY(g.value(QLatin1String("managed")).toBool());
    QVERIFY(!g.value(QLatin1String("text")).toString().contains(QLatin1String("s3cret")));
    QCOMPARE(g.value(QLatin1String("spec")).toObject().value(QLatin1String("upstream")).toObject()
                 .value(QLatin1String("servers")).toArray().first().toObject().value(QLatin1String("weight")).toInt(), 2);
    // creating it again is refused
    QCOMPARE(errorCode(call(QStringLiteral("websites.create"), site({{QStringLiteral("domain"), QStringLiteral("static.test")},
        {QStringLiteral("root"), path(QStringLiteral("/www/static"))}}))), 5004);
}

void tst_HelperWebsites::brokenChangeChangesNothing()
{
    const auto before = snapshot();
    // two identical locations: every field is valid, nginx -t refuses ("duplicate location")
    const QJsonObject loc{{QStringLiteral("path"), QStringLiteral("/dup")}, {QStringLiteral("kind"), QStringLiteral("static")},
                          {QStringLiteral("root"), path(QStringLiteral("/www/static"))}};
    const QJsonObject r = call(QStringLiteral("websites.update"), site({
        {QStringLiteral("domain"), QStringLiteral("static.test")},
        {QStringLiteral("root"), path(QStringLiteral("/www/static2"))},
        {QStringLiteral("locations"), QJsonArray{loc, loc}}}));
    QCOMPARE(errorCode(r), 5000);
    const QJsonObject data = r.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject();
    QVERIFY2(data.value(QLatin1String("file")).toString().endsWith(QLatin1String("/conf/sites-enabled/static.test.conf")),
             qPrintable(QJsonDocument(r).toJson()));
    QVERIFY(!data.value(QLatin1String("file")).toString().contains(QLatin1String("qwq-nginx-stage")));
    QVERIFY(data.value(QLatin1String("line")).toInt() > 0);
    QVERIFY(data.value(QLatin1String("detail")).toString().contains(QLatin1String("duplicate location")));
    QCOMPARE(snapshot(), before);
    QCOMPARE(get(QStringLiteral("static.test")), QStringLiteral("200 static-ok"));

    // an internationalised name is written as punycode
    const QJsonObject idn = result(call(QStringLiteral("websites.diff"), site({{QStringLiteral("domain"), QStringLiteral("b\u00fccher.test")},
        {QStringLiteral("root"), path(QStringLiteral("/www/static"))}})));
    QCOMPARE(idn.value(QLatin1String("domain")).toString(), QStringLiteral("xn--bcher-kva.test"));
    QVERIFY(idn.value(QLatin1String("diff")).toString().contains(QLatin1String("server_name xn--bcher-kva.test;")));

    // the diff says the same without writing anything
    const QJsonObject d = call(QStringLiteral("websites.diff"), QJsonObject{{QStringLiteral("test"), true},
        {QStringLiteral("site"), site({{QStringLiteral("domain"), QStringLiteral("static.test")},
                                       {QStringLiteral("root"), path(QStringLiteral("/www/static"))},
                                       {QStringLiteral("locations"), QJsonArray{loc, loc}}}).value(QLatin1String("site"))}})
                              .value(QLatin1String("result")).toObject();
    QCOMPARE(d.value(QLatin1String("valid")).toBool(true), false);
    QVERIFY(d.value(QLatin1String("diff")).toString().contains(QLatin1String("+    location /dup {")));
    QCOMPARE(snapshot(), before);
}

void tst_HelperWebsites::injectionRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonObject>("spec");
    const QString www = path(QStringLiteral("/www/static"));
    QTest::newRow("domain closes block") << "domain" << QJsonObject{{"domain", "a.com; }"}, {"root", www}};
    QTest::newRow("header newline") << "headers[0].value" << QJsonObject{{"domain", "inj.test"}, {"root", www},
        {"headers", QJsonArray{QJsonObject{{"name", "X-A"}, {"value", "a\nadd_header B c"}}}}};
    QTest::newRow("root dotdot") << "root" << QJsonObject{{"domain", "inj.test"}, {"root", QString(www + "/../../../etc")}};
    QTest::newRow("root outside") << "root" << QJsonObject{{"domain", "inj.test"}, {"root", "/etc"}};
    QTest::newRow("backend") << "backend" << QJsonObject{{"domain", "inj.test"}, {"kind", "proxy"},
        {"backend", "http://127.0.0.1:1; } server { listen 1"}};
    QTest::newRow("location") << "locations[0].path" << QJsonObject{{"domain", "inj.test"}, {"root", www},
        {"locations", QJsonArray{QJsonObject{{"path", "/a { }"}, {"kind", "static"}, {"root", www}}}}};
}

void tst_HelperWebsites::injectionRefused()
{
    QFETCH(QString, field);
    QFETCH(QJsonObject, spec);
    const auto before = snapshot();
    const QJsonObject r = call(QStringLiteral("websites.create"), site(spec));
    QCOMPARE(errorCode(r), 1001);
    QCOMPARE(errorField(r), field);
    QVERIFY(!errorMessage(r).isEmpty());
    QCOMPARE(snapshot(), before);
}

void tst_HelperWebsites::handWrittenNotRewritten()
{
    // a file without qwq's marker in the sites directory is not rewritten
    const QString other = path(QStringLiteral("/conf/sites-available/other.test.conf"));
    QFile f(other);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("server { server_name other.test; }\n");
    f.close();
    const QJsonObject r = call(QStringLiteral("websites.update"), site({{QStringLiteral("domain"), QStringLiteral("other.test")},
        {QStringLiteral("root"), path(QStringLiteral("/www/static"))}}));
    QCOMPARE(errorCode(r), 5003);
    QCOMPARE(errorCode(call(QStringLiteral("websites.delete"), {{QStringLiteral("domain"), QStringLiteral("other.test")}})), 5003);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("server { server_name other.test; }\n"));
    f.close();
    QFile::remove(other);

    // the hand-written site is readable by id, exactly as on disk
    const QString hand = path(QStringLiteral("/conf/sites-enabled/hand.conf"));
    const QJsonObject g = call(QStringLiteral("websites.get"), {{QStringLiteral("id"), QString(hand + QStringLiteral(":2"))}})
                              .value(QLatin1String("result")).toObject();
    QFile hf(hand);
    QVERIFY(hf.open(QIODevice::ReadOnly));
    QCOMPARE(g.value(QLatin1String("text")).toString().toUtf8(), hf.readAll());
    QCOMPARE(g.value(QLatin1String("managed")).toBool(true), false);
    QCOMPARE(errorCode(call(QStringLiteral("websites.update"), site({{QStringLiteral("domain"), QStringLiteral("nosuch.test")},
        {QStringLiteral("root"), path(QStringLiteral("/www/static"))}}))), 5002);
}

void tst_HelperWebsites::rollbackRestores()
{
    QJsonObject r = call(QStringLiteral("websites.update"), site({{QStringLiteral("domain"), QStringLiteral("static.test")},
        {QStringLiteral("root"), path(QStringLiteral("/www/static2"))},
        {QStringLiteral("accessLog"), path(QStringLiteral("/www/static.access.log"))}}));
    QVERIFY2(r.contains(QLatin1String("result")), qPrintable(QJsonDocument(r).toJson()));
    const int version = r.value(QLatin1String("result")).toObject().value(QLatin1String("version")).toInt();
    QVERIFY(waitFor(QStringLiteral("static.test"), QStringLiteral("200 static2-ok")));

    const QJsonArray versions = call(QStringLiteral("websites.versions")).value(QLatin1String("result")).toObject()
                                    .value(QLatin1String("versions")).toArray();
    QVERIFY(versions.size() >= 3);
    QCOMPARE(versions.first().toObject().value(QLatin1String("version")).toInt(), version);
    QCOMPARE(versions.first().toObject().value(QLatin1String("action")).toString(), QStringLiteral("update"));

    // per site: only static.test's versions; the diff of a rollback shows the root going back
    const QJsonArray mine = result(call(QStringLiteral("websites.versions"), {{QStringLiteral("domain"), QStringLiteral("static.test")}}))
                                .value(QLatin1String("versions")).toArray();
    QVERIFY(mine.size() >= 2 && mine.size() < versions.size());
    for (const auto &v : mine)
        QCOMPARE(v.toObject().value(QLatin1String("site")).toString(), QStringLiteral("static.test"));
    const QJsonObject d = result(call(QStringLiteral("websites.diff"), {{QStringLiteral("version"), version}}));
    const QString diff = d.value(QLatin1String("diff")).toString();
    QVERIFY2(diff.contains(QString(QStringLiteral("-        root ") + path(QStringLiteral("/www/static2"))))
                 && diff.contains(QString(QStringLiteral("+        root ") + path(QStringLiteral("/www/static")) + QLatin1Char(';'))),
             qPrintable(diff));
    r = call(QStringLiteral("websites.rollback"), {{QStringLiteral("version"), version}});
    QVERIFY2(r.contains(QLatin1String("result")), qPrintable(QJsonDocument(r).toJson()));
    QVERIFY(waitFor(QStringLiteral("static.test"), QStringLiteral("200 static-ok")));
    QCOMPARE(errorCode(call(QStringLiteral("websites.rollback"), {{QStringLiteral("version"), 9999}})), 5002);
}

QTEST_GUILESS_MAIN(tst_HelperWebsites)
