// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <databases/core/connectionstore.h>
#include <databases/core/querylibrary.h>

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace Qwq::Workbench {
class MessageBar;
class ServerContext;
class StatePage;
}

namespace Qwq::Databases {

class ConnectionDialog;
class QueryTab;

/// The per-server "Databases" dock: the server's saved connections (PostgreSQL, MariaDB/MySQL,
/// Redis) on the left; each opened connection is an SQL editor tab on the right, reached
/// through the server's SSH session (a private unix-socket bridge, no port opened anywhere) or
/// straight for This computer. Passwords are read from and kept in the keychain.
class DatabasesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabasesPanel)

public:
    explicit DatabasesPanel(Workbench::ServerContext *server, QWidget *parent = nullptr);
    ~DatabasesPanel() override;

    ConnectionStore &store() { return m_store; }
    QListWidget *connectionList() const { return m_list; }
    QTabWidget *queryTabs() const { return m_tabs; }
    Workbench::MessageBar *messageBar() const { return m_bar; }
    QueryTab *currentQueryTab() const;

    /// Opens the dialog for a new connection (non-modal; returns it for tests).
    ConnectionDialog *newConnection();
    ConnectionDialog *editSelected();
    void deleteSelected();
    /// Opens an SQL tab on the connection; `password` overrides the keychain (tests, the
    /// dialog that just asked for it). queryTabOpened() or the message bar follows.
    void openConnection(const QString &connectionId, const QString &password = {});
    void reload();

signals:
    void queryTabOpened(Qwq::Databases::QueryTab *tab);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void saveFromDialog(ConnectionDialog *dialog);
    void openWithPassword(const ConnectionSpec &spec, const QString &password);
    QString selectedId() const;
    void updateState();

    Workbench::ServerContext *m_server;
    ConnectionStore m_store;
    QueryLibrary m_library;
    Workbench::MessageBar *m_bar;
    QStackedWidget *m_stack;
    Workbench::StatePage *m_empty;
    QWidget *m_main;
    QListWidget *m_list;
    QTabWidget *m_tabs;
    QPushButton *m_open;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_add;
    QLabel *m_title;
};

} // namespace Qwq::Databases
