// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backendserver.h"
#include "helperprocess.h"

#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

/// The real qwq-helper against a real nginx on 127.0.0.1 (tests/fixtures/nginx.sh).
using namespace ProtocolTest;

class tst_HelperWebsites : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void discoverAndList();
    void staticAndProxySites();
    void brokenChangeChangesNothing();
    void injectionRefused_data();
    void injectionRefused();
    void handWrittenNotRewritten();
    void rollbackRestores();
    void disableEnable();
    void handWrittenEdited();
    void rawEdit();
    void brokenFileOnDiskIsRepaired();
    void reloadRefusedRestores();
    void logs();
    void deleteSite();

private:
    QJsonObject call(const QString &method, QJsonObject params = {});
    QJsonObject site(const QJsonObject &spec) const;
    QString get(const QString &host, const QString &path = QStringLiteral("/"), const QByteArray &auth = {});
    bool waitFor(const QString &host, const QString &expected, const QByteArray &auth = {});
    QMap<QString, QByteArray> snapshot() const;
    QString path(const QString &rel) const { return QString(m_dir.path() + rel); }

    QTemporaryDir m_dir;
    QString m_conf;
    int m_port = 0;
    std::unique_ptr<BackendServer> m_backendA;
    std::unique_ptr<BackendServer> m_backendB;
    bool m_started = false;
    std::unique_ptr<Helper> m_helper;
    int m_id = 1;
};
