// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The app side of containers against the real qwq-helper and a real, private dockerd: the
// service (list, actions, logs follow, stats) over a pipe, and the Containers panel offscreen
// on This computer.
#pragma once

#include "dockerfixture.h"

#include <containers/core/containersservice.h>
#include <profiles/core/profilestore.h>
#include <workbench/core/serverregistry.h>
#include <profiles/core/secretstore.h>
#include <core/core/auditlog.h>

#include <QObject>
#include <QPointer>
#include <QTemporaryDir>

#include <memory>

namespace Qwq::Helper {
class HelperClient;
}
namespace Qwq::Workbench {
class ServerContext;
}
namespace Qwq::Containers {
class ContainersPanel;
}

class tst_ContainersService : public QObject
{
    Q_OBJECT
public:
    explicit tst_ContainersService(ContainersAppTest::DockerFixture *docker) : m_docker(docker) {}

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listShowsARunningContainer();
    void startStopAndBadNames();
    void logsFollowKeepsEveryLineAndStreamsApart();
    void statsStream();
    void statsWatcherFollowsTheWatchedSet();
    void execSessionIsATerminal();

private:
    ContainersAppTest::DockerFixture *m_docker;
    QPointer<Qwq::Helper::HelperClient> m_client;
    std::unique_ptr<Qwq::Containers::ContainersService> m_service;
};

/// Create, connect, export, load and import from the Images, Volumes and Networks tabs
/// (ObjectPage and its dialogs) over the real helper.
class tst_ContainersObjects : public QObject
{
    Q_OBJECT
public:
    explicit tst_ContainersObjects(ContainersAppTest::DockerFixture *docker) : m_docker(docker) {}

private slots:
    void initTestCase();
    void cleanupTestCase();
    void createVolumeThroughTheDialog();
    void badVolumeNameNamesTheField();
    void createNetworkConnectAndDisconnect();
    void exportVerifiesAndLoadBringsItBack();
    void exportCancelLeavesNoFile();
    void importRootFilesystem();

private:
    ContainersAppTest::DockerFixture *m_docker;
    QTemporaryDir m_dir;
    QPointer<Qwq::Helper::HelperClient> m_client;
    std::unique_ptr<Qwq::Containers::ContainersService> m_service;
};

class tst_ContainersPanel : public QObject
{
    Q_OBJECT
public:
    explicit tst_ContainersPanel(ContainersAppTest::DockerFixture *docker) : m_docker(docker) {}

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsTheFixtureContainers();
    void filterAndStateFilter();
    void detailsMaskEnvSecretsAndShowLogs();
    void askAiGetsRedactedLogsAndInspect();
    void openShellRunsInTheContainer();
    void bulkStop();
    void removeNeedsTypedConfirmation();
    void imagesTabAndPruneDryRun();
    void composeTreeAdoptsAndDeployChecksFirst();
    void composeVersionsDiffAndRollBack();
    void selfHealInstallsAndShowsIncidents();
    void screenshots();

private:
    QString idOf(const QString &name) const;

    ContainersAppTest::DockerFixture *m_docker;
    QTemporaryDir m_home;
    std::unique_ptr<Qwq::Profiles::ProfileStore> m_store;
    Qwq::Profiles::SecretStore m_secrets;
    std::unique_ptr<Qwq::AuditLog> m_audit;
    std::unique_ptr<Qwq::Workbench::ServerRegistry> m_registry;
    Qwq::Workbench::ServerContext *m_ctx = nullptr;
    QWidget *m_window = nullptr;
    Qwq::Containers::ContainersPanel *m_panel = nullptr;
};
