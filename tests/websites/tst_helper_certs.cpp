// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Certificates through the real qwq-helper against a real nginx (tests/fixtures/nginx.sh) and a
// real ACME CA (Pebble, tests/fixtures/pebble.sh, with pebble-challtestsrv as its DNS): HTTP-01
// through the managed site, the expiry overview, imports checked by OpenSSL, DNS health.
#include "helperprocess.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace ProtocolTest;

class tst_HelperCerts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void dnsCheck();
    void requestRefusedWhenDnsMismatches();
    void invalidParamsRefused_data();
    void invalidParamsRefused();
    void requestIssuesAndInstalls();
    void olderSiteGetsChallengeLocation();
    void overviewListsCertificates();
    void renewalThroughSchedule();
    void importChecked_data();
    void importChecked();
    void importInstalls();
    void failingNginxTestChangesNothing();
    void dns01ThroughRfc2136();
    void unsafeDirectoriesRefused();
    void trustOnlyFromHelperEnvironment();

private:
    QJsonObject call(const QString &method, QJsonObject params = {}, int timeoutMs = 60000);
    QString path(const QString &rel) const { return m_dir.path() + rel; }
    QMap<QString, QString> readEnv(const QString &file) const;
    QByteArray openssl(const QStringList &args);
    QStringList servedNames(const QString &sni);
    QString get(const QString &host, const QString &urlPath);
    void noSecretsLeaked(const QJsonObject &response);

    QTemporaryDir m_dir;
    QString m_conf;
    int m_port = 0;
    int m_sslPort = 0;
    QString m_directory;
    QString m_resolver;
    bool m_nginx = false;
    bool m_pebble = false;
    bool m_bind = false;
    bool m_pebbleDns = false;
    std::unique_ptr<Helper> m_helper;
    int m_id = 1;
    QByteArray m_stderr;
    QJsonObject m_importGood;
};

QJsonObject tst_HelperCerts::call(const QString &method, QJsonObject params, int timeoutMs)
{
    const int id = m_id++;
    QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
                        {QStringLiteral("method"), method}};
    if (!params.isEmpty())
        request.insert(QStringLiteral("params"), params);
    m_helper->send(QJsonDocument(request).toJson(QJsonDocument::Compact));
    const QJsonObject r = m_helper->response(id, timeoutMs);
    m_stderr += m_helper->process().readAllStandardError();
    if (result(r).value(QLatin1String("reloaded")).toBool()
        || result(r).value(QLatin1String("site")).toObject().value(QLatin1String("reloaded")).toBool())
        QTest::qWait(150); // old workers accept for another 100 ms
    return r;
}

QMap<QString, QString> tst_HelperCerts::readEnv(const QString &file) const
{
    QMap<QString, QString> env;
    QFile f(file);
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.contains('='))
                env.insert(QString::fromUtf8(line.left(line.indexOf('='))),
                           QString::fromUtf8(line.mid(line.indexOf('=') + 1)));
    return env;
}

QByteArray tst_HelperCerts::openssl(const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(path(QStringLiteral("/pki")));
    p.start(QStringLiteral("openssl"), args);
    p.waitForFinished(30000);
    if (p.exitCode() != 0)
        qWarning() << "openssl" << args << p.readAllStandardError();
    return p.readAllStandardOutput();
}

// The DNS names of the certificate nginx serves on the TLS port for `sni`.
QStringList tst_HelperCerts::servedNames(const QString &sni)
{
    QSslSocket s;
    s.setPeerVerifyMode(QSslSocket::QueryPeer);
    s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(m_sslPort), sni);
    if (!s.waitForEncrypted(5000))
        return {};
    QStringList names = s.peerCertificate().subjectAlternativeNames().values(QSsl::DnsEntry);
    names.sort();
    return names;
}

QString tst_HelperCerts::get(const QString &host, const QString &urlPath)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_port));
    if (!s.waitForConnected(3000))
        return {};
    s.write("GET " + urlPath.toUtf8() + " HTTP/1.0\r\nHost: " + host.toUtf8() + "\r\n\r\n");
    QByteArray all;
    while (s.waitForReadyRead(3000))
        all += s.readAll();
    return QString::fromUtf8(all.left(all.indexOf("\r\n")).split(' ').value(1));
}

// No private key in an answer, the helper's log or a stored site version.
void tst_HelperCerts::noSecretsLeaked(const QJsonObject &response)
{
    QVERIFY(!QJsonDocument(response).toJson().contains("PRIVATE KEY"));
    QVERIFY(!m_stderr.contains("PRIVATE KEY"));
    QDirIterator it(path(QStringLiteral("/qwq-data/websites")), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("PRIVATE KEY"), qPrintable(f.fileName()));
    }
}

