// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The websites panel's logic without a server: the spec's JSON both ways, the app's own checks
// (each refusal names the field as the helper would), the server-block reader behind the
// directive form, and the list model's minimal diffs.
#include <websites/core/serverblock.h>
#include <websites/core/sitelistmodel.h>
#include <websites/core/sitetypes.h>

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qwq;
using namespace Qwq::Websites;

class tst_WebsitesModels : public QObject
{
    Q_OBJECT
private slots:
    void specRoundTrip();
    void specLeavesOutWhatTheKindDoesNotUse();
    void validationNamesTheField_data();
    void validationNamesTheField();
    void serverBlockDirectives();
    void entryKindAndTexts();
    void listModelDiffsById();
    void filterMatchesEveryWord();
};

void tst_WebsitesModels::specRoundTrip()
{
    const QByteArray json = R"({"domain":"shop.example","aliases":["www.shop.example"],"kind":"proxy","port":8080,
        "upstream":{"method":"least_conn","servers":[{"address":"10.0.0.2:8080","weight":2,"maxFails":3,"failTimeout":10},
                                                    {"address":"10.0.0.3:8080","weight":1,"maxFails":1,"failTimeout":10,"backup":true}]},
        "sslCertificate":"/etc/ssl/shop.pem","sslCertificateKey":"/etc/ssl/shop.key","sslPort":8443,"httpsRedirect":true,
        "gzip":true,"websocket":true,"clientMaxBodySize":"20m",
        "basicAuth":{"realm":"Staff","users":[{"name":"alice"}]},"rateLimit":{"perSecond":5,"burst":9},
        "access":[{"action":"allow","source":"10.0.0.0/8"},{"action":"deny","source":"all"}],
        "headers":[{"name":"X-Frame-Options","value":"DENY"}],
        "locations":[{"path":"/api/","kind":"proxy","backend":"http://127.0.0.1:9000","websocket":true},
                     {"path":"/static/","kind":"static","alias":"/var/www/assets/"},
                     {"path":"/old","modifier":"=","kind":"redirect","url":"https://example.org","code":302}]})";
    const QJsonObject in = QJsonDocument::fromJson(json).object();
    QVERIFY(!in.isEmpty());
    const SiteSpec spec = SiteSpec::fromJson(in);
    QCOMPARE(spec.kind, QStringLiteral("proxy"));
    QVERIFY(spec.useUpstream);
    QCOMPARE(spec.upstreamServers.size(), 2);
    QVERIFY(spec.upstreamServers.at(1).backup);
    QCOMPARE(spec.users.size(), 1);
    QVERIFY(spec.users.at(0).password.isEmpty());
    QCOMPARE(spec.locations.at(2).code, 302);
    QVERIFY(validateSpec(spec).ok());
    // What goes out is what came in (the helper's normalised spec): nothing added, nothing lost.
    QCOMPARE(spec.toJson(), in);
    QCOMPARE(SiteSpec::fromJson(spec.toJson()), spec);
}

void tst_WebsitesModels::specLeavesOutWhatTheKindDoesNotUse()
{
    SiteSpec s;
    s.domain = QStringLiteral("a.example");
    s.kind = QStringLiteral("static");
    s.root = QStringLiteral("/var/www/a");
    s.backend = QStringLiteral("http://left.over");   // typed before switching the type
    s.redirectUrl = QStringLiteral("https://left.over");
    s.websocket = true;
    s.hsts = true;                                    // without a certificate: no HTTPS
    const QJsonObject o = s.toJson();
    QCOMPARE(o.value(QLatin1String("root")).toString(), QStringLiteral("/var/www/a"));
    for (const char *key : {"backend", "upstream", "redirectUrl", "websocket", "hsts", "sslPort", "basicAuth", "rateLimit"})
        QVERIFY2(!o.contains(QLatin1String(key)), key);
}

