// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The helper's compose file checks and small utilities, without a daemon.
#include "base64.h"
#include "compose/diff.h"
#include "compose/ports.h"
#include "compose/spec.h"
#include "errors.h"
#include "fsutil.h"

#include <QCryptographicHash>
#include <QTest>

using namespace qwqhelper;

class tst_ComposeFile : public QObject
{
    Q_OBJECT

private slots:
    void syntaxErrorsHaveLineAndColumn();
    void unknownKeysAreNamed();
    void lintRules();
    void safeDefinitionHasNoFindings();
    void publishedPorts();
    void composeErrorText();
    void names();
    void diff();
    void base64RoundTrip();
    void procNet();
    void sha256();
};

namespace {

nlohmann::json failure(const std::string &yaml)
{
    try {
        compose::parse(yaml);
    } catch (const RpcError &e) {
        if (e.code == 4004)
            return e.data;
    }
    return nullptr;
}

QStringList rules(const compose::Spec &spec)
{
    QStringList out;
    for (const auto &f : spec.findings)
        out << QString::fromStdString(f["rule"].get<std::string>() + ":" + f["severity"].get<std::string>());
    return out;
}

} // namespace

void tst_ComposeFile::syntaxErrorsHaveLineAndColumn()
{
    auto d = failure("services:\n  web:\n    image: x\n   bad: [\n");
    QVERIFY(!d.is_null());
    QCOMPARE(d["line"].get<int>(), 4);
    QVERIFY(d["column"].get<int>() > 0);
    QCOMPARE(d["field"].get<std::string>(), std::string("yaml"));
    d = failure("services:\n  web:\n    image: x\n    command: [a, b\n");
    QVERIFY(!d.is_null() && d.contains("line"));
    QVERIFY(!failure("- just\n- a list\n").is_null());
    QVERIFY(!failure("").is_null());
    QVERIFY(!failure("services: [a]\n").is_null());
    QVERIFY(!failure("services:\n  web: {}\n").is_null()); // neither image nor build
    QVERIFY(failure("services:\n  web:\n    build: .\n").is_null());
}

void tst_ComposeFile::unknownKeysAreNamed()
{
    auto d = failure("services:\n  web:\n    image: x\n    imagee: y\n");
    QCOMPARE(d["key"].get<std::string>(), std::string("imagee"));
    QCOMPARE(d["service"].get<std::string>(), std::string("web"));
    QCOMPARE(d["line"].get<int>(), 4);
    QCOMPARE(d["column"].get<int>(), 5);
    d = failure("servics:\n  web:\n    image: x\n");
    QCOMPARE(d["key"].get<std::string>(), std::string("servics"));
    // Extensions and merge keys are allowed.
    QVERIFY(failure("x-common: &c\n  restart: always\nservices:\n  web:\n    <<: *c\n    image: x\n"
                    "    x-note: fine\n").is_null());
    d = failure("services:\n  \"we b\":\n    image: x\n");
    QCOMPARE(d["key"].get<std::string>(), std::string("we b"));
}

