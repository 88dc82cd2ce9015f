#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A small OpenAI-compatible server for trying the AI pane by hand, for screenshots and for the
qwqctl terminal tests.

POST /v1/chat/completions streams (SSE). By the question:
- "why … failing" (or "为什么"): a container diagnosis: containers_list, then container_logs of
  the first container that is not running, then an answer quoting its last error (stderr) line, else its last line;
- "restart NAME" / "remove NAME" / "deploy PROJECT" (or "重启" / "删除" / "部署"): calls
  container_restart / container_remove (force) / compose_deploy (a compose.yml whose image
  and command differ from tests' managed "shop" project), then says what came back;
- anything else: system_info, then a Markdown answer about the disk (with a little reasoning).
Answers are in Chinese when the question is. GET /v1/models lists two models.
Usage: fakellm.py [PORT]   (prints the port it listens on; 127.0.0.1 only)
"""
import json
import re
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ANSWER_EN = """I looked at **system_info** on this machine.

| Mount | Used | Free |
|---|---|---|
| `/` | {root_used} | {root_free} |

The load average is {load}, so the CPU is not the problem. To see what fills the disk:

```
sudo du -xh --max-depth=1 / | sort -h | tail -10
sudo journalctl --disk-usage
```

If the journal is large, `sudo journalctl --vacuum-size=200M` frees space safely. \
I did not change anything."""

ANSWER_ZH = """我查看了这台机器的 **system_info**。

| 挂载点 | 已用 | 可用 |
|---|---|---|
| `/` | {root_used} | {root_free} |

平均负载为 {load}，CPU 不是问题。查看占用磁盘的内容：

```
sudo du -xh --max-depth=1 / | sort -h | tail -10
sudo journalctl --disk-usage
```

如果日志很大，`sudo journalctl --vacuum-size=200M` 可以安全地释放空间。我没有做任何更改。"""


DEPLOY_YAML = """services:
  web:
    image: qwq-test/busybox:1
    command: ["httpd", "-f", "-p", "8081"]
    init: true
    restart: unless-stopped
"""


def tool_json(content):
    """A tool message's JSON (after any note qwq put in front), or {}."""
    start = content.find("{")
    if start < 0:
        return {}
    try:
        return json.loads(content[start:])
    except ValueError:
        return {}


def chunk(delta, finish=None):
    return {"id": "fake", "object": "chat.completion.chunk", "model": "fake-model",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


def gib(n):
    return "%.1f GiB" % (float(n) / 1073741824.0)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        sys.stderr.write("fakellm: " + fmt % args + "\n")

    def send_events(self, events, delay):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        for e in events:
            self.wfile.write(b"data: " + json.dumps(e, ensure_ascii=False).encode() + b"\n\n")
            self.wfile.flush()
            time.sleep(delay)
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()
        self.close_connection = True

    def do_GET(self):
        if self.path.rstrip("/").endswith("/models"):
            body = json.dumps({"object": "list", "data": [{"id": "fake-model"}, {"id": "fake-model-large"}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def tool_call(self, name, args, say):
        events = [chunk({"role": "assistant", "content": ""})]
        if say:
            events.append(chunk({"content": say}))
        events += [chunk({"tool_calls": [{"index": 0, "id": "call_%s_%d" % (name, int(time.time() * 1000) % 100000),
                                          "type": "function",
                                          "function": {"name": name, "arguments": json.dumps(args)}}]}),
                   chunk({}, "tool_calls")]
        return self.send_events(events, 0.02)

    def say(self, text):
        events = [chunk({"role": "assistant", "content": ""})]
        events += [chunk({"content": text[i:i + 8]}) for i in range(0, len(text), 8)]
        events += [chunk({}, "stop")]
        return self.send_events(events, 0.005)

    def container_scenario(self, question, msgs, offered, chinese):
        """Returns True when it answered the request."""
        q = question.strip()
        # The calls made since the question, and the last tool result.
        since = msgs[max(i for i, m in enumerate(msgs) if m.get("role") == "user"):]
        calls = [c["function"]["name"] for m in since for c in (m.get("tool_calls") or [])]
        last = since[-1] if since else {}
        result = tool_json(last.get("content", "")) if last.get("role") == "tool" else {}
        target = q.split()[-1] if q.split() else ""
        for verb, tool in (("restart", "container_restart"), ("重启", "container_restart"),
                           ("remove", "container_remove"), ("删除", "container_remove"),
                           ("deploy", "compose_deploy"), ("部署", "compose_deploy")):
            if not q.lower().startswith(verb) or tool not in offered:
                continue
            if not calls:
                if tool == "compose_deploy":
                    args = {"project": target, "yaml": DEPLOY_YAML}
                    text = "我会用新的 compose.yml 部署 %s。" % target if chinese else \
                        "I will deploy %s with the new compose.yml." % target
                elif tool == "container_remove":
                    args, text = {"id": target, "force": True}, ""
                else:
                    args, text = {"id": target}, ""
                self.tool_call(tool, args, text)
                return True
            content = last.get("content", "")
            if "denied" in content or "did not match" in content:
                return self.say("没有执行：你拒绝了这个操作。" if chinese else
                                "Nothing was done: you denied %s." % tool) or True
            return self.say(("完成：" if chinese else "Done: ") + content[:300]) or True
        if not (("why" in q.lower() and "fail" in q.lower()) or "为什么" in q) \
                or "containers_list" not in offered:
            return False
        if not calls:
            self.tool_call("containers_list", {}, "我先看一下容器。" if chinese else "Let me list the containers.")
        elif calls[-1] == "containers_list":
            stopped = [c for c in result.get("containers", []) if c.get("state") != "running"]
            if not stopped:
                self.say("所有容器都在运行。" if chinese else "Every container is running.")
            else:
                self.tool_call("container_logs", {"id": stopped[0]["name"], "tail": 20},
                               "")
        else:
            lines = result.get("output", [])
            name = next((json.loads(c["function"]["arguments"]).get("id") for m in since
                         for c in (m.get("tool_calls") or []) if c["function"]["name"] == "container_logs"), "?")
            # Like a model would, quote the last error line (stderr), else the last line: stdout
            # and stderr reach dockerd through two pipes, so their order is not fixed.
            errors = [l for l in lines if l.startswith("[stderr]")]
            tail = (errors or lines or ["(no output)"])[-1]
            self.say(("容器 %s 已退出。它的最后一行日志：%s" if chinese else
                      "Container %s has exited. Its last log line: %s") % (name, tail))
        return True

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        req = json.loads(self.rfile.read(length) or b"{}")
        if not self.path.rstrip("/").endswith("/chat/completions"):
            return self.send_error(404)
        msgs = req.get("messages", [])
        last = msgs[-1] if msgs else {}
        question = next((m.get("content", "") for m in reversed(msgs) if m.get("role") == "user"), "")
        chinese = re.search("[\u4e00-\u9fff]", question) is not None
        offered = [t["function"]["name"] for t in req.get("tools", [])]
        if self.container_scenario(question, msgs, offered, chinese):
            return
        if last.get("role") == "user" and "system_info" in offered:
            events = [chunk({"role": "assistant", "content": ""}),
                      chunk({"content": "我先看一下服务器的状态。" if chinese else "Let me look at the server first."}),
                      chunk({"tool_calls": [{"index": 0, "id": "call_1", "type": "function",
                                             "function": {"name": "system_info", "arguments": "{}"}}]}),
                      chunk({}, "tool_calls")]
            return self.send_events(events, 0.05)
        facts = {}
        if last.get("role") == "tool":
            try:
                facts = json.loads(last.get("content", "{}"))
            except ValueError:
                facts = {}
        root = next((f for f in facts.get("filesystems", []) if f.get("mount") == "/"), {})
        text = (ANSWER_ZH if chinese else ANSWER_EN).format(
            root_used=gib(root.get("used", 0)), root_free=gib(root.get("available", 0)),
            load=", ".join("%.2f" % x for x in facts.get("load", [0, 0, 0])))
        reasoning = "用户问磁盘。system_info 给出了文件系统的数字。" if chinese else \
            "The user asks about disk space. system_info has the filesystem numbers."
        events = [chunk({"role": "assistant", "content": ""})]
        events += [chunk({"reasoning_content": reasoning[i:i + 12]}) for i in range(0, len(reasoning), 12)]
        events += [chunk({"content": text[i:i + 6]}) for i in range(0, len(text), 6)]
        events += [chunk({}, "stop")]
        self.send_events(events, 0.01)


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
