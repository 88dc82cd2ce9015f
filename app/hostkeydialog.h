// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ssh/core/sshtypes.h>

#include <QDialog>

namespace Qwq::App {

/// Asks the user to trust an unknown host key (by SHA-256 fingerprint), or warns that a
/// known key changed — in which case nothing can be accepted here: the connection stays
/// refused.
class HostKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostKeyDialog)
public:
    HostKeyDialog(const Ssh::HostKeyInfo &key, bool changed, QWidget *parent = nullptr);
};

} // namespace Qwq::App
