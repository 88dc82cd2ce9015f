// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The real qwq-helper's databases.* against real servers on 127.0.0.1.
#pragma once

#include "../protocol/helperprocess.h"

#include <QHash>
#include <QObject>
#include <QTemporaryDir>

#include <memory>

class tst_HelperDatabases : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    // tst_helper_databases.cpp
    void discoverFindsTheServers();
    void toolsAreListed();
    void discoverAsAnotherUser();
    void readOnlyRefusesRestore();
    void postgresDumpRestore_data();
    void postgresDumpRestore();
    void mariadbDumpRestore();
    void badPassword();
    void unknownDatabase();
    void unsafeNamesRefusedBeforeAnythingRuns_data();
    void unsafeNamesRefusedBeforeAnythingRuns();
    void restoreRefusesBadInput();
    void restoreCreateExisting();
    void cancelKillsPgDump();

    // tst_helper_databases_containers.cpp
    void containersDiscoveredAndDumped();

private:
    QJsonObject call(const QString &method, QJsonObject params, int timeoutMs = 60000);
    int start(const QString &method, const QJsonObject &params);
    void notify(const QString &method, const QJsonObject &params);
    // The decoded b64 chunks streamed for `id` (checked to be in order).
    QByteArray streamBytes(int id);
    // A restore: sends the request, the bytes as $/input in pieces and eof; the response.
    QJsonObject restore(QJsonObject params, const QByteArray &dump);
    // psql / mariadb as the fixture's user; stdout.
    QByteArray psql(const QString &database, const QString &sql);
    QByteArray mariadb(const QString &database, const QString &sql);
    QJsonObject pgParams(const QString &database) const;
    QJsonObject myParams(const QString &database) const;
    QList<int> childrenOfHelper(const QByteArray &comm) const;

    QTemporaryDir m_dir;
    QHash<QString, QString> m_env; // the fixtures' *.env values
    bool m_pg = false, m_my = false, m_redis = false;
    std::unique_ptr<ProtocolTest::Helper> m_helper;
    int m_nextId = 1;
};
