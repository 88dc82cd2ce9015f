// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backup/format.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

// The data section as a byte stream, read, checked and decompressed on a thread of its own so
// that the caller's hashing and writing overlap with it (two cores: as `tar -I zstd -x` runs
// zstd and tar side by side).
namespace qwqhelper::backup {

class DataStream final
{
public:
    // Starts reading `reader`'s data section (manifest or decompressing it is the caller's:
    // the reader is used by the thread until this object is gone).
    explicit DataStream(SnapshotReader &reader);
    ~DataStream();
    DataStream(const DataStream &) = delete;
    DataStream &operator=(const DataStream &) = delete;

    // Up to `max` next bytes (a view valid until the next call); empty at the end. Rethrows
    // what the reading thread failed with.
    std::string_view next(std::size_t max);
    // Skips `size` bytes; false when the stream ends first.
    bool skip(uint64_t size);
    // True when no byte is left.
    bool atEnd();

private:
    void produce();
    bool fill(); // makes m_current non-empty; false at the end

    SnapshotReader &m_reader;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<std::string> m_blocks;
    bool m_done = false;
    std::exception_ptr m_error;
    std::atomic<bool> m_stop{false};
    std::string m_current;
    std::size_t m_pos = 0;
    std::thread m_thread;
};

} // namespace qwqhelper::backup
