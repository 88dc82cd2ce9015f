// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The AI pane's GUI tests (tst_aipanel.cpp, tst_aipanel_more.cpp): the pane against the
// scripted OpenAI-compatible server and This computer's real qwq-helper over a pipe.
#pragma once

#include "../ai/streamfixtures.h"
#include "scriptedllmserver.h"

#include <ai/core/llmclient.h>
#include <ai/core/toolexecutor.h>
#include <ai/ui/aimodule.h>
#include <ai/ui/aipanel.h>
#include <ai/ui/aisettingspage.h>
#include <ai/ui/aiservices.h>
#include <ai/ui/chatview.h>
#include <ai/ui/markdownview.h>
#include <ai/ui/toolcallcard.h>
#include <core/core/auditlog.h>
#include <core/core/paths.h>
#include <core/core/settings.h>
#include <helper/core/helperclient.h>
#include <monitor/ui/dashboardpanel.h>
#include <monitor/ui/monitormodule.h>
#include <profiles/core/profilestore.h>
#include <profiles/core/secretstore.h>
#include <workbench/core/servercontext.h>
#include <workbench/core/serverregistry.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QListWidget>
#include <QToolButton>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QtTest>

namespace AiPanelTest {

inline QwqTest::ScriptedResponse toolTurn(const QString &id, const QString &name, const QString &args)
{
    return QwqTest::ScriptedResponse::sse({Fixtures::role(), Fixtures::toolStart(0, id, name, args),
                                           Fixtures::finish("tool_calls"), "[DONE]"});
}

inline QwqTest::ScriptedResponse textTurn(const QStringList &pieces)
{
    QList<QByteArray> events{Fixtures::role()};
    for (const QString &p : pieces)
        events << Fixtures::text(p);
    events << Fixtures::finish("stop") << Fixtures::usage(100, 20) << "[DONE]";
    return QwqTest::ScriptedResponse::sse(events, 5);
}

} // namespace AiPanelTest

class tst_AiPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void safeMarkdown();
    void userTextRoundTrip();
    void diagnosisLoopOnTheRealHelper();
    void shiftEnterIsANewLine();
    void approvalGranted();
    void approvalDenied();
    void destructiveNeedsTheTypedWord();
    void suspiciousOutputIsMarked();
    void providerErrors_data();
    void providerErrors();
    void noModelConfigured();
    void dashboardAsksAboutADisk();
    void historyReopens();
    void stopCancelsTheTurn();
    void settingsPage();

private:
    Qwq::Ai::AiPanel *newPanel();
    void ask(const QString &question);
    Qwq::Ai::ToolCallCard *waitForCard(int index, Qwq::Ai::ToolCallStatus status);
    QString lastToolMessage(int request) const;

    QTemporaryDir m_home;
    std::unique_ptr<Qwq::Profiles::ProfileStore> m_store;
    Qwq::Profiles::SecretStore m_secrets;
    std::unique_ptr<Qwq::AuditLog> m_audit;
    std::unique_ptr<Qwq::Workbench::ServerRegistry> m_registry;
    Qwq::Workbench::ServerContext *m_ctx = nullptr;
    std::unique_ptr<Qwq::Monitor::MonitorModule> m_monitor;
    std::unique_ptr<Qwq::Ai::AiModule> m_ai;
    QwqTest::ScriptedLlmServer m_llm;
    QWidget *m_window = nullptr;
    Qwq::Ai::AiPanel *m_panel = nullptr;
};
