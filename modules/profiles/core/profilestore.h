// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profile.h"

#include <QList>
#include <QObject>

namespace Qwq::Profiles {

/// The profiles file (JSON, no secrets), written atomically. "This computer" is always the
/// first profile and is never stored. Lives in the GUI thread (or the CLI's main thread).
class ProfileStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)
public:
    explicit ProfileStore(QString path, QObject *parent = nullptr);

    Result<void> load();
    QList<Profile> profiles() const;           // This computer first
    std::optional<Profile> find(const QString &idOrName) const;

    /// Adds (empty id: a new UUID) or replaces a profile with the same id. Validates first.
    Result<Profile> upsert(Profile profile);
    Result<void> remove(const QString &id);

signals:
    void profilesChanged();

private:
    Result<void> save() const;

    QString m_path;
    QList<Profile> m_profiles;
};

} // namespace Qwq::Profiles
