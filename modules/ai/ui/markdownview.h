// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextBrowser>

class QTextDocument;

namespace Qwq::Ai {

/// Whether a link in model or server text may stay clickable: http and https only.
bool isSafeLink(const QUrl &url);

/// Renders `markdown` (from a model, a server or the bundled help) into `doc` so that nothing
/// in it can act on its own: raw HTML is not interpreted, bare URLs and e-mail addresses are
/// not turned into links, and after parsing every image and every link whose target is not
/// http(s) (file:, javascript:, qwq:, relative…) becomes plain text. What stays is an http(s)
/// link that opens only when clicked.
void setSafeMarkdown(QTextDocument *doc, const QString &markdown);

/// A read-only text view for chat messages: as tall as its text (the chat scrolls, not the
/// message), never loads a resource, and opens http(s) links in the browser on a click only.
/// While an answer streams in, text is appended at the end (only the last paragraph is laid
/// out again); the Markdown is rendered when the message is complete.
class MarkdownView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarkdownView)
public:
    explicit MarkdownView(QWidget *parent = nullptr);

    void setMarkdownText(const QString &markdown);
    void setPlainMessage(const QString &text);
    /// Appends plain text at the end (streaming); call setMarkdownText() when done.
    void appendStreaming(const QString &text);
    /// The text as received (Markdown source).
    QString source() const { return m_source; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    QVariant loadResource(int type, const QUrl &name) override;
    void resizeEvent(QResizeEvent *e) override;
    void wheelEvent(QWheelEvent *e) override;

private:
    void fitHeight();

    QString m_source;
    int m_height = 0;
};

} // namespace Qwq::Ai
