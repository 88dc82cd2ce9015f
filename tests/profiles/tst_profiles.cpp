// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <profiles/core/profile.h>
#include <profiles/core/profilestore.h>

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qwq;
using namespace Qwq::Profiles;

namespace {
Profile good()
{
    Profile p;
    p.id = QStringLiteral("web1");
    p.name = QStringLiteral("Web 1");
    p.host = QStringLiteral("web1.example.com");
    p.port = 2222;
    p.user = QStringLiteral("deploy");
    return p;
}
} // namespace

class tst_Profiles : public QObject
{
    Q_OBJECT
private slots:
    void validProfilePasses()
    {
        QVERIFY(validate(good()).ok());
        Profile v6 = good();
        v6.host = QStringLiteral("2001:db8::1");
        QVERIFY(validate(v6).ok());
        Profile v4 = good();
        v4.host = QStringLiteral("192.0.2.10");
        QVERIFY(validate(v4).ok());
    }

    void badInputNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expectedField");
        QTest::newRow("empty host") << "host" << "" << "host";
        QTest::newRow("spaced host") << "host" << "web 1.example.com" << "host";
        QTest::newRow("shell metachar host") << "host" << "a.example.com;rm -rf /" << "host";
        QTest::newRow("option-like host") << "host" << "-oProxyCommand=sh" << "host";
        QTest::newRow("newline host") << "host" << "a\nb" << "host";
        QTest::newRow("backtick host") << "host" << "`id`.example.com" << "host";
        QTest::newRow("empty user") << "user" << "" << "user";
        QTest::newRow("shell user") << "user" << "root$(id)" << "user";
        QTest::newRow("empty name") << "name" << "  " << "name";
        QTest::newRow("multiline name") << "name" << "a\nb" << "name";
        QTest::newRow("bad id") << "id" << "../etc" << "id";
    }

    void badInputNamesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expectedField);
        Profile p = good();
        if (field == QLatin1String("host")) p.host = value;
        if (field == QLatin1String("user")) p.user = value;
        if (field == QLatin1String("name")) p.name = value;
        if (field == QLatin1String("id")) p.id = value;
        const auto r = validate(p);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidParam);
        QCOMPARE(r.error().field, expectedField);
        QVERIFY(!r.error().message.isEmpty());
    }

    void portsOutOfRangeAreRejected_data()
    {
        QTest::addColumn<QJsonValue>("port");
        QTest::newRow("zero") << QJsonValue(0);
        QTest::newRow("70000") << QJsonValue(70000);
        QTest::newRow("negative") << QJsonValue(-1);
        QTest::newRow("fraction") << QJsonValue(22.5);
        QTest::newRow("string") << QJsonValue(QStringLiteral("22"));
    }

    void portsOutOfRangeAreRejected()
    {
        QFETCH(QJsonValue, port);
        QJsonObject o = good().toJson();
        o.insert(QStringLiteral("port"), port);
        const auto r = Profile::fromJson(o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("port"));
    }

    void unknownEnumsAreRejected()
    {
        QJsonObject o = good().toJson();
        o.insert(QStringLiteral("mode"), QStringLiteral("godmode"));
        const auto r = Profile::fromJson(o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("mode"));
    }

    void jsonRoundTripCarriesNoSecret()
    {
        Profile p = good();
        p.mode = Mode::Production;
        p.elevation = Elevation::Sudo;
        p.auth = AuthMethod::Key;
        p.identityFile = QStringLiteral("/home/me/.ssh/id_ed25519");
        const QJsonObject o = p.toJson();
        const QByteArray text = QJsonDocument(o).toJson();
        QVERIFY(!text.contains("password"));
        const auto back = Profile::fromJson(o);
        QVERIFY(back.ok());
        QCOMPARE(back->mode, Mode::Production);
        QCOMPARE(back->elevation, Elevation::Sudo);
        QCOMPARE(back->port, quint16(2222));
        QCOMPARE(back->identityFile, p.identityFile);
    }

    void storeKeepsThisComputerFirstAndPersists()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("profiles.json"));
        {
            ProfileStore store(file);
            QVERIFY(store.load().ok());
            QCOMPARE(store.profiles().size(), 1);
            QVERIFY(store.profiles().first().isLocal());
            QSignalSpy changed(&store, &ProfileStore::profilesChanged);
            Profile p = good();
            p.id.clear();
            const auto saved = store.upsert(p);
            QVERIFY(saved.ok());
            QVERIFY(!saved->id.isEmpty());
            QCOMPARE(changed.count(), 1);
            // A second profile with the same name is refused, naming the field.
            const auto dup = store.upsert(p);
            QVERIFY(!dup.ok());
            QCOMPARE(dup.error().field, QStringLiteral("name"));
            // This computer cannot be edited.
            QVERIFY(!store.upsert(Profile::local()).ok());
        }
        ProfileStore again(file);
        QVERIFY(again.load().ok());
        QCOMPARE(again.profiles().size(), 2);
        QVERIFY(again.find(QStringLiteral("Web 1")).has_value());
        const QString id = again.find(QStringLiteral("Web 1"))->id;
        QVERIFY(again.remove(id).ok());
        QVERIFY(!again.remove(id).ok());
        QCOMPARE(again.profiles().size(), 1);
    }

    void invalidProfilesFileIsReportedNotLost()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("profiles.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        ProfileStore store(file);
        const auto r = store.load();
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(file));
        // The broken file is left as it was for the user to repair.
        QFile check(file);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("{ not json"));
    }

    void failedSaveLeavesMemoryAsTheFile()
    {
        QTemporaryDir dir;
        const QString sub = dir.filePath(QStringLiteral("ro"));
        QDir().mkpath(sub);
        ProfileStore store(sub + QStringLiteral("/profiles.json"));
        QVERIFY(store.load().ok());
        QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        if (QFileInfo(sub).isWritable())   // root ignores permissions
            QSKIP("running as root: directory permissions are not enforced");
        Profile p = good();
        const auto r = store.upsert(p);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::FileError);
        QCOMPARE(store.profiles().size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_Profiles)
#include "tst_profiles.moc"
