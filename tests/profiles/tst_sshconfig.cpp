// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <profiles/core/profilestore.h>
#include <profiles/core/sshconfigimporter.h>
#include <profiles/core/sshconfigparser.h>

#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace Qwq;
using namespace Qwq::Profiles;

namespace {
void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

bool anyContains(const QStringList &list, const QString &needle)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const QString &s) { return s.contains(needle); });
}
} // namespace

class tst_SshConfig : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    QString ssh(const QString &name = {}) const
    {
        return m_home.path() + QStringLiteral("/.ssh") + (name.isEmpty() ? QString() : QLatin1Char('/') + name);
    }

private slots:
    void globAndNegation()
    {
        QVERIFY(SshConfigParser::globMatch(QStringLiteral("*.example.com"), QStringLiteral("a.example.com")));
        QVERIFY(SshConfigParser::globMatch(QStringLiteral("web?"), QStringLiteral("WEB1")));
        QVERIFY(!SshConfigParser::globMatch(QStringLiteral("web?"), QStringLiteral("web12")));
        QVERIFY(SshConfigParser::globMatch(QStringLiteral("*"), QString()));
        QVERIFY(SshConfigParser::matches({QStringLiteral("*"), QStringLiteral("!bastion")}, QStringLiteral("web")));
        QVERIFY(!SshConfigParser::matches({QStringLiteral("*"), QStringLiteral("!bastion")}, QStringLiteral("bastion")));
        QVERIFY(!SshConfigParser::matches({QStringLiteral("!bastion")}, QStringLiteral("web")));
    }

    void splitArgsHandlesQuotesAndComments()
    {
        QCOMPARE(*SshConfigParser::splitArgs(QStringLiteral("\"/path with/space\" b # comment")),
                 (QStringList{QStringLiteral("/path with/space"), QStringLiteral("b")}));
        QCOMPARE(*SshConfigParser::splitArgs(QStringLiteral("'a b'c")), QStringList{QStringLiteral("a bc")});
        QVERIFY(!SshConfigParser::splitArgs(QStringLiteral("\"open")));
    }

    void realisticConfig()
    {
        const QString marker = QDir::tempPath() + QStringLiteral("/qwq-pwned-")
                               + QUuid::createUuid().toString(QUuid::Id128);
        writeFile(ssh(QStringLiteral("config")), QStringLiteral(
            "# main config\n"
            "Include conf.d/*.conf\n"
            "Include extra\n"
            "Host web1 web2 !web3\n"
            "    HostName %h.example.com\n"
            "    User deploy\n"
            "    Port=2222\n"
            "    IdentityFile \"~/.ssh/id_%r_%h\"\n"
            "    ServerAliveInterval 60\n"
            "\n"
            "Host db\n"
            "  HostName db.internal\n"
            "  ProxyJump bastion,ops@10.0.0.5:2200\n"
            "  ProxyCommand touch %1\n"
            "  LocalCommand touch %1\n"
            "  PermitLocalCommand yes\n"
            "Match exec \"touch %1\"\n"
            "  User matched\n"
            "Host bastion\n"
            "  HostName bastion.example.com\n"
            "  User jump\n"
            "Host *.example.com *\n"
            "  User fallback\n"
            "  Port 2200\n"
            "  ProxyJump none\n"
            "this line is = weird\"\n"
            "Port\n"
            "Host weird_alias\n"
            "Host *\n"
            "  User never-used-because-first-wins\n").arg(marker).toUtf8());
        writeFile(ssh(QStringLiteral("conf.d/10-a.conf")), "Host cache\n  HostName cache.example.com\n");
        writeFile(ssh(QStringLiteral("conf.d/20-b.conf")), "Host queue\n  HostName 192.0.2.7\n  User q\n");
        writeFile(ssh(QStringLiteral("conf.d/ignored.txt")), "Host notincluded\n");
        writeFile(ssh(QStringLiteral("extra")), "Host extra-host\n  Hostname extra.example.com\n");

        ProfileStore store(m_home.filePath(QStringLiteral("profiles.json")));
        QVERIFY(store.load().ok());
        SshConfigImporter importer(m_home.path());
        const auto r = importer.importInto(store, ssh(QStringLiteral("config")));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        QVERIFY(!QFile::exists(marker));   // nothing was executed

        auto byAlias = [&](const QString &alias) -> std::optional<Profile> {
            for (const Profile &p : store.profiles()) {
                if (p.sshConfigAlias == alias)
                    return p;
            }
            return std::nullopt;
        };
        const auto web1 = byAlias(QStringLiteral("web1"));
        QVERIFY(web1);
        QCOMPARE(web1->name, QStringLiteral("web1"));
        QCOMPARE(web1->host, QStringLiteral("web1.example.com"));
        QCOMPARE(web1->user, QStringLiteral("deploy"));
        QCOMPARE(web1->port, quint16(2222));
        QCOMPARE(web1->keepAliveSeconds, 60);
        QCOMPARE(web1->auth, AuthMethod::Key);
        QCOMPARE(web1->identityFile, ssh(QStringLiteral("id_deploy_web1.example.com")));
        QVERIFY(web1->jumpHosts.isEmpty());      // ProxyJump none from Host *
        QVERIFY(byAlias(QStringLiteral("web2")));
        QVERIFY(!byAlias(QStringLiteral("web3")));   // negated: not a concrete alias
        QVERIFY(byAlias(QStringLiteral("cache")));
        QVERIFY(byAlias(QStringLiteral("queue")));
        QVERIFY(byAlias(QStringLiteral("extra-host")));
        QVERIFY(!byAlias(QStringLiteral("notincluded")));
        QCOMPARE(byAlias(QStringLiteral("cache"))->user, QStringLiteral("fallback"));   // Host * default
        QCOMPARE(byAlias(QStringLiteral("cache"))->port, quint16(2200));

        const auto db = byAlias(QStringLiteral("db"));
        QVERIFY(db);
        QCOMPARE(db->user, QStringLiteral("fallback"));   // not the Match block's
        QCOMPARE(db->jumpHosts.size(), 2);
        const auto bastion = byAlias(QStringLiteral("bastion"));
        QVERIFY(bastion);
        QCOMPARE(db->jumpHosts.at(0), bastion->id);       // reuses the alias
        const auto hop = store.find(db->jumpHosts.at(1));
        QVERIFY(hop);
        QCOMPARE(hop->sshConfigAlias, QStringLiteral("ops@10.0.0.5:2200"));
        QCOMPARE(hop->host, QStringLiteral("10.0.0.5"));
        QCOMPARE(hop->user, QStringLiteral("ops"));
        QCOMPARE(hop->port, quint16(2200));
        QCOMPARE(hop->tags, QStringList{QStringLiteral("jump")});
        const auto chain = store.jumpChain(db->id);
        QVERIFY(chain.ok());
        QCOMPARE(chain->size(), 2);
        QCOMPARE(chain->at(0).host, QStringLiteral("bastion.example.com"));

        const QStringList &w = r->warnings;
        QVERIFY(anyContains(w, QStringLiteral("ignored ProxyCommand for db")));
        QVERIFY(anyContains(w, QStringLiteral("ignored LocalCommand for db")));
        QVERIFY(anyContains(w, QStringLiteral("Match")));
        QVERIFY(anyContains(w, ssh(QStringLiteral("config")) + QStringLiteral(":26:")));   // weird line
        QVERIFY(anyContains(w, ssh(QStringLiteral("config")) + QStringLiteral(":27:")));   // Port without value
        QVERIFY(anyContains(w, QStringLiteral("weird_alias skipped")));
        // cache queue extra-host web1 web2 db bastion and the ops@10.0.0.5:2200 hop
        QCOMPARE(r->added.size(), 8);
    }

    void includeCycleAndDepth()
    {
        writeFile(ssh(QStringLiteral("loop-a")), "Include loop-b\nHost a1\n");
        writeFile(ssh(QStringLiteral("loop-b")), "Include loop-a\nHost b1\n");
        SshConfigParser parser(ssh());
        QVERIFY(parser.parseFile(ssh(QStringLiteral("loop-a"))).ok());
        QCOMPARE(parser.aliases(), (QStringList{QStringLiteral("b1"), QStringLiteral("a1")}));
        QVERIFY(anyContains(parser.warnings(), QStringLiteral("loop")));
        // A self-including chain deeper than 16 levels stops with a warning.
        for (int i = 0; i < 20; ++i)
            writeFile(ssh(QStringLiteral("deep%1").arg(i)), QStringLiteral("Include deep%1\nHost d%2\n").arg(i + 1).arg(i).toUtf8());
        SshConfigParser deep(ssh());
        QVERIFY(deep.parseFile(ssh(QStringLiteral("deep0"))).ok());
        QVERIFY(anyContains(deep.warnings(), QStringLiteral("16")));
        QVERIFY(deep.aliases().contains(QStringLiteral("d16")));
        QVERIFY(!deep.aliases().contains(QStringLiteral("d17")));
    }

    void unreadableFileIsAnErrorNamingIt()
    {
        ProfileStore store(m_home.filePath(QStringLiteral("p-missing.json")));
        QVERIFY(store.load().ok());
        const QString missing = ssh(QStringLiteral("does-not-exist"));
        const auto r = SshConfigImporter(m_home.path()).importInto(store, missing);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::FileError);
        QVERIFY(r.error().message.contains(missing));
    }

    void proxyJumpLoopIsSkipped()
    {
        writeFile(ssh(QStringLiteral("loopjump")), "Host x\n ProxyJump y\nHost y\n ProxyJump x\nHost z\n User u\n");
        ProfileStore store(m_home.filePath(QStringLiteral("p-loop.json")));
        QVERIFY(store.load().ok());
        const auto r = SshConfigImporter(m_home.path()).importInto(store, ssh(QStringLiteral("loopjump")));
        QVERIFY(r.ok());
        QCOMPARE(r->added, QStringList{QStringLiteral("z")});
        QVERIFY(anyContains(r->warnings, QStringLiteral("loop")));
    }

    void reimportKeepsLocalEdits()
    {
        const QString config = ssh(QStringLiteral("incremental"));
        writeFile(config, "Host app\n HostName app1.example.com\n User deploy\n Port 2222\n"
                          "Host gone\n HostName gone.example.com\n User x\n");
        ProfileStore store(m_home.filePath(QStringLiteral("p-inc.json")));
        QVERIFY(store.load().ok());
        SshConfigImporter importer(m_home.path());
        auto first = importer.importInto(store, config);
        QVERIFY(first.ok());
        QCOMPARE(first->added.size(), 2);

        Profile app = *store.find(QStringLiteral("app"));
        app.port = 2022;                                  // a local edit
        app.tags = {QStringLiteral("mine")};
        app.notes = QStringLiteral("local note");
        app.group = QStringLiteral("prod");
        app.mode = Mode::Production;
        QVERIFY(store.upsert(app).ok());

        writeFile(config, "Host app\n HostName app2.example.com\n User deploy\n Port 2223\n"
                          "Host fresh\n HostName fresh.example.com\n User y\n");
        const auto second = importer.importInto(store, config);
        QVERIFY(second.ok());
        QCOMPARE(second->added, QStringList{QStringLiteral("fresh")});
        QCOMPARE(second->updated, QStringList{QStringLiteral("app")});
        QCOMPARE(second->removed, QStringList{QStringLiteral("gone")});
        const Profile after = *store.find(app.id);
        QCOMPARE(after.host, QStringLiteral("app2.example.com"));   // from the file
        QCOMPARE(after.port, quint16(2022));                        // local edit kept
        QCOMPARE(after.tags, QStringList{QStringLiteral("mine")});
        QCOMPARE(after.notes, QStringLiteral("local note"));
        QCOMPARE(after.group, QStringLiteral("prod"));
        QCOMPARE(after.mode, Mode::Production);
        QVERIFY(store.find(QStringLiteral("gone")));                 // never deleted
        QCOMPARE(store.profiles().size(), 4);                        // local, app, gone, fresh

        // Nothing changed: a third run duplicates nothing and reports unchanged.
        const auto third = importer.importInto(store, config);
        QVERIFY(third.ok());
        QVERIFY(third->added.isEmpty());
        QVERIFY(third->updated.isEmpty());
        QCOMPARE(third->unchanged.size(), 2);
        QCOMPARE(store.profiles().size(), 4);
    }

    void nameClashGetsAUniqueName()
    {
        const QString config = ssh(QStringLiteral("clash"));
        writeFile(config, "Host mine\n HostName mine.example.com\n User a\n");
        ProfileStore store(m_home.filePath(QStringLiteral("p-clash.json")));
        QVERIFY(store.load().ok());
        Profile p;
        p.name = QStringLiteral("mine");
        p.host = QStringLiteral("other.example.com");
        p.user = QStringLiteral("b");
        QVERIFY(store.upsert(p).ok());
        const auto r = SshConfigImporter(m_home.path()).importInto(store, config);
        QVERIFY(r.ok());
        QCOMPARE(r->added, QStringList{QStringLiteral("mine (2)")});
    }
};

QTEST_GUILESS_MAIN(tst_SshConfig)
#include "tst_sshconfig.moc"
