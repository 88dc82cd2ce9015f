// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownview.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QPalette>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>
#include <QWheelEvent>

#include <cmath>

namespace Qwq::Ai {

bool isSafeLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty()
           && (scheme == QLatin1String("http") || scheme == QLatin1String("https"));
}

void setSafeMarkdown(QTextDocument *doc, const QString &markdown)
{
    // CommonMark plus tables, strikethrough and task lists; no HTML, and none of the
    // "permissive autolink" extensions (they would link bare www., URLs and e-mail addresses).
    constexpr int tables = 0x0100, strike = 0x0200, tasks = 0x0800;
    const auto features = QTextDocument::MarkdownFeatures(
        tables | strike | tasks | QTextDocument::MarkdownNoHTML);
    doc->setMarkdown(markdown, features);

    struct Span { int pos; int len; bool image; QString name; };
    QList<Span> unsafe;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const QTextCharFormat fmt = f.charFormat();
            if (fmt.isImageFormat()) {
                unsafe.append({f.position(), f.length(), true, fmt.toImageFormat().name()});
            } else if (fmt.isAnchor() || !fmt.anchorHref().isEmpty()) {
                if (!isSafeLink(QUrl(fmt.anchorHref())))
                    unsafe.append({f.position(), f.length(), false, {}});
            }
        }
    }
    // Code blocks stand out on a tinted background, in any colour scheme.
    const QColor base = QGuiApplication::palette().color(QPalette::Base);
    const QColor tint = base.lightness() > 128 ? base.darker(106) : base.lighter(130);
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        QTextBlockFormat bf = b.blockFormat();
        if (!bf.hasProperty(QTextFormat::BlockCodeFence) && !bf.nonBreakableLines())
            continue;
        bf.setBackground(tint);
        bf.setLeftMargin(bf.leftMargin() + 4);
        QTextCursor(b).setBlockFormat(bf);
    }
    // Tables: single thin rules instead of the default double borders.
    for (QTextFrame *f : doc->rootFrame()->childFrames()) {
        if (auto *table = qobject_cast<QTextTable *>(f)) {
            QTextTableFormat tf = table->format();
            tf.setBorderCollapse(true);
            tf.setBorder(1);
            tf.setBorderBrush(QGuiApplication::palette().color(QPalette::Mid));
            tf.setCellPadding(4);
            tf.setCellSpacing(0);
            table->setFormat(tf);
        }
    }
    // Back to front, so earlier positions stay valid.
    for (auto it = unsafe.crbegin(); it != unsafe.crend(); ++it) {
        QTextCursor c(doc);
        c.setPosition(it->pos);
        c.setPosition(it->pos + it->len, QTextCursor::KeepAnchor);
        QTextCharFormat plain;
        if (it->image) {
            c.insertText(QStringLiteral("[") + it->name + QStringLiteral("]"), plain);
        } else {
            QTextCharFormat fmt = c.charFormat();
            fmt.setAnchor(false);
            fmt.setAnchorHref(QString());
            fmt.setAnchorNames({});
            fmt.setFontUnderline(false);
            fmt.clearForeground();
            c.setCharFormat(fmt);
        }
    }
}

MarkdownView::MarkdownView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard
                            | Qt::LinksAccessibleByMouse);
    viewport()->setAutoFillBackground(false);
    document()->setDocumentMargin(2);
    connect(this, &QTextBrowser::anchorClicked, this, [](const QUrl &url) {
        if (isSafeLink(url))
            QDesktopServices::openUrl(url);
    });
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
            this, &MarkdownView::fitHeight);
}

void MarkdownView::setMarkdownText(const QString &markdown)
{
    m_source = markdown;
    setSafeMarkdown(document(), markdown);
    fitHeight();
}

void MarkdownView::setPlainMessage(const QString &text)
{
    m_source = text;
    setPlainText(text);
    fitHeight();
}

void MarkdownView::appendStreaming(const QString &text)
{
    if (text.isEmpty())
        return;
    m_source += text;
    QTextCursor c(document());
    c.movePosition(QTextCursor::End);
    c.insertText(text);
}

QVariant MarkdownView::loadResource(int, const QUrl &)
{
    return {};   // no images, no style sheets: nothing is fetched or read for a message
}

void MarkdownView::resizeEvent(QResizeEvent *e)
{
    QTextBrowser::resizeEvent(e);
    document()->setTextWidth(viewport()->width());
    fitHeight();
}

void MarkdownView::wheelEvent(QWheelEvent *e)
{
    e->ignore();   // the chat scrolls, not the message
}

void MarkdownView::fitHeight()
{
    const int h = int(std::ceil(document()->size().height())) + 2 * frameWidth();
    if (h == m_height)
        return;
    m_height = h;
    setFixedHeight(qMax(h, fontMetrics().height()));
}

QSize MarkdownView::sizeHint() const
{
    return {QTextBrowser::sizeHint().width(), qMax(m_height, fontMetrics().height())};
}

QSize MarkdownView::minimumSizeHint() const
{
    return {50, qMax(m_height, fontMetrics().height())};
}

} // namespace Qwq::Ai
