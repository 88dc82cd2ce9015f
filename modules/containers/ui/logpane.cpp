// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logpane.h"

#include <containers/core/containerstr.h>
#include <containers/core/logmodel.h>

#include <QCheckBox>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSaveFile>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QHeaderView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Qwq::Containers {

namespace {
/// Stderr lines in the palette's error colour; the text itself is plain.
class LogLineDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(LogModel::StderrRole).toBool())
            option->palette.setColor(QPalette::Text, QColor(0xc0, 0x30, 0x30));
    }
};
} // namespace

LogPane::LogPane(LogModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setClearButtonEnabled(true);
    m_prev = new QToolButton(this);
    m_prev->setArrowType(Qt::UpArrow);
    m_next = new QToolButton(this);
    m_next->setArrowType(Qt::DownArrow);
    m_follow = new QCheckBox(this);
    m_follow->setObjectName(QStringLiteral("logFollow"));
    m_follow->setChecked(true);
    m_download = new QToolButton(this);
    m_download->setObjectName(QStringLiteral("logDownload"));
    m_download->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("logStatus"));

    // A table, not a list: QListView lays out every row again after each insert (model calls
    // per row: ~20 ms per flush at 200,000 rows), a table with fixed row heights does not.
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_model);
    m_view->horizontalHeader()->hide();
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setShowGrid(false);
    m_view->setTextElideMode(Qt::ElideNone);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 2);
    m_view->setItemDelegate(new LogLineDelegate(m_view));
    fitColumn();

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_prev);
    bar->addWidget(m_next);
    bar->addWidget(m_follow);
    bar->addWidget(m_download);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_search, &QLineEdit::returnPressed, this, [this] { findNext(false); });
    connect(m_next, &QToolButton::clicked, this, [this] { findNext(false); });
    connect(m_prev, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_view->scrollToBottom();
        emit followToggled(on);
    });
    connect(m_download, &QToolButton::clicked, this, &LogPane::download);
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *sb = m_view->verticalScrollBar();
        m_atBottom = sb->value() >= sb->maximum() - 2;
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        // Only the new lines: the widest line sets the column width (one column, no elision).
        int widest = m_widestLine;
        for (int row = first; row <= last; ++row)
            widest = qMax(widest, int(m_model->lineAt(row).size()));
        if (widest != m_widestLine) {
            m_widestLine = widest;
            fitColumn();
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_widestLine = 0;
        fitColumn();
    });
    connect(m_model, &LogModel::flushed, this, [this] {
        if (isFollowing())
            m_view->scrollToBottom();
        updateStatus();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &LogPane::updateStatus);
    retranslate();
}

bool LogPane::isFollowing() const
{
    // Scrolled up to read: do not pull the view away from the reader.
    return m_follow->isChecked() && m_atBottom;
}

bool LogPane::findNext(bool backward)
{
    const QString text = m_search->text();
    if (text.isEmpty())
        return false;
    const QModelIndex cur = m_view->currentIndex();
    int from = cur.isValid() ? cur.row() + (backward ? -1 : 1) : (backward ? m_model->rowCount() - 1 : 0);
    if (from < 0)
        from = m_model->rowCount() - 1;
    if (from >= m_model->rowCount())
        from = 0;
    const int row = m_model->find(text, from, backward);
    if (row < 0) {
        m_status->setText(Tr::tr("“%1” not found").arg(text));
        return false;
    }
    // Finding something is reading: stop following so the match stays in view.
    m_follow->setChecked(false);
    const QModelIndex idx = m_model->index(row);
    m_view->setCurrentIndex(idx);
    m_view->scrollTo(idx, QAbstractItemView::PositionAtCenter);
    updateStatus();
    return true;
}

bool LogPane::saveTo(const QString &path, QString *error)
{
    m_model->flush();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !m_model->writeTo(&f) || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

void LogPane::download()
{
    const QString path = QFileDialog::getSaveFileName(this, Tr::tr("Save Log"), QStringLiteral("container.log"),
                                                      Tr::tr("Log files (*.log *.txt)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        m_status->setText(Tr::tr("Could not save the log: %1").arg(error));
    else
        m_status->setText(Tr::tr("Saved %1 lines to %2").arg(QLocale().toString(m_model->rowCount()), path));
}

void LogPane::fitColumn()
{
    const int chars = qMin(m_widestLine, 4096) + 2;
    const int width = chars * m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_view->setColumnWidth(0, qMax(width, m_view->viewport()->width()));
}

void LogPane::resizeEvent(QResizeEvent *e)
{
    QWidget::resizeEvent(e);
    fitColumn();
}

QString LogPane::statusText() const
{
    return m_status->text();
}

void LogPane::updateStatus()
{
    const QLocale loc;
    if (m_model->dropped() > 0)
        m_status->setText(Tr::tr("%1 lines shown · %2 older lines dropped (the view keeps the last %3)")
                              .arg(loc.toString(m_model->rowCount()), loc.toString(m_model->dropped()),
                                   loc.toString(m_model->capacity())));
    else
        m_status->setText(Tr::tr("%1 lines").arg(loc.toString(m_model->rowCount())));
}

void LogPane::retranslate()
{
    m_search->setPlaceholderText(Tr::tr("Search the log"));
    m_prev->setToolTip(Tr::tr("Previous match"));
    m_next->setToolTip(Tr::tr("Next match"));
    m_follow->setText(Tr::tr("Follow"));
    m_follow->setToolTip(Tr::tr("Keep showing new lines as they arrive"));
    m_download->setText(Tr::tr("Download…"));
    m_download->setToolTip(Tr::tr("Save the lines shown to a file"));
    updateStatus();
}

void LogPane::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

} // namespace Qwq::Containers
