// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redisvalueview.h"

#include <databases/core/databasestr.h>
#include <databases/core/redismodels.h>
#include <databases/core/redissession.h>

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

#include <climits>

namespace Qwq::Databases {

namespace {

QLabel *plainLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

/// The editor's text as the bytes it stands for (QPlainTextEdit::toPlainText() would turn a
/// no-break space into a space).
QByteArray editorBytes(const QPlainTextEdit *edit)
{
    QString s = edit->document()->toRawText();
    s.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    s.replace(QChar::LineSeparator, QLatin1Char('\n'));
    return s.toUtf8();
}

QString lengthText(RedisType type, qint64 n)
{
    if (n < 0)
        return {};
    const int c = int(qMin<qint64>(n, INT_MAX));
    switch (type) {
    case RedisType::String: return QLocale().formattedDataSize(n);
    case RedisType::Hash: return Tr::tr("%n field(s)", nullptr, c);
    case RedisType::List: return Tr::tr("%n element(s)", nullptr, c);
    case RedisType::Set:
    case RedisType::ZSet: return Tr::tr("%n member(s)", nullptr, c);
    case RedisType::Stream: return Tr::tr("%n entry(s)", "stream entries", c);
    case RedisType::None:
    case RedisType::Other: break;
    }
    return {};
}

} // namespace

RedisValueView::RedisValueView(RedisSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new RedisValueModel(this)), m_keyLabel(plainLabel(this)),
      m_metaLabel(plainLabel(this)), m_ttlLabel(plainLabel(this)), m_reloadButton(new QPushButton(Tr::tr("Reload"), this)),
      m_ttlButton(new QPushButton(Tr::tr("Set TTL…"), this)), m_persistButton(new QPushButton(Tr::tr("Persist"), this)),
      m_deleteButton(new QPushButton(Tr::tr("Delete…"), this)), m_stack(new QStackedWidget(this)),
      m_emptyLabel(plainLabel(m_stack)), m_stringPage(new QWidget(m_stack)), m_stringNote(plainLabel(m_stringPage)),
      m_text(new QPlainTextEdit(m_stringPage)), m_saveButton(new QPushButton(Tr::tr("Save…"), m_stringPage)),
      m_tablePage(new QWidget(m_stack)), m_table(new QTableView(m_tablePage)), m_detail(new QPlainTextEdit(m_tablePage)),
      m_countLabel(plainLabel(m_tablePage)), m_moreButton(new QPushButton(Tr::tr("Load More"), m_tablePage))
{
    QFont bold = m_keyLabel->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_keyLabel->setFont(bold);
    m_keyLabel->setObjectName(QStringLiteral("redisKeyName"));
    m_keyLabel->setWordWrap(true);
    m_metaLabel->setObjectName(QStringLiteral("redisKeyMeta"));
    m_ttlLabel->setObjectName(QStringLiteral("redisKeyTtl"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_text->setObjectName(QStringLiteral("redisStringValue"));
    m_text->setFont(mono);
    m_stringNote->setWordWrap(true);
    m_saveButton->setEnabled(false);
    auto *stringLayout = new QVBoxLayout(m_stringPage);
    stringLayout->setContentsMargins(0, 0, 0, 0);
    stringLayout->addWidget(m_stringNote);
    stringLayout->addWidget(m_text, 1);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_saveButton);
    stringLayout->addLayout(saveRow);

    m_table->setObjectName(QStringLiteral("redisValueTable"));
    m_table->setModel(m_model);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(220);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_detail->setObjectName(QStringLiteral("redisCellDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(mono);
    m_moreButton->setObjectName(QStringLiteral("redisValueLoadMore"));
    auto *split = new QSplitter(Qt::Vertical, m_tablePage);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *tableLayout = new QVBoxLayout(m_tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(split, 1);
    auto *moreRow = new QHBoxLayout;
    moreRow->addWidget(m_countLabel, 1);
    moreRow->addWidget(m_moreButton);
    tableLayout->addLayout(moreRow);

    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_stringPage);
    m_stack->addWidget(m_tablePage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(m_keyLabel);
    auto *metaRow = new QHBoxLayout;
    metaRow->addWidget(m_metaLabel);
    metaRow->addSpacing(12);
    metaRow->addWidget(m_ttlLabel);
    metaRow->addStretch(1);
    metaRow->addWidget(m_ttlButton);
    metaRow->addWidget(m_persistButton);
    metaRow->addWidget(m_reloadButton);
    metaRow->addWidget(m_deleteButton);
    layout->addLayout(metaRow);
    layout->addWidget(m_stack, 1);

    connect(m_reloadButton, &QPushButton::clicked, this, &RedisValueView::reload);
    connect(m_ttlButton, &QPushButton::clicked, this, &RedisValueView::askTtl);
    connect(m_persistButton, &QPushButton::clicked, this, &RedisValueView::persist);
    connect(m_deleteButton, &QPushButton::clicked, this, &RedisValueView::deleteKey);
    connect(m_saveButton, &QPushButton::clicked, this, &RedisValueView::saveString);
    connect(m_moreButton, &QPushButton::clicked, this, &RedisValueView::loadMore);
    connect(m_text->document(), &QTextDocument::modificationChanged, this, &RedisValueView::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &RedisValueView::showCell);
    clearKey();
    retranslate();
}

RedisValueView::~RedisValueView() = default;

void RedisValueView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RedisValueView::retranslate()
{
    m_reloadButton->setText(Tr::tr("Reload"));
    m_ttlButton->setText(Tr::tr("Set TTL…"));
    m_persistButton->setText(Tr::tr("Persist"));
    m_deleteButton->setText(Tr::tr("Delete…"));
    m_saveButton->setText(Tr::tr("Save…"));
    m_moreButton->setText(Tr::tr("Load More"));
    m_persistButton->setToolTip(Tr::tr("Remove the key's time to live: it no longer expires"));
    m_ttlButton->setToolTip(Tr::tr("Make the key expire after a number of seconds"));
    m_detail->setPlaceholderText(Tr::tr("Select a cell to see all of it here."));
    if (m_key.isEmpty())
        m_emptyLabel->setText(Tr::tr("Select a key to see its value."));
    m_model->retranslate();
    updateButtons(); // the header and the read-only tooltips
}

QString RedisValueView::keyForHumans() const
{
    return QStringLiteral("\u201C%1\u201D").arg(redisDisplay(m_key, false, 200));
}

bool RedisValueView::confirm(const QString &title, const QString &text)
{
    if (m_confirm)
        return m_confirm(title, text);
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Yes;
}

void RedisValueView::clearKey()
{
    ++m_generation;
    m_key.clear();
    m_info = {};
    m_next.clear();
    m_loading = false;
    m_stringEditable = false;
    m_model->reset(RedisType::None);
    m_text->clear();
    m_detail->clear();
    m_stack->setCurrentWidget(m_emptyLabel);
    m_emptyLabel->setText(Tr::tr("Select a key to see its value."));
    updateHeader();
    updateButtons();
}

void RedisValueView::showKey(const QByteArray &key)
{
    clearKey();
    m_key = key;
    m_info.key.name = key;
    updateHeader();
    loadInfo();
}

void RedisValueView::reload()
{
    if (!m_key.isEmpty())
        showKey(m_key);
}

void RedisValueView::loadInfo()
{
    const quint64 gen = m_generation;
    m_loading = true;
    updateButtons();
    m_session->keyInfo(m_key).then(this, [this, gen](const Result<RedisKeyInfo> &r) {
        if (gen != m_generation)
            return;
        m_loading = false;
        if (!r) {
            updateButtons();
            emit errorOccurred(r.error());
            return;
        }
        m_info = *r;
        emit keyUpdated(m_info.key);
        updateHeader();
        updateButtons();
        if (m_info.key.type == RedisType::None) {
            m_emptyLabel->setText(Tr::tr("The key no longer exists."));
            m_stack->setCurrentWidget(m_emptyLabel);
            return;
        }
        if (m_info.key.type == RedisType::Other) {
            m_emptyLabel->setText(Tr::tr("qwq has no viewer for keys of type %1.").arg(redisDisplay(m_info.key.typeName, false, 60)));
            m_stack->setCurrentWidget(m_emptyLabel);
            return;
        }
        m_model->reset(m_info.key.type);
        loadPage(true);
    });
}

void RedisValueView::loadPage(bool first)
{
    if (m_key.isEmpty() || m_loading || (!first && m_next.isEmpty()))
        return;
    const quint64 gen = m_generation;
    m_loading = true;
    updateButtons();
    m_session->readValue(m_key, m_info.key.type, first ? QByteArray() : m_next)
        .then(this, [this, gen](const Result<RedisValuePage> &r) {
            if (gen != m_generation)
                return;
            m_loading = false;
            if (!r) {
                updateButtons();
                emit errorOccurred(r.error());
                return;
            }
            if (r->type == RedisType::String) {
                showString(*r);
            } else {
                m_next = r->next;
                m_model->appendPage(*r);
                m_stack->setCurrentWidget(m_tablePage);
                if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
                    m_table->setCurrentIndex(m_model->index(0, m_model->columnCount() > 1 ? 1 : 0));
            }
            updateButtons();
            emit pageLoaded();
        });
}

void RedisValueView::loadMore()
{
    loadPage(false);
}

void RedisValueView::showString(const RedisValuePage &page)
{
    const QByteArray value = page.rows.value(0).value(0);
    m_loadedString = value;
    m_stringEditable = false;
    QString note;
    if (!page.truncated && isRedisText(value)) {
        m_text->setPlainText(QString::fromUtf8(value));
        // Only what the editor gives back unchanged can be edited without changing bytes.
        m_stringEditable = editorBytes(m_text) == value;
    }
    if (m_stringEditable) {
        if (m_session->isReadOnly())
            note = Tr::tr("Read-only connection (safe mode): the value cannot be changed here.");
    } else {
        m_text->setPlainText(redisHexDump(value));
        if (page.truncated)
            note = Tr::tr("A large value: only the first %1 of %2 are shown, as bytes; it cannot be edited here.")
                       .arg(formatRedisBytes(value.size()), formatRedisBytes(page.valueBytes));
        else
            note = Tr::tr("Binary value (%1, not plain UTF-8 text), shown as hex; it cannot be edited here.")
                       .arg(formatRedisBytes(value.size()));
    }
    m_text->setReadOnly(!m_stringEditable || m_session->isReadOnly());
    m_text->document()->setModified(false);
    m_stringNote->setText(note);
    m_stringNote->setVisible(!note.isEmpty());
    m_stack->setCurrentWidget(m_stringPage);
}

void RedisValueView::showCell()
{
    const QModelIndex i = m_table->currentIndex();
    if (!i.isValid()) {
        m_detail->clear();
        return;
    }
    const QByteArray bytes = m_model->cell(i.row(), i.column());
    if (isRedisText(bytes))
        m_detail->setPlainText(QString::fromUtf8(bytes));
    else
        m_detail->setPlainText(Tr::tr("Binary, %1:").arg(formatRedisBytes(bytes.size())) + QLatin1Char('\n')
                               + redisDisplay(bytes, false, 4096) + QLatin1String("\n\n") + redisHexDump(bytes, 16384));
}

void RedisValueView::updateHeader()
{
    if (m_key.isEmpty()) {
        m_keyLabel->setText(Tr::tr("No key selected"));
        m_metaLabel->clear();
        m_ttlLabel->clear();
        return;
    }
    m_keyLabel->setText(redisDisplay(m_key, false, 400));
    QStringList meta;
    if (m_info.key.type != RedisType::None || !m_info.key.typeName.isEmpty())
        meta << (m_info.key.type == RedisType::Other ? redisDisplay(m_info.key.typeName, false, 40)
                                                     : redisTypeName(m_info.key.type));
    if (const QString n = lengthText(m_info.key.type, m_info.length); !n.isEmpty())
        meta << n;
    if (m_info.memoryBytes >= 0)
        meta << Tr::tr("%1 in memory").arg(formatRedisBytes(m_info.memoryBytes));
    if (!m_info.encoding.isEmpty())
        meta << m_info.encoding;
    m_metaLabel->setText(meta.join(QStringLiteral(" \u00B7 ")));
    m_ttlLabel->setText(m_info.key.typeName.isEmpty() ? QString()
                                                      : Tr::tr("TTL: %1").arg(formatRedisTtl(m_info.key.ttlMs)));
    if (m_model->type() != RedisType::None && m_model->type() != RedisType::String) {
        const QString shown = Tr::tr("%n row(s) shown", nullptr, m_model->rowCount());
        m_countLabel->setText(m_info.length >= 0 ? Tr::tr("%1 of %2").arg(shown, lengthText(m_info.key.type, m_info.length))
                                                 : shown);
    }
}

void RedisValueView::updateButtons()
{
    const bool readOnly = m_session->isReadOnly();
    const bool exists = !m_key.isEmpty() && m_info.key.type != RedisType::None;
    const QString why = Tr::tr("Read-only connection (safe mode): writes are refused.");
    for (QPushButton *b : {m_ttlButton, m_persistButton, m_deleteButton, m_saveButton}) {
        if (readOnly)
            b->setToolTip(why);
    }
    m_reloadButton->setEnabled(!m_key.isEmpty());
    m_ttlButton->setEnabled(exists && !readOnly);
    m_persistButton->setEnabled(exists && !readOnly && m_info.key.ttlMs >= 0);
    m_deleteButton->setEnabled(exists && !readOnly);
    m_saveButton->setEnabled(m_stringEditable && !readOnly && m_text->document()->isModified());
    m_saveButton->setVisible(m_stringEditable);
    m_moreButton->setEnabled(!m_loading && hasMore());
    m_moreButton->setVisible(hasMore());
    updateHeader();
}

void RedisValueView::saveString()
{
    if (m_key.isEmpty() || !m_stringEditable)
        return;
    const QByteArray value = editorBytes(m_text);
    if (value == m_loadedString)
        return;
    if (!confirm(Tr::tr("Save Value"), Tr::tr("Write the new value (%1) of %2 to the server? Its TTL is kept.")
                                           .arg(formatRedisBytes(value.size()), keyForHumans())))
        return;
    const quint64 gen = m_generation;
    m_session->setString(m_key, value, m_loadedString).then(this, [this, gen](const Result<void> &r) {
        if (gen != m_generation)
            return;
        if (!r) {
            emit errorOccurred(r.error());
            return;
        }
        reload();
    });
}

void RedisValueView::askTtl()
{
    bool ok = false;
    const int current = m_info.key.ttlMs > 0 ? int(qMin<qint64>(m_info.key.ttlMs / 1000 + 1, INT_MAX)) : 3600;
    const int seconds = QInputDialog::getInt(this, Tr::tr("Set TTL"), Tr::tr("Seconds until the key expires:"), current,
                                             1, INT_MAX, 1, &ok);
    if (ok)
        setTtl(seconds);
}

void RedisValueView::setTtl(qint64 seconds)
{
    if (m_key.isEmpty())
        return;
    if (m_session->spec().safeMode == SafeMode::ConfirmWrites
        && !confirm(Tr::tr("Set TTL"), Tr::tr("Make %1 expire in %2?").arg(keyForHumans(), formatRedisTtl(seconds * 1000))))
        return;
    const quint64 gen = m_generation;
    m_session->expire(m_key, seconds).then(this, [this, gen](const Result<void> &r) {
        if (gen != m_generation)
            return;
        if (!r)
            emit errorOccurred(r.error());
        refreshInfo();
    });
}

void RedisValueView::refreshInfo()
{
    // The value is unchanged: only the header (type, TTL, size) is read again.
    const quint64 gen = m_generation;
    m_session->keyInfo(m_key).then(this, [this, gen](const Result<RedisKeyInfo> &i) {
        if (gen != m_generation)
            return;
        if (!i) {
            emit errorOccurred(i.error());
            return;
        }
        m_info = *i;
        emit keyUpdated(m_info.key);
        updateButtons();
    });
}

void RedisValueView::persist()
{
    if (m_key.isEmpty())
        return;
    if (m_session->spec().safeMode == SafeMode::ConfirmWrites
        && !confirm(Tr::tr("Persist"), Tr::tr("Remove the TTL of %1, so that it no longer expires?").arg(keyForHumans())))
        return;
    const quint64 gen = m_generation;
    m_session->persist(m_key).then(this, [this, gen](const Result<void> &r) {
        if (gen != m_generation)
            return;
        if (!r)
            emit errorOccurred(r.error());
        refreshInfo();
    });
}

void RedisValueView::deleteKey()
{
    if (m_key.isEmpty())
        return;
    if (!confirm(Tr::tr("Delete Key"), Tr::tr("Delete the key %1 and its value? This cannot be undone.").arg(keyForHumans())))
        return;
    const QByteArray key = m_key;
    m_session->remove(key).then(this, [this, key](const Result<bool> &r) {
        if (!r) {
            emit errorOccurred(r.error());
            return;
        }
        if (m_key == key)
            clearKey();
        emit keyDeleted(key);
    });
}

} // namespace Qwq::Databases
