// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <core/core/auditlog.h>
#include <core/core/errormessages.h>
#include <core/core/paths.h>
#include <core/core/redact.h>
#include <core/core/result.h>
#include <core/core/settings.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qwq;

class tst_Core : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("QWQ_HOME", m_home.path().toUtf8());
    }

    void resultHoldsValueOrError()
    {
        Result<int> ok = 42;
        QVERIFY(ok.ok());
        QCOMPARE(*ok, 42);
        Result<int> bad = Error(ErrorCode::InvalidParam, QStringLiteral("bad port"), {}, {},
                                QStringLiteral("port"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::InvalidParam);
        QCOMPARE(bad.error().field, QStringLiteral("port"));
        QCOMPARE(bad.valueOr(7), 7);
        Result<void> v;
        QVERIFY(v.ok());
        Result<void> vbad = Error(ErrorCode::Internal, QStringLiteral("x"));
        QVERIFY(!vbad.ok());
        QCOMPARE(vbad.error().number(), 1000);
    }

    void errorCodesFollowTheDesignRanges()
    {
        QCOMPARE(int(ErrorCode::InvalidParam), 1001);
        QCOMPARE(int(ErrorCode::AiUnavailable), 2000);
        QCOMPARE(int(ErrorCode::AppNotFound), 3000);
        QCOMPARE(int(ErrorCode::ContainerNotFound), 4000);
        QCOMPARE(int(ErrorCode::HostKeyUnknown), 8001);
        QCOMPARE(int(ErrorCode::HostKeyChanged), 8002);
        QCOMPARE(int(ErrorCode::AuthenticationFailed), 8003);
        QCOMPARE(int(ErrorCode::SudoRefused), 8004);
        QCOMPARE(int(ErrorCode::Cancelled), -32800);
    }

    void wireErrorsBecomeLocalisedMessagesNamingTheField()
    {
        const Error e = errorFromWire(1001, QStringLiteral("invalid intervalMs"),
                                      QStringLiteral("intervalMs"), QStringLiteral("200..60000"), {});
        QCOMPARE(e.code, ErrorCode::InvalidParam);
        QVERIFY(e.message.contains(QStringLiteral("intervalMs")));
        QVERIFY(e.detail.contains(QStringLiteral("invalid intervalMs")));
        QCOMPARE(e.hint, QStringLiteral("200..60000"));
        // An unknown code from a newer helper still gets a message.
        const Error u = errorFromWire(4321, QStringLiteral("new thing"), {}, {}, {});
        QVERIFY(!u.message.isEmpty());
        QVERIFY(!errorTitle(ErrorCode::HostKeyChanged).isEmpty());
        // A range on the wire becomes a hint in the app's language, not the helper's English.
        const QJsonObject wire{{QStringLiteral("code"), 1001},
                               {QStringLiteral("message"), QStringLiteral("intervalMs is out of range")},
                               {QStringLiteral("data"), QJsonObject{{QStringLiteral("field"), QStringLiteral("intervalMs")},
                                                                    {QStringLiteral("hint"), QStringLiteral("between 200 and 60000")},
                                                                    {QStringLiteral("min"), 200},
                                                                    {QStringLiteral("max"), 60000}}}};
        const Error r = errorFromWire(wire);
        QCOMPARE(r.field, QStringLiteral("intervalMs"));
        QVERIFY(r.hint.contains(QStringLiteral("200")) && r.hint.contains(QStringLiteral("60000")));
        QVERIFY(!r.hint.contains(QStringLiteral("between")));

        // Docker's "not found" names the kind of object by the param, and shows its value.
        const auto notFound = [](const char *field, const char *value) {
            return errorFromWire(QJsonObject{
                {QStringLiteral("code"), 4000},
                {QStringLiteral("message"), QStringLiteral("no such object")},
                {QStringLiteral("data"), QJsonObject{{QStringLiteral("field"), QLatin1String(field)},
                                                     {QStringLiteral("value"), QLatin1String(value)},
                                                     {QStringLiteral("detail"), QStringLiteral("404")}}}});
        };
        QCOMPARE(notFound("id", "web").message, QStringLiteral("Container not found: web"));
        QCOMPARE(notFound("image", "nginx:1").message, QStringLiteral("Image not found: nginx:1"));
        QCOMPARE(notFound("network", "front").message, QStringLiteral("Network not found: front"));
        QCOMPARE(notFound("name", "data").message, QStringLiteral("Volume not found: data"));
        QVERIFY(!errorTitle(ErrorCode::DockerConflict).isEmpty());
        QCOMPARE(int(ErrorCode::DockerUnavailable), 4003);
    }

    void redactionMasksSecretsDeeply()
    {
        const QJsonObject params{
            {QStringLiteral("name"), QStringLiteral("db1")},
            {QStringLiteral("password"), QStringLiteral("hunter2")},
            {QStringLiteral("env"), QJsonObject{{QStringLiteral("API_KEY"), QStringLiteral("abc")},
                                                {QStringLiteral("MYSQL_ROOT_PASSWORD"), QStringLiteral("r00t")},
                                                {QStringLiteral("PORT"), QStringLiteral("80")}}},
            {QStringLiteral("list"), QJsonArray{QJsonObject{{QStringLiteral("token"), QStringLiteral("t")}}}},
            {QStringLiteral("url"), QStringLiteral("postgres://app:s3cret@db/app")}};
        const QByteArray out = QJsonDocument(Redact::maskJson(params).toObject()).toJson();
        for (const char *secret : {"hunter2", "\"abc\"", "r00t", "\"t\"", "s3cret"})
            QVERIFY2(!out.contains(secret), secret);
        QVERIFY(out.contains("db1"));
        QVERIFY(out.contains("\"80\""));
        QVERIFY(out.contains("postgres://app:"));
        const QString pem = QStringLiteral("x\n-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\ny");
        QVERIFY(!Redact::maskText(pem).contains(QStringLiteral("AAAA")));
        QVERIFY(!Redact::maskText(QStringLiteral("Authorization: Bearer abcdefghijklmnop")).contains(QStringLiteral("abcdefghijklmnop")));
        QVERIFY(!Redact::isSecretKey(QStringLiteral("hostname")));
    }

    void auditLogRecordsMaskedParamsAndOutcome()
    {
        AuditLog log(m_home.filePath(QStringLiteral("audit.sqlite")));
        QVERIFY(log.open().ok());
        QVERIFY(log.record(QStringLiteral("srv1"), QStringLiteral("containers.remove"),
                           QJsonObject{{QStringLiteral("id"), QStringLiteral("abc")},
                                       {QStringLiteral("password"), QStringLiteral("pw")}},
                           Result<void>()).ok());
        QVERIFY(log.record(QStringLiteral("srv2"), QStringLiteral("websites.create"), QJsonObject{},
                           Result<void>(Error(ErrorCode::InvalidParam, QStringLiteral("invalid domain"))))
                    .ok());
        const auto all = log.recent();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).method, QStringLiteral("websites.create"));
        QVERIFY(!all->at(0).ok);
        QCOMPARE(all->at(0).errorCode, 1001);
        QVERIFY(all->at(1).ok);
        QVERIFY(!all->at(1).params.contains(QStringLiteral("\"pw\"")));
        QVERIFY(all->at(1).params.contains(QStringLiteral("abc")));
        QVERIFY(all->at(1).when.isValid());
        const auto one = log.recent(10, QStringLiteral("srv1"));
        QCOMPARE(one->size(), 1);
        // The audit file is private to the user.
        QCOMPARE(QFileInfo(m_home.filePath(QStringLiteral("audit.sqlite"))).permissions()
                     & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
    }

    void auditLogReportsAnUnwritablePath()
    {
        AuditLog log(QStringLiteral("/proc/qwq-no/such/audit.sqlite"));
        const auto r = log.open();
        QVERIFY(!r.ok());
        QVERIFY(!r.error().message.isEmpty());
        QVERIFY(!log.record(QStringLiteral("s"), QStringLiteral("m"), QJsonObject{}, Result<void>()).ok());
    }

    void pathsAndSettingsLiveUnderQwqHome()
    {
        QVERIFY(Paths::configDir().startsWith(m_home.path()));
        QVERIFY(Paths::knownHostsFile().startsWith(m_home.path()));
        Settings::setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(Settings::language(), QStringLiteral("zh_CN"));
        Settings::setLayout(QStringLiteral("p1"), QByteArray("state"));
        QCOMPARE(Settings::layout(QStringLiteral("p1")), QByteArray("state"));
        QVERIFY(QFile::exists(Paths::settingsFile()));
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(tst_Core)
#include "tst_core.moc"
