// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <Qt>

class QWidget;

namespace Qwq::Workbench {

class ServerContext;

/// Makes one kind of dock panel for a server. The dock host asks each factory for a panel
/// per server; `id()` is the dock's objectName and the key in the saved layout.
class IPanelFactory
{
public:
    virtual ~IPanelFactory() = default;
    virtual QString id() const = 0;
    virtual QString title() const = 0;   // translated; re-read on LanguageChange
    virtual Qt::DockWidgetArea defaultArea() const = 0;
    virtual QWidget *createPanel(ServerContext *server, QWidget *parent) = 0;
};

} // namespace Qwq::Workbench
