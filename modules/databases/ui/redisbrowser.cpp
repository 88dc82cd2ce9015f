// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redisbrowser.h"

#include <databases/core/databasestr.h>
#include <databases/core/redismodels.h>
#include <databases/core/redissession.h>
#include <workbench/ui/messagebar.h>

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <climits>

namespace Qwq::Databases {

namespace {

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setTextFormat(Qt::PlainText);
    return l;
}

QString modeText(SafeMode mode)
{
    switch (mode) {
    case SafeMode::ReadOnly: return Tr::tr("Read-only: every write is refused");
    case SafeMode::ConfirmWrites: return Tr::tr("Every write is confirmed");
    case SafeMode::Off: break;
    }
    return Tr::tr("Edits and deletes are confirmed");
}

} // namespace

RedisBrowser::RedisBrowser(RedisSession *session, const QString &serverVersion, QWidget *parent)
    : QWidget(parent), m_session(session), m_version(serverVersion), m_bar(new Workbench::MessageBar(this)),
      m_dbLabel(plainLabel({}, this)), m_database(new QComboBox(this)), m_pattern(new QLineEdit(this)),
      m_type(new QComboBox(this)), m_scanButton(new QPushButton(this)),
      m_modeLabel(plainLabel({}, this)), m_pages(new QTabWidget(this)),
      m_keys(new RedisKeyModel(this)), m_sorted(new QSortFilterProxyModel(this)), m_keyView(new QTableView(this)),
      m_status(plainLabel({}, this)), m_moreButton(new QPushButton(this)),
      m_value(new RedisValueView(session, this)), m_info(new QTreeWidget(this)), m_refreshInfo(new QPushButton(this)),
      m_deleteAction(new QAction(this)), m_infoStatus(plainLabel({}, this))
{
    m_database->setObjectName(QStringLiteral("redisDatabase"));
    m_database->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_database->addItem(QStringLiteral("db%1").arg(session->database()));
    m_pattern->setObjectName(QStringLiteral("redisPattern"));
    m_pattern->setClearButtonEnabled(true);
    m_type->setObjectName(QStringLiteral("redisTypeFilter"));
    m_type->addItem(Tr::tr("All types"), int(RedisType::None));
    for (const RedisType t : {RedisType::String, RedisType::Hash, RedisType::List, RedisType::Set, RedisType::ZSet,
                              RedisType::Stream})
        m_type->addItem(redisTypeName(t), int(t));
    m_modeLabel->setObjectName(QStringLiteral("redisSafeMode"));
    if (session->isReadOnly())
        m_modeLabel->setStyleSheet(QStringLiteral("font-weight: bold"));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(4, 4, 4, 4);
    top->addWidget(m_dbLabel);
    top->addWidget(m_database);
    top->addSpacing(8);
    top->addWidget(m_pattern, 1);
    top->addWidget(m_type);
    top->addWidget(m_scanButton);
    top->addSpacing(12);
    top->addWidget(m_modeLabel);

    // Keys: the list on the left, the selected key's value on the right.
    m_sorted->setSourceModel(m_keys);
    m_sorted->setSortRole(RedisKeyModel::SortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_keyView->setObjectName(QStringLiteral("redisKeys"));
    m_keyView->setModel(m_sorted);
    m_keyView->setSortingEnabled(true);
    m_keyView->sortByColumn(RedisKeyModel::KeyColumn, Qt::AscendingOrder);
    m_keyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_keyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_keyView->setWordWrap(false);
    m_keyView->setAlternatingRowColors(true);
    m_keyView->verticalHeader()->setVisible(false);
    m_keyView->verticalHeader()->setDefaultSectionSize(m_keyView->fontMetrics().height() + 6);
    m_keyView->horizontalHeader()->setSectionResizeMode(RedisKeyModel::KeyColumn, QHeaderView::Stretch);
    m_keyView->horizontalHeader()->setSectionResizeMode(RedisKeyModel::TypeColumn, QHeaderView::ResizeToContents);
    m_keyView->horizontalHeader()->setSectionResizeMode(RedisKeyModel::TtlColumn, QHeaderView::ResizeToContents);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_deleteAction, &QAction::triggered, m_value, &RedisValueView::deleteKey);
    m_keyView->addAction(m_deleteAction);
    m_moreButton->setObjectName(QStringLiteral("redisLoadMoreKeys"));
    m_status->setObjectName(QStringLiteral("redisKeyStatus"));
    m_status->setWordWrap(true);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_keyView, 1);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_moreButton);
    leftLayout->addLayout(statusRow);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_value);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    // Server info: INFO's sections as groups.
    auto *infoPage = new QWidget(this);
    m_info->setObjectName(QStringLiteral("redisInfo"));
    m_info->setColumnCount(2);
    m_info->setAlternatingRowColors(true);
    m_info->setUniformRowHeights(true);
    m_info->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    connect(m_refreshInfo, &QPushButton::clicked, this, &RedisBrowser::refreshInfo);
    auto *infoLayout = new QVBoxLayout(infoPage);
    infoLayout->setContentsMargins(0, 0, 0, 0);
    infoLayout->addWidget(m_info, 1);
    auto *infoRow = new QHBoxLayout;
    infoRow->addWidget(m_infoStatus, 1);
    infoRow->addWidget(m_refreshInfo);
    infoLayout->addLayout(infoRow);

    m_pages->setObjectName(QStringLiteral("redisPages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(split, QString());
    m_pages->addTab(infoPage, QString());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_bar);
    layout->addWidget(m_pages, 1);

    connect(m_scanButton, &QPushButton::clicked, this, &RedisBrowser::rescan);
    connect(m_pattern, &QLineEdit::returnPressed, this, &RedisBrowser::rescan);
    connect(m_type, &QComboBox::activated, this, &RedisBrowser::rescan);
    connect(m_moreButton, &QPushButton::clicked, this, &RedisBrowser::loadMore);
    connect(m_database, &QComboBox::activated, this, [this](int index) { selectDatabase(index); });
    connect(m_keyView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (!current.isValid())
            return;
        const QByteArray key = m_sorted->data(current, RedisKeyModel::KeyBytesRole).toByteArray();
        if (key != m_value->currentKey())
            m_value->showKey(key);
    });
    connect(m_value, &RedisValueView::keyUpdated, m_keys, &RedisKeyModel::updateKey);
    connect(m_value, &RedisValueView::errorOccurred, this, &RedisBrowser::showError);
    connect(m_value, &RedisValueView::keyDeleted, this, [this](const QByteArray &key) {
        m_keys->removeKey(key);
        m_bar->showInfo(Tr::tr("Deleted %1.").arg(redisDisplay(key, false, 200)));
        refreshKeyspace();
    });
    connect(m_pages, &QTabWidget::currentChanged, this, [this, infoPage](int) {
        if (m_pages->currentWidget() == infoPage && !m_infoLoaded)
            refreshInfo();
    });

    retranslate();
    refreshKeyspace();
    rescan();
}

