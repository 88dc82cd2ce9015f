// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/datastream.h"

#include <zstd.h>

namespace qwqhelper::backup {

namespace {
constexpr std::size_t kBlock = 4 << 20;
constexpr std::size_t kQueued = 4;
} // namespace

DataStream::DataStream(SnapshotReader &reader) : m_reader(reader)
{
    m_thread = std::thread([this] { produce(); });
}

DataStream::~DataStream()
{
    m_stop = true;
    {
        std::lock_guard lock(m_mutex);
        m_blocks.clear();
    }
    m_cv.notify_all();
    m_thread.join();
}

void DataStream::produce()
{
    ZSTD_DCtx *dctx = ZSTD_createDCtx();
    try {
        m_reader.seekData();
        std::string chunk;
        std::string block(kBlock, '\0');
        std::size_t used = 0;
        std::size_t last = 1; // ZSTD_decompressStream's "more expected" hint
        auto push = [&] {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [&] { return m_blocks.size() < kQueued || m_stop; });
            if (m_stop)
                return false;
            block.resize(used);
            m_blocks.push_back(std::move(block));
            m_cv.notify_all();
            block.assign(kBlock, '\0');
            used = 0;
            return true;
        };
        while (!m_stop && m_reader.nextChunk(chunk)) {
            ZSTD_inBuffer in{chunk.data(), chunk.size(), 0};
            while (in.pos < in.size) {
                ZSTD_outBuffer out{block.data(), block.size(), used};
                last = ZSTD_decompressStream(dctx, &out, &in);
                if (ZSTD_isError(last))
                    throw RpcError(Code::BackupCorrupt,
                                   std::string("the snapshot is damaged: ") + ZSTD_getErrorName(last),
                                   errorData("snapshot", {}, "chunk " + std::to_string(m_reader.chunkIndex() - 1)));
                used = out.pos;
                if (used == block.size() && !push())
                    break;
            }
        }
        // Output zstd still holds after the last input (when the block filled up first).
        while (!m_stop && last != 0) {
            ZSTD_inBuffer in{nullptr, 0, 0};
            ZSTD_outBuffer out{block.data(), block.size(), used};
            last = ZSTD_decompressStream(dctx, &out, &in);
            if (ZSTD_isError(last))
                throw RpcError(Code::BackupCorrupt, "the snapshot is damaged: bad compressed data",
                               errorData("snapshot"));
            const bool progress = out.pos > used;
            used = out.pos;
            if (used == block.size()) {
                if (!push())
                    break;
                continue;
            }
            if (!progress)
                break;
        }
        if (!m_stop && last != 0)
            throw RpcError(Code::BackupCorrupt, "the snapshot is damaged: the data stream is truncated",
                           errorData("snapshot"));
        if (!m_stop && used > 0)
            push();
    } catch (...) {
        std::lock_guard lock(m_mutex);
        m_error = std::current_exception();
    }
    ZSTD_freeDCtx(dctx);
    std::lock_guard lock(m_mutex);
    m_done = true;
    m_cv.notify_all();
}

bool DataStream::fill()
{
    while (m_pos >= m_current.size()) {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return !m_blocks.empty() || m_done; });
        if (m_blocks.empty()) {
            if (m_error)
                std::rethrow_exception(m_error);
            return false;
        }
        m_current = std::move(m_blocks.front());
        m_blocks.pop_front();
        m_pos = 0;
        m_cv.notify_all();
    }
    return true;
}

std::string_view DataStream::next(std::size_t max)
{
    if (!fill())
        return {};
    const std::size_t n = std::min(max, m_current.size() - m_pos);
    std::string_view v(m_current.data() + m_pos, n);
    m_pos += n;
    return v;
}

bool DataStream::skip(uint64_t size)
{
    while (size > 0) {
        const auto v = next(static_cast<std::size_t>(std::min<uint64_t>(size, kBlock)));
        if (v.empty())
            return false;
        size -= v.size();
    }
    return true;
}

bool DataStream::atEnd()
{
    return !fill();
}

} // namespace qwqhelper::backup
