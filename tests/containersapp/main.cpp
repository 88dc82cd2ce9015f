// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// One executable, one private dockerd for both classes (it takes a few seconds to start).
#include "tst_containersapp.h"

#include <QApplication>
#include <QTest>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    ContainersAppTest::DockerFixture docker;
    const QString why = docker.start();
    if (!why.isEmpty())
        qWarning("%s", qPrintable(why));   // the classes skip when there is no daemon
    int failed = 0;
    {
        tst_ContainersService service(&docker);
        failed += QTest::qExec(&service, argc, argv);
    }
    {
        tst_ContainersObjects objects(&docker);
        failed += QTest::qExec(&objects, argc, argv);
    }
    {
        tst_ContainersPanel panel(&docker);
        failed += QTest::qExec(&panel, argc, argv);
    }
    docker.stop();
    return failed == 0 ? 0 : 1;
}