RedisBrowser::~RedisBrowser() = default;

void RedisBrowser::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refreshKeyspace(); // the databases' names with their counts
        if (m_infoLoaded)
            refreshInfo(); // the overview's labels
    }
    QWidget::changeEvent(event);
}

void RedisBrowser::retranslate()
{
    m_dbLabel->setText(Tr::tr("Database:"));
    m_database->setToolTip(Tr::tr("The logical database (SELECT) and how many keys it holds"));
    m_pattern->setPlaceholderText(Tr::tr("Filter keys: a pattern such as user:* or text the key contains"));
    m_type->setToolTip(Tr::tr("Only keys of this type (SCAN … TYPE, Redis 6 and later)"));
    m_type->setItemText(0, Tr::tr("All types"));
    m_scanButton->setText(Tr::tr("Scan"));
    m_moreButton->setText(Tr::tr("Load More"));
    m_moreButton->setToolTip(Tr::tr("Go on with the scan (SCAN, %1 keys a step)").arg(RedisSession::ScanCount));
    m_modeLabel->setText(modeText(m_session->spec().safeMode));
    m_pages->setTabText(0, Tr::tr("Keys"));
    m_pages->setTabText(1, Tr::tr("Server Info"));
    m_info->setHeaderLabels({Tr::tr("Field"), Tr::tr("Value")});
    m_refreshInfo->setText(Tr::tr("Refresh"));
    m_deleteAction->setText(Tr::tr("Delete Key…"));
    m_keys->retranslate();
    updateStatus();
}

