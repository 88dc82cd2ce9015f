// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffview.h"

#include <editor/core/editortr.h>

#include <Qsci/qsciscintilla.h>

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace Qwq::Editor {

namespace {

constexpr int NumberMargin = 0;
constexpr int HunkMargin = 1;
constexpr int MarkerAdded = 0;
constexpr int MarkerRemoved = 1;
constexpr int MarkerFiller = 2;
constexpr int MarkerCurrent = 3;
constexpr int NumberStyle = 33; // STYLE_LINENUMBER

QsciScintilla *makeEditor(QWidget *parent, const QString &objectName)
{
    auto *e = new QsciScintilla(parent);
    e->setObjectName(objectName);
    e->setUtf8(true);
    e->setReadOnly(true);
    e->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    e->setMarginType(NumberMargin, QsciScintilla::TextMargin);
    e->setMarginType(HunkMargin, QsciScintilla::SymbolMargin);
    e->setMarginWidth(HunkMargin, 12);
    e->setMarginMarkerMask(NumberMargin, 0);
    e->setMarginMarkerMask(HunkMargin, 1 << MarkerCurrent);
    e->markerDefine(QsciScintilla::Background, MarkerAdded);
    e->markerDefine(QsciScintilla::Background, MarkerRemoved);
    e->markerDefine(QsciScintilla::Background, MarkerFiller);
    e->markerDefine(QsciScintilla::RightArrow, MarkerCurrent);
    e->setCaretLineVisible(false);
    e->setCaretWidth(0);
    e->setWrapMode(QsciScintilla::WrapNone);
    return e;
}

} // namespace

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("diffView"));
    m_bar = new QWidget(this);
    auto *barLayout = new QHBoxLayout(m_bar);
    barLayout->setContentsMargins(4, 2, 4, 2);
    m_summary = new QLabel(m_bar);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_prevButton = new QToolButton(m_bar);
    m_prevButton->setObjectName(QStringLiteral("diffPrevious"));
    m_prevButton->setArrowType(Qt::UpArrow);
    m_prevButton->setAutoRaise(true);
    m_nextButton = new QToolButton(m_bar);
    m_nextButton->setObjectName(QStringLiteral("diffNext"));
    m_nextButton->setArrowType(Qt::DownArrow);
    m_nextButton->setAutoRaise(true);
    m_modeButton = new QToolButton(m_bar);
    m_modeButton->setObjectName(QStringLiteral("diffMode"));
    m_modeButton->setAutoRaise(true);
    barLayout->addWidget(m_summary, 1);
    barLayout->addWidget(m_prevButton);
    barLayout->addWidget(m_nextButton);
    barLayout->addWidget(m_modeButton);

    m_leftLabel = new QLabel(this);
    m_leftLabel->setTextFormat(Qt::PlainText);
    m_rightLabel = new QLabel(this);
    m_rightLabel->setTextFormat(Qt::PlainText);
    m_left = makeEditor(this, QStringLiteral("diffLeft"));
    m_right = makeEditor(this, QStringLiteral("diffRight"));

    auto *grid = new QHBoxLayout;
    grid->setSpacing(2);
    auto *leftColumn = new QVBoxLayout;
    leftColumn->addWidget(m_leftLabel);
    leftColumn->addWidget(m_left, 1);
    auto *rightColumn = new QVBoxLayout;
    rightColumn->addWidget(m_rightLabel);
    rightColumn->addWidget(m_right, 1);
    grid->addLayout(leftColumn, 1);
    grid->addLayout(rightColumn, 1);
    m_columns = grid;
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    layout->addLayout(grid, 1);

    // Scroll the two columns together.
    auto sync = [this](QScrollBar *from, QScrollBar *to) {
        connect(from, &QScrollBar::valueChanged, this, [this, to](int v) {
            if (m_syncing || m_mode != Mode::SideBySide)
                return;
            m_syncing = true;
            to->setValue(v);
            m_syncing = false;
        });
    };
    sync(m_left->verticalScrollBar(), m_right->verticalScrollBar());
    sync(m_right->verticalScrollBar(), m_left->verticalScrollBar());
    sync(m_left->horizontalScrollBar(), m_right->horizontalScrollBar());
    sync(m_right->horizontalScrollBar(), m_left->horizontalScrollBar());

    connect(m_prevButton, &QToolButton::clicked, this, &DiffView::previousHunk);
    connect(m_nextButton, &QToolButton::clicked, this, &DiffView::nextHunk);
    connect(m_modeButton, &QToolButton::clicked, this, [this] {
        setMode(m_mode == Mode::SideBySide ? Mode::Unified : Mode::SideBySide);
    });
    auto *next = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Down), this);
    next->setContext(Qt::WidgetWithChildrenShortcut);
    connect(next, &QShortcut::activated, this, &DiffView::nextHunk);
    auto *prev = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Up), this);
    prev->setContext(Qt::WidgetWithChildrenShortcut);
    connect(prev, &QShortcut::activated, this, &DiffView::previousHunk);

    rebuild();
}

