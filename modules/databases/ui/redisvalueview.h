// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <databases/core/redistypes.h>

#include <QWidget>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Qwq::Databases {

class RedisSession;
class RedisValueModel;

/// The right side of the Redis browser: one key's type, size, TTL and value. Strings are shown
/// as text when they are (and can be edited then), otherwise as a hex dump; hashes, lists,
/// sets, sorted sets and streams are tables read a page at a time ("Load More"), with the
/// selected cell in full below. Every server string is plain text. Writes (save, TTL, persist,
/// delete) go through the session, which refuses them in read-only safe mode; saving a value
/// and deleting a key are always confirmed first, TTL changes when the safe mode confirms writes.
class RedisValueView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisValueView)

public:
    /// Asks the user; tests answer it. Returns true to go ahead.
    using ConfirmFn = std::function<bool(const QString &title, const QString &text)>;

    explicit RedisValueView(RedisSession *session, QWidget *parent = nullptr);
    ~RedisValueView() override;

    void setConfirm(ConfirmFn fn) { m_confirm = std::move(fn); }
    void showKey(const QByteArray &key);
    void clearKey();
    QByteArray currentKey() const { return m_key; }
    const RedisKeyInfo &info() const { return m_info; }
    bool isLoading() const { return m_loading; }
    bool hasMore() const { return !m_next.isEmpty(); }

    RedisValueModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPlainTextEdit *stringEditor() const { return m_text; }
    QPlainTextEdit *cellDetail() const { return m_detail; }

    void reload();
    void loadMore();
    void saveString();
    void setTtl(qint64 seconds);
    void persist();
    void deleteKey();

protected:
    void changeEvent(QEvent *event) override;

signals:
    /// What the server says about the key now (type, TTL), for the key list.
    void keyUpdated(const Qwq::Databases::RedisKey &key);
    void keyDeleted(const QByteArray &key);
    void errorOccurred(const Qwq::Error &error);
    void pageLoaded(); ///< a page of the value arrived (tests wait on it)

private:
    void retranslate();
    void loadInfo();
    void refreshInfo();
    void loadPage(bool first);
    void showString(const Qwq::Databases::RedisValuePage &page);
    void showCell();
    void updateHeader();
    void updateButtons();
    void askTtl();
    bool confirm(const QString &title, const QString &text);
    QString keyForHumans() const;

    RedisSession *m_session;
    RedisValueModel *m_model;
    QLabel *m_keyLabel;
    QLabel *m_metaLabel;
    QLabel *m_ttlLabel;
    QPushButton *m_reloadButton;
    QPushButton *m_ttlButton;
    QPushButton *m_persistButton;
    QPushButton *m_deleteButton;
    QStackedWidget *m_stack;
    QLabel *m_emptyLabel;
    QWidget *m_stringPage;
    QLabel *m_stringNote;
    QPlainTextEdit *m_text;
    QPushButton *m_saveButton;
    QWidget *m_tablePage;
    QTableView *m_table;
    QPlainTextEdit *m_detail;
    QLabel *m_countLabel;
    QPushButton *m_moreButton;
    ConfirmFn m_confirm;

    QByteArray m_key;
    RedisKeyInfo m_info;
    QByteArray m_next;
    QByteArray m_loadedString;   // the value as read, for the save's "still the same?" check
    bool m_stringEditable = false;
    bool m_loading = false;
    quint64 m_generation = 0;    // answers for an earlier key are dropped
};

} // namespace Qwq::Databases