QByteArray RedisBrowser::patternFor(const QString &filter)
{
    if (filter.isEmpty())
        return QByteArrayLiteral("*");
    QByteArray bytes = filter.toUtf8();
    if (bytes.contains('*') || bytes.contains('?') || bytes.contains('['))
        return bytes; // a glob, as typed
    bytes.replace('\\', QByteArrayLiteral("\\\\"));
    return '*' + bytes + '*';
}

void RedisBrowser::showError(const Error &e)
{
    m_bar->showError(e);
}

void RedisBrowser::refreshKeyspace()
{
    m_session->keyspace().then(this, [this](const Result<RedisKeyspace> &r) {
        if (!r) {
            showError(r.error());
            return;
        }
        const int db = m_session->database();
        const QSignalBlocker block(m_database);
        m_database->clear();
        for (int i = 0; i < r->databases; ++i) {
            const qint64 n = r->keys.value(i, 0);
            m_database->addItem(n ? Tr::tr("db%1 (%Ln key(s))", nullptr, int(qMin<qint64>(n, INT_MAX))).arg(i) : Tr::tr("db%1 (empty)").arg(i));
        }
        m_database->setCurrentIndex(qBound(0, db, m_database->count() - 1));
        m_dbSize = r->keys.value(db, 0);
        updateStatus();
    });
}

void RedisBrowser::rescan()
{
    const quint64 gen = ++m_scanGeneration;
    m_cursor = QByteArrayLiteral("0");
    m_examined = 0;
    m_activePattern = patternFor(m_pattern->text());
    m_activeType = RedisType(m_type->currentData().toInt());
    m_keys->clear();
    m_scanning = true;
    m_bar->clear();
    updateStatus();
    m_session->databaseSize().then(this, [this, gen](const Result<qint64> &r) {
        if (gen == m_scanGeneration && r) {
            m_dbSize = *r;
            updateStatus();
        }
    });
    m_session->scan(m_cursor, m_activePattern, RedisSession::ScanCount, m_activeType).then(this, [this, gen](const Result<RedisScanPage> &r) {
        if (gen == m_scanGeneration)
            onScanPage(r);
    });
}

void RedisBrowser::loadMore()
{
    if (!canLoadMore())
        return;
    const quint64 gen = m_scanGeneration;
    m_scanning = true;
    updateStatus();
    m_session->scan(m_cursor, m_activePattern, RedisSession::ScanCount, m_activeType).then(this, [this, gen](const Result<RedisScanPage> &r) {
        if (gen == m_scanGeneration)
            onScanPage(r);
    });
}

void RedisBrowser::onScanPage(const Result<RedisScanPage> &page)
{
    m_scanning = false;
    if (!page) {
        showError(page.error());
        updateStatus();
        return;
    }
    m_cursor = page->cursor;
    m_examined += page->examined;
    m_keys->appendKeys(page->keys);
    updateStatus();
    emit keysLoaded();
}

void RedisBrowser::updateStatus()
{
    const int listed = m_keys->rowCount();
    const int db = m_session->database();
    QString text;
    if (m_scanning && listed == 0) {
        text = Tr::tr("Scanning…");
    } else {
        const QString shown = Tr::tr("%n key(s) listed", nullptr, listed);
        const bool done = m_cursor == "0";
        if (m_dbSize >= 0)
            text = done ? Tr::tr("%1 of %2 in db%3; the scan is complete.").arg(shown, QLocale().toString(m_dbSize)).arg(db)
                        : Tr::tr("%1 of %2 in db%3; Load More scans on.").arg(shown, QLocale().toString(m_dbSize)).arg(db);
        else
            text = shown;
    }
    m_status->setText(text);
    m_moreButton->setEnabled(canLoadMore());
    m_scanButton->setEnabled(!m_scanning || m_keys->rowCount() > 0);
}

void RedisBrowser::selectDatabase(int db)
{
    m_session->selectDatabase(db).then(this, [this, db](const Result<void> &r) {
        if (!r) {
            showError(r.error());
            refreshKeyspace(); // puts the box back on the database in use
            return;
        }
        Q_UNUSED(db)
        m_value->clearKey();
        refreshKeyspace();
        rescan();
    });
}