void tst_WebsitesModels::validationNamesTheField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty domain") << "domain=" << "domain";
    QTest::newRow("domain with ;") << "domain=a.example;evil" << "domain";
    QTest::newRow("domain with space") << "domain=a b.example" << "domain";
    QTest::newRow("alias with {") << "aliases=ok.example {x" << "aliases[1]";
    QTest::newRow("port 0") << "port=0" << "port";
    QTest::newRow("port 70000") << "port=70000" << "port";
    QTest::newRow("root missing") << "root=" << "root";
    QTest::newRow("root with quote") << "root=/var/www/a\"b" << "root";
    QTest::newRow("backend with newline") << "backend=http://a\nserver" << "backend";
    QTest::newRow("header value with ;") << "header=x; add_header Evil 1" << "headers[0].value";
    QTest::newRow("header value with $") << "header=$host" << "headers[0].value";
    QTest::newRow("location backend with }") << "location=http://a}" << "locations[0].backend";
    QTest::newRow("user with :") << "user=al:ice" << "basicAuth.users[0].name";
    QTest::newRow("realm with #") << "realm=Staff #x" << "basicAuth.realm";
    QTest::newRow("certificate without key") << "cert=/etc/ssl/a.pem" << "sslCertificateKey";
    QTest::newRow("access source empty") << "access=" << "access[0].source";
    QTest::newRow("upstream without servers") << "upstream=" << "upstream.servers";
    QTest::newRow("upstream weight 0") << "weight=0" << "upstream.servers[0].weight";
}

void tst_WebsitesModels::validationNamesTheField()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const QString key = field.section(QLatin1Char('='), 0, 0);
    const QString value = field.section(QLatin1Char('='), 1);
    SiteSpec s;
    s.domain = QStringLiteral("a.example");
    s.kind = QStringLiteral("static");
    s.root = QStringLiteral("/var/www/a");
    if (key == QLatin1String("domain")) s.domain = value;
    if (key == QLatin1String("aliases")) s.aliases = value.split(QLatin1Char(' '));
    if (key == QLatin1String("port")) s.port = value.toInt();
    if (key == QLatin1String("root")) s.root = value;
    if (key == QLatin1String("backend")) { s.kind = QStringLiteral("proxy"); s.backend = value; }
    if (key == QLatin1String("header")) s.headers << HeaderRule{QStringLiteral("X-A"), value};
    if (key == QLatin1String("location")) s.locations << LocationSpec{QStringLiteral("/api/"), {}, QStringLiteral("proxy"), value};
    if (key == QLatin1String("user")) { s.basicAuth = true; s.users << SiteUser{value, QStringLiteral("pw")}; }
    if (key == QLatin1String("realm")) { s.basicAuth = true; s.realm = value; s.users << SiteUser{QStringLiteral("bob"), {}}; }
    if (key == QLatin1String("cert")) s.sslCertificate = value;
    if (key == QLatin1String("access")) s.access << AccessRule{QStringLiteral("deny"), value};
    if (key == QLatin1String("upstream")) { s.kind = QStringLiteral("proxy"); s.useUpstream = true; }
    if (key == QLatin1String("weight")) {
        s.kind = QStringLiteral("proxy");
        s.useUpstream = true;
        s.upstreamServers << UpstreamServer{QStringLiteral("10.0.0.2:80"), 0};
    }
    const Result<void> r = validateSpec(s);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InvalidParam);
    QCOMPARE(r.error().field, expected);
    QVERIFY(!r.error().message.isEmpty());
}

void tst_WebsitesModels::serverBlockDirectives()
{
    const QString text = QStringLiteral(
        "# hand-written\n"                                   // 1
        "server {\n"                                         // 2
        "    listen 80; # plain\n"                           // 3
        "    listen [::]:80 default_server;\n"               // 4
        "    server_name hand.test www.hand.test;\n"         // 5
        "    root \"/srv/with space\";\n"                    // 6
        "    location / {\n"                                 // 7
        "        root /not/this;\n"                          // 8
        "        gzip on;\n"                                 // 9
        "    }\n"                                            // 10
        "    # gzip off;\n"                                  // 11
        "    add_header X-Note 'a;b{c}';\n"                  // 12
        "    client_max_body_size\n      20m;\n"             // 13-14
        "}\n"                                                // 15
        "server { listen 81; }\n");                          // 16
    const QList<BlockDirective> d = Websites::serverBlockDirectives(text, 2);
    QStringList names;
    for (const BlockDirective &x : d)
        names << x.name;
    QCOMPARE(names, (QStringList{QStringLiteral("listen"), QStringLiteral("listen"), QStringLiteral("server_name"),
                                 QStringLiteral("root"), QStringLiteral("add_header"), QStringLiteral("client_max_body_size")}));
    QCOMPARE(d.at(0).args, QStringList{QStringLiteral("80")});
    QCOMPARE(d.at(0).line, 3);
    QCOMPARE(d.at(1).args, (QStringList{QStringLiteral("[::]:80"), QStringLiteral("default_server")}));
    QCOMPARE(d.at(3).args, QStringList{QStringLiteral("/srv/with space")});
    QCOMPARE(d.at(4).args, (QStringList{QStringLiteral("X-Note"), QStringLiteral("a;b{c}")}));
    QCOMPARE(d.at(5).line, 13);
    QCOMPARE(d.at(5).args, QStringList{QStringLiteral("20m")});
    const QList<BlockDirective> second = Websites::serverBlockDirectives(text, 16);
    QCOMPARE(second.size(), 1);
    QCOMPARE(second.at(0).args, QStringList{QStringLiteral("81")});
    QVERIFY(Websites::serverBlockDirectives(text, 3).isEmpty());   // not a server block
    QVERIFY(Websites::serverBlockDirectives(text, 99).isEmpty());
}

