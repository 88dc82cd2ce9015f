// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <profiles/core/profilestore.h>
#include <profiles/core/secretstore.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qwq;
using namespace Qwq::Profiles;

namespace {
Profile make(const QString &id, const QString &group = {})
{
    Profile p;
    p.id = id;
    p.name = id;
    p.host = id + QStringLiteral(".example.com");
    p.user = QStringLiteral("deploy");
    p.group = group;
    return p;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}
} // namespace

class tst_ProfileStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;
    QString nextFile() { return m_dir.filePath(QStringLiteral("p%1.json").arg(++m_n)); }

private slots:
    void groupSubgroupProfileInheritance()
    {
        ProfileStore store(nextFile());
        QVERIFY(store.load().ok());
        Group prod{QStringLiteral("prod"), QStringLiteral("ops"), quint16(2200), {}, {}, 15, QStringLiteral("#aa0000")};
        Group web;
        web.path = QStringLiteral("prod/web");
        web.port = 2201;
        QVERIFY(store.upsertGroup(prod).ok());
        QVERIFY(store.upsertGroup(web).ok());
        Profile p = make(QStringLiteral("w1"), QStringLiteral("prod/web/eu"));
        p.inherits = {QStringLiteral("user"), QStringLiteral("port"), QStringLiteral("keepAliveSeconds")};
        p.user.clear();
        {
            const auto saved = store.upsert(p);
            QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().toString()));
        }
        const auto e = store.effective(QStringLiteral("w1"));
        QVERIFY(e.ok());
        QCOMPARE(e->user, QStringLiteral("ops"));      // from prod
        QCOMPARE(e->port, quint16(2201));              // nearest: prod/web
        QCOMPARE(e->keepAliveSeconds, 15);
        QCOMPARE(e->colour, QStringLiteral("#aa0000"));
        QVERIFY(e->inherits.isEmpty());
        // An explicit value on the profile wins over every group.
        p.inherits.remove(QStringLiteral("port"));
        p.port = 2022;
        QVERIFY(store.upsert(p).ok());
        QCOMPARE(store.effective(QStringLiteral("w1"))->port, quint16(2022));
        // Without inheritance a profile is exactly itself (version-1 meaning).
        Profile plain = make(QStringLiteral("w2"), QStringLiteral("prod/web"));
        QVERIFY(store.upsert(plain).ok());
        QCOMPARE(store.effective(QStringLiteral("w2"))->port, quint16(22));
        QCOMPARE(store.effective(QStringLiteral("w2"))->user, QStringLiteral("deploy"));
    }

    void identityApplies()
    {
        ProfileStore store(nextFile());
        QVERIFY(store.load().ok());
        Identity id{QStringLiteral("team-key"), QStringLiteral("Team key"), QStringLiteral("svc"),
                    QStringLiteral("/keys/team"), AuthMethod::Key};
        QVERIFY(store.upsertIdentity(id).ok());
        Group g;
        g.path = QStringLiteral("db");
        g.identityId = QStringLiteral("team-key");
        g.user = QStringLiteral("ignored-because-identity-has-user");
        QVERIFY(!store.upsertGroup(g).ok());   // user grammar: too long → named field
        g.user = QStringLiteral("grp");
        QVERIFY(store.upsertGroup(g).ok());
        Profile p = make(QStringLiteral("db1"), QStringLiteral("db"));
        p.inherits = {QStringLiteral("identityId"), QStringLiteral("user")};
        QVERIFY(store.upsert(p).ok());
        auto e = store.effective(QStringLiteral("db1"));
        QVERIFY(e.ok());
        QCOMPARE(e->identityId, QStringLiteral("team-key"));
        QCOMPARE(e->auth, AuthMethod::Key);
        QCOMPARE(e->identityFile, QStringLiteral("/keys/team"));
        QCOMPARE(e->user, QStringLiteral("svc"));
        // Explicit user beats the identity's.
        p.inherits.remove(QStringLiteral("user"));
        QVERIFY(store.upsert(p).ok());
        QCOMPARE(store.effective(QStringLiteral("db1"))->user, QStringLiteral("deploy"));
        // Removing a referenced identity is refused and names the users.
        Profile direct = make(QStringLiteral("db2"));
        direct.identityId = QStringLiteral("team-key");
        QVERIFY(store.upsert(direct).ok());
        QCOMPARE(store.effective(QStringLiteral("db2"))->identityFile, QStringLiteral("/keys/team"));
        const auto r = store.removeIdentity(QStringLiteral("team-key"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("identityId"));
        QVERIFY(r.error().message.contains(QStringLiteral("db2")));
        QVERIFY(r.error().message.contains(QStringLiteral("db")));
        // Unknown identity is refused at write time.
        p.identityId = QStringLiteral("nope");
        p.inherits.clear();
        QCOMPARE(store.upsert(p).error().field, QStringLiteral("identityId"));
        QCOMPARE(SecretStore::identityPasswordKey(QStringLiteral("x")), QStringLiteral("identity:x/password"));
        QCOMPARE(SecretStore::identityPassphraseKey(QStringLiteral("x")), QStringLiteral("identity:x/passphrase"));
    }

    void jumpChainResolves()
    {
        ProfileStore store(nextFile());
        QVERIFY(store.load().ok());
        QVERIFY(store.upsert(make(QStringLiteral("outer"))).ok());
        Profile inner = make(QStringLiteral("inner"));
        inner.jumpHosts = {QStringLiteral("outer")};
        QVERIFY(store.upsert(inner).ok());
        Profile target = make(QStringLiteral("target"));
        target.jumpHosts = {QStringLiteral("inner")};
        QVERIFY(store.upsert(target).ok());
        const auto chain = store.jumpChain(QStringLiteral("target"));
        QVERIFY(chain.ok());
        QCOMPARE(chain->size(), 2);
        QCOMPARE(chain->at(0).id, QStringLiteral("outer"));   // nearest first
        QCOMPARE(chain->at(1).id, QStringLiteral("inner"));
        // A cycle is refused at write time, naming jumpHosts.
        Profile outer = make(QStringLiteral("outer"));
        outer.jumpHosts = {QStringLiteral("target")};
        const auto r = store.upsert(outer);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("jumpHosts"));
        QVERIFY(r.error().message.contains(QStringLiteral("→")));
        // A profile used as a hop cannot be removed.
        QCOMPARE(store.remove(QStringLiteral("outer")).error().field, QStringLiteral("jumpHosts"));
        // Group jump hosts: a bastion inside its own group does not jump through itself.
        Group g;
        g.path = QStringLiteral("dmz");
        g.jumpHosts = QStringList{QStringLiteral("outer")};
        QVERIFY(store.upsertGroup(g).ok());
        Profile gm = make(QStringLiteral("gm"), QStringLiteral("dmz"));
        gm.inherits = {QStringLiteral("jumpHosts")};
        QVERIFY(store.upsert(gm).ok());
        QCOMPARE(store.jumpChain(QStringLiteral("gm"))->size(), 1);
        Profile outerInGroup = make(QStringLiteral("outer"), QStringLiteral("dmz"));
        outerInGroup.inherits = {QStringLiteral("jumpHosts")};
        QVERIFY(store.upsert(outerInGroup).ok());
        QVERIFY(store.jumpChain(QStringLiteral("outer"))->isEmpty());
    }

    void jumpChainErrorsFromAHandEditedFile()
    {
        const QString file = nextFile();
        auto obj = [](const QString &id, const QStringList &hops) {
            QJsonObject o = make(id).toJson();
            o.insert(QStringLiteral("jumpHosts"), QJsonArray::fromStringList(hops));
            return o;
        };
        QJsonArray list{obj(QStringLiteral("a"), {QStringLiteral("b")}),
                        obj(QStringLiteral("b"), {QStringLiteral("a")}),
                        obj(QStringLiteral("c"), {QStringLiteral("ghost")}),
                        obj(QStringLiteral("d"), {QStringLiteral("b")})};
        writeFile(file, QJsonDocument(QJsonObject{{QStringLiteral("version"), 2},
                                                  {QStringLiteral("profiles"), list}}).toJson());
        ProfileStore store(file);
        QVERIFY(store.load().ok());
        for (const char *id : {"a", "d"}) {
            const auto r = store.jumpChain(QLatin1String(id));
            QVERIFY(!r.ok());
            QCOMPARE(r.error().field, QStringLiteral("jumpHosts"));
            QVERIFY(r.error().message.contains(QStringLiteral("loop")));
        }
        const auto unknown = store.jumpChain(QStringLiteral("c"));
        QCOMPARE(unknown.error().field, QStringLiteral("jumpHosts"));
        QVERIFY(unknown.error().message.contains(QStringLiteral("ghost")));
        // This computer as a hop is refused by the profile grammar itself.
        Profile p = make(QStringLiteral("e"));
        p.jumpHosts = {Profile::localId()};
        QCOMPARE(validate(p).error().field, QStringLiteral("jumpHosts"));
        p.jumpHosts = {QStringLiteral("e")};
        QCOMPARE(validate(p).error().field, QStringLiteral("jumpHosts"));
        Group g;
        g.path = QStringLiteral("x");
        g.jumpHosts = QStringList{Profile::localId()};
        QCOMPARE(validate(g).error().field, QStringLiteral("group.jumpHosts"));
    }

    void newFieldsAreValidated_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad colour") << "colour:red" << "colour";
        QTest::newRow("short colour") << "colour:#fff" << "colour";
        QTest::newRow("tag comma") << "tag:a,b" << "tags";
        QTest::newRow("tag newline") << "tag:a\nb" << "tags";
        QTest::newRow("tag empty") << "tag: " << "tags";
        QTest::newRow("tag long") << QStringLiteral("tag:") + QString(65, QLatin1Char('x')) << "tags";
        QTest::newRow("group a//b") << "group:a//b" << "group";
        QTest::newRow("group trailing") << "group:a/" << "group";
        QTest::newRow("group control") << "group:a/\tb" << "group";
        QTest::newRow("group long") << QStringLiteral("group:") + QString(65, QLatin1Char('g')) << "group";
        QTest::newRow("keepalive 99999") << "keep:99999" << "keepAliveSeconds";
        QTest::newRow("keepalive negative") << "keep:-1" << "keepAliveSeconds";
        QTest::newRow("bad identity id") << "identity:../x" << "identityId";
        QTest::newRow("bad inherits") << "inherits:host" << "inherits";
    }

    void newFieldsAreValidated()
    {
        QFETCH(QString, what);
        QFETCH(QString, field);
        Profile p = make(QStringLiteral("v1"));
        const QString kind = what.section(QLatin1Char(':'), 0, 0);
        const QString value = what.section(QLatin1Char(':'), 1);
        if (kind == QLatin1String("colour")) p.colour = value;
        if (kind == QLatin1String("tag")) p.tags = {QStringLiteral("ok"), value};
        if (kind == QLatin1String("group")) p.group = value;
        if (kind == QLatin1String("keep")) p.keepAliveSeconds = value.toInt();
        if (kind == QLatin1String("identity")) p.identityId = value;
        if (kind == QLatin1String("inherits")) p.inherits = {value};
        const auto r = validate(p);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidParam);
        QCOMPARE(r.error().field, field);
        QVERIFY(!r.error().message.isEmpty());
        // The same profile through the store is refused and nothing changes.
        ProfileStore store(nextFile());
        QVERIFY(store.load().ok());
        QCOMPARE(store.upsert(p).error().field, field);
        QCOMPARE(store.profiles().size(), 1);
    }

    void goodNewFieldsPass()
    {
        Profile p = make(QStringLiteral("ok"));
        p.colour = QStringLiteral("#A0b1C2");
        p.tags = {QStringLiteral("web"), QStringLiteral("eu west")};
        p.group = QStringLiteral("prod/web/eu");
        p.keepAliveSeconds = 3600;
        QVERIFY(validate(p).ok());
        p.keepAliveSeconds = 0;
        QVERIFY(validate(p).ok());
        // An inherited user may be empty on the profile itself.
        p.user.clear();
        QCOMPARE(validate(p).error().field, QStringLiteral("user"));
        p.inherits = {QStringLiteral("user")};
        QVERIFY(validate(p).ok());
    }

    void groupsAddAndRemove()
    {
        ProfileStore store(nextFile());
        QVERIFY(store.load().ok());
        Group bad;
        bad.path = QStringLiteral("a//b");
        QCOMPARE(store.upsertGroup(bad).error().field, QStringLiteral("group.path"));
        bad.path = QStringLiteral("a");
        bad.colour = QStringLiteral("blue");
        QCOMPARE(store.upsertGroup(bad).error().field, QStringLiteral("group.colour"));
        bad.colour.clear();
        bad.keepAliveSeconds = 99999;
        QCOMPARE(store.upsertGroup(bad).error().field, QStringLiteral("group.keepAliveSeconds"));
        Group prod;
        prod.path = QStringLiteral("prod");
        prod.port = 2200;
        QVERIFY(store.upsertGroup(prod).ok());
        Group sub;
        sub.path = QStringLiteral("prod/db");
        QVERIFY(store.upsertGroup(sub).ok());
        QVERIFY(store.upsert(make(QStringLiteral("m1"), QStringLiteral("prod/db"))).ok());
        QVERIFY(store.upsert(make(QStringLiteral("m2"), QStringLiteral("prod"))).ok());
        QCOMPARE(store.groupPaths(), (QStringList{QStringLiteral("prod"), QStringLiteral("prod/db")}));
        const auto refused = store.removeGroup(QStringLiteral("prod"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("group"));
        QCOMPARE(store.groups().size(), 2);
        QVERIFY(!store.removeGroup(QStringLiteral("prod"), QStringLiteral("prod/x")).ok());
        QVERIFY(store.removeGroup(QStringLiteral("prod"), QStringLiteral("old")).ok());
        QCOMPARE(store.find(QStringLiteral("m1"))->group, QStringLiteral("old/db"));
        QCOMPARE(store.find(QStringLiteral("m2"))->group, QStringLiteral("old"));
        QVERIFY(store.group(QStringLiteral("old/db")).has_value());
        QVERIFY(!store.group(QStringLiteral("prod")).has_value());
        QVERIFY(store.removeGroup(QStringLiteral("old/db"), QString()).ok());
        QCOMPARE(store.find(QStringLiteral("m1"))->group, QString());
        QCOMPARE(store.removeGroup(QStringLiteral("nothing")).error().code, ErrorCode::NotFound);
    }

    void duplicateTouchSearchSort()
    {
        ProfileStore store(nextFile());
        QVERIFY(store.load().ok());
        Profile a = make(QStringLiteral("alpha"), QStringLiteral("prod/web"));
        a.tags = {QStringLiteral("nginx"), QStringLiteral("EU")};
        a.notes = QStringLiteral("Primary frontend");
        a.sshConfigAlias = QStringLiteral("alpha");
        QVERIFY(store.upsert(a).ok());
        Profile b = make(QStringLiteral("beta"), QStringLiteral("dev"));
        b.user = QStringLiteral("admin");
        QVERIFY(store.upsert(b).ok());
        Profile c = make(QStringLiteral("Charlie"));
        QVERIFY(store.upsert(c).ok());

        const auto copy = store.duplicate(QStringLiteral("alpha"));
        QVERIFY(copy.ok());
        QCOMPARE(copy->name, QStringLiteral("alpha (copy)"));
        QVERIFY(copy->id != QStringLiteral("alpha"));
        QVERIFY(copy->sshConfigAlias.isEmpty());
        QCOMPARE(copy->tags, a.tags);
        QCOMPARE(store.duplicate(QStringLiteral("alpha"))->name, QStringLiteral("alpha (copy) (2)"));
        QCOMPARE(store.duplicate(QStringLiteral("nope")).error().code, ErrorCode::NotFound);

        QCOMPARE(store.search(QStringLiteral("eu NGINX")).size(), 3);   // alpha + 2 copies
        QCOMPARE(store.search(QStringLiteral("frontend prod/web")).size(), 3);
        QCOMPARE(store.search(QStringLiteral("admin")).size(), 1);
        QCOMPARE(store.search(QStringLiteral("admin nginx")).size(), 0);
        QCOMPARE(store.search(QStringLiteral("charlie.example")).first().id, QStringLiteral("Charlie"));
        QCOMPARE(store.search(QString()).size(), store.profiles().size());

        QVERIFY(store.touch(QStringLiteral("beta")).ok());
        QTest::qWait(5);
        QVERIFY(store.touch(QStringLiteral("Charlie")).ok());
        QVERIFY(store.find(QStringLiteral("beta"))->lastUsed.isValid());
        QCOMPARE(store.touch(QStringLiteral("nope")).error().code, ErrorCode::NotFound);
        ProfileStore reread(store.path());
        QVERIFY(reread.load().ok());
        QCOMPARE(reread.find(QStringLiteral("beta"))->lastUsed, store.find(QStringLiteral("beta"))->lastUsed);

        auto ids = [](const QList<Profile> &l) {
            QStringList out;
            for (const Profile &p : l)
                out.append(p.id);
            return out;
        };
        const QStringList byUse = ids(store.sorted(SortOrder::LastUsed));
        QCOMPARE(byUse.mid(0, 3), (QStringList{Profile::localId(), QStringLiteral("Charlie"), QStringLiteral("beta")}));
        const QList<Profile> byName = store.sorted(SortOrder::Name);
        QVERIFY(byName.first().isLocal());
        QCOMPARE(byName.at(1).name, QStringLiteral("alpha"));
        QCOMPARE(byName.at(4).name, QStringLiteral("beta"));
        QCOMPARE(byName.at(5).name, QStringLiteral("Charlie"));
        const QStringList byGroup = ids(store.sorted(SortOrder::Group));
        QCOMPARE(byGroup.at(1), QStringLiteral("beta"));      // dev < prod/web
        QCOMPARE(byGroup.last(), QStringLiteral("Charlie"));  // top level last
    }

    void groupRenameMovesEverything()
    {
        ProfileStore store(nextFile());
        QVERIFY(store.load().ok());
        Group web;
        web.path = QStringLiteral("prod/web");
        web.port = 2201;
        web.colour = QStringLiteral("#112233");
        Group eu;
        eu.path = QStringLiteral("prod/web/eu");
        eu.user = QStringLiteral("eu");
        QVERIFY(store.upsertGroup(web).ok());
        QVERIFY(store.upsertGroup(eu).ok());
        QVERIFY(store.upsert(make(QStringLiteral("w1"), QStringLiteral("prod/web"))).ok());
        QVERIFY(store.upsert(make(QStringLiteral("w2"), QStringLiteral("prod/web/eu"))).ok());
        QVERIFY(store.upsert(make(QStringLiteral("other"), QStringLiteral("prod/webby"))).ok());
        QVERIFY(store.upsert(make(QStringLiteral("db"), QStringLiteral("prod/db"))).ok());

        // Renaming into an existing group or into itself is refused and changes nothing.
        Group clash = web;
        clash.path = QStringLiteral("prod/db");
        QCOMPARE(store.upsertGroup(clash, QStringLiteral("prod/web")).error().field, QStringLiteral("group.path"));
        clash.path = QStringLiteral("prod/web/x");
        QCOMPARE(store.upsertGroup(clash, QStringLiteral("prod/web")).error().field, QStringLiteral("group.path"));
        clash.path = QStringLiteral("staging");
        QCOMPARE(store.upsertGroup(clash, QStringLiteral("nope")).error().code, ErrorCode::NotFound);
        QCOMPARE(store.find(QStringLiteral("w1"))->group, QStringLiteral("prod/web"));

        // One write moves the settings, the subgroups and the profiles, and sets the new values.
        Group renamed = web;
        renamed.path = QStringLiteral("www");
        renamed.port = 2202;
        QVERIFY(store.upsertGroup(renamed, QStringLiteral("prod/web")).ok());
        QCOMPARE(store.find(QStringLiteral("w1"))->group, QStringLiteral("www"));
        QCOMPARE(store.find(QStringLiteral("w2"))->group, QStringLiteral("www/eu"));
        QCOMPARE(store.find(QStringLiteral("other"))->group, QStringLiteral("prod/webby"));
        QVERIFY(!store.group(QStringLiteral("prod/web")).has_value());
        QCOMPARE(store.group(QStringLiteral("www"))->port, std::optional<quint16>(2202));
        QCOMPARE(store.group(QStringLiteral("www"))->colour, QStringLiteral("#112233"));
        QCOMPARE(store.group(QStringLiteral("www/eu"))->user, std::optional<QString>(QStringLiteral("eu")));
        ProfileStore reread(store.path());
        QVERIFY(reread.load().ok());
        QCOMPARE(reread.find(QStringLiteral("w2"))->group, QStringLiteral("www/eu"));

        // A group that exists only through its profiles can be renamed too.
        Group dbs;
        dbs.path = QStringLiteral("databases");
        QVERIFY(store.upsertGroup(dbs, QStringLiteral("prod/db")).ok());
        QCOMPARE(store.find(QStringLiteral("db"))->group, QStringLiteral("databases"));
    }

    void identityRemovalCanClearReferences()
    {
        ProfileStore store(nextFile());
        QVERIFY(store.load().ok());
        Identity id{QStringLiteral("k"), QStringLiteral("Key"), {}, QStringLiteral("/keys/k"), AuthMethod::Key};
        Identity parentId{QStringLiteral("p"), QStringLiteral("Parent"), {}, {}, AuthMethod::Agent};
        QVERIFY(store.upsertIdentity(id).ok());
        QVERIFY(store.upsertIdentity(parentId).ok());
        Group prod;
        prod.path = QStringLiteral("prod");
        prod.identityId = QStringLiteral("p");
        Group web;
        web.path = QStringLiteral("prod/web");
        web.identityId = QStringLiteral("k");
        QVERIFY(store.upsertGroup(prod).ok());
        QVERIFY(store.upsertGroup(web).ok());
        Profile direct = make(QStringLiteral("direct"));
        direct.identityId = QStringLiteral("k");
        direct.auth = AuthMethod::Key;   // valid only through the identity's key file
        QVERIFY(store.upsert(direct).ok());
        Profile viaGroup = make(QStringLiteral("via"), QStringLiteral("prod/web"));
        viaGroup.inherits = {QStringLiteral("identityId")};
        QVERIFY(store.upsert(viaGroup).ok());
        QCOMPARE(store.effective(QStringLiteral("via"))->identityId, QStringLiteral("k"));

        QVERIFY(!store.removeIdentity(QStringLiteral("k")).ok());
        QVERIFY(store.identity(QStringLiteral("k")).has_value());
        QVERIFY(store.removeIdentity(QStringLiteral("k"), true).ok());
        QVERIFY(!store.identity(QStringLiteral("k")).has_value());
        QVERIFY(store.find(QStringLiteral("direct"))->identityId.isEmpty());
        QCOMPARE(store.find(QStringLiteral("direct"))->auth, AuthMethod::Auto);
        // The group says "none" rather than falling through to prod's identity.
        QCOMPARE(store.group(QStringLiteral("prod/web"))->identityId, std::optional<QString>(QString()));
        QVERIFY(store.effective(QStringLiteral("via"))->identityId.isEmpty());
        QCOMPARE(store.group(QStringLiteral("prod"))->identityId, std::optional<QString>(QStringLiteral("p")));
    }

    void effectiveForAnUnsavedProfile()
    {
        ProfileStore store(nextFile());
        QVERIFY(store.load().ok());
        Group prod;
        prod.path = QStringLiteral("prod");
        prod.port = 2200;
        prod.user = QStringLiteral("ops");
        QVERIFY(store.upsertGroup(prod).ok());
        Profile draft = make(QString(), QStringLiteral("prod"));
        draft.inherits = {QStringLiteral("port"), QStringLiteral("user")};
        const auto e = store.effectiveFor(draft);
        QVERIFY(e.ok());
        QCOMPARE(e->port, quint16(2200));
        QCOMPARE(e->user, QStringLiteral("ops"));
        QCOMPARE(store.profiles().size(), 1);   // nothing stored
    }

    void sortByHost()
    {
        ProfileStore store(nextFile());
        QVERIFY(store.load().ok());
        Profile a = make(QStringLiteral("a"));
        a.host = QStringLiteral("10.0.0.10");
        Profile b = make(QStringLiteral("b"));
        b.host = QStringLiteral("10.0.0.2");
        Profile c = make(QStringLiteral("c"));
        c.host = QStringLiteral("10.0.0.2");
        c.port = 2022;
        QVERIFY(store.upsertMany({a, c, b}).ok());
        const QList<Profile> sorted = store.sorted(SortOrder::Host);
        QCOMPARE(sorted.at(0).id, Profile::localId());
        QCOMPARE(sorted.at(1).id, QStringLiteral("b"));   // numeric: 2 before 10; port 22 first
        QCOMPARE(sorted.at(2).id, QStringLiteral("c"));
        QCOMPARE(sorted.at(3).id, QStringLiteral("a"));
    }

    void failedWriteRestoresMemory()
    {
        // The target path becomes a directory: QSaveFile cannot replace it, even as root.
        const QString sub = m_dir.filePath(QStringLiteral("blocked"));
        const QString file = sub + QStringLiteral("/profiles.json");
        ProfileStore store(file);
        QVERIFY(store.load().ok());
        QVERIFY(store.upsert(make(QStringLiteral("keep"))).ok());
        Group g;
        g.path = QStringLiteral("g");
        QVERIFY(store.upsertGroup(g).ok());
        QVERIFY(store.upsertIdentity({QStringLiteral("i"), QStringLiteral("I"), {}, {}, AuthMethod::Agent}).ok());
        QVERIFY(QFile::remove(file));
        QVERIFY(QDir().mkpath(file));
        QCOMPARE(store.upsert(make(QStringLiteral("new"))).error().code, ErrorCode::FileError);
        QVERIFY(!store.find(QStringLiteral("new")));
        QCOMPARE(store.touch(QStringLiteral("keep")).error().code, ErrorCode::FileError);
        QVERIFY(!store.find(QStringLiteral("keep"))->lastUsed.isValid());
        QCOMPARE(store.removeGroup(QStringLiteral("g")).error().code, ErrorCode::FileError);
        QCOMPARE(store.groups().size(), 1);
        QCOMPARE(store.removeIdentity(QStringLiteral("i")).error().code, ErrorCode::FileError);
        QCOMPARE(store.identities().size(), 1);
        QCOMPARE(store.duplicate(QStringLiteral("keep")).error().code, ErrorCode::FileError);
        QCOMPARE(store.remove(QStringLiteral("keep")).error().code, ErrorCode::FileError);
        QCOMPARE(store.profiles().size(), 2);
        QVERIFY(QDir(file).removeRecursively());
        // A batch with one bad profile writes nothing.
        Profile bad = make(QStringLiteral("bad"));
        bad.colour = QStringLiteral("nope");
        const auto r = store.upsertMany({make(QStringLiteral("fine")), bad});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("colour"));
        QVERIFY(r.error().message.contains(QStringLiteral("bad")));
        QVERIFY(!store.find(QStringLiteral("fine")));
        QVERIFY(!QFile::exists(file));
    }

    void versionOneFileLoadsAndUpgrades()
    {
        const QString file = nextFile();
        writeFile(file, R"({"version": 1, "profiles": [
            {"id": "old", "name": "Old", "host": "old.example.com", "port": 2222, "user": "me",
             "auth": "agent", "elevation": "sudo", "mode": "production", "group": "legacy"}]})");
        ProfileStore store(file);
        QVERIFY(store.load().ok());
        const auto p = store.find(QStringLiteral("old"));
        QVERIFY(p);
        QCOMPARE(p->port, quint16(2222));
        QCOMPARE(p->keepAliveSeconds, 30);
        QVERIFY(p->tags.isEmpty());
        QVERIFY(p->inherits.isEmpty());
        QCOMPARE(store.effective(QStringLiteral("old"))->user, QStringLiteral("me"));
        QVERIFY(store.touch(QStringLiteral("old")).ok());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 2);
        QVERIFY(root.value(QStringLiteral("groups")).isArray());
        writeFile(file, R"({"version": 3, "profiles": []})");
        QCOMPARE(store.load().error().field, QStringLiteral("version"));
    }

    void newFieldsPersist()
    {
        const QString file = nextFile();
        {
            ProfileStore store(file);
            QVERIFY(store.load().ok());
            QVERIFY(store.upsert(make(QStringLiteral("hop"))).ok());
            Profile p = make(QStringLiteral("full"), QStringLiteral("a/b"));
            p.tags = {QStringLiteral("t1")};
            p.colour = QStringLiteral("#123456");
            p.jumpHosts = {QStringLiteral("hop")};
            p.keepAliveSeconds = 0;
            p.sshConfigAlias = QStringLiteral("full-alias");
            p.inherits = {QStringLiteral("port")};
            QVERIFY(store.upsert(p).ok());
        }
        ProfileStore store(file);
        QVERIFY(store.load().ok());
        const auto p = store.find(QStringLiteral("full"));
        QCOMPARE(p->tags, QStringList{QStringLiteral("t1")});
        QCOMPARE(p->colour, QStringLiteral("#123456"));
        QCOMPARE(p->jumpHosts, QStringList{QStringLiteral("hop")});
        QCOMPARE(p->keepAliveSeconds, 0);
        QCOMPARE(p->sshConfigAlias, QStringLiteral("full-alias"));
        QCOMPARE(p->inherits, QSet<QString>{QStringLiteral("port")});
    }
};

QTEST_GUILESS_MAIN(tst_ProfileStore)
#include "tst_profilestore.moc"
