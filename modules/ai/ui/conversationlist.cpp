// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationlist.h"

#include <ai/core/aitr.h>
#include <ai/core/conversationstore.h>

#include <QEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QVBoxLayout>

namespace Qwq::Ai {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;

QString oneLine(QString s, int max)
{
    s = s.simplified();
    return s.size() > max ? s.left(max - 1) + QChar(0x2026) : s;
}
} // namespace

ConversationList::ConversationList(ConversationStore *store, QString serverId, QWidget *parent)
    : QWidget(parent), m_store(store), m_serverId(std::move(serverId))
{
    setObjectName(QStringLiteral("conversationList"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("conversationSearch"));
    m_search->setClearButtonEnabled(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("conversations"));
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    connect(m_search, &QLineEdit::textChanged, this, &ConversationList::reload);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit conversationActivated(item->data(kIdRole).toString());
    });
    connect(m_list, &QWidget::customContextMenuRequested, this, &ConversationList::showMenu);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    retranslate();
}

void ConversationList::reload()
{
    m_list->clear();
    if (!m_store)
        return;
    const QString query = m_search->text().trimmed();
    const QLocale loc;
    if (query.isEmpty()) {
        const auto list = m_store->conversations(m_serverId);
        if (!list)
            return emit failed(list.error());
        for (const ConversationInfo &c : *list) {
            auto *item = new QListWidgetItem(
                Tr::tr("%1\n%2").arg(oneLine(c.title, 80),
                                     loc.toString(c.updated.toLocalTime(), QLocale::ShortFormat)),
                m_list);
            item->setData(kIdRole, c.id);
            item->setToolTip(c.title);
        }
        return;
    }
    const auto hits = m_store->search(m_serverId, query, 50);
    if (!hits)
        return emit failed(hits.error());
    QStringList seen;
    for (const SearchHit &h : *hits) {
        if (seen.contains(h.conversationId))
            continue;   // one row per conversation, its best (newest) hit
        seen << h.conversationId;
        auto *item = new QListWidgetItem(
            Tr::tr("%1\n%2").arg(oneLine(h.title, 80), oneLine(h.snippet, 120)), m_list);
        item->setData(kIdRole, h.conversationId);
    }
}

void ConversationList::showMenu(const QPoint &pos)
{
    QListWidgetItem *item = m_list->itemAt(pos);
    if (!item)
        return;
    const QString id = item->data(kIdRole).toString();
    QMenu menu(this);
    menu.addAction(Tr::tr("Open"), this, [this, id] { emit conversationActivated(id); });
    menu.addAction(Tr::tr("Delete Conversation"), this, [this, id] {
        if (auto r = m_store->remove(id); !r)
            return emit failed(r.error());
        emit conversationRemoved(id);
        reload();
    });
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

void ConversationList::retranslate()
{
    m_search->setPlaceholderText(Tr::tr("Search conversations…"));
}

void ConversationList::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) {
        retranslate();
        reload();
    }
    QWidget::changeEvent(e);
}

} // namespace Qwq::Ai
