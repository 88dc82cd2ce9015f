// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The helper's databases pieces that need no server: /proc/net parsing, reachable addresses,
// engine names, version lines, the name and host grammars, and the safe-to-execute check.
#include "databases/discover.h"
#include "databases/names.h"
#include "databases/tools.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace qwqhelper::databases;

class tst_DatabasesParse : public QObject
{
    Q_OBJECT

private slots:
    void tcpListeners();
    void unixListeners();
    void reachable();
    void engines();
    void versions();
    void names();
    void hosts();
    void safeToExecuteRefusesWritableFiles();
};

void tst_DatabasesParse::tcpListeners()
{
    const std::string v4 =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
        "   0: 0100007F:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000   105        0 12345 1 0000000000000000 100 0 0 10 0\n"
        "   1: 00000000:0CEA 00000000:0000 0A 00000000:00000000 00:00000000 00000000   106        0 222 1 0000000000000000 100 0 0 10 0\n"
        "   2: 0100007F:1538 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000   105        0 999 1 0000000000000000 20 4 30 10 -1\n"
        "   3: garbage\n";
    const auto l4 = parseTcpListeners(v4, false);
    QCOMPARE(l4.size(), std::size_t(2));
    QCOMPARE(l4.at(12345).ip, std::string("127.0.0.1"));
    QCOMPARE(l4.at(12345).port, 5432);
    QCOMPARE(l4.at(222).ip, std::string("0.0.0.0"));
    QCOMPARE(l4.at(222).port, 3306);

    const std::string v6 =
        "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
        "   0: 00000000000000000000000001000000:1538 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000   105        0 333 1 0000000000000000 100 0 0 10 0\n"
        "   1: 00000000000000000000000000000000:18EB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000   107        0 444 1 0000000000000000 100 0 0 10 0\n"
        "   2: 0000000000000000FFFF00000100007F:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 555 1 0000000000000000 100 0 0 10 0\n";
    const auto l6 = parseTcpListeners(v6, true);
    QCOMPARE(l6.size(), std::size_t(3));
    QCOMPARE(l6.at(333).ip, std::string("::1"));
    QCOMPARE(l6.at(444).ip, std::string("::"));
    QCOMPARE(l6.at(444).port, 6379);
    QCOMPARE(l6.at(555).ip, std::string("127.0.0.1")); // IPv4-mapped
}

void tst_DatabasesParse::unixListeners()
{
    const std::string text =
        "Num       RefCount Protocol Flags    Type St Inode Path\n"
        "0000000000000000: 00000002 00000000 00010000 0001 01 23456 /run/postgresql/.s.PGSQL.5432\n"
        "0000000000000000: 00000003 00000000 00000000 0001 03 23457 /run/postgresql/.s.PGSQL.5432\n"
        "0000000000000000: 00000002 00000000 00010000 0001 01 23458 @/tmp/.abstract\n"
        "0000000000000000: 00000002 00000000 00010000 0001 01 23459\n";
    const auto l = parseUnixListeners(text);
    QCOMPARE(l.size(), std::size_t(1));
    QCOMPARE(l.at(23456), std::string("/run/postgresql/.s.PGSQL.5432"));
}

void tst_DatabasesParse::reachable()
{
    QCOMPARE(reachableHost({"0.0.0.0"}), std::string("127.0.0.1"));
    QCOMPARE(reachableHost({"::", "0.0.0.0"}), std::string("127.0.0.1"));
    QCOMPARE(reachableHost({"127.0.0.1", "::1"}), std::string("127.0.0.1"));
    QCOMPARE(reachableHost({"::"}), std::string("::1"));
    QCOMPARE(reachableHost({"::1"}), std::string("::1"));
    QCOMPARE(reachableHost({"fd00::5", "10.0.0.5"}), std::string("10.0.0.5"));
    QCOMPARE(reachableHost({"fd00::5"}), std::string("fd00::5"));
}

void tst_DatabasesParse::engines()
{
    QCOMPARE(engineOfImage("postgres:15"), std::string("postgresql"));
    QCOMPARE(engineOfImage("docker.io/library/postgres:16-alpine"), std::string("postgresql"));
    QCOMPARE(engineOfImage("bitnami/postgresql:16"), std::string("postgresql"));
    QCOMPARE(engineOfImage("postgis/postgis:15-3.4"), std::string("postgresql"));
    QCOMPARE(engineOfImage("registry.example:5000/team/mariadb:11@sha256:0123"), std::string("mariadb"));
    QCOMPARE(engineOfImage("mysql"), std::string("mysql"));
    QCOMPARE(engineOfImage("redis/redis-stack:latest"), std::string("redis"));
    QCOMPARE(engineOfImage("registry.example:5000/redis"), std::string("redis"));
    QCOMPARE(engineOfImage("nginx:1.25"), std::string());
    QCOMPARE(engineOfImage("postgres-exporter"), std::string());
    QCOMPARE(engineOfProgram("postmaster"), std::string("postgresql"));
    QCOMPARE(engineOfProgram("mariadbd"), std::string("mariadb"));
    QCOMPARE(engineOfProgram("mysqld"), std::string("mysql"));
    QCOMPARE(engineOfProgram("redis-server"), std::string("redis"));
    QCOMPARE(engineOfProgram("redis-cli"), std::string());
}

