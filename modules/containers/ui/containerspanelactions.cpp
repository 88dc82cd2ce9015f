// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ContainersPanel: what it does to containers — actions on the selection (one confirmation
// for a bulk change), the shell window, errors, and "ask AI".
#include "containerspanel.h"

#include "bulkconfirmdialog.h"
#include "containerdetails.h"
#include "containershellwindow.h"

#include <containers/core/containerlistmodel.h>
#include <containers/core/containersservice.h>
#include <containers/core/containerstr.h>
#include <containers/core/inspectview.h>
#include <containers/core/logmodel.h>
#include <core/core/redact.h>
#include <helper/core/helperclient.h>
#include <workbench/core/servercontext.h>
#include <workbench/ui/messagebar.h>

#include <memory>

namespace Qwq::Containers {

namespace {
constexpr int kAiLogLines = 60;
const char kSource[] = "containers";
} // namespace

void ContainersPanel::runAction(const QString &verb, QStringList ids)
{
    if (ids.isEmpty())
        ids = selectedIds();
    Helper::HelperClient *helper = m_service->helper();
    if (ids.isEmpty() || !helper)
        return;
    const QString method = QStringLiteral("containers.") + verb;
    QList<QJsonObject> calls;
    for (const QString &id : std::as_const(ids)) {
        if (!isValidContainerRef(id))
            return showError(Error(ErrorCode::InvalidParam, Tr::tr("“%1” is not a valid container name").arg(id),
                                   {}, {}, QStringLiteral("id")));
        calls << QJsonObject{{QStringLiteral("id"), id}};
    }
    const bool remove = verb == QLatin1String("remove");
    if (remove || (calls.size() > 1 && helper->needsConfirmation(method))) {
        // One dialog for the whole selection, listing every literal call.
        BulkConfirmDialog::Request req;
        req.serverName = m_server->serverName();
        req.method = method;
        req.params = calls;
        req.risk = helper->risk(method);
        req.typedWord = typedWord();
        if (remove) {
            req.optionText = Tr::tr("Force: kill running containers first");
            req.optionKey = QStringLiteral("force");
        }
        auto *dialog = new BulkConfirmDialog(req, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        connect(dialog, &QDialog::accepted, this, [this, verb, dialog] {
            send(verb, dialog->approvedParams(), true);
        });
        dialog->open();
        return;
    }
    // One call, or calls the profile does not ask about: the client's own policy applies.
    send(verb, calls, false);
}

void ContainersPanel::send(const QString &verb, const QList<QJsonObject> &calls, bool confirmed)
{
    struct Batch
    {
        int left = 0;
        int failed = 0;
        Error first;
    };
    auto batch = std::make_shared<Batch>();
    batch->left = int(calls.size());
    for (const QJsonObject &p : calls) {
        QJsonObject extra = p;
        const QString id = extra.take(QStringLiteral("id")).toString();
        m_service->action(verb, id, extra, Helper::CallOptions{confirmed, false})
            .then(this, [this, batch](const Result<QJsonValue> &r) {
                if (!r && r.error().code != ErrorCode::Cancelled) {
                    if (batch->failed++ == 0)
                        batch->first = r.error();
                }
                if (--batch->left > 0)
                    return;
                if (batch->failed == 1)
                    showError(batch->first);
                else if (batch->failed > 1)
                    showError(Error(batch->first.code,
                                    Tr::tr("%1 calls failed; the first: %2").arg(batch->failed).arg(batch->first.message),
                                    batch->first.detail));
                refresh();
            });
    }
}

void ContainersPanel::showError(const Error &e)
{
    m_bar->showError(e);
    m_server->reportError(QLatin1String(kSource), e);
}

ContainerShellWindow *ContainersPanel::openShell(const QString &id)
{
    const Container *c = m_model->container(id);
    if (!c || !c->isRunning() || !m_service->helper()) {
        m_bar->showInfo(Tr::tr("A shell opens only in a running container."));
        return nullptr;
    }
    auto *w = new ContainerShellWindow(m_service->helper(), c->id, c->name, m_server->serverName(), this);
    w->show();
    return w;
}

bool ContainersPanel::askAiAbout(const QString &id)
{
    const Container *c = m_model->container(id);
    if (!c)
        return false;
    // Model-facing, so English; secrets masked before anything leaves.
    QString facts = QStringLiteral("container: %1 (%2)\nimage: %3\nstate: %4 (%5)\nports: %6\n")
                        .arg(c->name, c->shortId(), c->image, c->state, c->status, c->portsText());
    if (!c->composeProject.isEmpty())
        facts += QStringLiteral("compose project: %1, service: %2\n").arg(c->composeProject, c->composeService);
    if (m_details->containerId() == id) {
        const QStringList lines = m_details->logModel()->lastLines(kAiLogLines);
        facts += QStringLiteral("\nlast %1 log lines:\n%2\n").arg(lines.size())
                     .arg(Redact::maskText(lines.join(QLatin1Char('\n'))));
        if (m_details->inspectLoaded())
            facts += QStringLiteral("\ninspect (secrets masked):\n") + inspectSummaryForAi(m_details->inspect());
    }
    const bool failing = c->state == QLatin1String("exited") || c->state == QLatin1String("dead")
                         || c->state == QLatin1String("restarting");
    const QString question = failing ? Tr::tr("Why did the container %1 stop, and how do I fix it?").arg(c->name)
                                     : Tr::tr("Is the container %1 healthy? Is anything wrong in its logs?").arg(c->name);
    m_server->askAi(question, Tr::tr("Container %1 (%2)").arg(c->name, ContainerListModel::stateText(c->state)),
                    facts);
    return true;
}

} // namespace Qwq::Containers
