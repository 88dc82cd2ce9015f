// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the ssh module: the worker's per-forward state.

#include "sshworker.h"

namespace Qwq::Ssh::Internal {

struct ForwardConn
{
    enum Stage { SocksGreeting, SocksRequest, Opening, Connecting, Running, Closing };
    int id = 0;
    int fd = -1;
    ssh_channel channel = nullptr;
    Stage stage = Opening;
    bool socks = false;
    bool dead = false;
    bool fdEof = false;
    bool fdShut = false;
    bool eofSent = false;
    QByteArray toFd, toChannel, socksIn;
    QByteArray host;
    quint16 port = 0;
    QByteArray peerAddress;
    int peerPort = 0;
    QSocketNotifier *readNotifier = nullptr;
    QSocketNotifier *writeNotifier = nullptr;
};

struct Forward
{
    int id = 0;
    ForwardRule rule;
    int listenFd = -1;
    QSocketNotifier *listenNotifier = nullptr;
    quint16 boundPort = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    QString lastError;
    std::map<int, std::unique_ptr<ForwardConn>> conns;
};

} // namespace Qwq::Ssh::Internal
