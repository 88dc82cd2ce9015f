// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled help index, the server facts given to the model, and the provider settings'
// environment overrides.
#include <ai/core/helpindex.h>
#include <ai/core/providerpreset.h>
#include <ai/core/serverfacts.h>
#include <helper/core/helperclient.h>

#include <QtTest>

using namespace Qwq;
using namespace Qwq::Ai;

class tst_HelpIndex : public QObject
{
    Q_OBJECT

    static QStringList ids(const QList<HelpTopic> &topics)
    {
        QStringList out;
        for (const HelpTopic &t : topics)
            out << t.id;
        return out;
    }

private slots:
    void builtInLoads()
    {
        const auto index = HelpIndex::builtIn();
        QVERIFY2(index.ok(), index.ok() ? "" : qPrintable(index.error().toString()));
        QVERIFY(index->topics().size() >= 8);
        for (const HelpTopic &t : index->topics()) {
            QVERIFY2(!t.titleZh.isEmpty() && !t.bodyZh.isEmpty(), qPrintable(t.id));
            QVERIFY(t.body("en").contains("```"));
        }
    }

    void matchesByKeyword_data()
    {
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("first");
        QTest::newRow("disk") << "Why is the disk full? No space left on device" << "disk-full";
        QTest::newRow("load") << "the server is slow and load is high" << "high-load";
        QTest::newRow("service") << "nginx service failed to start" << "service-down";
        QTest::newRow("port") << "connection refused on port 8080" << "ports";
        QTest::newRow("ssh") << "Permission denied (publickey) when I log in with my ssh key" << "ssh-keys";
        QTest::newRow("docker") << "my docker container keeps restarting" << "docker";
        QTest::newRow("zh disk") << "磁盘满了怎么办" << "disk-full";
        QTest::newRow("zh logs") << "怎么看日志" << "logs";
        QTest::newRow("oom") << "process killed by OOM" << "memory";
    }

    void matchesByKeyword()
    {
        QFETCH(QString, question);
        QFETCH(QString, first);
        const auto index = HelpIndex::builtIn();
        QVERIFY(index.ok());
        const QList<HelpTopic> m = index->match(question);
        QVERIFY2(!m.isEmpty(), qPrintable(question));
        QCOMPARE(m.first().id, first);
        QVERIFY(m.size() <= 3);
    }

    void wholeWordsOnly()
    {
        const auto index = HelpIndex::fromJson(R"({"topics":[
            {"id":"a","keywords":["ss"],"title":{"en":"A"},"body":{"en":"x"}},
            {"id":"b","keywords":["load"],"title":{"en":"B"},"body":{"en":"y"}}]})");
        QVERIFY(index.ok());
        QVERIFY(index->match("my password").isEmpty());       // "ss" inside a word
        QCOMPARE(ids(index->match("use ss -ltn")), QStringList{"a"});
        QCOMPARE(ids(index->match("the loads are high")), QStringList{"b"});
        QVERIFY(index->match("").isEmpty());
    }

    void malformedIndexNamesTheTopic()
    {
        const auto bad = HelpIndex::fromJson(R"({"topics":[{"id":"x","keywords":[]}]})");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::InvalidParam);
        QCOMPARE(bad.error().detail, QStringLiteral("x"));
        QVERIFY(!HelpIndex::fromJson("{not json").ok());
    }

    void languagePicksTheText()
    {
        HelpTopic t{"t", {"k"}, "Title", "标题", "Body", "正文"};
        QCOMPARE(t.title("zh_CN"), QStringLiteral("标题"));
        QCOMPARE(t.body("en_US"), QStringLiteral("Body"));
        t.bodyZh.clear();
        QCOMPARE(t.body("zh_CN"), QStringLiteral("Body"));
    }

    void serverFactsForTheModel()
    {
        Helper::HelperInfo info;
        info.hostname = "web1";
        info.osPrettyName = "Debian GNU/Linux 12";
        info.kernel = "6.1.0-18-amd64";
        info.arch = "x86_64";
        info.userName = "root";
        const QJsonObject sys{{"uptimeSeconds", 90061.0},
                              {"cpu", QJsonObject{{"cores", 4}}},
                              {"load", QJsonArray{0.5, 0.4, 0.3}},
                              {"memory", QJsonObject{{"total", 8589934592.0}, {"available", 4294967296.0}}}};
        const QString text = ServerFacts::from("Web server", info, sys).toContext("Dashboard");
        for (const char *part : {"\"Web server\" (host name web1)", "Debian GNU/Linux 12", "kernel 6.1.0-18-amd64",
                                 "x86_64", "runs as root", "Up 1 d 1 h 1 min", "4 logical CPUs",
                                 "0.50", "4096 MiB of 8192 MiB", "\"Dashboard\" panel"})
            QVERIFY2(text.contains(QLatin1String(part)), qPrintable(text));
        QVERIFY(!ServerFacts::from("x", {}).toContext().contains("Up "));
    }

    void environmentOverridesTheProvider()
    {
        ProviderConfig c = ProviderConfig::fromPreset(ProviderPreset::byId("openai"));
        qunsetenv("QWQ_AI_BASE_URL");
        qunsetenv("QWQ_AI_MODEL");
        qunsetenv("QWQ_AI_API_KEY");
        QVERIFY(!c.applyEnvironment());
        qputenv("QWQ_AI_BASE_URL", "http://127.0.0.1:9/v1");
        qputenv("QWQ_AI_MODEL", "m1");
        qputenv("QWQ_AI_API_KEY", "sk-test");
        QVERIFY(c.applyEnvironment());
        QCOMPARE(c.providerId, QStringLiteral("custom"));
        QCOMPARE(c.baseUrl, QUrl("http://127.0.0.1:9/v1"));
        QCOMPARE(c.model, QStringLiteral("m1"));
        QCOMPARE(c.apiKey, QStringLiteral("sk-test"));
        QVERIFY(c.isLocal());
        qunsetenv("QWQ_AI_BASE_URL");
        qunsetenv("QWQ_AI_MODEL");
        qunsetenv("QWQ_AI_API_KEY");
    }
};

int runHelpIndexTests(int argc, char **argv)
{
    tst_HelpIndex t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_helpindex.moc"