void RedisBrowser::refreshInfo()
{
    m_infoStatus->setText(Tr::tr("Reading INFO…"));
    m_session->serverInfo().then(this, [this](const Result<QList<RedisInfoSection>> &r) {
        if (!r) {
            m_infoStatus->clear();
            showError(r.error());
            return;
        }
        m_infoLoaded = true;
        m_info->clear();
        addOverview(*r);
        for (const RedisInfoSection &s : *r) {
            auto *section = new QTreeWidgetItem(m_info, {s.name.isEmpty() ? Tr::tr("Other") : s.name});
            QFont f = section->font(0);
            f.setBold(true);
            section->setFont(0, f);
            section->setFirstColumnSpanned(true);
            for (const auto &[k, v] : s.fields)
                new QTreeWidgetItem(section, {k, v});
            section->setExpanded(true);
        }
        m_infoStatus->setText(Tr::tr("Redis %1 · read at %2")
                                  .arg(m_version, QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
        emit infoLoaded();
    });
}

void RedisBrowser::addOverview(const QList<RedisInfoSection> &info)
{
    // What people look at first, from the sections below: no second round trip.
    QHash<QString, QString> all;
    for (const RedisInfoSection &s : info) {
        for (const auto &[k, v] : s.fields)
            all.insert(k, v);
    }
    const auto number = [&all](const char *k) { return all.value(QLatin1String(k)).toLongLong(); };
    QList<QPair<QString, QString>> rows;
    const auto add = [&rows](const QString &label, const QString &value) {
        if (!value.isEmpty())
            rows.append({label, value});
    };
    add(Tr::tr("Version"), all.value(QStringLiteral("redis_version")));
    add(Tr::tr("Mode and role"), QStringList {all.value(QStringLiteral("redis_mode")), all.value(QStringLiteral("role"))}
                                     .join(QStringLiteral(" · ")));
    if (all.contains(QStringLiteral("uptime_in_seconds")))
        add(Tr::tr("Up for"), formatRedisTtl(number("uptime_in_seconds") * 1000));
    add(Tr::tr("Connected clients"), all.value(QStringLiteral("connected_clients")));
    if (all.contains(QStringLiteral("used_memory"))) {
        QString mem = formatRedisBytes(number("used_memory"));
        if (number("maxmemory") > 0)
            mem = Tr::tr("%1 of %2").arg(mem, formatRedisBytes(number("maxmemory")));
        add(Tr::tr("Memory used"), mem);
        add(Tr::tr("Memory peak"), formatRedisBytes(number("used_memory_peak")));
    }
    add(Tr::tr("Operations per second"), all.value(QStringLiteral("instantaneous_ops_per_sec")));
    const qint64 hits = number("keyspace_hits");
    const qint64 misses = number("keyspace_misses");
    if (hits + misses > 0)
        add(Tr::tr("Keyspace hit rate"), QStringLiteral("%1 %").arg(QLocale().toString(100.0 * double(hits) / double(hits + misses), 'f', 1)));
    if (rows.isEmpty())
        return;
    auto *overview = new QTreeWidgetItem(m_info, {Tr::tr("Overview")});
    QFont f = overview->font(0);
    f.setBold(true);
    overview->setFont(0, f);
    overview->setFirstColumnSpanned(true);
    for (const auto &[k, v] : rows)
        new QTreeWidgetItem(overview, {k, v});
    overview->setExpanded(true);
}

void RedisBrowser::showKey(const QByteArray &key)
{
    const int row = m_keys->rowOf(key);
    if (row >= 0) {
        const QModelIndex i = m_sorted->mapFromSource(m_keys->index(row, RedisKeyModel::KeyColumn));
        m_keyView->setCurrentIndex(i);
        m_keyView->scrollTo(i);
        if (m_value->currentKey() == key)
            return;
    } else {
        m_keyView->setCurrentIndex({}); // the list shows no other key as the one on the right
        m_keyView->clearSelection();
    }
    m_value->showKey(key);
}

} // namespace Qwq::Databases
