// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The AI pane, continued: provider errors and no model (with the bundled help), the Dashboard's
// "ask AI" entry point, saved conversations, Stop, and the AI settings page.
#include "tst_aipanel.h"

using namespace Qwq;
using namespace Qwq::Ai;
using namespace AiPanelTest;
using QwqTest::ScriptedLlmServer;
using QwqTest::ScriptedResponse;

void tst_AiPanel::providerErrors_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("401") << 401 << "refused the API key";
    QTest::newRow("429 Retry-After") << 429 << "limiting requests (HTTP 429)";
    QTest::newRow("500") << 500 << "failed (HTTP 500)";
    QTest::newRow("timeout") << 0 << "did not start answering within";
    QTest::newRow("malformed stream") << 1 << "malformed stream";
}

void tst_AiPanel::providerErrors()
{
    QFETCH(int, kind);
    QFETCH(QString, expected);
    switch (kind) {
    case 401:
        m_llm.enqueue("chat/completions", ScriptedResponse::body(
            401, R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}})"));
        break;
    case 429:
        // Two attempts: the first waits the Retry-After second, the second gives up.
        m_panel->llmClient()->setRetryPolicy({2, 10, 50, 5000});
        m_llm.enqueue("chat/completions", ScriptedResponse::body(429, "{}", {{"Retry-After", "1"}}));
        m_llm.enqueue("chat/completions", ScriptedResponse::body(429, "{}", {{"Retry-After", "1"}}));
        break;
    case 500:
        m_llm.enqueue("chat/completions", ScriptedResponse::body(500, R"({"error":"upstream exploded"})"));
        break;
    case 0: {
        m_panel->llmClient()->setTimeouts({2000, 300, 300});
        ScriptedResponse slow = textTurn({"too late"});
        slow.headerDelayMs = 3000;
        m_llm.enqueue("chat/completions", slow);
        break;
    }
    default:
        m_llm.enqueue("chat/completions", ScriptedResponse::sse({"{not json"}));
        break;
    }
    QSignalSpy done(m_panel, &AiPanel::turnFinished);
    ask("Why is the disk full?");
    if (kind == 429)
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->findChild<QLabel *>("aiStatus")->text().contains("trying again"), 5000);
    QVERIFY(done.wait(20000));
    QCOMPARE(done.first().first().toBool(), false);
    auto *notice = m_panel->chat()->findChild<QFrame *>("errorNotice");
    QVERIFY(notice);
    auto *problem = notice->findChild<QLabel *>("noticeText");
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(expected), qPrintable(problem->text()));
    if (kind != 1)
        QVERIFY(problem->text().contains("127.0.0.1"));   // names the provider
    QVERIFY(notice->findChild<QPushButton *>("noticeSettings"));
    // The bundled help for the question, open.
    auto *help = m_panel->chat()->findChild<QFrame *>("bundledHelp");
    QVERIFY(help);
    auto *topic = help->findChild<MarkdownView *>("helpTopic_disk-full");
    QVERIFY(topic);
    QTRY_VERIFY(topic->isVisible());
    QVERIFY(topic->toPlainText().contains("df -h"));
    if (kind == 401) {
        QTest::qWait(100);   // the help's second layout pass
        m_window->grab().save(QStringLiteral(QWQ_BINARY_DIR "/gui-aipanel-error.png"));
    }
}

void tst_AiPanel::noModelConfigured()
{
    Settings::setValue(QStringLiteral("ai/provider"), QString());
    m_panel = newPanel();
    QVERIFY(m_panel->modelText().contains("No AI model is set up"));
    QSignalSpy done(m_panel, &AiPanel::turnFinished);
    ask("sshd won't start, permission denied publickey");
    QTRY_COMPARE(done.size(), 1);   // at once: nothing to wait for
    QCOMPARE(m_llm.count("chat/completions"), 0);
    QVERIFY(m_panel->chat()->findChild<QLabel *>("noticeText")->text().contains("No AI model is set up yet"));
    auto *help = m_panel->chat()->findChild<QFrame *>("bundledHelp");
    QVERIFY(help);
    QVERIFY(help->findChild<MarkdownView *>("helpTopic_ssh-keys"));
    // A question the help does not know: every topic listed, closed.
    ask("qwertyuiop");
    QTRY_COMPARE(done.size(), 2);
    const auto helps = m_panel->chat()->findChildren<QFrame *>("bundledHelp");
    QCOMPARE(helps.size(), 2);
    const auto topics = helps.last()->findChildren<MarkdownView *>();
    QVERIFY(topics.size() >= 8);
    QVERIFY(!topics.first()->isVisible());
}

