// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The real qwq-helper against a real, private dockerd (tests/fixtures/dockerd.sh).
#pragma once

#include "../protocol/helperprocess.h"

#include <QObject>
#include <QTemporaryDir>

#include <functional>
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

    // tst_helper_exec.cpp
    void execWithPty();
    void execWithoutTtyReadsStdinToEof();
    void execCancelEndsTheProcess();
    void execBadInput();
    void imagesSaveLoadImport();
    void networksPrune();
    void readOnlyAllowsDryRuns();
    void pullRetriesTransientFailuresWithoutLeakingThePassword();

    // tst_helper_compose.cpp
    void composeDeployVersionsRollback();
    void composeFailedDeployRestoresThePrevious();
    void composeBadInputChangesNothing();
    void composeAdoptsAProjectStartedOutsideQwq();
    void selfhealRestartsAKilledContainer();

private:
    // `docker -H unix://SOCKET ARGS…`; stdout trimmed; fails the test when it fails.
    QByteArray docker(const QStringList &args, int timeoutMs = 60000);
    // A request with a fresh id; waits up to timeoutMs for its response.
    QJsonObject call(const QString &method, QJsonObject params = {}, int timeoutMs = 30000);
    // Sends a request without waiting; returns its id.
    int start(const QString &method, QJsonObject params);
    void cancel(int id);
    QJsonObject findContainer(const QString &name);
    // Reads lines until a `$/stream` for `id` whose data satisfies `match` (kept in
    // notifications); false on timeout.
    bool waitForStream(int id, const std::function<bool(const QJsonObject &)> &match,
                       int timeoutMs = 15000);
    void notify(const QString &method, const QJsonObject &params);
    // The decoded b64 output of every `$/stream` for `id` so far.
    QByteArray streamBytes(int id, const QString &stream = {});
    QString streamText(int id);
    QString m_compose; // docker-compose, empty when not installed

    QTemporaryDir m_dir{QStringLiteral("/tmp/qwq-dockerd-XXXXXX")};
    QString m_socket;
    QString m_image;
    QString m_skip; // why the whole class skips
    std::unique_ptr<ProtocolTest::Helper> m_helper;
    int m_nextId = 100;
};
