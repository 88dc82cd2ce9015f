// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "language.h"
#include "mainwindow.h"
#include "modulelist.h"

#include <core/core/auditlog.h>
#include <core/core/logging.h>
#include <core/core/paths.h>
#include <core/core/settings.h>
#include <profiles/core/profilestore.h>
#include <profiles/core/secretstore.h>
#include <workbench/core/servercontext.h>
#include <workbench/core/serverregistry.h>

#include <QApplication>
#include <QCommandLineParser>

using namespace Qwq;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("qwq"));
    QApplication::setOrganizationName(QStringLiteral("qwq"));
    QApplication::setApplicationVersion(QStringLiteral(QWQ_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("qwq"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("qwq — manage Linux servers over SSH"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption langOpt(QStringLiteral("lang"), QStringLiteral("UI language: en or zh_CN."),
                               QStringLiteral("language"));
    QCommandLineOption serverOpt(QStringLiteral("server"),
                                 QStringLiteral("Select and connect this profile (id or name) at start."),
                                 QStringLiteral("profile"));
    QCommandLineOption noConnectOpt(QStringLiteral("no-connect"),
                                    QStringLiteral("Do not connect This computer at start."));
    parser.addOptions({langOpt, serverOpt, noConnectOpt});
    parser.process(app);

    Logging::install(Paths::logFile());
    App::applyLanguage(parser.isSet(langOpt) ? parser.value(langOpt) : Settings::language());

    Profiles::ProfileStore store(Paths::profilesFile());
    if (auto r = store.load(); !r)
        qCWarning(lcQwq) << r.error().toString();
    Profiles::SecretStore secrets;
    AuditLog audit(Paths::auditDatabase());
    if (auto r = audit.open(); !r)
        qCWarning(lcQwq) << r.error().toString();

    Workbench::ServerRegistry registry(&store, &secrets, &audit);
    App::ModuleList modules;
    App::MainWindow window(&registry, modules.modules());
    window.show();

    QString start = Profiles::Profile::localId();
    if (parser.isSet(serverOpt)) {
        if (const auto p = store.find(parser.value(serverOpt)))
            start = p->id;
    }
    window.selectServer(start);
    if (!parser.isSet(noConnectOpt)) {
        if (Workbench::ServerContext *ctx = registry.context(start))
            ctx->connection()->connectToServer();
    }
    return app.exec();
}