void tst_HelperCerts::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("needs root (nginx workers, /var/log/nginx)");
    QVERIFY(m_dir.isValid());
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                            | QFileDevice::ReadOther | QFileDevice::ExeOther);
    QDir().mkpath(path(QStringLiteral("/nginx")));
    QProcess fixture;
    fixture.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    fixture.start(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/nginx.sh"),
                                           QStringLiteral("start"), path(QStringLiteral("/nginx"))});
    QVERIFY(fixture.waitForFinished(30000));
    if (fixture.exitCode() == 77)
        QSKIP("nginx is not installed");
    QCOMPARE(fixture.exitCode(), 0);
    m_nginx = true;
    const auto nginxEnv = readEnv(path(QStringLiteral("/nginx/env")));
    m_conf = nginxEnv.value(QStringLiteral("CONF"));
    m_port = nginxEnv.value(QStringLiteral("PORT")).toInt();
    QVERIFY(m_port > 0);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HTTP_PORT"), QString::number(m_port)); // HTTP-01 through the site
    fixture.setProcessEnvironment(env);
    fixture.start(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/pebble.sh"),
                                           QStringLiteral("start"), path(QStringLiteral("/pebble"))});
    QVERIFY(fixture.waitForFinished(30000));
    if (fixture.exitCode() == 77)
        QSKIP("pebble is not installed");
    QCOMPARE(fixture.exitCode(), 0);
    m_pebble = true;
    const auto pebbleEnv = readEnv(path(QStringLiteral("/pebble/env")));
    m_directory = pebbleEnv.value(QStringLiteral("DIRECTORY"));
    m_resolver = pebbleEnv.value(QStringLiteral("DNS_SERVER"));

    {
        QTcpServer probe; // a free port for the TLS listener
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        m_sslPort = probe.serverPort();
    }
    // nginx's workers (nobody) read the site root and the challenge tokens
    const QString www = path(QStringLiteral("/nginx/www"));
    QDir().mkpath(www + QStringLiteral("/shop"));
    QFile index(www + QStringLiteral("/shop/index.html"));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("shop-ok\n");
    index.close();
    QProcess::execute(QStringLiteral("chmod"), {QStringLiteral("-R"), QStringLiteral("a+rX"), www});
    QDir().mkpath(path(QStringLiteral("/pki")));

    qputenv("QWQ_DATA_DIR", path(QStringLiteral("/qwq-data")).toUtf8());
    qputenv("QWQ_WEBSITES_ROOTS", www.toUtf8());
    qputenv("QWQ_NGINX_CONF", m_conf.toUtf8());
    qputenv("QWQ_CERT_DIR", (www + QStringLiteral("/certs")).toUtf8());
    qputenv("QWQ_ACME_CHALLENGE_DIR", (www + QStringLiteral("/acme-challenge")).toUtf8());
    qputenv("QWQ_ACME_CA_FILE", pebbleEnv.value(QStringLiteral("CA_FILE")).toUtf8()); // trust: env only
    m_helper = std::make_unique<Helper>();
    QVERIFY(m_helper->initialize().contains(QLatin1String("result")));

    for (const QString &domain : {QStringLiteral("shop.test"), QStringLiteral("import.test")}) {
        const QJsonObject site{{QStringLiteral("domain"), domain},
                               {QStringLiteral("aliases"), QJsonArray{QString(QStringLiteral("www.") + domain)}},
                               {QStringLiteral("kind"), QStringLiteral("static")},
                               {QStringLiteral("root"), QString(www + QStringLiteral("/shop"))},
                               {QStringLiteral("port"), m_port},
                               {QStringLiteral("address"), QStringLiteral("127.0.0.1")}};
        const QJsonObject r = call(QStringLiteral("websites.create"), {{QStringLiteral("site"), site}});
        QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson());
    }
    QCOMPARE(get(QStringLiteral("shop.test"), QStringLiteral("/")), QStringLiteral("200"));
}

void tst_HelperCerts::cleanupTestCase()
{
    m_helper.reset();
    if (m_pebbleDns)
        QProcess::execute(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/pebble.sh"),
                                                   QStringLiteral("stop"), path(QStringLiteral("/pebble-dns"))});
    if (m_bind)
        QProcess::execute(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/bind.sh"),
                                                   QStringLiteral("stop"), path(QStringLiteral("/bind"))});
    if (m_pebble)
        QProcess::execute(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/pebble.sh"),
                                                   QStringLiteral("stop"), path(QStringLiteral("/pebble"))});
    if (m_nginx)
        QProcess::execute(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/nginx.sh"),
                                                   QStringLiteral("stop"), path(QStringLiteral("/nginx"))});
}

void tst_HelperCerts::dnsCheck()
{
    // challtestsrv answers 127.0.0.1 for every name: loopback is not a public address of this
    // server, so without `expect` that is a mismatch
    QJsonObject r = call(QStringLiteral("websites.dnsCheck"),
                         {{QStringLiteral("domain"), QStringLiteral("shop.test")},
                          {QStringLiteral("resolver"), m_resolver}});
    QJsonObject res = result(r);
    QVERIFY2(!res.isEmpty(), QJsonDocument(r).toJson());
    QCOMPARE(res.value(QLatin1String("ok")).toBool(), false);
    QJsonArray names = res.value(QLatin1String("names")).toArray();
    QCOMPARE(names.size(), 2);
    QCOMPARE(names[0].toObject().value(QLatin1String("name")).toString(), QStringLiteral("shop.test"));
    QCOMPARE(names[0].toObject().value(QLatin1String("status")).toString(), QStringLiteral("mismatch"));
    QCOMPARE(names[0].toObject().value(QLatin1String("addresses")).toArray(), QJsonArray{QStringLiteral("127.0.0.1")});

    r = call(QStringLiteral("websites.dnsCheck"),
             {{QStringLiteral("names"), QJsonArray{QStringLiteral("bücher.test")}},
              {QStringLiteral("expect"), QJsonArray{QStringLiteral("127.0.0.1")}},
              {QStringLiteral("resolver"), m_resolver}});
    res = result(r);
    QCOMPARE(res.value(QLatin1String("ok")).toBool(), true);
    names = res.value(QLatin1String("names")).toArray();
    QCOMPARE(names[0].toObject().value(QLatin1String("name")).toString(), QStringLiteral("xn--bcher-kva.test"));
    QCOMPARE(names[0].toObject().value(QLatin1String("status")).toString(), QStringLiteral("ok"));

    // a server that does not answer: unresolved, with the reason
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString silent = QStringLiteral("127.0.0.1:%1").arg(probe.serverPort()); // TCP only: UDP unanswered
    r = call(QStringLiteral("websites.dnsCheck"), {{QStringLiteral("names"), QJsonArray{QStringLiteral("shop.test")}},
                                                   {QStringLiteral("resolver"), silent}});
    names = result(r).value(QLatin1String("names")).toArray();
    QCOMPARE(names[0].toObject().value(QLatin1String("status")).toString(), QStringLiteral("unresolved"));
}

