// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A corpus of realistic configurations (tests/websites/data): round trips, nginx's word rules,
// and directive edits that keep every other byte.
#include "tst_nginxconfig.h"

#include "errors.h"
#include "nginx/config.h"
#include "nginx/edit.h"

#include <QFile>
#include <QTest>

#include <functional>

using namespace qwqhelper;
using nlohmann::json;

static std::string readData(const QString &name)
{
    QFile f(QStringLiteral(QWQ_SOURCE_DIR "/tests/websites/data/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

// Names and arguments only (what nginx sees), for comparing two parses.
static std::string shape(const std::vector<nginx::Directive> &list)
{
    std::string out;
    for (const auto &d : list) {
        out += "[" + d.name + "]";
        for (const auto &a : d.args)
            out += "<" + a + ">";
        if (d.block)
            out += "{" + d.lua + shape(d.children) + "}";
        out += "\n";
    }
    return out;
}

void tst_NginxConfig::corpusRoundTrips_data()
{
    QTest::addColumn<QString>("file");
    for (const char *f : {"debian-default.conf", "proxy-upstream.conf", "map-if.conf",
                          "openresty-lua.conf", "comments-odd.conf", "crlf.conf"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

void tst_NginxConfig::corpusRoundTrips()
{
    QFETCH(QString, file);
    const std::string text = readData(file);
    QVERIFY(!text.empty());
    const auto list = nginx::parse(text, "/c.conf");
    QVERIFY(!list.empty());
    // untouched: the text is emitted byte for byte
    QCOMPARE(nginx::splice(text, {}), text);
    // every directive's span starts with its name and ends with ; or }
    std::function<void(const std::vector<nginx::Directive> &)> spans = [&](const std::vector<nginx::Directive> &l) {
        for (const auto &d : l) {
            const std::string at = text.substr(d.span.begin, d.span.end - d.span.begin);
            QVERIFY2(at.rfind(d.name, 0) == 0 || at[0] == '\'' || at[0] == '"', at.c_str());
            QVERIFY(at.back() == (d.block ? '}' : ';'));
            spans(d.children);
        }
    };
    spans(list);
    // the canonical emitter means the same: parsing its output gives the same names and args
    const std::string canonical = nginx::emitCanonical(list);
    QCOMPARE(shape(nginx::parse(canonical, "/e.conf")), shape(list));
    QCOMPARE(nginx::emitCanonical(nginx::parse(canonical, "/e.conf")), canonical);
}

void tst_NginxConfig::nginxWordRules()
{
    const auto odd = nginx::parse(readData(QStringLiteral("comments-odd.conf")), "/o.conf");
    const auto &server = odd[0];
    QCOMPARE(server.children[0].args, std::vector<std::string>{"8082"});
    QCOMPARE(server.children[2].args, std::vector<std::string>{"/srv/odd"});
    QCOMPARE(server.children[3].args, (std::vector<std::string>{"index.html", "index.htm"}));
    // "}" inside a bare word belongs to it, as in nginx
    QCOMPARE(server.children[4].children[0].args, (std::vector<std::string>{"200", "a}"}));
    // "#" inside a word is no comment
    QCOMPARE(server.children[5].args[0], std::string("/b#not-a-comment"));
    QCOMPARE(server.children[6].args[1], std::string("a # not a comment"));
    QCOMPARE(server.children[6].line, 6);
    const auto mapIf = nginx::parse(readData(QStringLiteral("map-if.conf")), "/m.conf");
    const auto &ifs = mapIf[3].children[3];
    QCOMPARE(ifs.name, std::string("if"));
    QCOMPARE(ifs.args, (std::vector<std::string>{"($request_method", "=", "POST", ")"}));
    QCOMPARE(mapIf[0].children[1].name, std::string(""));
    QCOMPARE(mapIf[2].args.size(), std::size_t(3)); // log_format over two lines
    const auto lua = nginx::parse(readData(QStringLiteral("openresty-lua.conf")), "/l.conf");
    const auto &esc = lua[3].children[4].children[0];
    QCOMPARE(esc.args[1], std::string("tab\there \"quoted\" back\\slash $uri ${host}x"));
    QVERIFY(lua[3].children[2].children[1].args[0].find("single \"quoted\" inside") != std::string::npos);
    // OpenResty's Lua blocks are kept as Lua: braces of Lua tables do not open nginx blocks
    QCOMPARE(lua[2].name, std::string("init_by_lua_block"));
    QVERIFY(lua[2].lua.find("local cjson = require \"cjson\"") != std::string::npos);
    QCOMPARE(lua[3].children[3].children[0].name, std::string("content_by_lua_block"));
    QVERIFY(lua[3].children[3].children[0].lua.find("list = {1, 2, 3} }") != std::string::npos);
}

void tst_NginxConfig::editKeepsOtherDirectives()
{
    const std::string text = readData(QStringLiteral("debian-default.conf"));
    const std::vector<nginx::DirectiveChange> changes{
        {"root", {"/srv/site"}, false, 0},
        {"server_name", {"example.com", "www.example.com"}, false, 0},
        {"client_max_body_size", {"20m"}, false, 0}};
    const std::string out = nginx::editServer(text, "/d.conf", 8, changes);
    std::string expected = text;
    expected.replace(expected.find("root /var/www/html;"), 19, "root /srv/site;");
    expected.replace(expected.find("server_name _;"), 14, "server_name example.com www.example.com;");
    expected.insert(expected.rfind("}"), "\tclient_max_body_size 20m;\n");
    QCOMPARE(out, expected);
    // removing takes the directive's line, nothing else
    const std::string removed = nginx::editServer(out, "/d.conf", 8, {{"client_max_body_size", {}, true, 0}});
    QCOMPARE(removed, nginx::editServer(text, "/d.conf", 8, {{"root", {"/srv/site"}, false, 0},
        {"server_name", {"example.com", "www.example.com"}, false, 0}}));
    // a block on one line gets the new directive before its brace
    const std::string one = "server { listen 80; }\n";
    QCOMPARE(nginx::editServer(one, "/o.conf", 1, {{"root", {"/srv/x"}, false, 0}}),
             std::string("server { listen 80; \n    root /srv/x;\n}\n"));
    try {
        nginx::editServer(text, "/d.conf", 9, changes);
        QFAIL("edited a line without a server block");
    } catch (const RpcError &e) {
        QCOMPARE(e.code, 5002);
    }
}

void tst_NginxConfig::editRefusesInjection_data()
{
    QTest::addColumn<QByteArray>("changes");
    QTest::addColumn<QString>("field");
    QTest::newRow("semicolon") << QByteArray(R"([{"name":"root","args":["/srv/a;include /etc/passwd"]}])") << "changes[0].args[0]";
    QTest::newRow("brace") << QByteArray(R"([{"name":"index","args":["a}"]}])") << "changes[0].args[0]";
    QTest::newRow("newline") << QByteArray(R"([{"name":"server_name","args":["a.com\nlisten 1"]}])") << "changes[0].args[0]";
    QTest::newRow("quote") << QByteArray(R"([{"name":"gzip","args":["o'n"]}])") << "changes[0].args[0]";
    QTest::newRow("hash") << QByteArray(R"([{"name":"root","args":["/srv/a#x"]}])") << "changes[0].args[0]";
    QTest::newRow("space") << QByteArray(R"([{"name":"root","args":["/srv/a b"]}])") << "changes[0].args[0]";
    QTest::newRow("root outside") << QByteArray(R"([{"name":"root","args":["/etc"]}])") << "changes[0].args[0]";
    QTest::newRow("listen flag") << QByteArray(R"([{"name":"listen","args":["80","proxy_protocol"]}])") << "changes[0].args[1]";
    QTest::newRow("listen port") << QByteArray(R"([{"name":"listen","args":["99999"]}])") << "changes[0].args[0]";
    QTest::newRow("return url") << QByteArray(R"([{"name":"return","args":["301","javascript:x"]}])") << "changes[0].args[1]";
    QTest::newRow("log outside") << QByteArray(R"([{"name":"access_log","args":["/etc/cron.d/x"]}])") << "changes[0].args[0]";
    QTest::newRow("not editable") << QByteArray(R"([{"name":"include","args":["/etc/passwd"]}])") << "changes[0].name";
    QTest::newRow("second change") << QByteArray(R"([{"name":"gzip","args":["on"]},{"name":"client_max_body_size","args":["1x"]}])") << "changes[1].args[0]";
    QTest::newRow("arg count") << QByteArray(R"([{"name":"root","args":["/srv/a","/srv/b"]}])") << "changes[0].args";
}

void tst_NginxConfig::editRefusesInjection()
{
    QFETCH(QByteArray, changes);
    QFETCH(QString, field);
    try {
        nginx::parseChanges(json::parse(changes.toStdString()), {"/srv"});
        QFAIL("accepted");
    } catch (const RpcError &e) {
        QCOMPARE(e.code, 1001);
        QCOMPARE(QString::fromStdString(e.data.value("field", "")), field);
        QVERIFY(!e.message.empty());
    }
}

void tst_NginxConfig::editAmbiguousNeedsLine()
{
    const std::string text = readData(QStringLiteral("debian-default.conf"));
    try {
        nginx::editServer(text, "/d.conf", 8, {{"listen", {"8080"}, false, 0}});
        QFAIL("edited one of two listens without a line");
    } catch (const RpcError &e) {
        QCOMPARE(QString::fromStdString(e.data.value("field", "")), QStringLiteral("changes[0].line"));
    }
    const std::string out = nginx::editServer(text, "/d.conf", 8, {{"listen", {"8080"}, false, 10}});
    std::string expected = text;
    expected.replace(expected.find("listen [::]:80 default_server;"), 30, "listen 8080;");
    QCOMPARE(out, expected);
}

