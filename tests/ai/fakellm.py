#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A small OpenAI-compatible server for trying the AI pane by hand and for screenshots.

POST /v1/chat/completions streams (SSE): to a new question it first calls the system_info tool,
then, once the tool result is in the history, it streams a Markdown answer (with a little
reasoning first), in Chinese when the question is. GET /v1/models lists two models.
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
