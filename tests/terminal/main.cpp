// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs every core test class of the terminal module in one executable.
#include <QCoreApplication>

int runTerminalScreenTests(int argc, char **argv);
int runTerminalStreamTests(int argc, char **argv);
int runTerminalInputTests(int argc, char **argv);
int runScrollbackTests(int argc, char **argv);
int runLocalPtySessionTests(int argc, char **argv);
int runTerminalFeatureTests(int argc, char **argv);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    failures += runTerminalScreenTests(argc, argv);
    failures += runTerminalStreamTests(argc, argv);
    failures += runTerminalInputTests(argc, argv);
    failures += runScrollbackTests(argc, argv);
    failures += runLocalPtySessionTests(argc, argv);
    failures += runTerminalFeatureTests(argc, argv);
    return failures;
}