void tst_HelperCerts::requestRefusedWhenDnsMismatches()
{
    const QJsonObject r = call(QStringLiteral("websites.certRequest"),
                               {{QStringLiteral("domain"), QStringLiteral("shop.test")},
                                {QStringLiteral("directory"), m_directory},
                                {QStringLiteral("resolver"), m_resolver}});
    QCOMPARE(errorCode(r), 5010);
    QVERIFY(!errorMessage(r).isEmpty());
    const QJsonObject data = r.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("names")).toArray().size(), 2);
    QVERIFY(data.contains(QLatin1String("serverAddresses")));
    QVERIFY(!QFile::exists(path(QStringLiteral("/nginx/www/certs/shop.test"))));
}

void tst_HelperCerts::invalidParamsRefused_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("field");
    const QJsonObject shop{{QStringLiteral("domain"), QStringLiteral("shop.test")}};
    auto with = [](QJsonObject o, const QString &k, const QJsonValue &v) {
        o.insert(k, v);
        return o;
    };
    QTest::newRow("domain") << "websites.certRequest"
                            << QJsonObject{{QStringLiteral("domain"), QStringLiteral("shop.test;evil")}} << 1001
                            << "domain";
    QTest::newRow("directory http") << "websites.certRequest"
                                    << with(shop, QStringLiteral("directory"), QStringLiteral("http://ca.test/dir"))
                                    << 1001 << "directory";
    QTest::newRow("directory quote")
        << "websites.certRequest" << with(shop, QStringLiteral("directory"), QStringLiteral("https://a\"b/"))
        << 1001 << "directory";
    QTest::newRow("email") << "websites.certRequest"
                           << with(shop, QStringLiteral("email"), QStringLiteral("a@b;rm -rf /")) << 1001 << "email";
    QTest::newRow("resolver") << "websites.certRequest"
                              << with(shop, QStringLiteral("resolver"), QStringLiteral("8.8.8.8; id")) << 1001
                              << "resolver";
    QTest::newRow("challenge") << "websites.certRequest"
                               << with(shop, QStringLiteral("challenge"), QStringLiteral("tls-alpn-01")) << 1001
                               << "challenge";
    QTest::newRow("no such site") << "websites.certRequest"
                                  << QJsonObject{{QStringLiteral("domain"), QStringLiteral("nosite.test")}} << 5002
                                  << "domain";
    QTest::newRow("hand-written site") << "websites.certRequest"
                                       << QJsonObject{{QStringLiteral("domain"), QStringLiteral("hand.test")}}
                                       << 5002 << "domain";
    QTest::newRow("dns name") << "websites.dnsCheck"
                              << QJsonObject{{QStringLiteral("names"), QJsonArray{QStringLiteral("a b.test")}}}
                              << 1001 << "names[0]";
    QTest::newRow("expect") << "websites.dnsCheck"
                            << QJsonObject{{QStringLiteral("names"), QJsonArray{QStringLiteral("a.test")}},
                                           {QStringLiteral("expect"), QJsonArray{QStringLiteral("1.2.3.4/8")}}}
                            << 1001 << "expect[0]";
    QTest::newRow("import name escapes") << "websites.certImport"
                                         << QJsonObject{{QStringLiteral("certificate"), QStringLiteral("x")},
                                                        {QStringLiteral("key"), QStringLiteral("y")},
                                                        {QStringLiteral("name"), QStringLiteral("../../etc")}}
                                         << 1001 << "name";
}

void tst_HelperCerts::invalidParamsRefused()
{
    QFETCH(QString, method);
    QFETCH(QJsonObject, params);
    QFETCH(int, code);
    QFETCH(QString, field);
    const QJsonObject r = call(method, params);
    QCOMPARE(errorCode(r), code);
    QCOMPARE(errorField(r), field);
    QVERIFY(!errorMessage(r).isEmpty());
}

