#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Re-records htop-open.bin and htop-quit.bin: what htop (3.2, its default settings: HOME is
an empty temporary directory) writes to a 24x80 xterm-256color PTY in its first 1.5 s, and
then after q. Nothing answers htop's queries, as in the test. Run from this directory;
needs htop (scripts/deps.sh test packages)."""
import fcntl, os, pty, select, struct, tempfile, termios, time


def drain(fd, seconds, out):
    end = time.time() + seconds
    while time.time() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return
            if not data:
                return
            out.append(data)


def main():
    home = tempfile.mkdtemp()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.clear()
        os.environ.update(TERM='xterm-256color', LANG='C.UTF-8', HOME=home,
                          PATH='/usr/bin:/bin')
        os.execvp('htop', ['htop', '--delay=50', '--tree'])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
    phases = [[], []]
    drain(fd, 1.5, phases[0])
    os.write(fd, b'q')
    drain(fd, 1.0, phases[1])
    os.waitpid(pid, 0)
    for name, chunks in zip(('htop-open.bin', 'htop-quit.bin'), phases):
        with open(name, 'wb') as f:
            f.write(b''.join(chunks))


if __name__ == '__main__':
    main()
