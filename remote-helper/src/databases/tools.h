// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

// The database client tools on the server (pg_dump, psql, mysqldump, redis-cli…) and the
// server binaries' versions. Nothing is run through a shell; a binary is only executed when
// neither it nor a directory above it can be written by anyone but root or the helper's own
// user (the helper often runs as root: it must never execute a file another user can replace).
namespace qwqhelper::databases {

// Where tools are looked for, in order: every /usr/lib/postgresql/<version>/bin and
// /usr/pgsql-<version>/bin (newest version first; Debian's /usr/bin/pg_dump is a Perl wrapper
// that picks one of these), PATH, then /usr/local/sbin, /usr/sbin, /sbin, /usr/local/bin,
// /usr/bin, /bin.
std::vector<std::string> searchDirectories();

// Whether `path` is a regular executable file that root may run safely (see above).
bool safeToExecute(const std::string &path);

// The first safe executable among `names` (each searched through all directories in order).
std::optional<std::string> findTool(const std::vector<std::string> &names);

// The first line `binary --version` prints (argv only, 3 s limit); nullopt when it fails.
std::optional<std::string> versionLine(const std::string &binary);
// "15.5" from "pg_dump (PostgreSQL) 15.5 (Debian 15.5-0+deb12u1)", "10.11.6" from
// "mariadbd  Ver 10.11.6-MariaDB-0+deb12u1 …" or "mysqldump from 10.11.6-MariaDB, client 10.6",
// "7.0.15" from "Redis server v=7.0.15 sha=…": the first dotted number, after "Distrib " or
// "from " or "v=" when present.
std::string parseVersion(const std::string &line);

// {"pg_dump": {"path", "version"} | null, …} for pg_dump, pg_restore, psql, createdb,
// mysqldump, mariadb-dump, mysql, mariadb, mariadb-admin, mysqladmin, redis-cli.
nlohmann::json toolsJson();

} // namespace qwqhelper::databases