void tst_ComposeFile::lintRules()
{
    const auto spec = compose::parse(
        "services:\n"
        "  web:\n"
        "    image: x\n"
        "    privileged: true\n"
        "    network_mode: host\n"
        "    pid: host\n"
        "    ipc: host\n"
        "    cap_add: [ALL, NET_ADMIN, CHOWN]\n"
        "    devices: ['/dev/sda:/dev/sda']\n"
        "    security_opt: ['seccomp:unconfined']\n"
        "    volumes:\n"
        "      - /:/host\n"
        "      - /var/run/docker.sock:/var/run/docker.sock\n"
        "      - /etc:/etc2:ro\n"
        "      - /etc/ssl:/ssl\n"
        "      - ./data:/data\n"
        "      - named:/named\n"
        "      - type: bind\n"
        "        source: /run/docker.sock\n"
        "        target: /s\n");
    const QStringList r = rules(spec);
    for (const char *expected : {"privileged:high", "network-host:medium", "pid-host:high", "ipc-host:medium",
                                 "cap-all:high", "cap-add:high", "cap-add:medium", "devices:medium",
                                 "security-unconfined:medium", "mount-host-root:high",
                                 "mount-docker-socket:high", "mount-sensitive:high"})
        QVERIFY2(r.contains(QString::fromLatin1(expected)), qPrintable(r.join(',')));
    QCOMPARE(r.count(QStringLiteral("mount-docker-socket:high")), 2);
    QCOMPARE(r.count(QStringLiteral("mount-sensitive:high")), 1); // /etc read-only is fine
    for (const auto &f : spec.findings) {
        QCOMPARE(f["service"].get<std::string>(), std::string("web"));
        QVERIFY(f["line"].get<int>() >= 4);
    }
}

void tst_ComposeFile::safeDefinitionHasNoFindings()
{
    const auto spec = compose::parse("services:\n  web:\n    image: nginx\n    ports: ['127.0.0.1:8080:80']\n"
                                     "    volumes: ['data:/data', './conf:/etc/nginx:ro']\n"
                                     "volumes:\n  data: {}\n");
    QVERIFY2(spec.findings.empty(), spec.findings.dump().c_str());
    QCOMPARE(spec.services, std::vector<std::string>{"web"});
}

void tst_ComposeFile::publishedPorts()
{
    const auto spec = compose::parse("services:\n  web:\n    image: x\n    ports:\n"
                                     "      - '80'\n"
                                     "      - '8080:80'\n"
                                     "      - '127.0.0.1:8443:443/udp'\n"
                                     "      - '[::1]:9000-9002:9000-9002'\n"
                                     "      - '${PORT}:80'\n"
                                     "      - target: 80\n"
                                     "        published: 8081\n"
                                     "        host_ip: 10.0.0.1\n");
    QCOMPARE(spec.ports.size(), std::size_t(6));
    QCOMPARE(spec.ports[0].port, 8080);
    QCOMPARE(spec.ports[0].hostIp, std::string("0.0.0.0"));
    QCOMPARE(spec.ports[1].protocol, std::string("udp"));
    QCOMPARE(spec.ports[1].hostIp, std::string("127.0.0.1"));
    QCOMPARE(spec.ports[2].hostIp, std::string("::1"));
    QCOMPARE(spec.ports[4].port, 9002);
    QCOMPARE(spec.ports[5].hostIp, std::string("10.0.0.1"));
    QCOMPARE(rules(spec), QStringList{QStringLiteral("port-all-interfaces:low")});
}

void tst_ComposeFile::composeErrorText()
{
    auto d = compose::composeErrorData("The Compose file './compose.yml' is invalid because:\n"
                                       "Unsupported config option for services.web: 'imagee'\n");
    QCOMPARE(d["key"].get<std::string>(), std::string("imagee"));
    QCOMPARE(d["service"].get<std::string>(), std::string("web"));
    d = compose::composeErrorData("while parsing a block mapping\n  in \"./compose.yml\", line 2, column 3\n");
    QCOMPARE(d["line"].get<int>(), 2);
    QCOMPARE(d["column"].get<int>(), 3);
    d = compose::composeErrorData("validating compose.yml: services.web additional properties 'imagee' not allowed");
    QCOMPARE(d["key"].get<std::string>(), std::string("imagee"));
    d = compose::composeErrorData("yaml: line 7: mapping values are not allowed in this context");
    QCOMPARE(d["line"].get<int>(), 7);
    QVERIFY(!d.contains("column"));
}

