// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "codeeditor.h"

#include "findbar.h"
#include "nginxlexer.h"

#include <editor/core/editortr.h>
#include <editor/core/languages.h>

#include <Qsci/qscilexerbash.h>
#include <Qsci/qscilexerdiff.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexermarkdown.h>
#include <Qsci/qscilexerproperties.h>
#include <Qsci/qscilexersql.h>
#include <Qsci/qscilexerxml.h>
#include <Qsci/qscilexeryaml.h>
#include <Qsci/qsciscintilla.h>

#include <QEvent>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QShortcut>
#include <QToolTip>
#include <QVBoxLayout>

namespace Qwq::Editor {

namespace {

constexpr int LineNumberMargin = 0;
constexpr int DiagnosticMargin = 1;
constexpr int MarkerError = 0;
constexpr int MarkerWarning = 1;
constexpr int IndicatorError = 8;
constexpr int IndicatorWarning = 9;

QsciLexer *createLexer(const QString &language, QObject *parent)
{
    if (language == QLatin1String("yaml"))
        return new QsciLexerYAML(parent);
    if (language == QLatin1String("json"))
        return new QsciLexerJSON(parent);
    if (language == QLatin1String("bash") || language == QLatin1String("dockerfile"))
        return new QsciLexerBash(parent); // TODO: a Dockerfile lexer (QScintilla has none)
    if (language == QLatin1String("nginx"))
        return new NginxLexer(parent);
    if (language == QLatin1String("sql"))
        return new QsciLexerSQL(parent);
    if (language == QLatin1String("diff"))
        return new QsciLexerDiff(parent);
    if (language == QLatin1String("ini"))
        return new QsciLexerProperties(parent);
    if (language == QLatin1String("markdown"))
        return new QsciLexerMarkdown(parent);
    if (language == QLatin1String("xml"))
        return new QsciLexerXML(parent);
    return nullptr;
}

// QScintilla's own lexers have colours made for white paper: on dark paper keep their hue and
// lift their lightness so every style stays readable.
QColor forDarkPaper(const QColor &c)
{
    if (c.lightness() >= 150)
        return c;
    QColor hsl = c.toHsl();
    return QColor::fromHsl(hsl.hslHue(), qMin(hsl.hslSaturation(), 180), 190);
}

} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("codeEditor"));
    m_sci = new QsciScintilla(this);
    m_sci->setObjectName(QStringLiteral("codeEditorText"));
    m_sci->setUtf8(true);
    m_sci->setEolMode(QsciScintilla::EolUnix);
    m_sci->setIndentationsUseTabs(false);
    m_sci->setTabWidth(4);
    m_sci->setAutoIndent(true);
    m_sci->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    m_sci->setCaretLineVisible(true);
    m_sci->setMarginType(LineNumberMargin, QsciScintilla::NumberMargin);
    m_sci->setMarginType(DiagnosticMargin, QsciScintilla::SymbolMargin);
    m_sci->setMarginWidth(DiagnosticMargin, 14);
    m_sci->setMarginMarkerMask(DiagnosticMargin, (1 << MarkerError) | (1 << MarkerWarning));
    m_sci->setMarginMarkerMask(LineNumberMargin, 0);
    m_sci->markerDefine(QsciScintilla::Circle, MarkerError);
    m_sci->markerDefine(QsciScintilla::Circle, MarkerWarning);
    m_sci->indicatorDefine(QsciScintilla::SquiggleIndicator, IndicatorError);
    m_sci->indicatorDefine(QsciScintilla::SquiggleIndicator, IndicatorWarning);
    m_sci->viewport()->installEventFilter(this);

    m_findBar = new FindBar(this);
    m_findBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sci, 1);
    layout->addWidget(m_findBar);
    setFocusProxy(m_sci);

    connect(m_sci, &QsciScintilla::textChanged, this, [this] {
        if (m_settingText)
            return;
        updateLineNumberWidth();
        emit textChanged();
    });
    connect(m_sci, &QsciScintilla::modificationChanged, this, [this](bool modified) {
        if (!m_settingText)
            emit modificationChanged(modified);
    });
    connect(m_sci, &QsciScintilla::cursorPositionChanged, this,
            [this](int line, int index) { emit cursorPositionChanged(line + 1, index + 1); });
    connect(m_findBar, &FindBar::findRequested, this, [this](bool forward) {
        const bool found = find(m_findBar->text(), forward, m_findBar->caseSensitive(),
                                m_findBar->wholeWord());
        m_findBar->setNotFound(!m_findBar->text().isEmpty() && !found);
    });
    connect(m_findBar, &FindBar::closeRequested, this, &CodeEditor::hideFindBar);

    auto *findShortcut = new QShortcut(QKeySequence::Find, this);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findShortcut, &QShortcut::activated, this, &CodeEditor::showFindBar);
    auto *nextShortcut = new QShortcut(QKeySequence::FindNext, this);
    nextShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(nextShortcut, &QShortcut::activated, this,
            [this] { emit m_findBar->findRequested(true); });
    auto *prevShortcut = new QShortcut(QKeySequence::FindPrevious, this);
    prevShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(prevShortcut, &QShortcut::activated, this,
            [this] { emit m_findBar->findRequested(false); });

    applyTheme();
    updateLineNumberWidth();
}

