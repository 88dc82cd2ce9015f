// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Qwq::Terminal::WidthFix {

// libvterm 0.1.4 has older Unicode width tables: about 1,500 characters that Unicode 15 (and
// glibc's wcwidth, which the programs on the other side use) make two columns wide are one
// column wide to libvterm — mostly emoji added since Unicode 9 (🥰 U+1F970, 🧡 U+1F9E1) and
// some historic scripts. Left alone, the cursor of every line with such an emoji drifts
// one column left of where the shell believes it is. libvterm has no API to override widths,
// so the byte stream is rewritten before libvterm sees it: such a character is replaced by
// an alias 0x20000 higher, in the unassigned part of plane 3 (U+36000..U+3FFFD), which
// libvterm treats as wide; cells map the alias back. In UTF-8 that is one byte changed
// (the second byte + 0x20), so the stream keeps its length. The reverse case (U+1F93B and
// U+1F946: wide to libvterm, narrow to Unicode 15) is left as libvterm has it.

constexpr char32_t kAliasOffset = 0x20000;

/// True when Unicode says `cp` is wide and libvterm 0.1.4 says it is narrow.
bool needsAlias(char32_t cp);

/// The character an alias stands for; other characters unchanged.
inline char32_t unalias(char32_t cp)
{
    return (cp >= 0x36000 && cp <= 0x3fffd) ? cp - kAliasOffset : cp;
}

/// Rewrites a byte stream chunk by chunk. A four-byte sequence split across chunks is held
/// back (at most three bytes) until the rest arrives.
class Rewriter
{
public:
    /// The bytes to give libvterm; valid until the next call.
    QByteArrayView process(QByteArrayView in);
    /// Drops a held-back partial sequence (after a reset).
    void reset() { m_carry.clear(); }

private:
    QByteArray m_carry;
    QByteArray m_buf;
};

} // namespace Qwq::Terminal::WidthFix
