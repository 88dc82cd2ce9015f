// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs every unit test class of the ssh module in one executable.
#include <QCoreApplication>

int runKnownHostsTests(int argc, char **argv);
int runLifetimeTests(int argc, char **argv);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    failures += runKnownHostsTests(argc, argv);
    failures += runLifetimeTests(argc, argv);
    return failures;
}
