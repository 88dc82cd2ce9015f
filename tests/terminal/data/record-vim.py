#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Re-records vim-open.bin and vim-quit.bin: what vim writes to a 24x80 xterm-256color PTY
while it opens hello.c, adds a line with CJK text (G, o, text, Esc), and then quits (:q!).
Nothing answers vim's queries, as in the test. Run from this directory; needs vim."""
import fcntl, os, pty, select, struct, termios, time

HELLO = '#include <stdio.h>\n\nint main(void)\n{\n    printf("hi\\n");\n    return 0;\n}\n'


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
    with open('/tmp/hello.c', 'w') as f:
        f.write(HELLO)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM='xterm-256color', LANG='C.UTF-8')
        os.chdir('/tmp')
        os.execvp('vim', ['vim', '-u', 'NONE', '-i', 'NONE', '-N', '-n', '--cmd', 'syntax on', 'hello.c'])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
    phases = [[], []]
    drain(fd, 1.0, phases[0])
    for keys in (b'G', b'o', '    /* 中文 ok */'.encode(), b'\x1b'):
        os.write(fd, keys)
        drain(fd, 0.5, phases[0])
    os.write(fd, b':q!\r')
    drain(fd, 1.0, phases[1])
    os.waitpid(pid, 0)
    for name, chunks in zip(('vim-open.bin', 'vim-quit.bin'), phases):
        with open(name, 'wb') as f:
            f.write(b''.join(chunks))


if __name__ == '__main__':
    main()
