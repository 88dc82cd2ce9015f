// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "errormessages.h"

#include "coretr.h"

namespace Qwq {

using Core::Tr;

QString errorTitle(ErrorCode code)
{
    switch (code) {
    case ErrorCode::ParseError: return Tr::tr("The helper could not parse a request");
    case ErrorCode::InvalidRequest: return Tr::tr("The helper rejected a malformed request");
    case ErrorCode::MethodNotFound: return Tr::tr("The helper on this server does not know this operation");
    case ErrorCode::InvalidParams: return Tr::tr("A parameter has the wrong type");
    case ErrorCode::ProtocolInternal: return Tr::tr("The helper failed internally");
    case ErrorCode::NotInitialized: return Tr::tr("The helper was not initialised");
    case ErrorCode::Cancelled: return Tr::tr("Cancelled");
    case ErrorCode::Internal: return Tr::tr("Internal error");
    case ErrorCode::InvalidParam: return Tr::tr("Invalid value");
    case ErrorCode::Unauthorized: return Tr::tr("Not authorised");
    case ErrorCode::Forbidden: return Tr::tr("Not allowed");
    case ErrorCode::NotFound: return Tr::tr("Not found");
    case ErrorCode::Timeout: return Tr::tr("Timed out");
    case ErrorCode::KeychainFailed: return Tr::tr("The system keychain failed");
    case ErrorCode::AiUnavailable: return Tr::tr("The AI model is unreachable");
    case ErrorCode::AiModelNotFound: return Tr::tr("The AI model was not found");
    case ErrorCode::AiTokenLimitExceeded: return Tr::tr("The AI token budget is used up");
    case ErrorCode::AppNotFound: return Tr::tr("App not found");
    case ErrorCode::ContainerNotFound: return Tr::tr("Container not found");
    case ErrorCode::DockerDaemonError: return Tr::tr("Docker failed");
    case ErrorCode::DockerConflict: return Tr::tr("Docker refused: the object is in use or in the wrong state");
    case ErrorCode::DockerUnavailable: return Tr::tr("Docker is not available on this server");
    case ErrorCode::ComposeInvalid: return Tr::tr("The compose file is invalid");
    case ErrorCode::PortInUse: return Tr::tr("A host port is already in use");
    case ErrorCode::ComposeFailed: return Tr::tr("The compose command failed");
    case ErrorCode::ComposeUnavailable: return Tr::tr("Docker Compose is not installed on this server");
    case ErrorCode::ComposeRisky: return Tr::tr("The compose file gives containers power over the host");
    case ErrorCode::SchedulerUnavailable: return Tr::tr("Neither systemd nor cron is available for scheduling");
    case ErrorCode::NginxConfigInvalid: return Tr::tr("The nginx configuration is invalid");
    case ErrorCode::NginxNotInstalled: return Tr::tr("nginx is not installed on this server");
    case ErrorCode::SiteNotFound: return Tr::tr("Site not found");
    case ErrorCode::SiteNotManaged: return Tr::tr("This site was written by hand: qwq does not rewrite it");
    case ErrorCode::SiteExists: return Tr::tr("A site with this domain already exists");
    case ErrorCode::NginxNoSiteDir: return Tr::tr("The nginx configuration includes no directory for sites");
    case ErrorCode::NginxReloadFailed: return Tr::tr("nginx could not be reloaded; the previous configuration was restored");
    case ErrorCode::SiteChangedMeanwhile: return Tr::tr("The file changed on the server since it was opened: reload it and edit again");
    case ErrorCode::AcmeFailed: return Tr::tr("The certificate authority refused the request");
    case ErrorCode::ChallengeFailed: return Tr::tr("The certificate authority could not validate the domain");
    case ErrorCode::DnsMismatch: return Tr::tr("The domain does not point at this server");
    case ErrorCode::CertificateInvalid: return Tr::tr("The certificate or key is not valid");
    case ErrorCode::DnsUpdateFailed: return Tr::tr("The DNS server refused the update");
    case ErrorCode::DatabaseError: return Tr::tr("Database error");
    case ErrorCode::DatabaseConnectFailed: return Tr::tr("Could not connect to the database");
    case ErrorCode::DatabaseNotFound: return Tr::tr("No such database");
    case ErrorCode::DatabaseToolMissing: return Tr::tr("The database tool is not installed on the server");
    case ErrorCode::DatabaseConnectionLost: return Tr::tr("The connection to the database was lost");
    case ErrorCode::DatabaseReadOnly: return Tr::tr("This connection is read-only");
    case ErrorCode::BackupFailed: return Tr::tr("Backup failed");
    case ErrorCode::ConnectionFailed: return Tr::tr("Connection failed");
    case ErrorCode::HostKeyUnknown: return Tr::tr("Unknown host key");
    case ErrorCode::HostKeyChanged: return Tr::tr("The host key has changed");
    case ErrorCode::AuthenticationFailed: return Tr::tr("Authentication failed");
    case ErrorCode::SudoRefused: return Tr::tr("sudo refused");
    case ErrorCode::HelperDeployFailed: return Tr::tr("Could not install the qwq helper");
    case ErrorCode::HelperProtocolMismatch: return Tr::tr("The qwq helper speaks another protocol version");
    case ErrorCode::ChannelFailed: return Tr::tr("The server refused a new channel");
    case ErrorCode::FileError: return Tr::tr("File error");
    }
    return Tr::tr("Error %1").arg(int(code));
}

QString localizedMessage(ErrorCode code, const QString &field)
{
    if (field.isEmpty())
        return errorTitle(code);
    switch (code) {
    case ErrorCode::InvalidParam:
        return Tr::tr("Invalid value for “%1”").arg(field);
    case ErrorCode::InvalidParams:
        return Tr::tr("Parameter “%1” has the wrong type").arg(field);
    case ErrorCode::Forbidden:
        return Tr::tr("“%1” is not allowed here").arg(field);
    case ErrorCode::ContainerNotFound:
        // The helper names what was not found by the parameter that named it.
        if (field == QLatin1String("image"))
            return Tr::tr("Image not found");
        if (field == QLatin1String("network"))
            return Tr::tr("Network not found");
        if (field == QLatin1String("volume") || field == QLatin1String("name"))
            return Tr::tr("Volume not found");
        if (field == QLatin1String("project"))
            return Tr::tr("Compose project not found");
        if (field == QLatin1String("version"))
            return Tr::tr("No such version of the compose project");
        return errorTitle(code);
    case ErrorCode::ComposeInvalid:
    case ErrorCode::PortInUse:
    case ErrorCode::ComposeFailed:
    case ErrorCode::ComposeUnavailable:
    case ErrorCode::ComposeRisky:
    case ErrorCode::SchedulerUnavailable:
        // The field is always the compose file or a setting the title already names; the
        // panel shows data.line/column, data.ports or data.findings beside it.
        return errorTitle(code);
    default:
        return Tr::tr("%1 (field “%2”)").arg(errorTitle(code), field);
    }
}

Error errorFromWire(int code, const QString &wireMessage, const QString &field,
                    const QString &hint, const QString &detail)
{
    const auto c = static_cast<ErrorCode>(code);
    QString det = wireMessage;
    if (!detail.isEmpty())
        det += QStringLiteral(": ") + detail;
    return Error(c, localizedMessage(c, field), det, hint, field);
}

Error errorFromWire(const QJsonObject &err)
{
    const QJsonObject data = err.value(QStringLiteral("data")).toObject();
    QString hint = data.value(QStringLiteral("hint")).toString();
    if (data.value(QStringLiteral("min")).isDouble() && data.value(QStringLiteral("max")).isDouble()) {
        hint = Tr::tr("Allowed: %1 to %2")
                   .arg(qint64(data.value(QStringLiteral("min")).toDouble()))
                   .arg(qint64(data.value(QStringLiteral("max")).toDouble()));
    }
    Error e = errorFromWire(err.value(QStringLiteral("code")).toInt(),
                            err.value(QStringLiteral("message")).toString(),
                            data.value(QStringLiteral("field")).toString(), hint,
                            data.value(QStringLiteral("detail")).toString());
    e.file = data.value(QStringLiteral("file")).toString();
    e.line = qMax(0, data.value(QStringLiteral("line")).toInt());
    e.column = qMax(0, data.value(QStringLiteral("column")).toInt());
    // The object that was not found, shown as plain text after the translated title.
    const QString value = data.value(QStringLiteral("value")).toString();
    if (e.code == ErrorCode::ContainerNotFound && !value.isEmpty())
        e.message = Tr::tr("%1: %2").arg(e.message, value.left(200));
    return e;
}

} // namespace Qwq
