#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""`qwqctl ai ask --local` under a real pseudo-terminal, against a private dockerd through the
real qwq-helper, with fakellm.py as the model:

1. a diagnosis loop: containers_list, then container_logs of the exited container; the answer
   quotes its log line (no approval asked: reads run at once);
2. container_restart: the terminal prompt answered "n" (not restarted), then "y" (restarted);
3. container_remove (destructive): a wrong typed word (kept), then the right one (removed);
4. compose_deploy of a managed project: the prompt shows the diff of compose.yml on the server
   against the proposed one; answered "n", the file is unchanged.

Usage: qwqctl-pty.py QWQCTL QWQ_HELPER. Exit 77 (skipped) without root/docker.io/busybox-static.
"""
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
DOCKERD = os.path.join(SOURCE, "tests", "fixtures", "dockerd.sh")
SKIP = 77
failures = []
passes = 0


def check(cond, what, detail=""):
    global passes
    if cond:
        passes += 1
        print("PASS   : " + what)
    else:
        failures.append(what)
        print("FAIL!  : " + what + ("\n" + detail if detail else ""))


class Pty:
    """One qwqctl run with the pty as its controlling terminal (so /dev/tty is the pty)."""

    def __init__(self, argv, env):
        self.out = b""
        self.pid, self.fd = os.forkpty()
        if self.pid == 0:
            try:
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)

    def read_until(self, needle, timeout=60):
        deadline = time.time() + timeout
        while needle.encode() not in self.out:
            left = deadline - time.time()
            if left <= 0:
                return False
            r, _, _ = select.select([self.fd], [], [], min(left, 0.5))
            if r:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    return needle.encode() in self.out
                if not data:
                    return needle.encode() in self.out
                self.out += data
        return True

    def send(self, text):
        os.write(self.fd, text.encode())

    def wait(self, timeout=60):
        deadline = time.time() + timeout
        while True:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.read_until("\0never\0", 0.3)  # drain
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            if time.time() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                os.close(self.fd)
                return -9
            self.read_until("\0never\0", 0.2)

    def text(self):
        return self.out.decode("utf-8", "replace")


def main():
    if len(sys.argv) != 3:
        print("usage: qwqctl-pty.py QWQCTL QWQ_HELPER", file=sys.stderr)
        return 2
    qwqctl, helper = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="qwq-ai-pty-")
    ddir = os.path.join(work, "docker")
    os.makedirs(ddir)
    started = subprocess.run(["bash", DOCKERD, "start", ddir])
    if started.returncode == SKIP:
        shutil.rmtree(work, ignore_errors=True)
        print("SKIP   : dockerd fixture unavailable")
        return SKIP
    if started.returncode != 0:
        print("FAIL!  : dockerd fixture did not start")
        return 1
    llm = None
    try:
        env_file = dict(line.strip().split("=", 1) for line in open(os.path.join(ddir, "env")) if "=" in line)
        sock = env_file["DOCKER_SOCK"]
        image = env_file["TEST_IMAGE"]

        def docker(*args, check_rc=True):
            r = subprocess.run(["docker", "-H", "unix://" + sock] + list(args), capture_output=True, text=True)
            if check_rc and r.returncode != 0:
                raise RuntimeError("docker %s: %s" % (" ".join(args), r.stderr))
            return r.stdout.strip()

        docker("rm", "-f", "qwq-ai-fail", "qwq-ai-web", check_rc=False)
        docker("run", "-d", "--network", "none", "--name", "qwq-ai-fail", image, "sh", "-c",
               "echo starting; sleep 0.2; echo 'ERROR: cannot open /data/db: permission denied' >&2; exit 3")
        docker("run", "-d", "--network", "none", "--init", "--name", "qwq-ai-web", image, "sleep", "1000")
        for _ in range(50):
            if docker("inspect", "-f", "{{.State.Status}}", "qwq-ai-fail") == "exited":
                break
            time.sleep(0.1)

        # A managed compose project "shop" whose compose.yml the deploy would replace.
        data = os.path.join(work, "data")
        os.makedirs(os.path.join(data, "compose", "shop"))
        compose_yml = os.path.join(data, "compose", "shop", "compose.yml")
        with open(compose_yml, "w") as f:
            f.write('services:\n  web:\n    image: qwq-test/busybox:1\n    command: ["sleep", "1000"]\n    init: true\n')

        llm = subprocess.Popen([sys.executable, os.path.join(HERE, "fakellm.py")], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
        port = int(llm.stdout.readline())
        home = os.path.join(work, "home")
        os.makedirs(home)
        env = {k: v for k, v in os.environ.items()
               if k not in ("DBUS_SESSION_BUS_ADDRESS", "QWQ_AI_API_KEY", "LANGUAGE", "LC_ALL", "NO_COLOR")}
        env.update({"QWQ_HOME": os.path.join(work, "qwq"), "HOME": home, "QWQ_HELPER": helper,
                    "QWQ_AI_BASE_URL": "http://127.0.0.1:%d/v1" % port, "QWQ_AI_MODEL": "fake-model",
                    "DOCKER_HOST": "unix://" + sock, "QWQ_DATA_DIR": data, "LANG": "C.UTF-8",
                    "TERM": "xterm"})

        def ask(question):
            return Pty([qwqctl, "ai", "ask", "--local", question], env)

        # 1. Diagnosis: reads only, no prompt.
        p = ask("why is a container failing?")
        rc = p.wait(90)
        out = p.text()
        check(rc == 0, "diagnosis exits 0", out)
        check("containers_list" in out and "container_logs" in out, "diagnosis calls containers_list then container_logs", out)
        check("qwq-ai-fail" in out and "ERROR: cannot open /data/db: permission denied" in out,
              "the answer quotes the exited container's log line (read through the real helper)", out)
        check("Approve?" not in out and "to approve" not in out, "reads ask no approval", out)

        # 2. Restart: denied, then approved.
        before = docker("inspect", "-f", "{{.State.StartedAt}}", "qwq-ai-web")
        p = ask("restart qwq-ai-web")
        check(p.read_until("Approve? [y/N]"), "restart asks on the terminal", p.text())
        check("containers.restart" in p.text() and '"id":"qwq-ai-web"' in p.text(),
              "the prompt shows the literal method and params", p.text())
        p.send("n\r")
        rc = p.wait(60)
        check(rc == 0 and "denied" in p.text(), "answering n denies it", p.text())
        check(docker("inspect", "-f", "{{.State.StartedAt}}", "qwq-ai-web") == before, "denied: not restarted")
        p = ask("restart qwq-ai-web")
        check(p.read_until("Approve? [y/N]"), "restart asks again in a new turn", p.text())
        p.send("y\r")
        rc = p.wait(90)
        after = docker("inspect", "-f", "{{.State.StartedAt}}", "qwq-ai-web")
        check(rc == 0 and "Done:" in p.text(), "answering y runs it", p.text())
        check(after != before and docker("inspect", "-f", "{{.State.Status}}", "qwq-ai-web") == "running",
              "approved: restarted (StartedAt %s -> %s)" % (before, after))

        # 3. Remove (destructive): typed confirmation.
        p = ask("remove qwq-ai-fail")
        check(p.read_until("to approve (anything else denies): "), "remove asks for a typed word", p.text())
        t = p.text()
        word = t[t.rfind("Type “") + len("Type “"):t.rfind("” to approve")]
        check(bool(word), "the typed word is shown (%r)" % word)
        p.send("yes\r")
        rc = p.wait(60)
        check(rc == 0 and "denied" in p.text(), "a wrong word denies it", p.text())
        check(docker("inspect", "-f", "{{.Name}}", "qwq-ai-fail", check_rc=False) == "/qwq-ai-fail", "wrong word: kept")
        p = ask("remove qwq-ai-fail")
        check(p.read_until("to approve (anything else denies): "), "remove asks again", p.text())
        p.send(word + "\r")
        rc = p.wait(60)
        check(rc == 0 and "Done:" in p.text(), "the right word runs it", p.text())
        check(docker("ps", "-a", "-q", "-f", "name=^qwq-ai-fail$") == "", "right word: removed")

        # 4. A config change shows its diff in the prompt.
        p = ask("deploy shop")
        check(p.read_until("Approve? [y/N]"), "deploy asks on the terminal", p.text())
        t = p.text()
        check("compose.deploy" in t and "shown as a diff below" in t, "the YAML param is replaced by the diff", t)
        check("Changes to compose.yml" in t, "the current file was read through the real helper", t)
        check('-    command: ["sleep", "1000"]' in t and '+    command: ["httpd", "-f", "-p", "8081"]' in t
              and "+    restart: unless-stopped" in t, "the diff shows removed and added lines", t)
        check("\x1b[32m+" in t and "\x1b[31m-" in t, "added/removed lines are coloured on a terminal")
        p.send("n\r")
        rc = p.wait(60)
        check(rc == 0 and "denied" in p.text(), "deploy denied", p.text())
        check('"1000"' in open(compose_yml).read(), "denied: compose.yml unchanged")
    finally:
        if llm:
            llm.kill()
            llm.wait()
        subprocess.run(["docker", "-H", "unix://" + os.path.join(ddir, "docker.sock"), "rm", "-f",
                        "qwq-ai-fail", "qwq-ai-web"], capture_output=True)
        subprocess.run(["bash", DOCKERD, "stop", ddir])
        shutil.rmtree(work, ignore_errors=True)
    print("Totals: %d passed, %d failed" % (passes, len(failures)))
    print("%d passed, %d failed" % (passes, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
