// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profilestore.h"

#include <QDir>

namespace Qwq::Profiles {

/// Imports an OpenSSH client config (~/.ssh/config) into a ProfileStore, incrementally.
///
/// Every concrete Host alias becomes a profile (sshConfigAlias = alias); ProxyJump hops become
/// jump hosts (an alias when the hop names one, otherwise a profile for "user@host:port"
/// tagged "jump"). Nothing is executed: ProxyCommand, LocalCommand and Match blocks are
/// reported as warnings.
///
/// Re-import matches profiles by sshConfigAlias and never deletes or duplicates. The fields it
/// owns (trackedFields()) are remembered in Profile::sshImported as last imported; a field
/// whose current value differs from that record was edited locally and is kept. Tags, colour,
/// notes, group, mode and elevation are never touched after the first import.
class SshConfigImporter final
{
public:
    /// `homeDir` locates ~ and ~/.ssh (relative Include paths); tests pass a temporary one.
    explicit SshConfigImporter(QString homeDir = QDir::homePath());

    static QString defaultConfigPath(const QString &homeDir = QDir::homePath());
    static QStringList trackedFields();

    /// Reads `configPath` (an unreadable file is an error naming it), then adds and updates
    /// profiles in one atomic store write. Malformed lines are warnings, never an abort.
    Result<ImportReport> importInto(ProfileStore &store, const QString &configPath) const;

private:
    QString m_home;
};

} // namespace Qwq::Profiles