void tst_ComposeFile::names()
{
    for (const char *good : {"shop", "a", "web-1", "my_app", "0x"})
        QVERIFY(compose::isProjectName(good));
    for (const char *bad : {"", "-p", "Shop", "a b", "a;b", "$(id)", "_x", "a/b"})
        QVERIFY2(!compose::isProjectName(bad), bad);
    for (const char *good : {"web", "Web.1", "db_2"})
        QVERIFY(compose::isServiceName(good));
    for (const char *bad : {"", "-d", "a b", ".x", "a;b"})
        QVERIFY2(!compose::isServiceName(bad), bad);
}

void tst_ComposeFile::diff()
{
    QCOMPARE(compose::unifiedDiff("a\nb\n", "a\nb\n", "old", "new"), std::string());
    const std::string d = compose::unifiedDiff("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n",
                                               "old", "new");
    QCOMPARE(d, std::string("--- old\n+++ new\n@@ -2,9 +2,10 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n 9\n 10\n+11\n"));
    const std::string added = compose::unifiedDiff("", "a\nb\n", "/dev/null", "new");
    QCOMPARE(added, std::string("--- /dev/null\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n"));
    // Two changes far apart make two hunks.
    std::string a, b;
    for (int i = 0; i < 30; ++i) {
        a += std::to_string(i) + "\n";
        b += (i == 2 || i == 25 ? "x" : std::to_string(i)) + "\n";
    }
    const std::string two = compose::unifiedDiff(a, b, "o", "n");
    QCOMPARE(QString::fromStdString(two).count(QStringLiteral("@@ -")), 2);
}

void tst_ComposeFile::base64RoundTrip()
{
    for (const std::string &s : {std::string(), std::string("f"), std::string("fo"), std::string("foo"),
                                std::string("\0\xff\x10 binary", 10)}) {
        QCOMPARE(*base64::decode(base64::encode(s)), s);
        QCOMPARE(QByteArray::fromStdString(base64::encode(s)),
                 QByteArray::fromStdString(s).toBase64());
        QCOMPARE(*base64::decode(base64::encode(s, true)), s);
    }
    QCOMPARE(base64::encode("\xfb\xff", true), std::string("-_8="));
    QVERIFY(!base64::decode("ab*d"));
    QVERIFY(!base64::decode("a"));
}

void tst_ComposeFile::procNet()
{
    const std::string tcp =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
        "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1\n"
        "   1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1\n"
        "   2: 0100007F:A2B4 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 3 1\n";
    const auto l = compose::parseProcNet(tcp, "tcp", false);
    QCOMPARE(l.size(), std::size_t(2)); // the ESTABLISHED one is not a listener
    QCOMPARE(l[0].ip, std::string("127.0.0.1"));
    QCOMPARE(l[0].port, 8080);
    QCOMPARE(l[1].ip, std::string("0.0.0.0"));
    QCOMPARE(l[1].port, 22);
    const std::string tcp6 =
        "  sl  local_address                         remote_address                        st\n"
        "   0: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A\n"
        "   1: 00000000000000000000000001000000:0051 00000000000000000000000000000000:0000 0A\n";
    const auto l6 = compose::parseProcNet(tcp6, "tcp", true);
    QCOMPARE(l6.size(), std::size_t(2));
    QCOMPARE(l6[0].ip, std::string("::"));
    QCOMPARE(l6[1].ip, std::string("::1"));
    QCOMPARE(l6[1].port, 81);
    // The real files parse (whatever listens here).
    compose::hostListeners();
}

void tst_ComposeFile::sha256()
{
    QCOMPARE(fs::sha256Hex(""), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(fs::sha256Hex("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    std::string big(1000001, 'a');
    fs::Sha256 s;
    s.update(std::string_view(big).substr(0, 7));
    s.update(std::string_view(big).substr(7));
    QCOMPARE(QByteArray::fromStdString(s.hex()),
             QCryptographicHash::hash(QByteArray::fromStdString(big), QCryptographicHash::Sha256).toHex());
}

QTEST_GUILESS_MAIN(tst_ComposeFile)
#include "tst_composefile.moc"