void tst_DatabasesParse::versions()
{
    QCOMPARE(parseVersion("pg_dump (PostgreSQL) 15.5 (Debian 15.5-0+deb12u1)"), std::string("15.5"));
    QCOMPARE(parseVersion("postgres (PostgreSQL) 16.1"), std::string("16.1"));
    QCOMPARE(parseVersion("mariadbd  Ver 10.11.6-MariaDB-0+deb12u1 for debian-linux-gnu on x86_64 (Debian 12)"),
             std::string("10.11.6"));
    QCOMPARE(parseVersion("mysqldump from 10.11.6-MariaDB, client 10.6 for debian-linux-gnu (x86_64)"),
             std::string("10.11.6"));
    QCOMPARE(parseVersion("mysql  Ver 15.1 Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)"),
             std::string("10.11.6"));
    QCOMPARE(parseVersion("mysqld  Ver 8.0.35 for Linux on x86_64 (MySQL Community Server - GPL)"),
             std::string("8.0.35"));
    QCOMPARE(parseVersion("Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=1"),
             std::string("7.0.15"));
    QCOMPARE(parseVersion("redis-cli 7.0.15"), std::string("7.0.15"));
    QCOMPARE(parseVersion("no version here"), std::string());
}

void tst_DatabasesParse::names()
{
    for (const char *good : {"qwqtest", "shop_2024", "a", "my-db", "café", "用户", "x$y", "v1.2"})
        QVERIFY2(isName(good, 63), good);
    for (const char *bad : {"", "-U", "--help", "a;b", "a b", "a'b", "a\"b", "a\\b", "a`b", "host=x",
                            "a/b", "user@host", "a\nb", "a\tb", "\x7f", "\xc3", "\xc0\xaf",
                            "\xe2\x80\xae" "abc", "\xc2\x85"})
        QVERIFY2(!isName(bad, 63), bad);
    QVERIFY(isName(std::string(63, 'a'), 63));
    QVERIFY(!isName(std::string(64, 'a'), 63));
    QVERIFY(!isName(std::string("a\0b", 3), 63));
}

void tst_DatabasesParse::hosts()
{
    for (const char *good : {"127.0.0.1", "::1", "fd00::5", "db.example.com", "localhost", "db_1", "example.com."})
        QVERIFY2(isHost(good), good);
    for (const char *bad : {"", "-oProxyCommand=x", "/run/postgresql", "a b", "a;b", "db-.example", ".x",
                            "a..b", "[::1]", "host:5432", "a\nb"})
        QVERIFY2(!isHost(bad), bad);
    QVERIFY(!isHost(std::string(64, 'a')));
    QVERIFY(!isHost(std::string(254, 'a')));
}

void tst_DatabasesParse::safeToExecuteRefusesWritableFiles()
{
    QVERIFY(safeToExecute("/bin/sh"));
    QVERIFY(!safeToExecute("relative/sh"));
    QVERIFY(!safeToExecute("/nonexistent/tool"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string tool = dir.filePath(QStringLiteral("tool")).toStdString();
    QFile f(QString::fromStdString(tool));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#!/bin/sh\n");
    f.close();
    ::chmod(tool.c_str(), 0755);
    ::chmod(dir.path().toLocal8Bit().constData(), 0755);
    QVERIFY(safeToExecute(tool));
    ::chmod(tool.c_str(), 0775); // group-writable
    QVERIFY(!safeToExecute(tool));
    ::chmod(tool.c_str(), 0755);
    ::chmod(dir.path().toLocal8Bit().constData(), 0777); // its directory world-writable
    QVERIFY(!safeToExecute(tool));
    ::chmod(dir.path().toLocal8Bit().constData(), 0755);
    if (::geteuid() == 0) {
        QCOMPARE(::chown(tool.c_str(), 65534, 65534), 0); // another user's file
        QVERIFY(!safeToExecute(tool));
    }
}

QTEST_GUILESS_MAIN(tst_DatabasesParse)
#include "tst_databasesparse.moc"
