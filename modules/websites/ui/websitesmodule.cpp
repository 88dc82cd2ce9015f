// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "websitesmodule.h"

#include "websitespanel.h"

#include <ai/core/aitr.h>
#include <ai/core/toolregistry.h>
#include <websites/core/websitetools.h>
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

void WebsitesModule::registerAiTools(Ai::ToolRegistry &registry)
{
    for (const Ai::Tool &tool : websiteTools()) {
        if (auto r = registry.add(tool); !r)
            qCWarning(lcAi).noquote() << r.error().toString();
    }
}

} // namespace Qwq::Websites
