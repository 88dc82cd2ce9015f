// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Qwq::Helper {
struct HelperInfo;
}

namespace Qwq::Ai {

/// What the model is told about the server before the question: the profile's name, the
/// helper's `initialize` facts and, when known, a few numbers from `system.info`. Built by
/// the pane and qwqctl and passed to AgentTurn::setContext (which redacts it).
struct ServerFacts
{
    QString profileName;
    QString hostname;
    QString os;
    QString kernel;
    QString arch;
    QString user;
    bool readOnly = false;
    qint64 uptimeSeconds = -1;
    int cpuCores = 0;
    double load1 = -1;
    qint64 memTotal = 0;
    qint64 memAvailable = 0;

    static ServerFacts from(const QString &profileName, const Helper::HelperInfo &info,
                            const QJsonObject &systemInfo = {});
    /// `system.info`'s numbers (uptime, CPUs, load, memory) added to what is there.
    void addSystemInfo(const QJsonObject &systemInfo);

    /// Model-facing text (English): the facts, then the panel the user has in front of them.
    QString toContext(const QString &activePanel = {}) const;
};

} // namespace Qwq::Ai
