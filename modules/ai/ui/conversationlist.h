// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QWidget>

class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace Qwq::Ai {

class ConversationStore;

/// One server's saved AI conversations, newest first, with a search over titles and message
/// text. Titles and snippets are shown as plain text.
class ConversationList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationList)
public:
    ConversationList(ConversationStore *store, QString serverId, QWidget *parent = nullptr);

    /// Reads the list again (after a turn saved messages, or a delete).
    void reload();
    QLineEdit *searchField() const { return m_search; }
    QListWidget *list() const { return m_list; }

signals:
    void conversationActivated(const QString &conversationId);
    void conversationRemoved(const QString &conversationId);
    void failed(const Qwq::Error &error);

protected:
    void changeEvent(QEvent *e) override;

private:
    void showMenu(const QPoint &pos);
    void retranslate();

    ConversationStore *m_store;
    QString m_serverId;
    QLineEdit *m_search;
    QListWidget *m_list;
};

} // namespace Qwq::Ai
