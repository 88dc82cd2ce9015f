// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The real qwq-helper against a real, private dockerd (tests/fixtures/dockerd.sh).
#pragma once

#include "../protocol/helperprocess.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

class tst_HelperDocker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    // tst_helper_docker.cpp
    void capabilitiesNeedAnAnsweringDaemon();
    void listGroupsComposeProjects();
    void lifecycle();
    void createValidatedSubset();
    void missingContainer();
    void logsKeepStreamsApart();
    void logsFollowSeesAppendedLinesAndCancels();
    void logsFlood();
    void logsFollowFlood();
    void statsStream();
    void top();

    // tst_helper_docker_objects.cpp
    void images();
    void imagesPruneDryRunThenPrune();
    void imagesPullFromALocalRegistry();
    void volumes();
    void networks();
    void badInput_data();
    void badInput();
    void socketParam();
    void readOnlyRefusesChanges();

private:
    // `docker -H unix://SOCKET ARGS…`; stdout trimmed; fails the test when it fails.
    QByteArray docker(const QStringList &args, int timeoutMs = 60000);
    // A request with a fresh id; waits up to timeoutMs for its response.
    QJsonObject call(const QString &method, QJsonObject params = {}, int timeoutMs = 30000);
    // Sends a request without waiting; returns its id.
    int start(const QString &method, QJsonObject params);
    void cancel(int id);
    QJsonObject findContainer(const QString &name);

    QTemporaryDir m_dir{QStringLiteral("/tmp/qwq-dockerd-XXXXXX")};
    QString m_socket;
    QString m_image;
    QString m_skip; // why the whole class skips
    std::unique_ptr<ProtocolTest::Helper> m_helper;
    int m_nextId = 100;
};
