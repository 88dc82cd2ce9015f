// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "widthfix.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace Qwq::Terminal::WidthFix {

namespace {

struct Range
{
    char32_t first;
    char32_t last;
};

// Wide in Unicode 15 / glibc 2.36 wcwidth, narrow in libvterm 0.1.4 (measured by feeding
// every code point to both).
constexpr Range kWide[] = {
    {0x16FE1, 0x16FE3}, {0x16FF0, 0x16FF1}, {0x187ED, 0x187F7}, {0x18AF3, 0x18CD5},
    {0x18D00, 0x18D08}, {0x1AFF0, 0x1AFF3}, {0x1AFF5, 0x1AFFB}, {0x1AFFD, 0x1AFFE},
    {0x1B002, 0x1B122}, {0x1B150, 0x1B152}, {0x1B164, 0x1B167}, {0x1B170, 0x1B2FB},
    {0x1F260, 0x1F265}, {0x1F6D5, 0x1F6D7}, {0x1F6DD, 0x1F6DF}, {0x1F6F7, 0x1F6FC},
    {0x1F7E0, 0x1F7EB}, {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F90F}, {0x1F91F, 0x1F91F},
    {0x1F928, 0x1F92F}, {0x1F931, 0x1F932}, {0x1F93F, 0x1F93F}, {0x1F94C, 0x1F94F},
    {0x1F95F, 0x1F97F}, {0x1F992, 0x1F9BF}, {0x1F9C1, 0x1F9FF}, {0x1FA70, 0x1FA74},
    {0x1FA78, 0x1FA7C}, {0x1FA80, 0x1FA86}, {0x1FA90, 0x1FAAC}, {0x1FAB0, 0x1FABA},
    {0x1FAC0, 0x1FAC5}, {0x1FAD0, 0x1FAD9}, {0x1FAE0, 0x1FAE7}, {0x1FAF0, 0x1FAF6},
};

bool isContinuation(char c)
{
    return (uchar(c) & 0xc0) == 0x80;
}

} // namespace

bool needsAlias(char32_t cp)
{
    if (cp < kWide[0].first || cp > std::prev(std::end(kWide))->last)
        return false;
    const auto it = std::upper_bound(std::begin(kWide), std::end(kWide), cp,
                                     [](char32_t c, const Range &r) { return c < r.first; });
    return it != std::begin(kWide) && cp <= std::prev(it)->last;
}

QByteArrayView Rewriter::process(QByteArrayView in)
{
    // Only four-byte sequences starting with 0xF0 can hold a character below U+40000.
    if (m_carry.isEmpty() && !std::memchr(in.data(), 0xf0, size_t(in.size())))
        return in;
    m_buf = m_carry;
    m_buf.append(in.data(), in.size());
    m_carry.clear();
    char *p = m_buf.data();
    const qsizetype n = m_buf.size();
    qsizetype i = 0;
    while (i < n) {
        const void *hit = std::memchr(p + i, 0xf0, size_t(n - i));
        if (!hit)
            break;
        i = static_cast<const char *>(hit) - p;
        if (i + 4 > n) {
            // Hold back an incomplete sequence, but only if it can still become one.
            bool partial = true;
            for (qsizetype k = i + 1; k < n; ++k)
                partial = partial && isContinuation(p[k]);
            if (partial) {
                m_carry = m_buf.mid(i);
                m_buf.truncate(i);
            }
            break;
        }
        const uchar b1 = uchar(p[i + 1]);
        if (b1 >= 0x96 && b1 <= 0x9f && isContinuation(p[i + 2]) && isContinuation(p[i + 3])) {
            const char32_t cp = (char32_t(b1 & 0x3f) << 12) | (char32_t(p[i + 2] & 0x3f) << 6)
                                | char32_t(p[i + 3] & 0x3f);
            if (needsAlias(cp))
                p[i + 1] = char(b1 + 0x20);
        }
        ++i;
    }
    return QByteArrayView(m_buf);
}

} // namespace Qwq::Terminal::WidthFix