DiffView::~DiffView() = default;

void DiffView::setTexts(const QString &oldText, const QString &newText, const QString &oldLabel,
                        const QString &newLabel)
{
    m_oldText = oldText;
    m_newText = newText;
    m_oldLabel = oldLabel;
    m_newLabel = newLabel;
    m_diff = TextDiff::compute(oldText, newText, TextDiff::Options::fullContext());
    rebuild();
}

void DiffView::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    rebuild();
}

void DiffView::setTheme(EditorTheme theme)
{
    m_theme = theme;
    applyColours();
}

void DiffView::setToolBarVisible(bool visible)
{
    m_bar->setVisible(visible);
}

void DiffView::rebuild()
{
    m_rows.clear();
    m_hunkRows.clear();
    m_currentHunk = -1;
    QStringList leftText, rightText;

    if (m_diff.isIdentical()) {
        const QStringList lines = m_oldText.split(QLatin1Char('\n'));
        for (int i = 0; i < m_diff.oldLineCount(); ++i) {
            m_rows.append({DiffLine::Kind::Context, i + 1, i + 1});
            leftText << lines.value(i);
            rightText << lines.value(i);
        }
    } else {
        // Full context: one hunk holds every line. Side by side pairs a run of removed lines
        // with the run of added lines after it; the shorter side gets filler rows.
        const QList<DiffLine> lines = m_diff.hunks().constFirst().lines;
        qsizetype i = 0;
        while (i < lines.size()) {
            const DiffLine &l = lines.at(i);
            if (l.kind == DiffLine::Kind::Context) {
                m_rows.append({DiffLine::Kind::Context, l.oldLine, l.newLine});
                leftText << l.text;
                rightText << l.text;
                ++i;
                continue;
            }
            QList<DiffLine> removed, added;
            while (i < lines.size() && lines.at(i).kind == DiffLine::Kind::Removed)
                removed << lines.at(i++);
            while (i < lines.size() && lines.at(i).kind == DiffLine::Kind::Added)
                added << lines.at(i++);
            m_hunkRows.append(int(m_rows.size()));
            if (m_mode == Mode::Unified) {
                for (const DiffLine &r : removed) {
                    m_rows.append({DiffLine::Kind::Removed, r.oldLine, 0});
                    leftText << r.text;
                }
                for (const DiffLine &a : added) {
                    m_rows.append({DiffLine::Kind::Added, 0, a.newLine});
                    leftText << a.text;
                }
                continue;
            }
            const qsizetype n = qMax(removed.size(), added.size());
            for (qsizetype k = 0; k < n; ++k) {
                Row row;
                row.kind = k < removed.size() ? DiffLine::Kind::Removed : DiffLine::Kind::Added;
                row.oldLine = k < removed.size() ? removed.at(k).oldLine : 0;
                row.newLine = k < added.size() ? added.at(k).newLine : 0;
                m_rows.append(row);
                leftText << (k < removed.size() ? removed.at(k).text : QString());
                rightText << (k < added.size() ? added.at(k).text : QString());
            }
        }
    }

    m_left->setReadOnly(false);
    m_left->setText(leftText.join(QLatin1Char('\n')));
    m_left->setReadOnly(true);
    m_right->setReadOnly(false);
    m_right->setText(m_mode == Mode::SideBySide ? rightText.join(QLatin1Char('\n')) : QString());
    m_right->setReadOnly(true);
    m_right->setVisible(m_mode == Mode::SideBySide);
    m_rightLabel->setVisible(m_mode == Mode::SideBySide);
    m_columns->setStretch(1, m_mode == Mode::SideBySide ? 1 : 0); // unified: all width left

    m_left->clearMarginText();
    m_right->clearMarginText();
    int maxNumber = qMax(m_diff.oldLineCount(), m_diff.newLineCount());
    const int width = int(QString::number(qMax(1, maxNumber)).size());
    auto num = [width](int n) {
        return n > 0 ? QString::number(n).rightJustified(width) : QString(width, QLatin1Char(' '));
    };
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows.at(r);
        if (m_mode == Mode::SideBySide) {
            m_left->setMarginText(r, num(row.oldLine), NumberStyle);
            m_right->setMarginText(r, num(row.newLine), NumberStyle);
        } else {
            m_left->setMarginText(r, num(row.oldLine) + QLatin1Char(' ') + num(row.newLine)
                                         + (row.kind == DiffLine::Kind::Added     ? QStringLiteral(" +")
                                            : row.kind == DiffLine::Kind::Removed ? QStringLiteral(" -")
                                                                                  : QStringLiteral("  ")),
                                  NumberStyle);
        }
    }
    const QString sample = m_mode == Mode::SideBySide
                               ? QString(width + 1, QLatin1Char('9'))
                               : QString(2 * width + 4, QLatin1Char('9'));
    m_left->setMarginWidth(NumberMargin, sample);
    m_right->setMarginWidth(NumberMargin, QString(width + 1, QLatin1Char('9')));
    applyColours();
    updateBar();
}

