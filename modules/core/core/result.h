// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "errorcode.h"

#include <QMetaType>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Qwq {

/// One failure, as every module reports it. `message` is translated and safe to show;
/// `detail` is untranslated (stderr tail, server JSON); `field` names the bad input, if any.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString detail;
    QString hint;
    QString field;
    /// Where the helper located the problem (its data.file, data.line, data.column: an nginx
    /// or compose file), 1-based; 0 when it did not say.
    QString file;
    int line = 0;
    int column = 0;

    Error() = default;
    Error(ErrorCode c, QString msg, QString det = {}, QString h = {}, QString f = {})
        : code(c), message(std::move(msg)), detail(std::move(det)), hint(std::move(h)),
          field(std::move(f))
    {}
    int number() const { return int(code); }
    /// "message (detail)" for logs and the CLI.
    QString toString() const;
};

/// A small expected-like type (g++ 12 has no std::expected in C++20).
template<typename T = void>
class [[nodiscard]] Result
{
public:
    Result(const T &value) : m_v(std::in_place_index<0>, value) {}
    Result(T &&value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(const Error &error) : m_v(std::in_place_index<1>, error) {}
    Result(Error &&error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<1>(m_v); }
    T valueOr(T fallback) const { return ok() ? value() : fallback; }

private:
    std::variant<T, Error> m_v;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(const Error &error) : m_error(error) {}
    Result(Error &&error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using VoidResult = Result<void>;

} // namespace Qwq

Q_DECLARE_METATYPE(Qwq::Error)