void tst_AiPanel::dashboardAsksAboutADisk()
{
    Monitor::DashboardPanel dash(m_ctx);
    QTRY_VERIFY_WITH_TIMEOUT(!dash.shownInfo().filesystems.isEmpty(), 10000);
    const QString mount = dash.shownInfo().filesystems.first().mount;
    QVERIFY(!dash.askAiAboutFilesystem(QStringLiteral("/no/such/mount")));
    QVERIFY(dash.askAiAboutFilesystem(mount));
    QVERIFY(m_panel->input()->toPlainText().contains(mount));
    QVERIFY(m_panel->attachmentTitle().contains(mount));
    QTRY_VERIFY(m_panel->findChild<QFrame *>("aiAttachment")->isVisible());
    // Sent together: the model sees the numbers; the chat shows them collapsed.
    m_llm.enqueue("chat/completions", textTurn({"Mostly logs."}));
    QSignalSpy done(m_panel, &AiPanel::turnFinished);
    QTest::mouseClick(m_panel->findChild<QPushButton *>("aiSend"), Qt::LeftButton);
    QVERIFY(done.wait(10000));
    const QJsonArray msgs = m_llm.requests("chat/completions")[0].json().value("messages").toArray();
    const QString user = msgs.last().toObject().value("content").toString();
    QVERIFY2(user.contains("mount point: " + mount) && user.contains("--- attached:"), qPrintable(user));
    QVERIFY(!m_panel->findChild<QFrame *>("aiAttachment")->isVisible());
    auto *attached = m_panel->chat()->findChild<QPlainTextEdit *>("attachmentText");
    QVERIFY(attached);
    QVERIFY(!attached->isVisible());
}

void tst_AiPanel::historyReopens()
{
    m_llm.enqueue("chat/completions", toolTurn("call_h", "system_info", "{}"));
    m_llm.enqueue("chat/completions", textTurn({"Remember: zebra-42."}));
    QSignalSpy done(m_panel, &AiPanel::turnFinished);
    ask("A question to remember");
    QVERIFY(done.wait(20000));
    const QString id = m_panel->conversationId();
    m_panel->newConversation();
    QVERIFY(m_panel->chat()->isEmpty());
    QVERIFY(m_panel->openConversation(id));
    const QString shown = m_panel->chat()->transcriptText();
    QVERIFY2(shown.contains("zebra-42") && shown.contains("A question to remember"), qPrintable(shown));
    QCOMPARE(m_panel->chat()->cards().size(), 1);
    QCOMPARE(m_panel->chat()->cards().first()->record().status, ToolCallStatus::Done);
    // The conversation list finds it by its text.
    m_panel->findChild<QToolButton *>("aiHistoryButton")->click();
    auto *list = m_panel->findChild<QListWidget *>("conversations");
    QTRY_VERIFY(list->isVisible());
    QVERIFY(list->count() >= 1);
    m_panel->findChild<QLineEdit *>("conversationSearch")->setText("zebra-42");
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().contains("A question to remember"));
    m_panel->findChild<QLineEdit *>("conversationSearch")->setText("no such words at all");
    QCOMPARE(list->count(), 0);
    // The next question carries the history.
    m_llm.enqueue("chat/completions", textTurn({"Still zebra-42."}));
    ask("And now?");
    QVERIFY(done.wait(20000));
    const QJsonArray msgs = m_llm.requests("chat/completions").last().json().value("messages").toArray();
    QVERIFY(QJsonDocument(msgs).toJson().contains("zebra-42"));
}

