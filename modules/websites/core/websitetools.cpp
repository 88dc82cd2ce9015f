// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Model-facing descriptions, so English and not translated. Every schema is closed; the
// patterns are loose shapes — the helper checks every value again with its own grammar.
#include "websitetools.h"

#include <ai/core/toolschema.h>

#include <QJsonArray>

namespace Qwq::Websites {

namespace {

QJsonObject schema(const QJsonObject &properties, const QStringList &required = {})
{
    return Ai::ToolSchema::closedObject(properties, required);
}

QJsonObject text(const QString &description, int maxLength, const QString &pattern = {})
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("string")},
                  {QStringLiteral("minLength"), 1},
                  {QStringLiteral("maxLength"), maxLength},
                  {QStringLiteral("description"), description}};
    if (!pattern.isEmpty())
        o.insert(QStringLiteral("pattern"), pattern);
    return o;
}

QJsonObject domain()
{
    return text(QStringLiteral("The site's domain (its first server_name), for sites qwq manages"), 253,
                QStringLiteral("^[A-Za-z0-9*][A-Za-z0-9.*-]*$"));
}

QJsonObject siteId()
{
    return text(QStringLiteral("A server block's id from websites_list (\"<file>:<line>\")"), 4200,
                QStringLiteral("^/"));
}

QJsonObject integer(int min, int max, const QString &description)
{
    return {{QStringLiteral("type"), QStringLiteral("integer")},
            {QStringLiteral("minimum"), min},
            {QStringLiteral("maximum"), max},
            {QStringLiteral("description"), description}};
}

} // namespace

QList<Ai::Tool> websiteTools()
{
    QList<Ai::Tool> tools;
    // Reading
    tools.append({QStringLiteral("websites_list"),
                  QStringLiteral("Every nginx server block the server loads (qwq-managed and "
                                 "hand-written): id, file and line, server names, listen "
                                 "addresses, root, proxy_pass targets and upstreams, TLS "
                                 "certificate paths, log paths, locations, enabled."),
                  schema({}), QStringLiteral("websites.list")});
    tools.append({QStringLiteral("website_config"),
                  QStringLiteral("The whole text of one nginx configuration file with its sha256 "
                                 "(needed to rewrite it with website_write_config). Give id (any "
                                 "file nginx loads: a server block id or just the file path) or "
                                 "domain (a qwq-managed site)."),
                  schema({{QStringLiteral("id"), siteId()}, {QStringLiteral("domain"), domain()}}),
                  QStringLiteral("websites.get")});
    Ai::Tool logs{QStringLiteral("website_logs"),
                  QStringLiteral("The last lines of a site's nginx error or access log (the "
                                 "http-level log without id/domain), 100 unless lines says "
                                 "otherwise, optionally only lines containing filter. Does not "
                                 "follow."),
                  schema({{QStringLiteral("id"), siteId()},
                          {QStringLiteral("domain"), domain()},
                          {QStringLiteral("log"),
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                       {QStringLiteral("enum"), QJsonArray{QStringLiteral("error"),
                                                                           QStringLiteral("access")}},
                                       {QStringLiteral("description"), QStringLiteral("Which log")}}},
                          {QStringLiteral("lines"), integer(1, 2000, QStringLiteral("How many of the last lines (default 100)"))},
                          {QStringLiteral("filter"), text(QStringLiteral("Only lines containing this text"), 1024)}},
                         {QStringLiteral("log")}),
                  QStringLiteral("websites.logs")};
    logs.fixedParams = {{QStringLiteral("follow"), false}};
    logs.defaultParams = {{QStringLiteral("lines"), 100}};
    tools.append(logs);
    tools.append({QStringLiteral("website_versions"),
                  QStringLiteral("The recorded changes of the nginx configuration, newest first "
                                 "(version, time, action, site, files), all or one site's."),
                  schema({{QStringLiteral("domain"), domain()}}), QStringLiteral("websites.versions")});
    tools.append({QStringLiteral("websites_certificates"),
                  QStringLiteral("Every TLS certificate the sites use or qwq keeps: names, issuer, "
                                 "expiry, which sites use it, renewal record."),
                  schema({}), QStringLiteral("websites.certificates")});

    // Changing (each runs only after the user approves the exact call)
    tools.append({QStringLiteral("website_enable"),
                  QStringLiteral("Enable a qwq-managed site (nginx -t, then reload). Needs the "
                                 "user's approval."),
                  schema({{QStringLiteral("domain"), domain()}}, {QStringLiteral("domain")}),
                  QStringLiteral("websites.enable")});
    tools.append({QStringLiteral("website_disable"),
                  QStringLiteral("Disable a qwq-managed site (kept on disk, no longer served). "
                                 "Needs the user's approval."),
                  schema({{QStringLiteral("domain"), domain()}}, {QStringLiteral("domain")}),
                  QStringLiteral("websites.disable")});
    tools.append({QStringLiteral("website_rollback"),
                  QStringLiteral("Put back every file a recorded version changed, as it was before "
                                 "that version (see website_versions). Needs the user's approval."),
                  schema({{QStringLiteral("version"), integer(1, 2147483647, QStringLiteral("The version to undo"))}},
                         {QStringLiteral("version")}),
                  QStringLiteral("websites.rollback")});
    Ai::Tool write{QStringLiteral("website_write_config"),
                   QStringLiteral("Replace the whole text of one nginx configuration file that "
                                  "nginx loads. The text is parsed and checked with nginx -t on a "
                                  "staged copy first; nothing changes if nginx refuses it, and the "
                                  "old file is kept as a version. Read the file with website_config "
                                  "first and pass its sha256 as baseSha256 (a file changed "
                                  "meanwhile is not overwritten). The user sees the change as a "
                                  "diff and must approve it. Give the complete file."),
                   schema({{QStringLiteral("file"), text(QStringLiteral("The file's absolute path (website_config's file)"), 4096, QStringLiteral("^/"))},
                           {QStringLiteral("text"), text(QStringLiteral("The complete new text of the file"), 1048576)},
                           {QStringLiteral("baseSha256"),
                            text(QStringLiteral("website_config's sha256 of the text being replaced"), 64,
                                 QStringLiteral("^[0-9a-f]{64}$"))}},
                          {QStringLiteral("file"), QStringLiteral("text"), QStringLiteral("baseSha256")}),
                   QStringLiteral("websites.writeRaw")};
    write.diffSource = Ai::DiffSource{QStringLiteral("text"), QStringLiteral("websites.get"), {}, {},
                                      QStringLiteral("text"), QStringLiteral("nginx"),
                                      QStringLiteral("nginx configuration"),
                                      {{QStringLiteral("file"), QStringLiteral("id")}}};
    tools.append(write);
    return tools;
}

} // namespace Qwq::Websites
