// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Qwq {

/// The closed list of error codes. Numbers follow the design document's ranges; the
/// JSON-RPC protocol codes are the helper's wire errors. Add a code only when a caller
/// branches on it.
enum class ErrorCode : int {
    // JSON-RPC 2.0 protocol errors (helper wire)
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    ProtocolInternal = -32603,
    NotInitialized = -32002,
    Cancelled = -32800,

    // 1000 general
    Internal = 1000,
    InvalidParam = 1001,
    Unauthorized = 1002,
    Forbidden = 1003,
    NotFound = 1004,
    Timeout = 1005,
    KeychainFailed = 1006,

    // 2000 AI
    AiUnavailable = 2000,
    AiModelNotFound = 2001,
    AiTokenLimitExceeded = 2002,

    // 3000 app store
    AppNotFound = 3000,

    // 4000 containers
    ContainerNotFound = 4000,   // any Docker object (data.field says which: id, image, name, network)
    DockerDaemonError = 4001,
    DockerConflict = 4002,      // 409: name in use, not running, in use
    DockerUnavailable = 4003,   // no socket, refused, no answer, API older than 1.41
    ComposeInvalid = 4004,      // data.line/column, data.key/service; data.detail: parser's text
    PortInUse = 4005,           // data.ports: [{port, protocol, hostIp, service, by}]
    ComposeFailed = 4006,       // a compose command exited non-zero; data.restored for deploys
    ComposeUnavailable = 4007,  // neither compose v2 nor v1 installed
    ComposeRisky = 4008,        // high-severity lint findings without acceptRisks; data.findings
    SchedulerUnavailable = 4009, // self-heal: neither systemd nor crontab

    // 5000 websites / nginx / SSL
    NginxConfigInvalid = 5000,
    NginxNotInstalled = 5001,   // no nginx/OpenResty binary, or its main config is missing
    SiteNotFound = 5002,        // no such site, log or stored version (data.field says which)
    SiteNotManaged = 5003,      // a hand-written site: listed and readable, never rewritten
    SiteExists = 5004,          // create: a site with that domain exists
    NginxNoSiteDir = 5005,      // the main config includes no sites-enabled/ or conf.d/
    NginxReloadFailed = 5006,   // the master did not take the new config; files were put back
    SiteChangedMeanwhile = 5007, // a raw edit's base hash no longer matches the file
    AcmeFailed = 5008,          // the ACME CA refused or failed (data.detail: its problem document)
    ChallengeFailed = 5009,     // the CA could not validate a name (data.domain, data.type, data.detail)
    DnsMismatch = 5010,         // a name does not resolve to this server (data.names, data.addresses)
    CertificateInvalid = 5011,  // import: malformed PEM, key/cert mismatch, broken chain, expired
    DnsUpdateFailed = 5012,     // an RFC 2136 update was refused or not answered (data.rcode)

    // 6000 databases
    DatabaseError = 6000,          // the server refused a statement (detail: SQLSTATE and text)
    DatabaseConnectFailed = 6001,  // refused, unreachable, authentication failed
    DatabaseNotFound = 6002,       // no such database (data.field: database)
    DatabaseToolMissing = 6003,    // pg_dump, mysqldump, … not installed on the server
    DatabaseConnectionLost = 6004, // the link dropped mid-query; the statement's outcome is unknown
    DatabaseReadOnly = 6005,       // safe mode refused a write before it was sent

    // 7000 backups
    BackupFailed = 7000,

    // 8000 SSH / connection
    ConnectionFailed = 8000,
    HostKeyUnknown = 8001,
    HostKeyChanged = 8002,
    AuthenticationFailed = 8003,
    SudoRefused = 8004,
    HelperDeployFailed = 8005,
    HelperProtocolMismatch = 8006,
    ChannelFailed = 8007,

    // 9000 files / workspace
    FileError = 9000,
};

} // namespace Qwq