CodeEditor::~CodeEditor() = default;

void CodeEditor::setText(const QString &text)
{
    m_diagnostics.clear();
    const bool wasModified = m_sci->isModified();
    // One textChanged and no modified flicker (QScintilla would say true, then false).
    m_settingText = true;
    m_sci->setText(text);
    m_sci->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    m_sci->setModified(false);
    m_settingText = false;
    updateLineNumberWidth();
    applyDiagnostics();
    emit textChanged();
    if (wasModified)
        emit modificationChanged(false);
}

QString CodeEditor::text() const
{
    return m_sci->text();
}

bool CodeEditor::isModified() const
{
    return m_sci->isModified();
}

void CodeEditor::setModified(bool modified)
{
    m_sci->setModified(modified);
}

void CodeEditor::setLanguage(const QString &name)
{
    const QString lang = Languages::normalize(name);
    if (lang == m_language && (m_lexer || lang == QLatin1String("plain")))
        return;
    m_language = lang;
    QsciLexer *old = m_lexer;
    m_lexer = createLexer(lang, this);
    m_sci->setLexer(m_lexer);
    delete old;
    applyTheme();
}

QString CodeEditor::language() const
{
    return m_language;
}

void CodeEditor::setReadOnly(bool readOnly)
{
    m_sci->setReadOnly(readOnly);
}

bool CodeEditor::isReadOnly() const
{
    return m_sci->isReadOnly();
}

void CodeEditor::setTheme(EditorTheme theme)
{
    m_theme = theme;
    applyTheme();
}

bool CodeEditor::isDark() const
{
    return EditorColors::isDark(m_theme);
}

void CodeEditor::setLineNumbersVisible(bool visible)
{
    m_lineNumbers = visible;
    updateLineNumberWidth();
}

void CodeEditor::setWordWrap(bool wrap)
{
    m_sci->setWrapMode(wrap ? QsciScintilla::WrapWord : QsciScintilla::WrapNone);
}

void CodeEditor::applyTheme()
{
    const bool dark = isDark();
    const EditorColors c = EditorColors::forDark(dark);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (auto *nginx = qobject_cast<NginxLexer *>(m_lexer)) {
        nginx->setDark(dark);
    } else if (m_lexer) {
        m_lexer->setDefaultPaper(c.paper);
        m_lexer->setDefaultColor(c.text);
        m_lexer->setPaper(c.paper, -1);
        for (int s = 0; s < 128; ++s) {
            if (m_lexer->description(s).isEmpty())
                continue;
            const QColor base = m_lexer->defaultColor(s);
            m_lexer->setColor(dark ? forDarkPaper(base) : base, s);
            QFont f = m_lexer->defaultFont(s);
            QFont styled = mono;
            styled.setBold(f.bold());
            styled.setItalic(f.italic());
            m_lexer->setFont(styled, s);
        }
    }
    if (!m_lexer) {
        m_sci->setFont(mono);
        m_sci->setPaper(c.paper);
        m_sci->setColor(c.text);
    }
    m_sci->setCaretForegroundColor(c.text);
    m_sci->setCaretLineBackgroundColor(c.caretLine);
    m_sci->setSelectionBackgroundColor(c.selection);
    m_sci->setMarginsBackgroundColor(c.margin);
    m_sci->setMarginsForegroundColor(c.marginText);
    m_sci->setMarginsFont(mono);
    m_sci->setFoldMarginColors(c.margin, c.margin);
    m_sci->setMarkerBackgroundColor(c.error, MarkerError);
    m_sci->setMarkerForegroundColor(c.error, MarkerError);
    m_sci->setMarkerBackgroundColor(c.warning, MarkerWarning);
    m_sci->setMarkerForegroundColor(c.warning, MarkerWarning);
    m_sci->setIndicatorForegroundColor(c.error, IndicatorError);
    m_sci->setIndicatorForegroundColor(c.warning, IndicatorWarning);
    m_sci->setMatchedBraceBackgroundColor(c.selection);
    updateLineNumberWidth();
}

void CodeEditor::updateLineNumberWidth()
{
    if (!m_lineNumbers) {
        m_sci->setMarginWidth(LineNumberMargin, 0);
        return;
    }
    const int digits = qMax(2, int(QString::number(qMax(1, m_sci->lines())).size()));
    m_sci->setMarginWidth(LineNumberMargin, QString(digits + 1, QLatin1Char('9')));
}

void CodeEditor::setDiagnostics(const QList<Diagnostic> &diagnostics)
{
    m_diagnostics = diagnostics;
    applyDiagnostics();
}

