// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The helper's nginx parser, splicer and site emitter, compiled in from remote-helper/src: no
// nginx needed.
#include "tst_nginxconfig.h"

#include "errors.h"
#include "nginx/config.h"
#include "nginx/edit.h"
#include "nginx/site.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace qwqhelper;
using nlohmann::json;


static std::vector<nginx::Directive> parse(const std::string &text)
{
    return nginx::parse(text, "/t.conf");
}

void tst_NginxConfig::tokens()
{
    const auto list = parse("# head comment\n"
                            "set $a \"x;y{z}\" ; # trailing\n"
                            "set $b 'it\\'s' ;\n"
                            "rewrite ^/(.*)$ /${1}x last;\n"
                            "add_header X \"a\\\"b\\\\c\";\n"
                            "location ~ \\.php$ { return 200 ok; }\n");
    QCOMPARE(list.size(), std::size_t(5));
    QCOMPARE(list[0].name, std::string("set"));
    QCOMPARE(list[0].args, (std::vector<std::string>{"$a", "x;y{z}"}));
    QCOMPARE(list[1].args[1], std::string("it's"));
    QCOMPARE(list[2].args, (std::vector<std::string>{"^/(.*)$", "/${1}x", "last"}));
    QCOMPARE(list[3].args[1], std::string("a\"b\\c"));
    QVERIFY(list[4].block);
    QCOMPARE(list[4].args, (std::vector<std::string>{"~", "\\.php$"}));
    QCOMPARE(list[4].children.size(), std::size_t(1));
    QCOMPARE(list[4].children[0].args, (std::vector<std::string>{"200", "ok"}));
}

void tst_NginxConfig::linesAndSpans()
{
    const std::string text = "events {}\n\nhttp {\n  server {\n    listen 80;\n  }\n}\n";
    const auto list = parse(text);
    QCOMPARE(list[1].line, 3);
    const auto &listen = list[1].children[0].children[0];
    QCOMPARE(listen.line, 5);
    QCOMPARE(text.substr(listen.span.begin, listen.span.end - listen.span.begin), std::string("listen 80;"));
    QCOMPARE(text.substr(listen.argSpans[0].begin, 2), std::string("80"));
    const auto &server = list[1].children[0];
    QCOMPARE(text.substr(server.span.begin, server.span.end - server.span.begin),
             std::string("server {\n    listen 80;\n  }"));
}

void tst_NginxConfig::syntaxErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::newRow("unclosed block") << "http {\n server {\n}\n" << 4;
    QTest::newRow("stray brace") << "a b;\n}\n" << 2;
    QTest::newRow("missing semicolon at eof") << "a b" << 1;
    QTest::newRow("unclosed quote") << "a \"b;\n\n" << 1;
    QTest::newRow("text after quote") << "a \"b\"c;\n" << 1;
}

void tst_NginxConfig::syntaxErrors()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    try {
        parse(text.toStdString());
        QFAIL("parsed");
    } catch (const nginx::ParseError &e) {
        QCOMPARE(e.file, std::string("/t.conf"));
        QCOMPARE(e.line, line);
    }
}

void tst_NginxConfig::spliceKeepsOtherBytes()
{
    const std::string text = "# keep me\r\nserver {\n\tlisten   8080 ;  # odd spacing\n"
                             "    server_name a.test  'b.test';\n}\n";
    const auto list = parse(text);
    const auto &listen = list[0].children[0];
    const std::string out = nginx::splice(text, {{listen.argSpans[0], "9090"}});
    QCOMPARE(out, std::string("# keep me\r\nserver {\n\tlisten   9090 ;  # odd spacing\n"
                              "    server_name a.test  'b.test';\n}\n"));
    QCOMPARE(nginx::splice(text, {}), text);
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             nginx::splice(text, {{{5, 10}, "x"}, {{8, 12}, "y"}}));
}

void tst_NginxConfig::quoteArgRoundTrips_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << "abc";
    QTest::newRow("space") << "a b";
    QTest::newRow("semicolon") << "a;}{b";
    QTest::newRow("quotes") << "it's \"q\"";
    QTest::newRow("backslash") << "a\\b";
    QTest::newRow("hash") << "#x";
    QTest::newRow("empty") << "";
}

void tst_NginxConfig::quoteArgRoundTrips()
{
    QFETCH(QString, value);
    const std::string v = value.toStdString();
    const auto list = parse("d " + nginx::quoteArg(v) + ";");
    QCOMPARE(list.size(), std::size_t(1));
    QCOMPARE(list[0].args.size(), std::size_t(1));
    QCOMPARE(list[0].args[0], v);
}

