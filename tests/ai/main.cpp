// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs every test class of the AI module in one executable.
#include <QCoreApplication>

int runSseParserTests(int argc, char **argv);
int runChatStreamTests(int argc, char **argv);
int runAiUnitTests(int argc, char **argv);
int runLlmClientTests(int argc, char **argv);
int runAgentTurnTests(int argc, char **argv);
int runConversationStoreTests(int argc, char **argv);
int runHelperToolTests(int argc, char **argv);
int runHelpIndexTests(int argc, char **argv);
int runQwqctlAiTests(int argc, char **argv);
int runAiToolsTests(int argc, char **argv);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    failures += runSseParserTests(argc, argv);
    failures += runChatStreamTests(argc, argv);
    failures += runAiUnitTests(argc, argv);
    failures += runLlmClientTests(argc, argv);
    failures += runAgentTurnTests(argc, argv);
    failures += runConversationStoreTests(argc, argv);
    failures += runHelperToolTests(argc, argv);
    failures += runHelpIndexTests(argc, argv);
    failures += runQwqctlAiTests(argc, argv);
    failures += runAiToolsTests(argc, argv);
    return failures;
}