void DiffView::applyColours()
{
    const bool dark = EditorColors::isDark(m_theme);
    const EditorColors c = EditorColors::forDark(dark);
    for (QsciScintilla *e : {m_left, m_right}) {
        e->setPaper(c.paper);
        e->setColor(c.text);
        e->setMarginsBackgroundColor(c.margin);
        e->setMarginsForegroundColor(c.marginText);
        e->setMarginsFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        e->setSelectionBackgroundColor(c.selection);
        e->setMarkerBackgroundColor(c.added, MarkerAdded);
        e->setMarkerBackgroundColor(c.removed, MarkerRemoved);
        e->setMarkerBackgroundColor(c.filler, MarkerFiller);
        e->setMarkerBackgroundColor(c.hunkCurrent, MarkerCurrent);
        e->setMarkerForegroundColor(c.hunkCurrent, MarkerCurrent);
        e->markerDeleteAll();
    }
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows.at(r);
        if (row.kind == DiffLine::Kind::Context)
            continue;
        if (m_mode == Mode::Unified) {
            m_left->markerAdd(r, row.kind == DiffLine::Kind::Added ? MarkerAdded : MarkerRemoved);
            continue;
        }
        m_left->markerAdd(r, row.oldLine > 0 ? MarkerRemoved : MarkerFiller);
        m_right->markerAdd(r, row.newLine > 0 ? MarkerAdded : MarkerFiller);
    }
    if (m_currentHunk >= 0 && m_currentHunk < m_hunkRows.size()) {
        m_left->markerAdd(m_hunkRows.at(m_currentHunk), MarkerCurrent);
        if (m_mode == Mode::SideBySide)
            m_right->markerAdd(m_hunkRows.at(m_currentHunk), MarkerCurrent);
    }
}

void DiffView::updateBar()
{
    if (m_diff.isIdentical())
        m_summary->setText(Tr::tr("No differences"));
    else if (m_currentHunk < 0)
        m_summary->setText(Tr::tr("+%1 \u2212%2 lines, %3 changes")
                               .arg(m_diff.addedCount())
                               .arg(m_diff.removedCount())
                               .arg(m_hunkRows.size()));
    else
        m_summary->setText(Tr::tr("+%1 \u2212%2 lines, change %3 of %4")
                               .arg(m_diff.addedCount())
                               .arg(m_diff.removedCount())
                               .arg(m_currentHunk + 1)
                               .arg(m_hunkRows.size()));
    m_prevButton->setEnabled(m_currentHunk > 0);
    m_nextButton->setEnabled(m_currentHunk + 1 < m_hunkRows.size());
    m_prevButton->setToolTip(Tr::tr("Previous change (Alt+Up)"));
    m_nextButton->setToolTip(Tr::tr("Next change (Alt+Down)"));
    m_modeButton->setText(m_mode == Mode::SideBySide ? Tr::tr("Unified") : Tr::tr("Side by side"));
    m_leftLabel->setText(m_mode == Mode::SideBySide
                             ? (m_oldLabel.isEmpty() ? Tr::tr("Current") : m_oldLabel)
                             : Tr::tr("%1 \u2192 %2")
                                   .arg(m_oldLabel.isEmpty() ? Tr::tr("Current") : m_oldLabel,
                                        m_newLabel.isEmpty() ? Tr::tr("Proposed") : m_newLabel));
    m_rightLabel->setText(m_newLabel.isEmpty() ? Tr::tr("Proposed") : m_newLabel);
}

void DiffView::nextHunk()
{
    if (m_currentHunk + 1 < m_hunkRows.size())
        goToHunk(m_currentHunk + 1);
}

void DiffView::previousHunk()
{
    if (m_currentHunk > 0)
        goToHunk(m_currentHunk - 1);
}

void DiffView::goToHunk(int index)
{
    if (index < 0 || index >= m_hunkRows.size())
        return;
    m_currentHunk = index;
    const int row = m_hunkRows.at(index);
    const int first = qMax(0, row - 3);
    for (QsciScintilla *e : {m_left, m_right}) {
        e->setFirstVisibleLine(first);
        e->setCursorPosition(row, 0);
    }
    applyColours();
    updateBar();
    emit currentHunkChanged(index);
}

void DiffView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateBar();
    if (event->type() == QEvent::PaletteChange && m_theme == EditorTheme::Auto)
        applyColours();
    QWidget::changeEvent(event);
}

} // namespace Qwq::Editor