static void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

void tst_NginxConfig::includesWithGlobs()
{
    QTemporaryDir dir;
    const QString d = dir.path();
    write(d + "/nginx.conf", "http {\n  include mime.types;\n  include " + d.toUtf8() + "/sites/*.conf;\n}\n");
    write(d + "/mime.types", "types { text/html html; }\n");
    write(d + "/sites/b.conf", "server { server_name b.test; }\n");
    write(d + "/sites/a.conf", "server { server_name a.test; }\n");
    write(d + "/sites/skip.txt", "not nginx {");
    QDir().mkpath(d + "/sites/dir.conf"); // directories matching a glob are skipped
    const auto tree = nginx::loadFromDisk(QString(d + "/nginx.conf").toStdString());
    QCOMPARE(tree.files.size(), std::size_t(4));
    QCOMPARE(tree.files[1].path, QString(d + "/mime.types").toStdString());
    QCOMPARE(tree.files[2].path, QString(d + "/sites/a.conf").toStdString()); // sorted
    std::vector<std::string> names;
    bool contextOk = true;
    nginx::walk(tree, [&](const nginx::Directive &x, const nginx::File &, const std::vector<std::string> &ctx) {
        if (x.name == "server_name") {
            names.push_back(x.args[0]);
            contextOk = contextOk && ctx == std::vector<std::string>{"http", "server"};
        }
        return true;
    });
    QVERIFY(contextOk);
    QCOMPARE(names, (std::vector<std::string>{"a.test", "b.test"}));
    // a missing file names the including file and line
    write(d + "/broken.conf", "events {}\ninclude " + d.toUtf8() + "/missing.conf;\n");
    try {
        nginx::loadFromDisk(QString(d + "/broken.conf").toStdString());
        QFAIL("loaded");
    } catch (const nginx::ParseError &e) {
        QCOMPARE(e.line, 2);
    }
}

void tst_NginxConfig::includeCycle()
{
    QTemporaryDir dir;
    write(dir.path() + "/nginx.conf", "include a.conf;\n");
    write(dir.path() + "/a.conf", "include nginx.conf;\n");
    QVERIFY_THROWS_EXCEPTION(nginx::ParseError, nginx::loadFromDisk(QString(dir.path() + "/nginx.conf").toStdString()));
}

void tst_NginxConfig::listsServers()
{
    const std::map<std::string, std::string> files = {
        {"/n/nginx.conf", "http {\n upstream app { server 10.0.0.2:80 weight=2; }\n include /n/s/*;\n"
                          " server { listen 127.0.0.1:8080 default_server; root /srv/x; }\n}\n"},
        {"/n/s/a", "# qwq-managed-site a.test\n# qwq-spec: {\"domain\":\"a.test\"}\n"
                   "server {\n listen 443 ssl http2;\n server_name a.test *.a.test;\n"
                   " ssl_certificate /etc/ssl/a.pem; ssl_certificate_key /etc/ssl/a.key;\n"
                   " location /api/ { proxy_pass http://app; }\n"
                   " location = /x { return 301 https://b.test; }\n}\n"}};
    const auto tree = nginx::load("/n/nginx.conf", [&](const std::string &p, std::string &text) {
        // the glob runs on the real filesystem: stand in for it with the one file
        auto it = files.find(p);
        if (it == files.end())
            return false;
        text = it->second;
        return true;
    });
    // /n/s/* does not exist on disk, so only the main file's server is found through the glob;
    // parse the site on its own as the disabled-site path does
    const json list = nginx::listServers(tree);
    QCOMPARE(list.size(), std::size_t(1));
    QCOMPARE(list[0]["listen"][0]["port"].get<int>(), 8080);
    QVERIFY(list[0]["listen"][0]["defaultServer"].get<bool>());
    QCOMPARE(list[0]["managed"].get<bool>(), false);

    nginx::Tree t2;
    nginx::File main;
    main.path = "/n/nginx.conf";
    main.text = files.at("/n/nginx.conf");
    main.directives = nginx::parse(main.text, main.path);
    // wire the include by hand
    for (auto &d : main.directives[0].children)
        if (d.name == "include")
            d.includes = {1};
    t2.files.push_back(main);
    nginx::File site;
    site.path = "/n/s/a";
    site.text = files.at("/n/s/a");
    site.directives = nginx::parse(site.text, site.path);
    t2.files.push_back(site);
    const json all = nginx::listServers(t2);
    QCOMPARE(all.size(), std::size_t(2));
    const json &a = all[0];
    QCOMPARE(a["file"].get<std::string>(), std::string("/n/s/a"));
    QCOMPARE(a["line"].get<int>(), 3);
    QVERIFY(a["managed"].get<bool>());
    QCOMPARE(a["site"].get<std::string>(), std::string("a.test"));
    QVERIFY(a["names"] == json({"a.test", "*.a.test"}));
    QVERIFY(a["listen"][0]["ssl"].get<bool>());
    QVERIFY(a["listen"][0]["http2"].get<bool>());
    QCOMPARE(a["sslCertificate"].get<std::string>(), std::string("/etc/ssl/a.pem"));
    QCOMPARE(a["locations"].size(), std::size_t(2));
    QCOMPARE(a["upstreams"][0]["name"].get<std::string>(), std::string("app"));
    QCOMPARE(a["upstreams"][0]["servers"][0].get<std::string>(), std::string("10.0.0.2:80 weight=2"));
    QCOMPARE(nginx::managedSpec(site.text)["domain"].get<std::string>(), std::string("a.test"));
    QVERIFY(nginx::managedSpec(main.text).is_null());
}