void CodeEditor::addDiagnostic(const Diagnostic &diagnostic)
{
    m_diagnostics.append(diagnostic);
    applyDiagnostics();
}

void CodeEditor::clearDiagnostics()
{
    m_diagnostics.clear();
    applyDiagnostics();
}

void CodeEditor::applyDiagnostics()
{
    m_sci->markerDeleteAll(MarkerError);
    m_sci->markerDeleteAll(MarkerWarning);
    const int lastLine = qMax(0, m_sci->lines() - 1);
    const int lastIndex = m_sci->text(lastLine).size();
    m_sci->clearIndicatorRange(0, 0, lastLine, lastIndex, IndicatorError);
    m_sci->clearIndicatorRange(0, 0, lastLine, lastIndex, IndicatorWarning);
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        const int line = qBound(0, d.line - 1, lastLine);
        const bool error = d.severity == Diagnostic::Severity::Error;
        m_sci->markerAdd(line, error ? MarkerError : MarkerWarning);
        // Squiggle: from the column to the end of its word; the whole line's text when no
        // column is known or the line is blank there.
        QString lineText = m_sci->text(line);
        while (lineText.endsWith(QLatin1Char('\n')) || lineText.endsWith(QLatin1Char('\r')))
            lineText.chop(1);
        int from = 0;
        int to = int(lineText.size());
        if (d.column > 0 && d.column - 1 < lineText.size()) {
            from = d.column - 1;
            to = from;
            while (to < lineText.size()
                   && (lineText.at(to).isLetterOrNumber() || lineText.at(to) == QLatin1Char('_')
                       || lineText.at(to) == QLatin1Char('-') || lineText.at(to) == QLatin1Char('.')))
                ++to;
            if (to == from)
                to = from + 1;
        } else {
            while (from < to && lineText.at(from).isSpace())
                ++from;
            if (from == to) { // blank line: mark its end so there is something to see
                from = qMax(0, to - 1);
                to = qMax(to, 1);
            }
        }
        m_sci->fillIndicatorRange(line, from, line, to, error ? IndicatorError : IndicatorWarning);
    }
}

QString CodeEditor::diagnosticMessageAt(int line) const
{
    QStringList messages;
    const int lastLine = qMax(1, m_sci->lines());
    for (const Diagnostic &d : m_diagnostics)
        if (qBound(1, d.line, lastLine) == line)
            messages << (d.column > 0 ? Tr::tr("Line %1, column %2: %3").arg(d.line).arg(d.column).arg(d.message)
                                      : Tr::tr("Line %1: %2").arg(d.line).arg(d.message));
    return messages.join(QLatin1Char('\n'));
}

bool CodeEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_sci->viewport() && event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const long pos = m_sci->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMPOINT,
                                              qMax(0, help->pos().x()), help->pos().y());
        showTooltipAt(int(pos), help->globalPos());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void CodeEditor::showTooltipAt(int position, const QPoint &globalPos)
{
    const int line = int(m_sci->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION, position)) + 1;
    const QString message = diagnosticMessageAt(line);
    if (message.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    // Escaped: the message may come from a server.
    QToolTip::showText(globalPos,
                       QStringLiteral("<p style='white-space:pre-wrap'>") + message.toHtmlEscaped()
                           + QStringLiteral("</p>"),
                       m_sci->viewport());
}

void CodeEditor::goTo(int line, int column)
{
    const int l = qMax(0, line - 1);
    m_sci->setCursorPosition(l, qMax(0, column - 1));
    m_sci->ensureLineVisible(l);
}

int CodeEditor::cursorLine() const
{
    int line = 0, index = 0;
    m_sci->getCursorPosition(&line, &index);
    return line + 1;
}

int CodeEditor::cursorColumn() const
{
    int line = 0, index = 0;
    m_sci->getCursorPosition(&line, &index);
    return index + 1;
}

void CodeEditor::showFindBar()
{
    if (m_sci->hasSelectedText() && !m_sci->selectedText().contains(QLatin1Char('\n')))
        m_findBar->setText(m_sci->selectedText());
    m_findBar->show();
    m_findBar->focusInput();
}

void CodeEditor::hideFindBar()
{
    m_findBar->hide();
    m_sci->setFocus();
}

bool CodeEditor::find(const QString &text, bool forward, bool caseSensitive, bool wholeWord)
{
    if (text.isEmpty())
        return false;
    int line = -1, index = -1;
    if (!forward && m_sci->hasSelectedText()) {
        // Search backwards from the start of the current match, not from inside it.
        int lineTo = 0, indexTo = 0;
        m_sci->getSelection(&line, &index, &lineTo, &indexTo);
    }
    return m_sci->findFirst(text, false, caseSensitive, wholeWord, true, forward, line, index,
                            true);
}

void CodeEditor::changeEvent(QEvent *event)
{
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        && m_theme == EditorTheme::Auto)
        applyTheme();
    QWidget::changeEvent(event);
}

} // namespace Qwq::Editor
