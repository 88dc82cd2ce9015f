// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "websitesmodule.h"

#include "websitespanel.h"

#include <websites/core/websitestr.h>

namespace Qwq::Websites {

QString WebsitesPanelFactory::title() const
{
    return Tr::tr("Websites");
}

QWidget *WebsitesPanelFactory::createPanel(Workbench::ServerContext *server, QWidget *parent)
{
    return new WebsitesPanel(server, parent);
}

} // namespace Qwq::Websites