void tst_WebsitesModels::entryKindAndTexts()
{
    const QJsonObject o = QJsonDocument::fromJson(R"({"id":"/etc/nginx/sites-enabled/x:3","file":"/etc/nginx/sites-enabled/x",
        "line":3,"names":["_","x.test"],"listen":[{"raw":"443 ssl","port":443,"ssl":true},{"raw":"127.0.0.1:80","address":"127.0.0.1","port":80}],
        "locations":[{"match":"/","proxyPass":"http://app"}],"enabled":true,"managed":false})").object();
    const SiteEntry e = SiteEntry::fromJson(o);
    QCOMPARE(e.kind(), SiteEntry::Kind::Proxy);
    QVERIFY(e.hasTls());
    QCOMPARE(e.displayName(), QStringLiteral("x.test"));
    QCOMPARE(e.listenText(), QStringLiteral("443 ssl, 127.0.0.1:80"));
    QVERIFY(e.targetText().contains(QStringLiteral("http://app")));
    SiteEntry st;   // a managed static site keeps its root in "location /"
    st.locations << SiteLocation{QStringLiteral("/"), {}, 9, {}, QStringLiteral("/var/www/blog")};
    QCOMPARE(st.kind(), SiteEntry::Kind::Static);
    QCOMPARE(st.targetText(), QStringLiteral("/var/www/blog"));
    SiteEntry r;
    r.returnTo = QStringLiteral("301 https://y.test$request_uri");
    QCOMPARE(r.kind(), SiteEntry::Kind::Redirect);
    QCOMPARE(r.displayName(), QStringLiteral("(no name)"));
}

void tst_WebsitesModels::listModelDiffsById()
{
    SiteListModel m;
    const auto entry = [](const QString &id, const QString &name) {
        SiteEntry e;
        e.id = id;
        e.names = {name};
        e.root = QStringLiteral("/var/www");
        return e;
    };
    m.setSites({entry(QStringLiteral("a:1"), QStringLiteral("a")), entry(QStringLiteral("b:1"), QStringLiteral("b")),
                entry(QStringLiteral("c:1"), QStringLiteral("c"))});
    QCOMPARE(m.rowCount(), 3);
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    SiteEntry b2 = entry(QStringLiteral("b:1"), QStringLiteral("b2"));
    m.setSites({entry(QStringLiteral("a:1"), QStringLiteral("a")), b2, entry(QStringLiteral("d:1"), QStringLiteral("d"))});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1);   // only b changed
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(m.index(1, SiteListModel::NameColumn).data().toString(), QStringLiteral("b2"));
    QCOMPARE(m.rowOf(QStringLiteral("d:1")), 2);
    QCOMPARE(m.rowOf(QStringLiteral("c:1")), -1);
}

void tst_WebsitesModels::filterMatchesEveryWord()
{
    SiteListModel m;
    SiteEntry a;
    a.id = QStringLiteral("/etc/nginx/sites-enabled/shop:1");
    a.file = QStringLiteral("/etc/nginx/sites-enabled/shop");
    a.names = {QStringLiteral("shop.example")};
    a.proxyPass = {QStringLiteral("http://127.0.0.1:8080")};
    SiteEntry b;
    b.id = QStringLiteral("/etc/nginx/sites-enabled/blog:1");
    b.file = QStringLiteral("/etc/nginx/sites-enabled/blog");
    b.names = {QStringLiteral("blog.example")};
    b.root = QStringLiteral("/var/www/blog");
    m.setSites({a, b});
    SiteFilterModel f;
    f.setSourceModel(&m);
    f.setText(QStringLiteral("8080"));
    QCOMPARE(f.rowCount(), 1);
    f.setText(QStringLiteral("BLOG www"));
    QCOMPARE(f.rowCount(), 1);
    f.setText(QStringLiteral("blog 8080"));
    QCOMPARE(f.rowCount(), 0);
    f.setText(QString());
    QCOMPARE(f.rowCount(), 2);
}

QTEST_GUILESS_MAIN(tst_WebsitesModels)
#include "tst_websitesmodels.moc"