void tst_NginxConfig::renderValidates_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<QString>("field");
    QTest::newRow("domain closes block") << QByteArray(R"({"domain":"a.com; }","root":"/srv/a"})") << "domain";
    QTest::newRow("domain newline") << QByteArray(R"({"domain":"a.com\nb","root":"/srv/a"})") << "domain";
    QTest::newRow("idn not IDNA2008") << QByteArray(R"({"domain":"a\u200db.de","root":"/srv/a"})") << "domain";
    QTest::newRow("idn symbol") << QByteArray(R"({"domain":"\u2603.de","root":"/srv/a"})") << "domain";
    QTest::newRow("alias") << QByteArray(R"({"domain":"a.com","aliases":["ok.com","x y"],"root":"/srv/a"})") << "aliases[1]";
    QTest::newRow("root dotdot") << QByteArray(R"({"domain":"a.com","root":"/srv/../etc"})") << "root";
    QTest::newRow("root outside") << QByteArray(R"({"domain":"a.com","root":"/etc"})") << "root";
    QTest::newRow("root semicolon") << QByteArray(R"({"domain":"a.com","root":"/srv/a;b"})") << "root";
    QTest::newRow("header newline") << QByteArray(R"({"domain":"a.com","root":"/srv/a","headers":[{"name":"X","value":"a\nb"}]})") << "headers[0].value";
    QTest::newRow("header dollar") << QByteArray(R"({"domain":"a.com","root":"/srv/a","headers":[{"name":"X","value":"$host"}]})") << "headers[0].value";
    QTest::newRow("header quote") << QByteArray(R"({"domain":"a.com","root":"/srv/a","headers":[{"name":"X","value":"a\"; b"}]})") << "headers[0].value";
    QTest::newRow("backend") << QByteArray(R"({"domain":"a.com","kind":"proxy","backend":"http://x;y"})") << "backend";
    QTest::newRow("backend brace") << QByteArray(R"({"domain":"a.com","kind":"proxy","backend":"http://h/}"})") << "backend";
    QTest::newRow("upstream addr") << QByteArray(R"({"domain":"a.com","kind":"proxy","upstream":{"servers":[{"address":"h:1; x"}]}})") << "upstream.servers[0].address";
    QTest::newRow("weight") << QByteArray(R"({"domain":"a.com","kind":"proxy","upstream":{"servers":[{"address":"h:1","weight":0}]}})") << "upstream.servers[0].weight";
    QTest::newRow("location path") << QByteArray(R"({"domain":"a.com","root":"/srv/a","locations":[{"path":"/a {","kind":"static","root":"/srv/a"}]})") << "locations[0].path";
    QTest::newRow("body size") << QByteArray(R"({"domain":"a.com","root":"/srv/a","clientMaxBodySize":"1;"})") << "clientMaxBodySize";
    QTest::newRow("access") << QByteArray(R"({"domain":"a.com","root":"/srv/a","access":[{"action":"allow","source":"1.2.3.4/33"}]})") << "access[0].source";
    QTest::newRow("realm") << QByteArray(R"({"domain":"a.com","root":"/srv/a","basicAuth":{"realm":"a}","users":[{"name":"u","password":"p"}]}})") << "basicAuth.realm";
    QTest::newRow("user") << QByteArray(R"({"domain":"a.com","root":"/srv/a","basicAuth":{"users":[{"name":"u:x","password":"p"}]}})") << "basicAuth.users[0].name";
    QTest::newRow("hsts without tls") << QByteArray(R"({"domain":"a.com","root":"/srv/a","hsts":true})") << "hsts";
    QTest::newRow("redirect url") << QByteArray(R"({"domain":"a.com","kind":"redirect","redirectUrl":"javascript:x"})") << "redirectUrl";
    QTest::newRow("redirect url space") << QByteArray(R"({"domain":"a.com","kind":"redirect","redirectUrl":"https://a.test/ x"})") << "redirectUrl";
    QTest::newRow("redirect code") << QByteArray(R"({"domain":"a.com","kind":"redirect","redirectUrl":"https://a.test","redirectCode":303})") << "redirectCode";
    QTest::newRow("kind") << QByteArray(R"({"domain":"a.com","kind":"php;"})") << "kind";
    QTest::newRow("address") << QByteArray(R"({"domain":"a.com","root":"/srv/a","address":"127.0.0.1;"})") << "address";
    QTest::newRow("port") << QByteArray(R"({"domain":"a.com","root":"/srv/a","port":70000})") << "port";
    QTest::newRow("cert quote") << QByteArray(R"({"domain":"a.com","root":"/srv/a","sslCertificate":"/etc/ssl/a'.pem","sslCertificateKey":"/etc/ssl/a.key"})") << "sslCertificate";
    QTest::newRow("key outside") << QByteArray(R"({"domain":"a.com","root":"/srv/a","sslCertificate":"/etc/ssl/a.pem","sslCertificateKey":"/root/a.key"})") << "sslCertificateKey";
    QTest::newRow("access log brace") << QByteArray(R"({"domain":"a.com","root":"/srv/a","accessLog":"/var/log/a}.log"})") << "accessLog";
    QTest::newRow("error log newline") << QByteArray(R"({"domain":"a.com","root":"/srv/a","errorLog":"/var/log/a\n.log"})") << "errorLog";
    QTest::newRow("alias wildcard middle") << QByteArray(R"({"domain":"a.com","root":"/srv/a","aliases":["a.*.com"]})") << "aliases[0]";
    QTest::newRow("header name") << QByteArray(R"({"domain":"a.com","root":"/srv/a","headers":[{"name":"X A","value":"v"}]})") << "headers[0].name";
    QTest::newRow("header hash") << QByteArray(R"({"domain":"a.com","root":"/srv/a","headers":[{"name":"X","value":"a # b"}]})") << "headers[0].value";
    QTest::newRow("upstream method") << QByteArray(R"({"domain":"a.com","kind":"proxy","upstream":{"method":"hash $x","servers":[{"address":"h:1"}]}})") << "upstream.method";
    QTest::newRow("upstream newline") << QByteArray(R"({"domain":"a.com","kind":"proxy","upstream":{"servers":[{"address":"h:1\nserver evil:1"}]}})") << "upstream.servers[0].address";
    QTest::newRow("max fails") << QByteArray(R"({"domain":"a.com","kind":"proxy","upstream":{"servers":[{"address":"h:1","maxFails":-1}]}})") << "upstream.servers[0].maxFails";
    QTest::newRow("rate") << QByteArray(R"({"domain":"a.com","root":"/srv/a","rateLimit":{"perSecond":0}})") << "rateLimit.perSecond";
    QTest::newRow("access action") << QByteArray(R"({"domain":"a.com","root":"/srv/a","access":[{"action":"allow;","source":"all"}]})") << "access[0].action";
    QTest::newRow("realm newline") << QByteArray(R"({"domain":"a.com","root":"/srv/a","basicAuth":{"realm":"a\nb","users":[{"name":"u","password":"p"}]}})") << "basicAuth.realm";
    QTest::newRow("password newline") << QByteArray(R"({"domain":"a.com","root":"/srv/a","basicAuth":{"users":[{"name":"u","password":"p\nq:x"}]}})") << "basicAuth.users[0].password";
    QTest::newRow("new user no password") << QByteArray(R"({"domain":"a.com","root":"/srv/a","basicAuth":{"users":[{"name":"u"}]}})") << "basicAuth.users[0].password";
    QTest::newRow("location modifier") << QByteArray(R"({"domain":"a.com","root":"/srv/a","locations":[{"path":"/a","modifier":"@","kind":"static","root":"/srv/a"}]})") << "locations[0].modifier";
    QTest::newRow("location regex quote") << QByteArray(R"({"domain":"a.com","root":"/srv/a","locations":[{"path":"\\.php'","modifier":"~","kind":"static","root":"/srv/a"}]})") << "locations[0].path";
    QTest::newRow("location backend") << QByteArray(R"({"domain":"a.com","root":"/srv/a","locations":[{"path":"/api/","kind":"proxy","backend":"http://h:1/;"}]})") << "locations[0].backend";
    QTest::newRow("location alias outside") << QByteArray(R"({"domain":"a.com","root":"/srv/a","locations":[{"path":"/s/","kind":"static","alias":"/etc/"}]})") << "locations[0].alias";
    QTest::newRow("location url") << QByteArray(R"({"domain":"a.com","root":"/srv/a","locations":[{"path":"/o","kind":"redirect","url":"https://x/{"}]})") << "locations[0].url";
    QTest::newRow("location kind") << QByteArray(R"({"domain":"a.com","root":"/srv/a","locations":[{"path":"/o","kind":"fastcgi"}]})") << "locations[0].kind";
}

void tst_NginxConfig::renderValidates()
{
    QFETCH(QByteArray, spec);
    QFETCH(QString, field);
    try {
        nginx::renderSite(json::parse(spec.toStdString()), "/etc/nginx/qwq-htpasswd/a.com", "", {"/srv"});
        QFAIL("rendered");
    } catch (const RpcError &e) {
        QCOMPARE(e.code, 1001);
        QCOMPARE(QString::fromStdString(e.data.value("field", "")), field);
        QVERIFY(!e.message.empty());
    }
}

void tst_NginxConfig::renderedParsesAndRoundTripsSpec()
{
    const json spec = json::parse(R"({"domain":"Shop.Example.com","aliases":["*.shop.example.com"],
        "kind":"proxy","upstream":{"method":"least_conn","servers":[{"address":"10.0.0.2:8080","weight":3,
        "maxFails":2,"failTimeout":7},{"address":"[::1]:9000","backup":true}]},
        "sslCertificate":"/etc/ssl/s.pem","sslCertificateKey":"/etc/ssl/s.key","httpsRedirect":true,
        "hsts":true,"gzip":true,"websocket":true,"clientMaxBodySize":"20m",
        "basicAuth":{"realm":"Staff only","users":[{"name":"alice","password":"s3cret pass"}]},
        "rateLimit":{"perSecond":5,"burst":10},
        "access":[{"action":"allow","source":"10.0.0.0/8"},{"action":"deny","source":"all"}],
        "headers":[{"name":"X-Frame-Options","value":"DENY"}],
        "locations":[{"path":"\\.php$","modifier":"~","kind":"redirect","url":"https://x.test/","code":302},
                     {"path":"/static/","kind":"static","alias":"/srv/assets/"}]})");
    const auto r = nginx::renderSite(spec, "/etc/nginx/qwq-htpasswd/shop.example.com", "", {"/srv"});
    const auto list = nginx::parse(r.config, "/x.conf"); // what we write parses
    QVERIFY(!list.empty());
    QVERIFY(r.config.rfind("# qwq-managed-site shop.example.com\n", 0) == 0);
    QVERIFY(r.config.find("s3cret") == std::string::npos); // no password in the config
    QVERIFY(r.htpasswd.rfind("alice:$6$", 0) == 0);
    QVERIFY(nginx::managedSpec(r.config) == r.spec);
    QVERIFY(!r.spec["basicAuth"]["users"][0].contains("password"));
    QVERIFY(r.config.find("server 10.0.0.2:8080 weight=3 max_fails=2 fail_timeout=7s;") != std::string::npos);
    QVERIFY(r.config.find("server [::1]:9000 weight=1 max_fails=1 fail_timeout=10s backup;") != std::string::npos);
    QVERIFY(r.config.find("return 301 https://$host$request_uri;") != std::string::npos);
    QVERIFY(r.config.find("auth_basic \"Staff only\";") != std::string::npos);
    // the same spec again, password omitted: the stored hash is kept
    json again = spec;
    again["basicAuth"]["users"][0].erase("password");
    const auto r2 = nginx::renderSite(again, "/etc/nginx/qwq-htpasswd/shop.example.com", r.htpasswd, {"/srv"});
    QCOMPARE(r2.htpasswd, r.htpasswd);
    // the emitter quoted what nginx would otherwise split: the regex survives as one argument
    bool regexOk = false;
    std::function<void(const std::vector<nginx::Directive> &)> find = [&](const std::vector<nginx::Directive> &l) {
        for (const auto &d : l) {
            if (d.name == "location" && d.args == std::vector<std::string>{"~", "\\.php$"})
                regexOk = true;
            find(d.children);
        }
    };
    find(list);
    QVERIFY(regexOk);
}

// Every managed site answers ACME HTTP-01 tokens from the challenge directory, in the server
// that speaks plain HTTP: the redirecting one when httpsRedirect is on (its redirect moved into
// "location /" so the token path is not redirected), else the site's own server; a redirect
// site's return is in "location /" for the same reason.
void tst_NginxConfig::acmeChallengeLocation()
{
    const std::string loc = "location ^~ /.well-known/acme-challenge/ {\n        alias /var/lib/qwq-acme-challenge/;";
    qunsetenv("QWQ_ACME_CHALLENGE_DIR");
    auto render = [](const char *spec) {
        return nginx::renderSite(json::parse(spec), "/etc/nginx/qwq-htpasswd/a.com", "", {"/srv"}).config;
    };
    const std::string plain = render(R"({"domain":"a.com","root":"/srv/a"})");
    QCOMPARE(plain.find(loc) != std::string::npos, true);
    QVERIFY(plain.find(loc) == plain.rfind(loc));
    const std::string redirected = render(R"({"domain":"a.com","root":"/srv/a","sslCertificate":"/etc/ssl/a.pem",
        "sslCertificateKey":"/etc/ssl/a.key","httpsRedirect":true,
        "basicAuth":{"realm":"Staff","users":[{"name":"alice","password":"pw"}]}})");
    const auto first = redirected.find(loc);
    QVERIFY(first != std::string::npos && first == redirected.rfind(loc));
    QVERIFY(first < redirected.find("location / {\n        return 301 https://$host$request_uri;"));
    QVERIFY(first < redirected.find("listen 443 ssl;")); // in the plain-HTTP server only
    QVERIFY(redirected.find("auth_basic off;") > first);  // the CA needs no password
    const std::string redirectSite = render(R"({"domain":"a.com","kind":"redirect","redirectUrl":"https://b.com"})");
    QVERIFY(redirectSite.find(loc) != std::string::npos);
    QVERIFY(redirectSite.find("location / {\n        return 301 https://b.com;") != std::string::npos);
    qputenv("QWQ_ACME_CHALLENGE_DIR", "/srv/acme");
    QVERIFY(render(R"({"domain":"a.com","root":"/srv/a"})").find("alias /srv/acme/;") != std::string::npos);
    qunsetenv("QWQ_ACME_CHALLENGE_DIR");
}

void tst_NginxConfig::domains()
{
    // IDNs become punycode (IDNA2008 through libidn2), upper case folded
    QCOMPARE(nginx::domainField("B\xc3\xbc" "cher.de", "domain", false), std::string("xn--bcher-kva.de"));
    QCOMPARE(nginx::domainField("*.m\xc3\xbc" "nchen.de", "aliases[0]", true), std::string("*.xn--mnchen-3ya.de"));
    const auto spec = nginx::renderSite(json::parse(R"({"domain":"b\u00fccher.de","root":"/srv/a"})"),
                                        "/h", "", {"/srv"}).spec;
    QCOMPARE(spec["domain"].get<std::string>(), std::string("xn--bcher-kva.de"));
    QVERIFY(nginx::isDomain("a.b-c.example", false));
    QVERIFY(nginx::isDomain("xn--bcher-kva.de", false));
    QVERIFY(!nginx::isDomain("-a.com", false));
    QVERIFY(!nginx::isDomain("a..com", false));
    QVERIFY(!nginx::isDomain("*.a.com", false));
    QVERIFY(nginx::isDomain("*.a.com", true));
    QVERIFY(!nginx::isDomain(std::string(64, 'a') + ".com", false));
    QVERIFY(nginx::isPathUnder("/srv/a", {"/srv"}));
    QVERIFY(!nginx::isPathUnder("/srvx/a", {"/srv"}));
}

QTEST_GUILESS_MAIN(tst_NginxConfig)