void tst_HelperCerts::requestIssuesAndInstalls()
{
    m_helper->notifications.clear();
    QElapsedTimer clock;
    clock.start();
    const QJsonObject r = call(QStringLiteral("websites.certRequest"),
                               {{QStringLiteral("domain"), QStringLiteral("shop.test")},
                                {QStringLiteral("directory"), m_directory},
                                {QStringLiteral("email"), QStringLiteral("admin@shop.test")},
                                {QStringLiteral("resolver"), m_resolver},
                                {QStringLiteral("expect"), QJsonArray{QStringLiteral("127.0.0.1")}},
                                {QStringLiteral("sslPort"), m_sslPort},
                                {QStringLiteral("httpsRedirect"), true}},
                               120000);
    qInfo("certRequest (HTTP-01, 2 names, Pebble, nginx reload): %lld ms", qint64(clock.elapsed()));
    const QJsonObject res = result(r);
    QVERIFY2(!res.isEmpty(), QJsonDocument(r).toJson());
    QCOMPARE(res.value(QLatin1String("names")).toArray(),
             (QJsonArray{QStringLiteral("shop.test"), QStringLiteral("www.shop.test")}));
    QVERIFY(res.value(QLatin1String("daysLeft")).toInt() > 0);
    QVERIFY(res.value(QLatin1String("issuer")).toString().contains(QLatin1String("Pebble")));
    const QString key = res.value(QLatin1String("key")).toString();
    QCOMPARE(key, path(QStringLiteral("/nginx/www/certs/shop.test/privkey.pem")));
    struct stat st{};
    QCOMPARE(::stat(key.toUtf8().constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
    QVERIFY(res.value(QLatin1String("site")).toObject().value(QLatin1String("reloaded")).toBool());

    // progress came as $/stream notifications, in order
    QStringList stages;
    for (const QJsonObject &n : std::as_const(m_helper->notifications))
        if (n.value(QLatin1String("method")) == QLatin1String("$/stream"))
            stages << n.value(QLatin1String("params")).toObject().value(QLatin1String("data")).toObject()
                          .value(QLatin1String("stage")).toString();
    QVERIFY2(stages.contains(QLatin1String("challenge")) && stages.contains(QLatin1String("finalize"))
                 && stages.indexOf(QLatin1String("dns")) < stages.indexOf(QLatin1String("install")),
             qPrintable(stages.join(QLatin1Char(','))));

    // nginx serves the issued certificate for both names; plain HTTP redirects, except the
    // challenge path; no token file is left behind
    QTRY_COMPARE_WITH_TIMEOUT(servedNames(QStringLiteral("shop.test")),
                              (QStringList{QStringLiteral("shop.test"), QStringLiteral("www.shop.test")}), 5000);
    QCOMPARE(get(QStringLiteral("shop.test"), QStringLiteral("/")), QStringLiteral("301"));
    QCOMPARE(get(QStringLiteral("shop.test"), QStringLiteral("/.well-known/acme-challenge/nothing")),
             QStringLiteral("404"));
    QCOMPARE(QDir(path(QStringLiteral("/nginx/www/acme-challenge"))).entryList(QDir::Files).size(), 0);
    noSecretsLeaked(r);
    // the account key is kept (0600) for the next order with this CA
    QDirIterator it(path(QStringLiteral("/qwq-data/acme/accounts")), {QStringLiteral("key.pem")}, QDir::Files,
                    QDirIterator::Subdirectories);
    QVERIFY(it.hasNext());
    QCOMPARE(::stat(it.next().toUtf8().constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
}

void tst_HelperCerts::overviewListsCertificates()
{
    const QJsonObject r = call(QStringLiteral("websites.certificates"));
    const QJsonArray list = result(r).value(QLatin1String("certificates")).toArray();
    QVERIFY2(!list.isEmpty(), QJsonDocument(r).toJson());
    QJsonObject shop;
    for (const QJsonValue &v : list)
        if (v.toObject().value(QLatin1String("path")).toString().endsWith(QLatin1String("/shop.test/fullchain.pem")))
            shop = v.toObject();
    QVERIFY2(!shop.isEmpty(), QJsonDocument(r).toJson());
    QCOMPARE(shop.value(QLatin1String("qwq")).toBool(), true);
    QCOMPARE(shop.value(QLatin1String("source")).toString(), QStringLiteral("acme"));
    QVERIFY(shop.value(QLatin1String("renewal")).toObject().contains(QLatin1String("due")));
    QVERIFY(shop.value(QLatin1String("notAfter")).toInteger() > QDateTime::currentSecsSinceEpoch());
    QCOMPARE(shop.value(QLatin1String("sites")).toArray().first().toObject().value(QLatin1String("site")).toString(),
             QStringLiteral("shop.test"));
    noSecretsLeaked(r);
}

// A managed site written before the emitter added the challenge location (here: its file with
// that location cut out through the raw editor) is rewritten from its spec before the order.
void tst_HelperCerts::olderSiteGetsChallengeLocation()
{
    const QJsonObject site{{QStringLiteral("domain"), QStringLiteral("old.test")},
                           {QStringLiteral("kind"), QStringLiteral("static")},
                           {QStringLiteral("root"), path(QStringLiteral("/nginx/www/shop"))},
                           {QStringLiteral("port"), m_port},
                           {QStringLiteral("address"), QStringLiteral("127.0.0.1")}};
    QJsonObject r = call(QStringLiteral("websites.create"), {{QStringLiteral("site"), site}});
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson());
    r = call(QStringLiteral("websites.get"), {{QStringLiteral("domain"), QStringLiteral("old.test")}});
    QString text = result(r).value(QLatin1String("text")).toString();
    const int start = text.indexOf(QLatin1String("    location ^~ /.well-known/acme-challenge/"));
    QVERIFY(start > 0);
    text.remove(start, text.indexOf(QLatin1String("    }\n"), start) + 6 - start);
    QVERIFY(!text.contains(QLatin1String("acme-challenge")));
    r = call(QStringLiteral("websites.writeRaw"), {{QStringLiteral("file"), result(r).value(QLatin1String("file"))},
                                                   {QStringLiteral("text"), text},
                                                   {QStringLiteral("baseSha256"), result(r).value(QLatin1String("sha256"))}});
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson());
    QCOMPARE(get(QStringLiteral("old.test"), QStringLiteral("/.well-known/acme-challenge/x")), QStringLiteral("404"));
    r = call(QStringLiteral("websites.certRequest"), {{QStringLiteral("domain"), QStringLiteral("old.test")},
                                                      {QStringLiteral("directory"), m_directory},
                                                      {QStringLiteral("force"), true},
                                                      {QStringLiteral("sslPort"), m_sslPort}},
             120000);
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson());
    r = call(QStringLiteral("websites.get"), {{QStringLiteral("domain"), QStringLiteral("old.test")}});
    QVERIFY(result(r).value(QLatin1String("text")).toString().contains(QLatin1String("/.well-known/acme-challenge/")));
}

// The shop.test entry of websites.certificates.
static QJsonObject shopEntry(const QJsonObject &response)
{
    for (const QJsonValue &v : result(response).value(QLatin1String("certificates")).toArray())
        if (v.toObject().value(QLatin1String("path")).toString().endsWith(QLatin1String("/shop.test/fullchain.pem")))
            return v.toObject();
    return {};
}

void tst_HelperCerts::renewalThroughSchedule()
{
    if (QStandardPaths::findExecutable(QStringLiteral("crontab")).isEmpty())
        QSKIP("cron is not installed");
    QJsonObject r = call(QStringLiteral("websites.certRenewInstall"),
                         {{QStringLiteral("scheduler"), QStringLiteral("cron")}, {QStringLiteral("days"), 30}});
    const QJsonObject installed = result(r);
    QVERIFY2(installed.value(QLatin1String("installed")).toBool(), QJsonDocument(r).toJson());
    // the crontab line, as cron would run it
    QProcess crontab;
    crontab.start(QStringLiteral("crontab"), {QStringLiteral("-l")});
    QVERIFY(crontab.waitForFinished(10000));
    QString line;
    for (const QString &l : QString::fromUtf8(crontab.readAllStandardOutput()).split(QLatin1Char('\n')))
        if (l.endsWith(QLatin1String("# qwq-cert-renew")))
            line = l;
    QVERIFY2(!line.isEmpty(), "no crontab line");
    QStringList fields = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QCOMPARE(fields.mid(0, 5).join(QLatin1Char(' ')), QStringLiteral("17 3 * * *"));
    const QStringList command = fields.mid(5, fields.size() - 7); // without "# qwq-cert-renew"
    QCOMPARE(command.join(QLatin1Char(' ')), installed.value(QLatin1String("command")).toString());
    const QJsonObject status = result(call(QStringLiteral("websites.certRenewStatus")));
    QCOMPARE(status.value(QLatin1String("installed")).toBool(), true);
    QCOMPARE(status.value(QLatin1String("scheduler")).toString(), QStringLiteral("cron"));

    const QJsonObject before = shopEntry(call(QStringLiteral("websites.certificates")));
    QVERIFY(!before.isEmpty());
    // Run it as cron would: a bare environment (the helper takes its QWQ_* settings from the
    // config it was given), with a threshold longer than Pebble's certificates last.
    QProcess run;
    QProcessEnvironment bare;
    bare.insert(QStringLiteral("PATH"), QStringLiteral("/usr/sbin:/usr/bin:/sbin:/bin"));
    run.setProcessEnvironment(bare);
    run.start(command.first(), command.mid(1) + QStringList{QStringLiteral("--days"), QStringLiteral("100000")});
    QVERIFY(run.waitForFinished(120000));
    const QByteArray log = run.readAllStandardError();
    QVERIFY2(run.exitCode() == 0, log.constData());
    QVERIFY(!log.contains("PRIVATE KEY"));

    const QJsonObject after = shopEntry(call(QStringLiteral("websites.certificates")));
    QVERIFY(after.value(QLatin1String("sha256")) != before.value(QLatin1String("sha256")));
    QCOMPARE(after.value(QLatin1String("renewal")).toObject().value(QLatin1String("lastResult")).toString(),
             QStringLiteral("renewed"));
    const QJsonObject lastRun = result(call(QStringLiteral("websites.certRenewStatus"))).value(QLatin1String("lastRun")).toObject();
    QCOMPARE(lastRun.value(QLatin1String("renewed")).toInt(), 2); // shop.test and old.test (imports are not ACME)
    QCOMPARE(lastRun.value(QLatin1String("failed")).toInt(), 0);
    // nginx serves the new certificate (once the old workers, which accept for another 100 ms
    // after the reload, are gone)
    auto served = [this] {
        QSslSocket s;
        s.setPeerVerifyMode(QSslSocket::QueryPeer);
        s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(m_sslPort), QStringLiteral("shop.test"));
        return s.waitForEncrypted(5000) ? QString::fromLatin1(s.peerCertificate().digest(QCryptographicHash::Sha256).toHex())
                                        : QString();
    };
    // (on this loaded 2-core machine a reload has taken seconds: poll for up to 30 s)
    QElapsedTimer clock;
    clock.start();
    QString got;
    while ((got = served()) != after.value(QLatin1String("sha256")).toString() && clock.elapsed() < 30000)
        QTest::qWait(100);
    QCOMPARE(got, after.value(QLatin1String("sha256")).toString());
    noSecretsLeaked(r);

    r = call(QStringLiteral("websites.certRenewUninstall"));
    QCOMPARE(result(r).value(QLatin1String("removed")).toArray(), QJsonArray{QStringLiteral("cron")});
    QCOMPARE(result(call(QStringLiteral("websites.certRenewStatus"))).value(QLatin1String("installed")).toBool(), false);
}

