// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The configuration as nginx loads it: the main file and every file `include` brings in (globs
// expanded and sorted like nginx), and a walk over all of it in load order.
#include "nginx/config.h"

#include "fsutil.h"

#include <algorithm>
#include <fcntl.h>
#include <glob.h>
#include <sys/stat.h>
#include <unistd.h>

namespace qwqhelper::nginx {

namespace {

std::string dirName(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos || slash == 0 ? "/" : path.substr(0, slash);
}

bool hasGlob(const std::string &s)
{
    return s.find_first_of("*?[") != std::string::npos;
}

struct Loader
{
    Tree &tree;
    const FileReader &read;
    std::vector<std::string> stack;

    int loadFile(const std::string &path, const std::string &fromFile, int fromLine)
    {
        if (std::find(stack.begin(), stack.end(), path) != stack.end())
            throw ParseError(fromFile, fromLine, "include cycle through " + path);
        if (tree.files.size() > 2000)
            throw ParseError(fromFile, fromLine, "too many included files");
        File f;
        f.path = path;
        if (!read(path, f.text))
            throw ParseError(fromFile, fromLine,
                             "open() \"" + path + "\" failed");
        f.directives = parse(f.text, path);
        const int index = static_cast<int>(tree.files.size());
        tree.files.push_back(std::move(f));
        stack.push_back(path);
        // resolve includes on a copy so push_backs do not invalidate references
        std::vector<Directive> directives = tree.files[index].directives;
        resolve(directives, path);
        tree.files[index].directives = std::move(directives);
        stack.pop_back();
        return index;
    }

    void resolve(std::vector<Directive> &list, const std::string &file)
    {
        for (auto &d : list) {
            if (d.block) {
                resolve(d.children, file);
                continue;
            }
            if (d.name != "include" || d.args.size() != 1)
                continue;
            std::string pattern = d.args[0];
            if (pattern.empty() || pattern[0] != '/')
                pattern = tree.prefix + "/" + pattern;
            std::vector<std::string> paths;
            if (hasGlob(pattern)) {
                glob_t g{};
                if (::glob(pattern.c_str(), GLOB_NOESCAPE, nullptr, &g) == 0) {
                    for (std::size_t i = 0; i < g.gl_pathc; ++i)
                        paths.emplace_back(g.gl_pathv[i]);
                }
                ::globfree(&g);
                // nginx skips directories a glob matches
                paths.erase(std::remove_if(paths.begin(), paths.end(),
                                           [](const std::string &p) { return fs::isDirectory(p); }),
                            paths.end());
            } else {
                paths.push_back(pattern);
            }
            for (const auto &p : paths)
                d.includes.push_back(loadFile(p, file, d.line));
        }
    }
};

void walkList(const Tree &tree, const File &file, const std::vector<Directive> &list,
              std::vector<std::string> &context, const Visitor &visit, int depth)
{
    if (depth > 64)
        return;
    for (const auto &d : list) {
        if (!visit(d, file, context))
            continue;
        if (d.block) {
            context.push_back(d.name);
            walkList(tree, file, d.children, context, visit, depth + 1);
            context.pop_back();
        }
        for (int i : d.includes) {
            const File &inc = tree.files[static_cast<std::size_t>(i)];
            walkList(tree, inc, inc.directives, context, visit, depth + 1);
        }
    }
}

} // namespace

int Tree::indexOf(const std::string &path) const
{
    for (std::size_t i = 0; i < files.size(); ++i)
        if (files[i].path == path)
            return static_cast<int>(i);
    return -1;
}

Tree load(const std::string &mainPath, const FileReader &readFile)
{
    Tree tree;
    tree.mainPath = mainPath;
    tree.prefix = dirName(mainPath);
    Loader loader{tree, readFile, {}};
    loader.loadFile(mainPath, mainPath, 0);
    return tree;
}

bool readConfigFile(const std::string &path, std::string &text)
{
    // nginx follows symbolic links here (sites-enabled is made of them)
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return false;
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (16 << 20)) {
        ::close(fd);
        return false;
    }
    text.clear();
    char buf[65536];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0)
        text.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return n == 0;
}

Tree loadFromDisk(const std::string &mainPath)
{
    return load(mainPath, readConfigFile);
}

void walk(const Tree &tree, const Visitor &visit)
{
    if (tree.files.empty())
        return;
    std::vector<std::string> context;
    walkList(tree, tree.files[0], tree.files[0].directives, context, visit, 0);
}

} // namespace qwqhelper::nginx
