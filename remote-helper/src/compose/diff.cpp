// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/diff.h"

#include <algorithm>
#include <vector>

namespace qwqhelper::compose {

namespace {

constexpr int kMaxEdits = 4000;

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            out.push_back(text.substr(start));
            break;
        }
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

enum class Op { Keep, Del, Add };

// Myers: the shortest edit script as a list of operations over a and b.
std::vector<Op> editScript(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    const int max = n + m;
    // The trace keeps one row of 2*max+2 ints per edit: at most ~128 MiB.
    const int limit = std::min({max, kMaxEdits, static_cast<int>((32 << 20) / (2 * max + 2))});
    std::vector<int> v(2 * max + 2, 0);
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= limit && found < 0; ++d) {
        trace.push_back(v);
        for (int k = -d; k <= d; k += 2) {
            int x;
            if (k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max]))
                x = v[k + 1 + max];
            else
                x = v[k - 1 + max] + 1;
            int y = x - k;
            while (x < n && y < m && a[x] == b[y]) {
                ++x;
                ++y;
            }
            v[k + max] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    std::vector<Op> ops;
    if (found < 0) { // too different: replace everything
        ops.assign(n, Op::Del);
        ops.insert(ops.end(), m, Op::Add);
        return ops;
    }
    int x = n, y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int> &pv = trace[d];
        const int k = x - y;
        int prevK;
        if (k == -d || (k != d && pv[k - 1 + max] < pv[k + 1 + max]))
            prevK = k + 1;
        else
            prevK = k - 1;
        const int prevX = pv[prevK + max];
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            ops.push_back(Op::Keep);
            --x;
            --y;
        }
        ops.push_back(x == prevX ? Op::Add : Op::Del);
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        ops.push_back(Op::Keep);
        --x;
        --y;
    }
    std::reverse(ops.begin(), ops.end());
    return ops;
}

} // namespace

std::string unifiedDiff(const std::string &oldText, const std::string &newText,
                        const std::string &oldName, const std::string &newName, int context)
{
    if (oldText == newText)
        return {};
    const auto a = lines(oldText), b = lines(newText);
    const auto ops = editScript(a, b);

    // Each op with its line indices in a and b.
    struct Row
    {
        Op op;
        int ai, bi;
    };
    std::vector<Row> rows;
    int ai = 0, bi = 0;
    for (const Op op : ops) {
        rows.push_back({op, ai, bi});
        if (op != Op::Add)
            ++ai;
        if (op != Op::Del)
            ++bi;
    }

    std::string out = "--- " + oldName + "\n+++ " + newName + "\n";
    std::size_t i = 0;
    while (i < rows.size()) {
        while (i < rows.size() && rows[i].op == Op::Keep)
            ++i;
        if (i >= rows.size())
            break;
        std::size_t start = i >= static_cast<std::size_t>(context) ? i - context : 0;
        std::size_t end = i;
        // Extend over changes closer than 2*context lines apart.
        for (;;) {
            while (end < rows.size() && rows[end].op != Op::Keep)
                ++end;
            std::size_t next = end;
            while (next < rows.size() && rows[next].op == Op::Keep)
                ++next;
            if (next < rows.size() && next - end <= static_cast<std::size_t>(2 * context)) {
                end = next;
                continue;
            }
            end = std::min(rows.size(), end + context);
            break;
        }
        int oldCount = 0, newCount = 0;
        for (std::size_t r = start; r < end; ++r) {
            if (rows[r].op != Op::Add)
                ++oldCount;
            if (rows[r].op != Op::Del)
                ++newCount;
        }
        const int oldStart = oldCount ? rows[start].ai + 1 : rows[start].ai;
        const int newStart = newCount ? rows[start].bi + 1 : rows[start].bi;
        out += "@@ -" + std::to_string(oldStart) + "," + std::to_string(oldCount) + " +"
               + std::to_string(newStart) + "," + std::to_string(newCount) + " @@\n";
        for (std::size_t r = start; r < end; ++r) {
            switch (rows[r].op) {
            case Op::Keep:
                out += " " + a[rows[r].ai] + "\n";
                break;
            case Op::Del:
                out += "-" + a[rows[r].ai] + "\n";
                break;
            case Op::Add:
                out += "+" + b[rows[r].bi] + "\n";
                break;
            }
        }
        i = end;
    }
    return out;
}

} // namespace qwqhelper::compose