void tst_HelperCerts::importChecked_data()
{
    // a CA, an intermediate and a leaf for import.test; another key; an unrelated CA
    openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
             QStringLiteral("-subj"), QStringLiteral("/CN=Test Root"), QStringLiteral("-days"), QStringLiteral("30"),
             QStringLiteral("-keyout"), QStringLiteral("root.key"), QStringLiteral("-out"), QStringLiteral("root.pem")});
    openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
             QStringLiteral("-subj"), QStringLiteral("/CN=Other Root"), QStringLiteral("-days"), QStringLiteral("30"),
             QStringLiteral("-keyout"), QStringLiteral("other.key"), QStringLiteral("-out"), QStringLiteral("other.pem")});
    openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
             QStringLiteral("/CN=import.test"), QStringLiteral("-keyout"), QStringLiteral("leaf.key"),
             QStringLiteral("-out"), QStringLiteral("leaf.csr")});
    QFile ext(path(QStringLiteral("/pki/ext.cnf")));
    QVERIFY(ext.open(QIODevice::WriteOnly));
    ext.write("subjectAltName=DNS:import.test,DNS:www.import.test\n");
    ext.close();
    openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("leaf.csr"),
             QStringLiteral("-CA"), QStringLiteral("root.pem"), QStringLiteral("-CAkey"), QStringLiteral("root.key"),
             QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("10"),
             QStringLiteral("-extfile"), QStringLiteral("ext.cnf"), QStringLiteral("-out"), QStringLiteral("leaf.pem")});
    // an expired leaf of the same root (openssl ca takes explicit dates)
    QFile caConf(path(QStringLiteral("/pki/ca.cnf")));
    QVERIFY(caConf.open(QIODevice::WriteOnly));
    caConf.write("[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\n"
                 "default_md=sha256\npolicy=p\n[p]\ncommonName=supplied\n");
    caConf.close();
    QFile(path(QStringLiteral("/pki/index.txt"))).open(QIODevice::WriteOnly);
    QFile serial(path(QStringLiteral("/pki/serial")));
    QVERIFY(serial.open(QIODevice::WriteOnly));
    serial.write("1000\n");
    serial.close();
    openssl({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"), QStringLiteral("ca.cnf"),
             QStringLiteral("-cert"), QStringLiteral("root.pem"), QStringLiteral("-keyfile"), QStringLiteral("root.key"),
             QStringLiteral("-in"), QStringLiteral("leaf.csr"), QStringLiteral("-out"), QStringLiteral("expired.pem"),
             QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"), QStringLiteral("-enddate"),
             QStringLiteral("20200201000000Z"), QStringLiteral("-notext")});
    auto read = [this](const char *name) {
        QFile f(path(QStringLiteral("/pki/")) + QLatin1String(name));
        f.open(QIODevice::ReadOnly);
        return QString::fromUtf8(f.readAll());
    };
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("field");
    const QString leaf = read("leaf.pem"), leafKey = read("leaf.key");
    QVERIFY(leaf.contains(QLatin1String("BEGIN CERTIFICATE")));
    const auto p = [](const QString &c, const QString &k, const QString &chain = {}) {
        QJsonObject o{{QStringLiteral("certificate"), c}, {QStringLiteral("key"), k}};
        if (!chain.isEmpty())
            o.insert(QStringLiteral("chain"), chain);
        return o;
    };
    QTest::newRow("not PEM") << p(QStringLiteral("hello"), leafKey) << "certificate";
    QTest::newRow("broken PEM") << p(QString(leaf).replace(100, 20, QStringLiteral("!!!!")), leafKey) << "certificate";
    QTest::newRow("key not PEM") << p(leaf, QStringLiteral("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
                                 << "key";
    QTest::newRow("other key") << p(leaf, read("other.key")) << "key";
    QTest::newRow("chain of another CA") << p(leaf, leafKey, read("other.pem")) << "chain";
    QVERIFY(read("expired.pem").contains(QLatin1String("BEGIN CERTIFICATE")));
    QTest::newRow("expired") << p(read("expired.pem"), leafKey, read("root.pem")) << "certificate";
    m_importGood = p(leaf, leafKey, read("root.pem"));
}

void tst_HelperCerts::importChecked()
{
    QFETCH(QJsonObject, params);
    QFETCH(QString, field);
    params.insert(QStringLiteral("site"), QStringLiteral("import.test"));
    const QJsonObject r = call(QStringLiteral("websites.certImport"), params);
    QCOMPARE(errorCode(r), 5011);
    QCOMPARE(errorField(r), field);
    QVERIFY(!errorMessage(r).isEmpty());
    QVERIFY(!QFile::exists(path(QStringLiteral("/nginx/www/certs/import.test"))));
    noSecretsLeaked(r);
}

void tst_HelperCerts::importInstalls()
{
    QJsonObject params = m_importGood;
    params.insert(QStringLiteral("site"), QStringLiteral("import.test"));
    params.insert(QStringLiteral("sslPort"), m_sslPort);
    const QJsonObject r = call(QStringLiteral("websites.certImport"), params);
    const QJsonObject res = result(r);
    QVERIFY2(!res.isEmpty(), QJsonDocument(r).toJson());
    QCOMPARE(res.value(QLatin1String("names")).toArray(),
             (QJsonArray{QStringLiteral("import.test"), QStringLiteral("www.import.test")}));
    struct stat st{};
    QCOMPARE(::stat(res.value(QLatin1String("key")).toString().toUtf8().constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
    QTRY_COMPARE_WITH_TIMEOUT(servedNames(QStringLiteral("import.test")),
                              (QStringList{QStringLiteral("import.test"), QStringLiteral("www.import.test")}), 5000);
    // both sites keep their own certificate on the shared TLS port
    QCOMPARE(servedNames(QStringLiteral("shop.test")), (QStringList{QStringLiteral("shop.test"), QStringLiteral("www.shop.test")}));
    noSecretsLeaked(r);
    const QJsonArray list = result(call(QStringLiteral("websites.certificates"))).value(QLatin1String("certificates")).toArray();
    bool found = false;
    for (const QJsonValue &v : list)
        if (v.toObject().value(QLatin1String("path")).toString().endsWith(QLatin1String("/import.test/fullchain.pem"))) {
            found = true;
            QCOMPARE(v.toObject().value(QLatin1String("source")).toString(), QStringLiteral("import"));
            QCOMPARE(v.toObject().value(QLatin1String("chainLength")).toInt(), 2);
        }
    QVERIFY(found);
}

void tst_HelperCerts::failingNginxTestChangesNothing()
{
    // a hand-written file nginx refuses: every apply must fail its nginx -t and change nothing
    auto snapshot = [this] {
        QMap<QString, QByteArray> files;
        for (const QString &dir : {QStringLiteral("/nginx/conf"), QStringLiteral("/nginx/www/certs")}) {
            QDirIterator it(path(dir), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                f.open(QIODevice::ReadOnly);
                files.insert(f.fileName(), f.readAll());
            }
        }
        return files;
    };
    QFile broken(path(QStringLiteral("/nginx/conf/sites-enabled/zz-broken")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("server { listen 127.0.0.1:1; no_such_directive on; }\n");
    broken.close();
    auto before = snapshot();
    before.remove(broken.fileName());
    QJsonObject params = m_importGood;
    params.insert(QStringLiteral("site"), QStringLiteral("import.test"));
    params.insert(QStringLiteral("name"), QStringLiteral("fresh.import.test"));
    const QJsonObject r = call(QStringLiteral("websites.certImport"), params);
    QFile::remove(broken.fileName());
    QCOMPARE(errorCode(r), 5000);
    QCOMPARE(snapshot().keys(), before.keys());
    QVERIFY(snapshot() == before);
    QVERIFY(!QFile::exists(path(QStringLiteral("/nginx/www/certs/fresh.import.test"))));
}

// DNS-01: the TXT record goes to a real BIND by RFC 2136 updates signed with TSIG; a second
// Pebble asks that BIND. The site has a wildcard alias, which only DNS-01 can validate.
void tst_HelperCerts::dns01ThroughRfc2136()
{
    QProcess fixture;
    fixture.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    fixture.start(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/bind.sh"),
                                           QStringLiteral("start"), path(QStringLiteral("/bind"))});
    QVERIFY(fixture.waitForFinished(30000));
    if (fixture.exitCode() == 77)
        QSKIP("bind9 is not installed");
    QCOMPARE(fixture.exitCode(), 0);
    m_bind = true;
    const auto bind = readEnv(path(QStringLiteral("/bind/env")));
    const QString bindServer = QStringLiteral("127.0.0.1:") + bind.value(QStringLiteral("PORT"));
    const QString secret = bind.value(QStringLiteral("KEY_SECRET"));
    QVERIFY(!secret.isEmpty());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DNS_SERVER"), bindServer);
    fixture.setProcessEnvironment(env);
    fixture.start(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/pebble.sh"),
                                           QStringLiteral("start"), path(QStringLiteral("/pebble-dns"))});
    QVERIFY(fixture.waitForFinished(30000));
    QCOMPARE(fixture.exitCode(), 0);
    m_pebbleDns = true;
    const QString directory = readEnv(path(QStringLiteral("/pebble-dns/env"))).value(QStringLiteral("DIRECTORY"));
    // both Pebbles' test CAs are the helper's environment's: restart it with this one's
    const auto pebbleDnsEnv = readEnv(path(QStringLiteral("/pebble-dns/env")));
    m_stderr += m_helper->process().readAllStandardError();
    m_helper.reset();
    qputenv("QWQ_ACME_CA_FILE", pebbleDnsEnv.value(QStringLiteral("CA_FILE")).toUtf8());
    m_helper = std::make_unique<Helper>();
    QVERIFY(m_helper->initialize().contains(QLatin1String("result")));

    // DNS health against BIND: a name here, one elsewhere, one that does not exist
    QJsonObject r = call(QStringLiteral("websites.dnsCheck"),
                         {{QStringLiteral("names"), QJsonArray{QStringLiteral("acme.test"), QStringLiteral("away.acme.test"),
                                                               QStringLiteral("nothere.acme.test")}},
                          {QStringLiteral("expect"), QJsonArray{QStringLiteral("127.0.0.1")}},
                          {QStringLiteral("resolver"), bindServer}});
    const QJsonArray names = result(r).value(QLatin1String("names")).toArray();
    QCOMPARE(names.size(), 3);
    QCOMPARE(names[0].toObject().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(names[1].toObject().value(QLatin1String("status")).toString(), QStringLiteral("mismatch"));
    QCOMPARE(names[1].toObject().value(QLatin1String("addresses")).toArray(), QJsonArray{QStringLiteral("192.0.2.1")});
    QCOMPARE(names[2].toObject().value(QLatin1String("status")).toString(), QStringLiteral("unresolved"));

    const QJsonObject site{{QStringLiteral("domain"), QStringLiteral("acme.test")},
                           {QStringLiteral("aliases"), QJsonArray{QStringLiteral("*.acme.test")}},
                           {QStringLiteral("kind"), QStringLiteral("static")},
                           {QStringLiteral("root"), path(QStringLiteral("/nginx/www/shop"))},
                           {QStringLiteral("port"), m_port},
                           {QStringLiteral("address"), QStringLiteral("127.0.0.1")}};
    r = call(QStringLiteral("websites.create"), {{QStringLiteral("site"), site}});
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson());
    QJsonObject dns{{QStringLiteral("provider"), QStringLiteral("rfc2136")},
                    {QStringLiteral("server"), bindServer},
                    {QStringLiteral("zone"), QStringLiteral("acme.test")},
                    {QStringLiteral("keyName"), QStringLiteral("qwq-test")},
                    {QStringLiteral("algorithm"), QStringLiteral("hmac-sha256")},
                    {QStringLiteral("secret"), secret}};
    QJsonObject params{{QStringLiteral("domain"), QStringLiteral("acme.test")},
                       {QStringLiteral("directory"), directory},
                       {QStringLiteral("challenge"), QStringLiteral("dns-01")},
                       {QStringLiteral("sslPort"), m_sslPort}};
    // HTTP-01 cannot validate a wildcard
    r = call(QStringLiteral("websites.certRequest"), params);
    QCOMPARE(errorCode(r), 1001);
    QCOMPARE(errorField(r), QStringLiteral("dns"));
    // a wrong TSIG secret: BIND refuses the update
    QJsonObject wrong = dns;
    wrong.insert(QStringLiteral("secret"), QString::fromLatin1(QByteArray(32, 'x').toBase64()));
    params.insert(QStringLiteral("dns"), wrong);
    r = call(QStringLiteral("websites.certRequest"), params, 120000);
    QCOMPARE(errorCode(r), 5012);
    QVERIFY(!errorMessage(r).isEmpty());
    // the right one
    params.insert(QStringLiteral("dns"), dns);
    QElapsedTimer clock;
    clock.start();
    r = call(QStringLiteral("websites.certRequest"), params, 120000);
    qInfo("certRequest (DNS-01 via BIND, 2 authorizations, Pebble): %lld ms", qint64(clock.elapsed()));
    const QJsonObject res = result(r);
    QVERIFY2(!res.isEmpty(), QJsonDocument(r).toJson());
    QVERIFY(res.value(QLatin1String("names")).toArray().contains(QStringLiteral("*.acme.test")));
    QTRY_VERIFY_WITH_TIMEOUT(servedNames(QStringLiteral("sub.acme.test")).contains(QStringLiteral("*.acme.test")), 5000);
    // the challenge records are gone again
    QProcess dig;
    dig.start(QStringLiteral("dig"), {QStringLiteral("+short"), QStringLiteral("-p"), bind.value(QStringLiteral("PORT")),
                                      QStringLiteral("@127.0.0.1"), QStringLiteral("TXT"),
                                      QStringLiteral("_acme-challenge.acme.test")});
    QVERIFY(dig.waitForFinished(10000));
    QCOMPARE(dig.readAllStandardOutput().trimmed(), QByteArray());
    // the secret is in no answer, log, version or qwq.json; its renewal copy is root's only
    m_stderr += m_helper->process().readAllStandardError();
    QVERIFY(!m_stderr.contains(secret.toUtf8()));
    QVERIFY(!QJsonDocument(r).toJson().contains(secret.toUtf8()));
    QDirIterator it(path(QStringLiteral("/")), QDir::Files, QDirIterator::Subdirectories);
    const QString dnsCopy = path(QStringLiteral("/qwq-data/acme/dns/acme.test.json"));
    while (it.hasNext()) {
        const QString file = it.next();
        if (file == dnsCopy || file.startsWith(path(QStringLiteral("/bind"))) || file.endsWith(QLatin1String(".jnl")))
            continue;
        QFile f(file);
        if (f.size() < 1 << 20 && f.open(QIODevice::ReadOnly))
            QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(file));
    }
    struct stat st{};
    QCOMPARE(::stat(dnsCopy.toUtf8().constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
    noSecretsLeaked(r);
}

// Token and certificate directories others can write are refused (a swapped file under the
// rename would be served or loaded by nginx as root).
void tst_HelperCerts::unsafeDirectoriesRefused()
{
    // the helper trusts the first Pebble again (the DNS-01 test switched it to the second)
    m_stderr += m_helper->process().readAllStandardError();
    m_helper.reset();
    qputenv("QWQ_ACME_CA_FILE", readEnv(path(QStringLiteral("/pebble/env"))).value(QStringLiteral("CA_FILE")).toUtf8());
    m_helper = std::make_unique<Helper>();
    QVERIFY(m_helper->initialize().contains(QLatin1String("result")));
    const QByteArray challenge = path(QStringLiteral("/nginx/www/acme-challenge")).toUtf8();
    QCOMPARE(::chmod(challenge.constData(), 0777), 0);
    QJsonObject r = call(QStringLiteral("websites.certRequest"),
                         {{QStringLiteral("domain"), QStringLiteral("shop.test")},
                          {QStringLiteral("directory"), m_directory},
                          {QStringLiteral("force"), true}},
                         120000);
    ::chmod(challenge.constData(), 0755);
    QCOMPARE(errorCode(r), 1001);
    QCOMPARE(errorField(r), QStringLiteral("challengeDir"));
    const QByteArray certs = path(QStringLiteral("/nginx/www/certs")).toUtf8();
    QCOMPARE(::chmod(certs.constData(), 0777), 0);
    QJsonObject params = m_importGood;
    params.insert(QStringLiteral("name"), QStringLiteral("other.import.test"));
    r = call(QStringLiteral("websites.certImport"), params);
    ::chmod(certs.constData(), 0755);
    QCOMPARE(errorCode(r), 1001);
    QCOMPARE(errorField(r), QStringLiteral("certDir"));
}

// Trusting a test CA is the helper's environment's business: without QWQ_ACME_CA_FILE the
// Pebble CA does not verify (5008, nothing written), and no request field can add it.
void tst_HelperCerts::trustOnlyFromHelperEnvironment()
{
    m_stderr += m_helper->process().readAllStandardError();
    m_helper.reset();
    qunsetenv("QWQ_ACME_CA_FILE");
    m_helper = std::make_unique<Helper>();
    QVERIFY(m_helper->initialize().contains(QLatin1String("result")));
    const QString caFile = readEnv(path(QStringLiteral("/pebble/env"))).value(QStringLiteral("CA_FILE"));
    const QJsonObject r = call(QStringLiteral("websites.certRequest"),
                               {{QStringLiteral("domain"), QStringLiteral("import.test")},
                                {QStringLiteral("directory"), m_directory},
                                {QStringLiteral("force"), true},
                                {QStringLiteral("caFile"), caFile}, // not a parameter: ignored
                                {QStringLiteral("QWQ_ACME_CA_FILE"), caFile}});
    QCOMPARE(errorCode(r), 5008);
    const QJsonObject data = r.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("status")).toInt(), 0);
    QVERIFY2(data.value(QLatin1String("detail")).toString().contains(QLatin1String("certificate")),
             QJsonDocument(r).toJson());
    QFile meta(path(QStringLiteral("/nginx/www/certs/import.test/qwq.json"))); // still the imported one
    QVERIFY(meta.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(meta.readAll()).object().value(QLatin1String("source")).toString(),
             QStringLiteral("import"));
}

QTEST_GUILESS_MAIN(tst_HelperCerts)
#include "tst_helper_certs.moc"
