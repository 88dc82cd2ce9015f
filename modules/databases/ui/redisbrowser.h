// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "redisvalueview.h"

#include <databases/core/redistypes.h>

#include <core/core/result.h>

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace Qwq::Workbench {
class MessageBar;
}

namespace Qwq::Databases {

class RedisKeyModel;
class RedisSession;

/// A Redis connection's tab in the Databases panel: the database (db0…dbN with its key count),
/// a key list filled by SCAN a page at a time (a glob pattern, or text a key contains; "Load
/// More" goes on where the scan stopped — never KEYS), each key's type and TTL, the selected
/// key's value (RedisValueView), and the server's INFO grouped by section. The session belongs
/// to the caller (the panel makes it a child of this tab).
class RedisBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisBrowser)

public:
    RedisBrowser(RedisSession *session, const QString &serverVersion, QWidget *parent = nullptr);
    ~RedisBrowser() override;

    RedisSession *session() const { return m_session; }
    RedisKeyModel *keyModel() const { return m_keys; }
    QTableView *keyView() const { return m_keyView; }
    RedisValueView *valueView() const { return m_value; }
    QLineEdit *patternEdit() const { return m_pattern; }
    QComboBox *typeBox() const { return m_type; }
    QComboBox *databaseBox() const { return m_database; }
    QTreeWidget *infoTree() const { return m_info; }
    QTabWidget *pages() const { return m_pages; }
    Workbench::MessageBar *messageBar() const { return m_bar; }
    void setConfirm(RedisValueView::ConfirmFn fn) { m_value->setConfirm(std::move(fn)); }

    /// The SCAN pattern the filter text stands for: a glob as typed, or *text* for plain text.
    static QByteArray patternFor(const QString &filter);

    void rescan();      ///< from the start, with the filter's pattern
    void loadMore();    ///< the next page of the same scan
    bool isScanning() const { return m_scanning; }
    bool canLoadMore() const { return !m_scanning && m_cursor != "0"; }
    void selectDatabase(int db);
    void refreshInfo();
    /// Selects the key in the list (when listed) and shows it.
    void showKey(const QByteArray &key);

protected:
    void changeEvent(QEvent *event) override;

signals:
    void keysLoaded(); ///< a scan page arrived (tests wait on it)
    void infoLoaded();

private:
    void retranslate();
    void refreshKeyspace();
    void addOverview(const QList<RedisInfoSection> &info);
    void onScanPage(const Result<RedisScanPage> &page);
    void updateStatus();
    void showError(const Error &e);

    RedisSession *m_session;
    QString m_version;
    Workbench::MessageBar *m_bar;
    QLabel *m_dbLabel;
    QComboBox *m_database;
    QLineEdit *m_pattern;
    QComboBox *m_type;
    QPushButton *m_scanButton;
    QLabel *m_modeLabel;
    QTabWidget *m_pages;
    RedisKeyModel *m_keys;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_keyView;
    QLabel *m_status;
    QPushButton *m_moreButton;
    RedisValueView *m_value;
    QTreeWidget *m_info;
    QPushButton *m_refreshInfo;
    QAction *m_deleteAction;
    QLabel *m_infoStatus;

    QByteArray m_cursor = QByteArrayLiteral("0");
    QByteArray m_activePattern;
    RedisType m_activeType = RedisType::None;
    qint64 m_dbSize = -1;
    qint64 m_examined = 0;
    bool m_scanning = false;
    bool m_infoLoaded = false;
    quint64 m_scanGeneration = 0;
};

} // namespace Qwq::Databases
