// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace qwqhelper::compose {

/// The managed root: <dataRoot>/compose/<project>/{compose.yml,.env,.qwq-version} and
/// .versions/<n>/{compose.yml,.env,meta.json}. Directories 0700, files 0600.
class Store final
{
public:
    static constexpr int kKeepVersions = 20;

    Store();
    const std::string &root() const { return m_root; }
    std::string projectDir(const std::string &project) const;
    std::string composeFile(const std::string &project) const;
    bool exists(const std::string &project) const; // a managed project (compose.yml present)
    std::vector<std::string> projects() const;

    struct Files
    {
        std::string yaml;
        std::optional<std::string> env; // .env content; nullopt: no .env
    };
    std::optional<Files> current(const std::string &project) const;
    int currentVersion(const std::string &project) const; // 0: none
    std::optional<Files> version(const std::string &project, int version) const;
    nlohmann::json versions(const std::string &project) const;

    // Stores `files` as a new version and makes them the live files; returns its number.
    int commit(const std::string &project, const Files &files);
    // Puts back what current() returned before a commit (nullopt: there was nothing: the
    // project directory is removed) and forgets version `failed`.
    void restore(const std::string &project, const std::optional<Files> &previous,
                 int previousVersion, int failed);

    // A private staging directory with the files written as compose.yml and .env.
    std::string stage(const Files &files) const;

    static std::string hash(const Files &files);
    static std::string envText(const nlohmann::json &env); // validated {"K": "v"} → KEY=v lines
    static nlohmann::json envObject(const std::string &text);

private:
    std::string m_root;
};

} // namespace qwqhelper::compose
