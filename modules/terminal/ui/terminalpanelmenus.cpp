// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TerminalPanel: snippets, broadcast and the entries it adds to a terminal's context menu.
#include "terminalpanel.h"

#include "snippetdialogs.h"
#include "terminaltab.h"
#include "terminalview.h"

#include <terminal/core/iterminalsession.h>
#include <terminal/core/terminalscreen.h>
#include <terminal/core/terminaltr.h>
#include <workbench/core/servercontext.h>
#include <workbench/ui/messagebar.h>

#include <QMenu>
#include <QPainter>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>

namespace Qwq::Terminal {

namespace {
constexpr int kMaxMenuText = 60;

QString elided(QString s)
{
    s.replace(QLatin1Char('\n'), QChar(0x23ce));
    if (s.size() > kMaxMenuText)
        s = s.left(kMaxMenuText - 1) + QChar(0x2026);
    return s.replace(QLatin1Char('&'), QLatin1String("&&"));
}

QIcon broadcastIcon()
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xe0, 0x7b, 0x10));
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pm);
}
} // namespace

QString TerminalPanel::profileId() const
{
    return m_server ? m_server->serverId() : QStringLiteral("local");
}

void TerminalPanel::fillSnippetsMenu(QMenu *menu)
{
    menu->clear();
    const auto snippets = m_snippetStore.load(profileId());
    if (!snippets) {
        m_bar->showError(snippets.error());
    } else {
        for (const Snippet &s : *snippets) {
            QAction *a = menu->addAction(elided(s.name.isEmpty() ? s.text : s.name), this,
                                         [this, s] { insertSnippet(s); });
            a->setToolTip(s.text);
            a->setEnabled(currentView() != nullptr);
        }
        if (snippets->isEmpty())
            menu->addAction(Tr::tr("No snippets yet"))->setEnabled(false);
    }
    menu->addSeparator();
    menu->addAction(Tr::tr("Manage Snippets…"), this, &TerminalPanel::manageSnippets)
        ->setObjectName(QStringLiteral("manageSnippets"));
}

void TerminalPanel::insertSnippet(const Snippet &snippet)
{
    TerminalView *v = currentView();
    if (!v)
        return;
    QString text = snippet.text;
    if (!SnippetStore::variables(snippet.text).isEmpty()) {
        SnippetVariablesDialog dialog(snippet, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        text = dialog.expandedText();
    }
    if (!v->session() || !v->session()->isRunning()) {
        m_bar->showInfo(Tr::tr("The terminal is not connected; the snippet was not inserted."));
        return;
    }
    v->sendSnippet(text, snippet.run);
    v->setFocus();
}

void TerminalPanel::manageSnippets()
{
    const auto snippets = m_snippetStore.load(profileId());
    if (!snippets) {
        m_bar->showError(snippets.error());
        return;
    }
    SnippetEditorDialog dialog(m_server ? m_server->serverName() : Tr::tr("This computer"), *snippets, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const auto saved = m_snippetStore.save(profileId(), dialog.snippets()); !saved)
        m_bar->showError(saved.error());
}

void TerminalPanel::fillBroadcastMenu(QMenu *menu)
{
    menu->clear();
    const QList<TerminalView *> views = allViews();
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QList<TerminalView *> inTab = tab(i)->views();
        for (int n = 0; n < inTab.size(); ++n) {
            TerminalView *v = inTab[n];
            QString label = m_tabs->tabText(i);
            if (inTab.size() > 1)
                label = Tr::tr("%1, split %2").arg(label).arg(n + 1);
            QAction *a = menu->addAction(label, v, &TerminalView::setBroadcasting);
            a->setCheckable(true);
            a->setChecked(v->isBroadcasting());
        }
    }
    menu->addSeparator();
    menu->addAction(Tr::tr("Broadcast to All"), this, [this] { setBroadcastAll(true); })
        ->setEnabled(!views.isEmpty());
    menu->addAction(Tr::tr("Stop Broadcasting"), this, [this] { setBroadcastAll(false); })
        ->setEnabled(std::any_of(views.begin(), views.end(),
                                 [](TerminalView *v) { return v->isBroadcasting(); }));
}

void TerminalPanel::setBroadcastAll(bool on)
{
    for (TerminalView *v : allViews())
        v->setBroadcasting(on);
}

void TerminalPanel::updateBroadcastMarks()
{
    int count = 0;
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QList<TerminalView *> views = tab(i)->views();
        const auto n = std::count_if(views.begin(), views.end(),
                                     [](TerminalView *v) { return v->isBroadcasting(); });
        count += int(n);
        m_tabs->setTabIcon(i, n ? broadcastIcon() : QIcon());
    }
    m_broadcastButton->setChecked(count > 0);
    m_broadcastButton->setIcon(count > 0 ? broadcastIcon() : QIcon());
    m_broadcastButton->setText(count > 0 ? Tr::tr("Broadcast (%1)").arg(count) : Tr::tr("Broadcast"));
}

void TerminalPanel::extendViewMenu(TerminalView *v, QMenu *menu)
{
    QMenu *snippets = menu->addMenu(Tr::tr("Snippets"));
    snippets->setObjectName(QStringLiteral("snippetsMenu"));
    connect(snippets, &QMenu::aboutToShow, this, [this, v, snippets] {
        if (const int i = tabIndexOf(v); i >= 0)
            tab(i)->setCurrentView(v);
        fillSnippetsMenu(snippets);
    });
    auto inView = [this, v](auto f) {
        return [this, v, f] {
            if (const int i = tabIndexOf(v); i >= 0) {
                m_tabs->setCurrentIndex(i);
                tab(i)->setCurrentView(v);
            }
            f();
        };
    };
    menu->addAction(Tr::tr("Split Right"), this, inView([this] { splitCurrent(Qt::Horizontal); }))
        ->setShortcut(m_splitRightAction->shortcut());
    menu->addAction(Tr::tr("Split Down"), this, inView([this] { splitCurrent(Qt::Vertical); }))
        ->setShortcut(m_splitDownAction->shortcut());
    menu->addAction(Tr::tr("Close Terminal"), this, [this, v] { closeView(v); })
        ->setShortcut(m_closeAction->shortcut());
}

} // namespace Qwq::Terminal