void tst_AiPanel::stopCancelsTheTurn()
{
    QList<QByteArray> slow{Fixtures::role()};
    for (int i = 0; i < 20; ++i)
        slow << Fixtures::text(QStringLiteral("word%1 ").arg(i));
    slow << Fixtures::finish("stop") << "[DONE]";
    m_llm.enqueue("chat/completions", ScriptedResponse::sse(slow, 200));
    QSignalSpy done(m_panel, &AiPanel::turnFinished);
    ask("Tell me a long story");
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->chat()->transcriptText().contains("word1 "), 10000);
    auto *stop = m_panel->findChild<QPushButton *>("aiStop");
    QVERIFY(stop->isEnabled());
    QVERIFY(!m_panel->findChild<QPushButton *>("aiSend")->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE(done.size(), 1);
    QCOMPARE(done.first().first().toBool(), false);
    QVERIFY(!m_panel->isBusy());
    QVERIFY(m_panel->findChild<QPushButton *>("aiSend")->isEnabled());
    QVERIFY(m_panel->chat()->transcriptText().contains("Stopped."));
    QVERIFY(!m_panel->chat()->transcriptText().contains("word19"));
}

void tst_AiPanel::settingsPage()
{
    AiSettingsDialog dialog;
    AiSettingsPage *page = dialog.page();
    dialog.resize(620, 420);
    dialog.show();
    // Loaded from the settings init() wrote.
    QCOMPARE(page->providerCombo()->currentData().toString(), QStringLiteral("custom"));
    QCOMPARE(page->baseUrlField()->text(), m_llm.baseUrl().toString());
    QCOMPARE(page->modelCombo()->currentText(), QStringLiteral("test-model"));
    // A preset fills in its address and model.
    page->providerCombo()->setCurrentIndex(page->providerCombo()->findData("deepseek"));
    QCOMPARE(page->baseUrlField()->text(), QStringLiteral("https://api.deepseek.com/v1"));
    QCOMPARE(page->modelCombo()->currentText(), QStringLiteral("deepseek-chat"));
    page->testConnection();   // DeepSeek needs a key: said at once, nothing sent
    QVERIFY2(page->resultLabel()->text().contains("No API key"), qPrintable(page->resultLabel()->text()));
    page->providerCombo()->setCurrentIndex(page->providerCombo()->findData("custom"));
    page->baseUrlField()->setText(m_llm.baseUrl().toString());
    page->modelCombo()->setEditText("test-model");

    const QByteArray models = R"({"object":"list","data":[{"id":"test-model"},{"id":"big-model"}]})";
    m_llm.enqueue("models", ScriptedResponse::body(200, models));
    page->fetchModels();
    QTRY_COMPARE(page->modelCombo()->count(), 2);
    QCOMPARE(page->modelCombo()->currentText(), QStringLiteral("test-model"));
    m_llm.enqueue("models", ScriptedResponse::body(200, models));
    page->testConnection();
    QTRY_VERIFY(page->resultLabel()->text().contains("is available"));
    page->modelCombo()->setEditText("no-such-model");
    m_llm.enqueue("models", ScriptedResponse::body(200, models));
    page->testConnection();
    QTRY_VERIFY(page->resultLabel()->text().contains("does not list"));
    m_llm.enqueue("models", ScriptedResponse::body(401, R"({"error":{"message":"bad key"}})"));
    page->testConnection();
    QTRY_VERIFY(page->resultLabel()->text().contains("refused the API key"));
    dialog.grab().save(QStringLiteral(QWQ_BINARY_DIR "/gui-aisettings.png"));

    // Saving writes the settings, never the key (there is no keychain here: said inline).
    page->modelCombo()->setEditText("big-model");
    page->findChild<QCheckBox *>("aiLocalOnly")->setChecked(true);
    QTest::keyClicks(page->keyField(), "sk-secret-value");
    QSignalSpy saved(page, &AiSettingsPage::saved);
    page->save();
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(Settings::value("ai/model").toString(), QStringLiteral("big-model"));
    QCOMPARE(AiOptions::load().localOnly, true);
    QFile ini(Paths::settingsFile());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("sk-secret-value"));
    if (!saved.first().first().toBool())
        QVERIFY(!page->resultLabel()->text().isEmpty());
    // Local only, and the provider is local: the indicator says so.
    m_panel = newPanel();
    QVERIFY2(m_panel->modelText().contains("big-model") && m_panel->modelText().contains("this machine"),
             qPrintable(m_panel->modelText()));
}
