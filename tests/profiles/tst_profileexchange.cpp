// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <profiles/core/profilestore.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qwq;
using namespace Qwq::Profiles;

namespace {
Profile make(const QString &id, const QString &group = {})
{
    Profile p;
    p.id = id;
    p.name = QStringLiteral("Server ") + id;
    p.host = id + QStringLiteral(".example.com");
    p.user = QStringLiteral("deploy");
    p.group = group;
    return p;
}

void collectKeys(const QJsonValue &v, QStringList &out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            out.append(it.key());
            collectKeys(it.value(), out);
        }
    } else if (v.isArray()) {
        for (const QJsonValue &item : v.toArray())
            collectKeys(item, out);
    }
}
} // namespace

class tst_ProfileExchange : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;
    QString nextFile() { return m_dir.filePath(QStringLiteral("x%1.json").arg(++m_n)); }

    void fill(ProfileStore &store)
    {
        QVERIFY(store.load().ok());
        QVERIFY(store.upsertIdentity({QStringLiteral("team"), QStringLiteral("Team key"), {},
                                      QStringLiteral("/keys/team"), AuthMethod::Key}).ok());
        Group g;
        g.path = QStringLiteral("prod");
        g.identityId = QStringLiteral("team");
        g.port = 2200;
        QVERIFY(store.upsertGroup(g).ok());
        QVERIFY(store.upsert(make(QStringLiteral("bastion"))).ok());
        Profile web = make(QStringLiteral("web"), QStringLiteral("prod/web"));
        web.jumpHosts = {QStringLiteral("bastion")};
        web.inherits = {QStringLiteral("identityId"), QStringLiteral("port")};
        web.tags = {QStringLiteral("nginx")};
        web.notes = QStringLiteral("front");
        web.lastUsed = QDateTime::currentDateTimeUtc();
        web.sshImported = QJsonObject{{QStringLiteral("host"), QStringLiteral("web.example.com")}};
        QVERIFY(store.upsert(web).ok());
        QVERIFY(store.upsert(make(QStringLiteral("other"))).ok());
    }

private slots:
    void exportHasNoSecretsAndRoundTrips()
    {
        ProfileStore store(nextFile());
        fill(store);
        const auto json = store.exportProfiles({QStringLiteral("web")});
        QVERIFY(json.ok());
        const QJsonDocument doc = QJsonDocument::fromJson(*json);
        QStringList keys;
        collectKeys(doc.object(), keys);
        for (const QString &k : std::as_const(keys)) {
            for (const char *bad : {"password", "passphrase", "secret", "token"})
                QVERIFY2(!k.contains(QLatin1String(bad), Qt::CaseInsensitive), qPrintable(k));
        }
        for (const char *bad : {"password", "passphrase", "secret", "token", "lastUsed", "sshImported"})
            QVERIFY2(!json->contains(bad), bad);
        // The profile plus what it needs: its jump host, its group, the group's identity.
        QCOMPARE(doc[QStringLiteral("profiles")].toArray().size(), 2);
        QCOMPARE(doc[QStringLiteral("groups")].toArray().size(), 1);
        QCOMPARE(doc[QStringLiteral("identities")].toArray().size(), 1);

        ProfileStore target(nextFile());
        QVERIFY(target.load().ok());
        const auto r = target.importProfiles(*json, ConflictPolicy::Skip);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        QCOMPARE(r->added.size(), 2);
        const auto web = target.effective(QStringLiteral("web"));
        QVERIFY(web.ok());
        QCOMPARE(web->port, quint16(2200));
        QCOMPARE(web->identityFile, QStringLiteral("/keys/team"));
        QCOMPARE(web->tags, QStringList{QStringLiteral("nginx")});
        QCOMPARE(target.jumpChain(QStringLiteral("web"))->first().id, QStringLiteral("bastion"));
        QVERIFY(!target.find(QStringLiteral("web"))->lastUsed.isValid());
        // Unknown profile to export is named.
        QCOMPARE(store.exportProfiles({QStringLiteral("nope")}).error().field, QStringLiteral("profiles"));
    }

    void conflictPolicies()
    {
        ProfileStore store(nextFile());
        fill(store);
        const QByteArray all = *store.exportProfiles();
        Profile changed = *store.find(QStringLiteral("other"));
        changed.notes = QStringLiteral("local");
        QVERIFY(store.upsert(changed).ok());

        auto skip = store.importProfiles(all, ConflictPolicy::Skip);
        QVERIFY(skip.ok());
        QCOMPARE(skip->skipped.size(), 3);
        QCOMPARE(store.find(QStringLiteral("other"))->notes, QStringLiteral("local"));

        auto replace = store.importProfiles(all, ConflictPolicy::Replace);
        QVERIFY(replace.ok());
        QCOMPARE(replace->updated.size(), 3);
        QCOMPARE(store.find(QStringLiteral("other"))->notes, QString());
        QVERIFY(store.find(QStringLiteral("web"))->lastUsed.isValid());   // local bookkeeping kept

        auto both = store.importProfiles(all, ConflictPolicy::KeepBoth);
        QVERIFY(both.ok());
        QCOMPARE(both->added.size(), 3);
        QCOMPARE(store.profiles().size(), 1 + 6);
        const auto copy = store.find(QStringLiteral("Server web (2)"));
        QVERIFY(copy);
        // The copy's jump host is the imported copy of the bastion, not the original.
        QVERIFY(copy->jumpHosts.first() != QStringLiteral("bastion"));
        QCOMPARE(store.find(copy->jumpHosts.first())->name, QStringLiteral("Server bastion (2)"));
    }

    void oneBadProfileImportsNothing()
    {
        ProfileStore store(nextFile());
        fill(store);
        QJsonObject doc = QJsonDocument::fromJson(*store.exportProfiles()).object();
        QJsonArray profiles = doc.value(QStringLiteral("profiles")).toArray();
        QJsonObject extra = make(QStringLiteral("fine")).toExportJson();
        QJsonObject bad = make(QStringLiteral("evil")).toExportJson();
        bad.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("a,b")});
        profiles.append(extra);
        profiles.append(bad);
        doc.insert(QStringLiteral("profiles"), profiles);

        ProfileStore target(nextFile());
        QVERIFY(target.load().ok());
        const auto r = target.importProfiles(QJsonDocument(doc).toJson(), ConflictPolicy::Skip);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("tags"));
        QVERIFY(r.error().message.contains(QStringLiteral("Server evil")));
        QCOMPARE(target.profiles().size(), 1);
        QVERIFY(target.identities().isEmpty());
        QVERIFY(!QFile::exists(target.path()));

        // A dangling jump host is caught before anything is written too.
        QJsonObject dangling = make(QStringLiteral("lonely")).toExportJson();
        dangling.insert(QStringLiteral("jumpHosts"), QJsonArray{QStringLiteral("ghost")});
        doc.insert(QStringLiteral("profiles"), QJsonArray{extra, dangling});
        const auto r2 = target.importProfiles(QJsonDocument(doc).toJson(), ConflictPolicy::Skip);
        QVERIFY(!r2.ok());
        QCOMPARE(r2.error().field, QStringLiteral("jumpHosts"));
        QVERIFY(r2.error().message.contains(QStringLiteral("Server lonely")));
        QCOMPARE(target.profiles().size(), 1);

        QCOMPARE(target.importProfiles("{}", ConflictPolicy::Skip).error().field, QStringLiteral("format"));
        QVERIFY(!target.importProfiles("not json", ConflictPolicy::Skip).ok());
    }
};

QTEST_GUILESS_MAIN(tst_ProfileExchange)
#include "tst_profileexchange.moc"
