<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Qwq::Ai</name>
    <message>
        <source>The AI provider reported an error in the middle of the answer</source>
        <translation>AI 服务商在回答中途报告了错误</translation>
    </message>
    <message>
        <source>The AI provider sent a malformed stream</source>
        <translation>AI 服务商发送的数据流格式错误</translation>
    </message>
    <message>
        <source>The answer ended early, before the AI provider had finished it</source>
        <translation>回答提前结束，AI 服务商尚未完成</translation>
    </message>
    <message>
        <source>The AI provider at %1 refused the API key (HTTP %2)</source>
        <translation>%1 的 AI 服务商拒绝了 API 密钥（HTTP %2）</translation>
    </message>
    <message>
        <source>Check the API key in the AI settings.</source>
        <translation>请在 AI 设置中检查 API 密钥。</translation>
    </message>
    <message>
        <source>The AI provider at %1 does not know the model “%2” or the address (HTTP 404)</source>
        <translation>%1 的 AI 服务商不认识模型“%2”或该地址（HTTP 404）</translation>
    </message>
    <message>
        <source>Pick a model from the provider&apos;s list, or check the address.</source>
        <translation>请从服务商的列表中选择模型，或检查地址。</translation>
    </message>
    <message>
        <source>The AI provider at %1 rejected the request (HTTP %2)</source>
        <translation>%1 的 AI 服务商拒绝了请求（HTTP %2）</translation>
    </message>
    <message>
        <source>The AI provider at %1 is limiting requests (HTTP 429)</source>
        <translation>%1 的 AI 服务商正在限制请求（HTTP 429）</translation>
    </message>
    <message>
        <source>Wait a moment, or check the account&apos;s quota.</source>
        <translation>请稍候，或检查账户配额。</translation>
    </message>
    <message>
        <source>The AI provider at %1 failed (HTTP %2)</source>
        <translation>%1 的 AI 服务商出错（HTTP %2）</translation>
    </message>
    <message>
        <source>Could not reach the AI provider at %1</source>
        <translation>无法连接 %1 的 AI 服务商</translation>
    </message>
    <message>
        <source>The AI provider at %1 did not accept a connection within %2 s</source>
        <translation>%1 的 AI 服务商在 %2 秒内未接受连接</translation>
    </message>
    <message>
        <source>The AI provider at %1 did not start answering within %2 s</source>
        <translation>%1 的 AI 服务商在 %2 秒内未开始回答</translation>
    </message>
    <message>
        <source>The AI provider at %1 stopped sending for %2 s in the middle of the answer</source>
        <translation>%1 的 AI 服务商在回答中途停止发送达 %2 秒</translation>
    </message>
    <message>
        <source>The AI provider at %1 failed %2 times in a row; qwq waits %3 s before trying it again</source>
        <translation>%1 的 AI 服务商连续失败 %2 次；qwq 将等待 %3 秒后再试</translation>
    </message>
    <message>
        <source>The AI request was cancelled</source>
        <translation>AI 请求已取消</translation>
    </message>
    <message>
        <source>The answer from %1 ended early, before it was complete</source>
        <translation>来自 %1 的回答提前结束，尚未完成</translation>
    </message>
    <message>
        <source>The provider asks to wait %1 s before the next request.</source>
        <translation>服务商要求在下一次请求前等待 %1 秒。</translation>
    </message>
    <message>
        <source>The AI provider at %1 sent no model list</source>
        <translation>%1 的 AI 服务商未返回模型列表</translation>
    </message>
    <message>
        <source>The AI provider address must be an http or https URL</source>
        <translation>AI 服务商地址必须是 http 或 https URL</translation>
    </message>
    <message>
        <source>Put the API key in the key field, not in the provider address</source>
        <translation>请把 API 密钥填在密钥栏，而不是服务商地址中</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>请选择模型</translation>
    </message>
    <message>
        <source>No API key is set for %1</source>
        <translation>未为 %1 设置 API 密钥</translation>
    </message>
    <message>
        <source>Invalid value for “%1”: %2</source>
        <translation>“%1”的值无效：%2</translation>
    </message>
    <message>
        <source>expected %1</source>
        <translation>应为 %1</translation>
    </message>
    <message>
        <source>not one of the allowed values</source>
        <translation>不是允许的值之一</translation>
    </message>
    <message>
        <source>not the allowed value</source>
        <translation>不是允许的值</translation>
    </message>
    <message>
        <source>below %1</source>
        <translation>小于 %1</translation>
    </message>
    <message>
        <source>above %1</source>
        <translation>大于 %1</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>太短</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>太长</translation>
    </message>
    <message>
        <source>does not match the expected form</source>
        <translation>不符合预期格式</translation>
    </message>
    <message>
        <source>too few items</source>
        <translation>项目太少</translation>
    </message>
    <message>
        <source>too many items</source>
        <translation>项目太多</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>not a parameter of this tool</source>
        <translation>不是此工具的参数</translation>
    </message>
    <message>
        <source>The server is not connected</source>
        <translation>服务器未连接</translation>
    </message>
    <message>
        <source>This server&apos;s profile allows only a local AI model, and %1 is not on this machine</source>
        <translation>此服务器的配置只允许本机 AI 模型，而 %1 不在本机</translation>
    </message>
    <message>
        <source>The AI stopped: this question used its budget of %1 tokens</source>
        <translation>AI 已停止：此问题已用完 %1 个 token 的预算</translation>
    </message>
    <message>
        <source>The AI stopped after %1 steps without a final answer</source>
        <translation>AI 在 %1 步后停止，没有最终回答</translation>
    </message>
    <message>
        <source>The AI turn was stopped</source>
        <translation>本轮 AI 已停止</translation>
    </message>
    <message>
        <source>The AI history could not be used: %1</source>
        <translation>无法使用 AI 历史记录：%1</translation>
    </message>
    <message>
        <source>This conversation no longer exists</source>
        <translation>此对话已不存在</translation>
    </message>
    <message>
        <source>Server: %1 · started %2</source>
        <translation>服务器：%1 · 开始于 %2</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>Tool call: %1</source>
        <translation>工具调用：%1</translation>
    </message>
    <message>
        <source>Result of %1</source>
        <translation>%1 的结果</translation>
    </message>
    <message>
        <source>This output contained text that looked like instructions to the AI.</source>
        <translation>此输出包含看起来像是给 AI 的指令的文本。</translation>
    </message>
    <message>
        <source>The bundled help is missing from this build</source>
        <translation>此版本缺少内置帮助</translation>
    </message>
    <message>
        <source>The bundled help is not valid JSON</source>
        <translation>内置帮助不是有效的 JSON</translation>
    </message>
    <message>
        <source>A topic of the bundled help is incomplete</source>
        <translation>内置帮助中的某个主题不完整</translation>
    </message>
    <message>
        <source>Export Conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Choose the AI provider and model</source>
        <translation>选择 AI 服务商和模型</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Saved conversations with this server, with search</source>
        <translation>与此服务器的已保存对话，可搜索</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>开始新对话</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save this conversation as Markdown</source>
        <translation>将此对话保存为 Markdown</translation>
    </message>
    <message>
        <source>Remove the attachment</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <source>Attached: %1</source>
        <translation>附件：%1</translation>
    </message>
    <message>
        <source>Ask about %1… (Enter sends, Shift+Enter for a new line)</source>
        <translation>询问关于 %1 的问题…（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A comes here from the other panels (a terminal keeps its keys)</source>
        <translation>在其他面板中按 Ctrl+Shift+A 可回到这里（终端保留自己的按键）</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>No AI model is set up</source>
        <translation>尚未设置 AI 模型</translation>
    </message>
    <message>
        <source>Choose a provider and a model in the AI settings. Everything else in qwq works without one.</source>
        <translation>请在 AI 设置中选择服务商和模型。qwq 的其他功能无需模型也能使用。</translation>
    </message>
    <message>
        <source>%1 on %2: blocked, only a model on this machine is allowed</source>
        <translation>%2 上的 %1：已阻止，只允许本机上的模型</translation>
    </message>
    <message>
        <source>%1 on %2 (this machine)</source>
        <translation>%2 上的 %1（本机）</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>There is no saved conversation to export yet</source>
        <translation>还没有可导出的已保存对话</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>No AI model is set up yet</source>
        <translation>尚未设置 AI 模型</translation>
    </message>
    <message>
        <source>Choose a provider and a model in the AI settings.</source>
        <translation>请在 AI 设置中选择服务商和模型。</translation>
    </message>
    <message>
        <source>Reading the API key from the keychain…</source>
        <translation>正在从钥匙串读取 API 密钥…</translation>
    </message>
    <message>
        <source>Reading the server&apos;s facts…</source>
        <translation>正在读取服务器信息…</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Thinking… (step %1)</source>
        <translation>思考中…（第 %1 步）</translation>
    </message>
    <message>
        <source>%1; trying again in %2 s (attempt %3)</source>
        <translation>%1；%2 秒后重试（第 %3 次）</translation>
    </message>
    <message>
        <source>Stopped. Nothing more runs for this question.</source>
        <translation>已停止。此问题不会再执行任何操作。</translation>
    </message>
    <message>
        <source>Waiting for your approval of %1</source>
        <translation>等待你批准 %1</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>正在运行 %1…</translation>
    </message>
    <message>
        <source>The model ended without an answer.</source>
        <translation>模型结束时没有给出回答。</translation>
    </message>
    <message>
        <source>Answered · %1 tokens</source>
        <translation>已回答 · %1 个 token</translation>
    </message>
    <message>
        <source>Answered · about %1 tokens</source>
        <translation>已回答 · 约 %1 个 token</translation>
    </message>
    <message>
        <source>The AI cannot answer: %1</source>
        <translation>AI 无法回答：%1</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1：%2 {1.?}</translation>
    </message>
    <message>
        <source>AI Settings…</source>
        <translation>AI 设置…</translation>
    </message>
    <message>
        <source>Reading the keychain…</source>
        <translation>正在读取钥匙串…</translation>
    </message>
    <message>
        <source>A key is stored in the system keychain. Type a new one to replace it.</source>
        <translation>系统钥匙串中已保存密钥。输入新密钥即可替换。</translation>
    </message>
    <message>
        <source>No key is stored yet. It will be kept in the system keychain, never in a file.</source>
        <translation>尚未保存密钥。密钥将保存在系统钥匙串中，从不写入文件。</translation>
    </message>
    <message>
        <source>This provider needs no key.</source>
        <translation>此服务商不需要密钥。</translation>
    </message>
    <message>
        <source>The system keychain is not available: %1</source>
        <translation>系统钥匙串不可用：%1</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>正在向 %1 获取模型列表…</translation>
    </message>
    <message>
        <source>%1 models available.</source>
        <translation>可用模型：%1 个。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected to %1; the model “%2” is available.</source>
        <translation>已连接 %1；模型“%2”可用。</translation>
    </message>
    <message>
        <source>Connected to %1, but it does not list the model “%2” (%3 models listed).</source>
        <translation>已连接 %1，但其列表中没有模型“%2”（共列出 %3 个模型）。</translation>
    </message>
    <message>
        <source>This address is not on this machine: with this option on, the AI pane will not use it.</source>
        <translation>此地址不在本机：开启此选项时，AI 面板不会使用它。</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>服务商：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>Token budget:</source>
        <translation>Token 预算：</translation>
    </message>
    <message>
        <source>Other (any OpenAI-compatible address)</source>
        <translation>其他（任意 OpenAI 兼容地址）</translation>
    </message>
    <message>
        <source>Fetch Models</source>
        <translation>获取模型</translation>
    </message>
    <message>
        <source>Paste the provider&apos;s API key</source>
        <translation>粘贴服务商的 API 密钥</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Only use a model on this machine (nothing leaves it)</source>
        <translation>只使用本机上的模型（数据不离开本机）</translation>
    </message>
    <message>
        <source> tokens per question</source>
        <translation> 个 token / 每个问题</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>AI Settings</source>
        <translation>AI 设置</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推理过程</translation>
    </message>
    <message>
        <source>Bundled help (works without a model)</source>
        <translation>内置帮助（无需模型）</translation>
    </message>
    <message>
        <source>Nothing in the bundled help matches this question. These topics are there:</source>
        <translation>内置帮助中没有与此问题匹配的内容。现有主题：</translation>
    </message>
    <message>
        <source>Commands for common problems that look like this question. Read them before running them.</source>
        <translation>与此问题相似的常见问题的命令。运行前请先阅读。</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Delete Conversation</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <source>Search conversations…</source>
        <translation>搜索对话…</translation>
    </message>
    <message>
        <source>reads only</source>
        <translation>只读取</translation>
    </message>
    <message>
        <source>reads secrets (redacted)</source>
        <translation>读取机密（已脱敏）</translation>
    </message>
    <message>
        <source>changes the server</source>
        <translation>修改服务器</translation>
    </message>
    <message>
        <source>cannot be undone</source>
        <translation>不可撤销</translation>
    </message>
    <message>
        <source>unknown: treated as cannot be undone</source>
        <translation>未知：按无法撤销处理</translation>
    </message>
    <message>
        <source>awaiting your approval</source>
        <translation>等待你的批准</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>refused, not run</source>
        <translation>已拒绝执行，未运行</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>(no parameters)</source>
        <translation>（无参数）</translation>
    </message>
    <message>
        <source>⚠ This output contained text that tries to instruct the AI. It was not obeyed: anything that changes the server still needs your approval here.</source>
        <translation>⚠ 此输出包含试图指挥 AI 的文本。它没有被执行：任何修改服务器的操作仍需你在这里批准。</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>发现：%1</translation>
    </message>
    <message>
        <source>The AI wants to make this call, which cannot be undone. Read it above; type the word to approve.</source>
        <translation>AI 想执行这个无法撤销的调用。请阅读上面的内容，输入指定文字以批准。</translation>
    </message>
    <message>
        <source>The AI wants to make this call, which changes the server. Read it above, then approve or deny.</source>
        <translation>AI 想执行这个会修改服务器的调用。请阅读上面的内容，然后批准或拒绝。</translation>
    </message>
    <message>
        <source>⚠ Earlier output in this conversation tried to instruct the AI. Make sure this call is something you want.</source>
        <translation>⚠ 此对话中较早的输出曾试图指挥 AI。请确认这个调用确实是你想要的。</translation>
    </message>
    <message>
        <source>Type “%1” to approve:</source>
        <translation>输入“%1”以批准：</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>%1 (trimmed)</source>
        <translation>%1（已截断）</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>服务器上</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>拟议</translation>
    </message>
    <message>
        <source>(%1 lines, shown as a diff below)</source>
        <translation>（%1 行，下方以差异显示）</translation>
    </message>
    <message>
        <source>This call replaces %1. What changes:</source>
        <translation>此调用将替换 %1。变更内容：</translation>
    </message>
    <message>
        <source>This call writes %1; the current version could not be read (%2), so all of it is shown as new.</source>
        <translation>此调用将写入 %1；无法读取当前版本（%2），因此全部显示为新增。</translation>
    </message>
</context>
<context>
    <name>Qwq::App</name>
    <message>
        <source>qwq — server manager</source>
        <translation>qwq — 服务器管理</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Add Server…</source>
        <translation>添加服务器…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>服务器(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: connected in %2 ms</source>
        <translation>%1：已连接，用时 %2 毫秒</translation>
    </message>
    <message>
        <source>Remove server</source>
        <translation>删除服务器</translation>
    </message>
    <message>
        <source>Remove the profile “%1”? Its stored password and passphrase are removed from the keychain too. Nothing on the server changes.</source>
        <translation>删除配置“%1”？其保存在钥匙串中的密码和口令也会一并删除。服务器上的任何内容都不会改变。</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation>密钥类型：</translation>
    </message>
    <message>
        <source>Host key changed — connection refused</source>
        <translation>主机密钥已变更 — 已拒绝连接</translation>
    </message>
    <message>
        <source>The key %1 presents is not the one qwq knows. Someone may be intercepting the connection, or the server was reinstalled. qwq sent no password or key and will not connect. Check the new fingerprint with the server&apos;s administrator; if it is right, remove the old entry from qwq&apos;s known_hosts file.</source>
        <translation>%1 出示的密钥与 qwq 记录的不同。可能有人在拦截连接，也可能服务器已重装。qwq 没有发送任何密码或密钥，也不会连接。请向服务器管理员核对新的指纹；确认无误后，从 qwq 的 known_hosts 文件中删除旧条目。</translation>
    </message>
    <message>
        <source>Known fingerprint:</source>
        <translation>已知指纹：</translation>
    </message>
    <message>
        <source>Offered fingerprint:</source>
        <translation>出示的指纹：</translation>
    </message>
    <message>
        <source>Unknown host key</source>
        <translation>未知的主机密钥</translation>
    </message>
    <message>
        <source>qwq has not seen %1 before. Compare this fingerprint with the one the server&apos;s administrator gives you (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) before you trust it.</source>
        <translation>qwq 之前没有见过 %1。信任之前，请把此指纹与服务器管理员提供的指纹（ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub）进行比对。</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>指纹：</translation>
    </message>
    <message>
        <source>Trust and Connect</source>
        <translation>信任并连接</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Profiles and settings: %1
Audit log: %2
Secrets are kept in the system keychain only.</source>
        <translation>配置与设置：%1
审计日志：%2
机密信息只保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>error %1: %2</source>
        <translation>错误 %1：%2</translation>
    </message>
    <message>
        <source> [field: %1]</source>
        <translation> [字段：%1]</translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>detail: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <source>Port must be a number</source>
        <translation>端口必须是数字</translation>
    </message>
    <message>
        <source>No profile “%1”</source>
        <translation>没有名为“%1”的配置</translation>
    </message>
    <message>
        <source>The server&apos;s %1 key has the fingerprint %2. Check it, then run again with --trust-host-key %2</source>
        <translation>服务器的 %1 密钥指纹为 %2。核对无误后，加上 --trust-host-key %2 再运行一次</translation>
    </message>
    <message>
        <source>Known fingerprint: %1
Offered fingerprint: %2</source>
        <translation>已知指纹：%1
出示的指纹：%2</translation>
    </message>
    <message>
        <source>The parameters must be a JSON object</source>
        <translation>参数必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>connected to %1 (%2, %3, kernel %4) as %5 in %6 ms; helper %7, protocol %8</source>
        <translation>已连接到 %1（%2，%3，内核 %4），用户 %5，用时 %6 毫秒；助手 %7，协议 %8</translation>
    </message>
    <message>
        <source>capabilities: %1</source>
        <translation>能力：%1</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>%1: link lost (%2); reconnecting, attempt %3</source>
        <translation>%1：连接中断（%2）；正在重新连接，第 %3 次尝试</translation>
    </message>
    <message>
        <source>Search name, host, tag, group…</source>
        <translation>搜索名称、主机、标签、分组…</translation>
    </message>
    <message>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>no longer in ssh_config</source>
        <translation>已不在 ssh_config 中</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>--on-conflict must be skip, replace or keep-both</source>
        <translation>--on-conflict 必须是 skip、replace 或 keep-both</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>usage: qwqctl profiles list [--json]
       qwqctl profiles add --name NAME --host HOST --user USER [--port N] [--key FILE]
                           [--auth auto|agent|key|password] [--mode normal|read-only|production]
                           [--elevation none|sudo|root]
       qwqctl profiles remove PROFILE
       qwqctl profiles import-ssh-config [FILE]      (default ~/.ssh/config; runs nothing)
       qwqctl profiles export [--output FILE] [PROFILE…]   (never contains secrets)
       qwqctl profiles import FILE [--on-conflict skip|replace|keep-both]
       qwqctl check PROFILE [--trust-host-key SHA256:…]
       qwqctl call PROFILE|--local METHOD [JSON-PARAMS] [--trust-host-key SHA256:…]
       qwqctl forward PROFILE RULE [--trust-host-key SHA256:…]   (until Ctrl+C)
              RULE: a saved rule&apos;s name, L[bind:]port:host:hostport,
                    R[bind:]port:host:hostport or D[bind:]port
</source>
        <translation>用法：qwqctl profiles list [--json]
      qwqctl profiles add --name 名称 --host 主机 --user 用户 [--port 端口] [--key 密钥文件]
                          [--auth auto|agent|key|password] [--mode normal|read-only|production]
                          [--elevation none|sudo|root]
      qwqctl profiles remove 配置
      qwqctl profiles import-ssh-config [文件]      （默认 ~/.ssh/config；不执行任何命令）
      qwqctl profiles export [--output 文件] [配置…]   （绝不包含机密信息）
      qwqctl profiles import 文件 [--on-conflict skip|replace|keep-both]
      qwqctl check 配置 [--trust-host-key SHA256:…]
      qwqctl call 配置|--local 方法 [JSON 参数] [--trust-host-key SHA256:…]
      qwqctl forward 配置 规则 [--trust-host-key SHA256:…]   （直到按下 Ctrl+C）
             规则：已保存规则的名称、L[绑定地址:]端口:主机:主机端口、
                   R[绑定地址:]端口:主机:主机端口 或 D[绑定地址:]端口
</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>forwarding server %1 -&gt; %2 (%3)</source>
        <translation>正在转发服务器 %1 -&gt; %2（%3）</translation>
    </message>
    <message>
        <source>forwarding %1 -&gt; %2 (%3)</source>
        <translation>正在转发 %1 -&gt; %2（%3）</translation>
    </message>
    <message>
        <source>Port forwards need an SSH connection; This computer has none</source>
        <translation>端口转发需要 SSH 连接；本机没有 SSH 连接</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Groups…</source>
        <translation>分组…</translation>
    </message>
    <message>
        <source>Identities…</source>
        <translation>身份…</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Sort the servers</source>
        <translation>对服务器排序</translation>
    </message>
    <message>
        <source>Add Server to This Group…</source>
        <translation>添加服务器到此分组…</translation>
    </message>
    <message>
        <source>New Subgroup…</source>
        <translation>新建子分组…</translation>
    </message>
    <message>
        <source>Edit Group…</source>
        <translation>编辑分组…</translation>
    </message>
    <message>
        <source>Delete Group…</source>
        <translation>删除分组…</translation>
    </message>
    <message>
        <source>New Group…</source>
        <translation>新建分组…</translation>
    </message>
    <message>
        <source>sudo on %1 asks for the password of %2.</source>
        <translation>%1 上的 sudo 要求输入 %2 的密码。</translation>
    </message>
    <message>
        <source>%1 asks for the following to log in as %2.</source>
        <translation>%1 要求以下信息才能以 %2 登录。</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>回答：</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>reads only</source>
        <translation>只读取</translation>
    </message>
    <message>
        <source>reads secrets, redacted</source>
        <translation>读取机密，已脱敏</translation>
    </message>
    <message>
        <source>changes the server</source>
        <translation>修改服务器</translation>
    </message>
    <message>
        <source>cannot be undone</source>
        <translation>不可撤销</translation>
    </message>
    <message>
        <source>unknown, treated as cannot be undone</source>
        <translation>未知，按无法撤销处理</translation>
    </message>
    <message>
        <source>No terminal to ask for approval: denied.</source>
        <translation>没有可用于请求批准的终端：已拒绝。</translation>
    </message>
    <message>
        <source>
The AI wants to make this call on %1:
</source>
        <translation>
AI 想在 %1 上执行这个调用：
</translation>
    </message>
    <message>
        <source>⚠ Earlier output in this turn tried to instruct the AI. Make sure this call is something you want.
</source>
        <translation>⚠ 本轮较早的输出曾试图指挥 AI。请确认这个调用确实是你想要的。
</translation>
    </message>
    <message>
        <source>Type “%1” to approve (anything else denies): </source>
        <translation>输入“%1”以批准（其他任何输入即拒绝）：</translation>
    </message>
    <message>
        <source>Approve? [y/N] </source>
        <translation>批准？[y/N] </translation>
    </message>
    <message>
        <source>→ %1 (%2, %3) %4</source>
        <translation>→ %1（%2，%3）%4</translation>
    </message>
    <message>
        <source>✓ %1: %2</source>
        <translation>✓ %1：%2</translation>
    </message>
    <message>
        <source>✗ %1 failed: %2</source>
        <translation>✗ %1 失败：%2</translation>
    </message>
    <message>
        <source>✗ %1 (%2) denied: nothing was run</source>
        <translation>✗ %1（%2）已拒绝：未运行任何操作</translation>
    </message>
    <message>
        <source>✗ %1 not run: %2</source>
        <translation>✗ %1 未运行：%2</translation>
    </message>
    <message>
        <source>⚠ this output contained text that tries to instruct the AI (not obeyed)</source>
        <translation>⚠ 此输出包含试图指挥 AI 的文本（未执行）</translation>
    </message>
    <message>
        <source>Bundled help (no model needed):</source>
        <translation>内置帮助（无需模型）：</translation>
    </message>
    <message>
        <source>The tools file must hold a JSON array of tool definitions</source>
        <translation>工具文件必须包含工具定义的 JSON 数组</translation>
    </message>
    <message>
        <source>       qwqctl ai ask PROFILE|--local &quot;QUESTION&quot; [--deny-all] [--json] [--tools FILE]
              [--trust-host-key SHA256:…]   the AI provider of the settings and
              keychain; QWQ_AI_BASE_URL, QWQ_AI_MODEL, QWQ_AI_API_KEY override it
</source>
        <translation>       qwqctl ai ask PROFILE|--local &quot;QUESTION&quot; [--deny-all] [--json] [--tools FILE]
              [--trust-host-key SHA256:…]   使用设置和钥匙串中的 AI 服务商；
              QWQ_AI_BASE_URL、QWQ_AI_MODEL、QWQ_AI_API_KEY 可覆盖
</translation>
    </message>
    <message>
        <source>No AI model is set up</source>
        <translation>尚未设置 AI 模型</translation>
    </message>
    <message>
        <source>Choose one in qwq&apos;s AI settings, or set QWQ_AI_BASE_URL and QWQ_AI_MODEL.</source>
        <translation>请在 qwq 的 AI 设置中选择，或设置 QWQ_AI_BASE_URL 和 QWQ_AI_MODEL。</translation>
    </message>
    <message>
        <source>%1; trying again in %2 ms (attempt %3)</source>
        <translation>%1；%2 毫秒后重试（第 %3 次）</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>  Changes to %1 (current → proposed):
</source>
        <translation>  %1 的变更（当前 → 拟议）：
</translation>
    </message>
    <message>
        <source>  %1 could not be read (%2); all of it is new:
</source>
        <translation>  无法读取 %1（%2）；全部为新增内容：
</translation>
    </message>
    <message>
        <source>  (no changes)
</source>
        <translation>  （无变更）
</translation>
    </message>
    <message>
        <source>  … %1 more lines of diff not shown
</source>
        <translation>  …… 另有 %1 行差异未显示
</translation>
    </message>
    <message>
        <source>(%1 lines, shown as a diff below)</source>
        <translation>（%1 行，下方以差异显示）</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot; in %2</source>
        <translation>%2 中有未知的键“%1”</translation>
    </message>
</context>
<context>
    <name>Qwq::Containers</name>
    <message>
        <source>“%1” is not a valid name: use letters, digits, “_”, “.” and “-”, starting with a letter or digit</source>
        <translation>“%1”不是有效的名称：只能使用字母、数字、“_”、“.”和“-”，并以字母或数字开头</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Unknown container action “%1”</source>
        <translation>未知的容器操作“%1”</translation>
    </message>
    <message>
        <source>“%1” is not a valid image reference</source>
        <translation>“%1”不是有效的镜像引用</translation>
    </message>
    <message>
        <source>“%1” is not a valid project name: use lower-case letters, digits, “_” and “-”, starting with a letter or digit</source>
        <translation>“%1”不是有效的项目名称：只能使用小写字母、数字、“_”和“-”，并以字母或数字开头</translation>
    </message>
    <message>
        <source>Unknown compose action “%1”</source>
        <translation>未知的 Compose 操作“%1”</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>container state</comment>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Exited</source>
        <comment>container state</comment>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>container state</comment>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Paused</source>
        <comment>container state</comment>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Restarting</source>
        <comment>container state</comment>
        <translation>重启中</translation>
    </message>
    <message>
        <source>Removing</source>
        <comment>container state</comment>
        <translation>删除中</translation>
    </message>
    <message>
        <source>Dead</source>
        <comment>container state</comment>
        <translation>已失效</translation>
    </message>
    <message>
        <source>%1
Compose project %2, service %3</source>
        <translation>%1
Compose 项目 %2，服务 %3</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>[qwq: %1 earlier lines were dropped because the view holds at most %2]
</source>
        <translation>[qwq：视图最多保留 %2 行，已丢弃之前的 %1 行]
</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <source>Mount point</source>
        <translation>挂载点</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Subnets</source>
        <translation>子网</translation>
    </message>
    <message>
        <source>&lt;untagged&gt;</source>
        <translation>&lt;无标签&gt;</translation>
    </message>
    <message>
        <source>%1, internal</source>
        <translation>%1，内部</translation>
    </message>
    <message>
        <source>This shell has already been started</source>
        <translation>此 Shell 已经启动</translation>
    </message>
    <message>
        <source>“%1” is not a container name or id</source>
        <translation>“%1”不是容器名称或 ID</translation>
    </message>
    <message>
        <source>The shell was closed</source>
        <translation>Shell 已关闭</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The shell exited with status %1</source>
        <translation>Shell 已退出，状态码 %1</translation>
    </message>
    <message>
        <source>The shell ended</source>
        <translation>Shell 已结束</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 未连接。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Docker was not found on %1, or it does not answer.
Containers appear here once Docker (or Podman&apos;s Docker-compatible socket) runs there.</source>
        <translation>在 %1 上没有找到 Docker，或它没有响应。
当 Docker（或 Podman 的 Docker 兼容套接字）在该服务器上运行后，容器会显示在这里。</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Compose</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>卷</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Self-heal</source>
        <translation>自愈</translation>
    </message>
    <message>
        <source>Filter by name, image, compose project or port</source>
        <translation>按名称、镜像、Compose 项目或端口筛选</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Stopped</source>
        <comment>container state</comment>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Other states</source>
        <translation>其他状态</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>强制终止</translation>
    </message>
    <message>
        <source>Ask AI About This Container</source>
        <translation>就此容器询问 AI</translation>
    </message>
    <message>
        <source>%1 running of %2</source>
        <translation>%2 个中 %1 个运行中</translation>
    </message>
    <message>
        <source>This profile is read-only</source>
        <translation>此配置为只读</translation>
    </message>
    <message>
        <source>“%1” is not a valid container name</source>
        <translation>“%1”不是有效的容器名称</translation>
    </message>
    <message>
        <source>Force: kill running containers first</source>
        <translation>强制：先终止正在运行的容器</translation>
    </message>
    <message>
        <source>%1 calls failed; the first: %2</source>
        <translation>%1 个调用失败；第一个：%2</translation>
    </message>
    <message>
        <source>A shell opens only in a running container.</source>
        <translation>只能在运行中的容器里打开 Shell。</translation>
    </message>
    <message>
        <source>Why did the container %1 stop, and how do I fix it?</source>
        <translation>容器 %1 为什么停止了？如何修复？</translation>
    </message>
    <message>
        <source>Is the container %1 healthy? Is anything wrong in its logs?</source>
        <translation>容器 %1 是否健康？它的日志里有没有问题？</translation>
    </message>
    <message>
        <source>Container %1 (%2)</source>
        <translation>容器 %1（%2）</translation>
    </message>
    <message>
        <source>Ask AI</source>
        <translation>询问 AI</translation>
    </message>
    <message>
        <source>Hand this container&apos;s last log lines and its settings (secrets masked) to the AI pane</source>
        <translation>把此容器最近的日志行和设置（密钥已遮盖）交给 AI 面板</translation>
    </message>
    <message>
        <source>Open Shell</source>
        <translation>打开 Shell</translation>
    </message>
    <message>
        <source>A terminal inside this container</source>
        <translation>在此容器内打开终端</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Stats</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>挂载</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>CPU（%）</translation>
    </message>
    <message>
        <source>Memory (MB)</source>
        <translation>内存（MB）</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Select a container to see its logs, stats and settings.</source>
        <translation>选择一个容器以查看它的日志、统计和设置。</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Waiting for the first sample…</source>
        <translation>正在等待第一个采样…</translation>
    </message>
    <message>
        <source>Stats are shown while the container runs.</source>
        <translation>容器运行时才显示统计。</translation>
    </message>
    <message>
        <source>Masked: the name or the value looks like a secret</source>
        <translation>已遮盖：名称或值看起来像密钥</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>读写</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>CPU %1% · memory %2 of %3 · network in %4, out %5 · disk read %6, written %7 · %8 processes</source>
        <translation>CPU %1% · 内存 %2 / %3 · 网络接收 %4，发送 %5 · 磁盘读取 %6，写入 %7 · %8 个进程</translation>
    </message>
    <message>
        <source>“%1” not found</source>
        <translation>未找到“%1”</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>日志文件 (*.log *.txt)</translation>
    </message>
    <message>
        <source>Could not save the log: %1</source>
        <translation>无法保存日志：%1</translation>
    </message>
    <message>
        <source>Saved %1 lines to %2</source>
        <translation>已将 %1 行保存到 %2</translation>
    </message>
    <message>
        <source>%1 lines shown · %2 older lines dropped (the view keeps the last %3)</source>
        <translation>显示 %1 行 · 已丢弃 %2 行较早的内容（视图保留最近 %3 行）</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Keep showing new lines as they arrive</source>
        <translation>新行到达时持续显示</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <source>Save the lines shown to a file</source>
        <translation>把显示的行保存到文件</translation>
    </message>
    <message>
        <source>Filter images</source>
        <translation>筛选镜像</translation>
    </message>
    <message>
        <source>Pull…</source>
        <translation>拉取…</translation>
    </message>
    <message>
        <source>Prune</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>Untagged images…</source>
        <translation>无标签的镜像…</translation>
    </message>
    <message>
        <source>All images no container uses…</source>
        <translation>所有未被容器使用的镜像…</translation>
    </message>
    <message>
        <source>Filter volumes</source>
        <translation>筛选卷</translation>
    </message>
    <message>
        <source>Anonymous volumes no container uses…</source>
        <translation>未被容器使用的匿名卷…</translation>
    </message>
    <message>
        <source>All volumes no container uses…</source>
        <translation>所有未被容器使用的卷…</translation>
    </message>
    <message>
        <source>Filter networks</source>
        <translation>筛选网络</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <source>No image to prune.</source>
        <translation>没有可清理的镜像。</translation>
    </message>
    <message>
        <source>No volume to prune.</source>
        <translation>没有可清理的卷。</translation>
    </message>
    <message>
        <source>Prune Images</source>
        <translation>清理镜像</translation>
    </message>
    <message>
        <source>Prune Volumes</source>
        <translation>清理卷</translation>
    </message>
    <message>
        <source>%1 images would be removed, freeing at least %2:</source>
        <translation>将删除 %1 个镜像，至少释放 %2：</translation>
    </message>
    <message>
        <source>%1 volumes would be removed with their data, freeing %2:</source>
        <translation>将删除 %1 个卷及其数据，释放 %2：</translation>
    </message>
    <message>
        <source>Nothing has been removed yet. The next step shows the exact call and asks for the server&apos;s name.</source>
        <translation>尚未删除任何内容。下一步会显示确切的调用并要求输入服务器名称。</translation>
    </message>
    <message>
        <source>Prune…</source>
        <translation>清理…</translation>
    </message>
    <message>
        <source>Pruned; %1 freed.</source>
        <translation>已清理；释放了 %1。</translation>
    </message>
    <message>
        <source>Pull Image</source>
        <translation>拉取镜像</translation>
    </message>
    <message>
        <source>Image reference, e.g. nginx:1.25 or registry.example.com:5000/team/app:2</source>
        <translation>镜像引用，例如 nginx:1.25 或 registry.example.com:5000/team/app:2</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>拉取</translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <translation>正在拉取 %1…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Confirm an irreversible change</source>
        <translation>确认不可撤销的更改</translation>
    </message>
    <message>
        <source>Confirm a change</source>
        <translation>确认更改</translation>
    </message>
    <message>
        <source>These %1 calls cannot be undone. Read them, then type the server&apos;s name to approve them.</source>
        <translation>这 %1 个调用无法撤销。请阅读后输入服务器名称以批准。</translation>
    </message>
    <message>
        <source>This profile asks before every change. These %1 calls will be sent:</source>
        <translation>此配置在每次更改前都会询问。将发送以下 %1 个调用：</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>Calls:</source>
        <translation>调用：</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>compose project state</comment>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <comment>compose project state</comment>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Partly running</source>
        <comment>compose project state</comment>
        <translation>部分运行</translation>
    </message>
    <message>
        <source>Down</source>
        <comment>compose project state</comment>
        <translation>已移除</translation>
    </message>
    <message>
        <source>Project / service / container</source>
        <translation>项目 / 服务 / 容器</translation>
    </message>
    <message>
        <source>Image or status</source>
        <translation>镜像或状态</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>启动 (up)</translation>
    </message>
    <message>
        <source>Create and start the project&apos;s containers (compose up -d)</source>
        <translation>创建并启动项目的容器（compose up -d）</translation>
    </message>
    <message>
        <source>Pull the project&apos;s images</source>
        <translation>拉取项目的镜像</translation>
    </message>
    <message>
        <source>Down…</source>
        <translation>移除 (down)…</translation>
    </message>
    <message>
        <source>Remove the project&apos;s containers and networks</source>
        <translation>删除项目的容器和网络</translation>
    </message>
    <message>
        <source>New Project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Edit and Redeploy…</source>
        <translation>编辑并重新部署…</translation>
    </message>
    <message>
        <source>Output of compose commands appears here.</source>
        <translation>Compose 命令的输出显示在这里。</translation>
    </message>
    <message>
        <source>qwq, version %1</source>
        <translation>qwq，版本 %1</translation>
    </message>
    <message>
        <source>Deployed by qwq; earlier versions are kept</source>
        <translation>由 qwq 部署；保留了之前的版本</translation>
    </message>
    <message>
        <source>Started outside qwq; run from its own files</source>
        <translation>在 qwq 之外启动；使用它自己的文件运行</translation>
    </message>
    <message>
        <source>started outside qwq; no compose file known</source>
        <translation>在 qwq 之外启动；不知道其 compose 文件</translation>
    </message>
    <message>
        <source>files missing: %1</source>
        <translation>文件缺失：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Only projects deployed by qwq can be redeployed here; this one runs from its own files</source>
        <translation>只有由 qwq 部署的项目才能在这里重新部署；此项目使用它自己的文件运行</translation>
    </message>
    <message>
        <source>%1: %2 done</source>
        <translation>%1：%2 完成</translation>
    </message>
    <message>
        <source>Deployed %1</source>
        <translation>已部署 %1</translation>
    </message>
    <message>
        <source>Deploy a Compose Project</source>
        <translation>部署 Compose 项目</translation>
    </message>
    <message>
        <source>Redeploy %1</source>
        <translation>重新部署 %1</translation>
    </message>
    <message>
        <source>lower-case letters, digits, “_” and “-”</source>
        <translation>小写字母、数字、“_”和“-”</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Deploy despite the high-risk findings above</source>
        <translation>尽管有上述高风险问题仍然部署</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Write the compose file, then Check: nothing changes on the server until Deploy.</source>
        <translation>编写 compose 文件，然后点击检查：在部署之前服务器上不会有任何改变。</translation>
    </message>
    <message>
        <source>Loading the current file…</source>
        <translation>正在加载当前文件…</translation>
    </message>
    <message>
        <source>Edit, then Check: nothing changes on the server until Deploy.</source>
        <translation>编辑后点击检查：在部署之前服务器上不会有任何改变。</translation>
    </message>
    <message>
        <source>Changed since the last check: Check again before deploying.</source>
        <translation>自上次检查后已修改：部署前请重新检查。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>%1 at line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>A port this file publishes is already in use on the server (see Findings).</source>
        <translation>此文件发布的端口在服务器上已被占用（见“发现的问题”）。</translation>
    </message>
    <message>
        <source>Valid, with %1 high-risk findings: read them before deploying.</source>
        <translation>有效，但有 %1 个高风险问题：部署前请阅读。</translation>
    </message>
    <message>
        <source>Valid; %1 findings to consider.</source>
        <translation>有效；有 %1 个问题需要考虑。</translation>
    </message>
    <message>
        <source>Valid; nothing risky found.</source>
        <translation>有效；未发现风险。</translation>
    </message>
    <message>
        <source>nothing (new project)</source>
        <translation>无（新项目）</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>拟部署</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>当前运行</translation>
    </message>
    <message>
        <source>Deploying %1…</source>
        <translation>正在部署 %1…</translation>
    </message>
    <message>
        <source>Deployed %1 as version %2.</source>
        <translation>已将 %1 部署为版本 %2。</translation>
    </message>
    <message>
        <source>Shell in %1 — %2</source>
        <translation>%1 中的 Shell — %2</translation>
    </message>
    <message>
        <source>%1 — press Enter or click here to open a new shell</source>
        <translation>%1 — 按 Enter 或点击此处打开新的 Shell</translation>
    </message>
    <message>
        <source>No shell — press Enter or click here to try again</source>
        <translation>没有 Shell — 按 Enter 或点击此处重试</translation>
    </message>
    <message>
        <source>Exited with status %1</source>
        <translation>已退出，状态码 %1</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>不健康</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source> (out of memory)</source>
        <translation>（内存不足）</translation>
    </message>
    <message>
        <source>Watch projects:</source>
        <translation>监视项目：</translation>
    </message>
    <message>
        <source>Containers of the ticked compose projects are restarted when they exit with an error or become unhealthy</source>
        <translation>勾选的 Compose 项目中的容器出错退出或变得不健康时会被重启</translation>
    </message>
    <message>
        <source>Check every:</source>
        <translation>检查间隔：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Run by:</source>
        <translation>运行方式：</translation>
    </message>
    <message>
        <source>Automatic (systemd timer, else cron)</source>
        <translation>自动（systemd 定时器，否则 cron）</translation>
    </message>
    <message>
        <source>systemd timer</source>
        <translation>systemd 定时器</translation>
    </message>
    <message>
        <source>cron entry</source>
        <translation>cron 条目</translation>
    </message>
    <message>
        <source>Update Watcher</source>
        <translation>更新监视器</translation>
    </message>
    <message>
        <source>Install Watcher</source>
        <translation>安装监视器</translation>
    </message>
    <message>
        <source>Remove Watcher</source>
        <translation>移除监视器</translation>
    </message>
    <message>
        <source>Incidents (restarts the watcher made):</source>
        <translation>事件（监视器执行的重启）：</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>The container&apos;s last log lines before the restart appear here.</source>
        <translation>重启前容器最近的日志行显示在这里。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The watcher is not installed. Tick the compose projects to keep running, then Install: a schedule on the server (no open port, no daemon of qwq) checks them and restarts containers that failed.</source>
        <translation>监视器未安装。勾选需要保持运行的 Compose 项目，然后安装：服务器上的定时任务（不开放端口，没有 qwq 的守护进程）会检查它们并重启失败的容器。</translation>
    </message>
    <message>
        <source>The watcher runs every %1 s by %2 for: %3.</source>
        <translation>监视器每 %1 秒通过%2运行，监视：%3。</translation>
    </message>
    <message>
        <source>a systemd timer</source>
        <translation> systemd 定时器</translation>
    </message>
    <message>
        <source>cron</source>
        <translation> cron </translation>
    </message>
    <message>
        <source>It has not run yet.</source>
        <translation>尚未运行过。</translation>
    </message>
    <message>
        <source>Last run %1: %2 containers checked, %3 restarted.</source>
        <translation>上次运行 %1：检查了 %2 个容器，重启了 %3 个。</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Neither systemd nor cron is available on this server, so the watcher cannot be installed.</source>
        <translation>此服务器上既没有 systemd 也没有 cron，因此无法安装监视器。</translation>
    </message>
    <message>
        <source>Restarted</source>
        <translation>已重启</translation>
    </message>
    <message>
        <source>Restart failed: %1</source>
        <translation>重启失败：%1</translation>
    </message>
    <message>
        <source>(no log lines were recorded)</source>
        <translation>（没有记录日志行）</translation>
    </message>
    <message>
        <source>Tick at least one compose project to watch</source>
        <translation>请至少勾选一个要监视的 Compose 项目</translation>
    </message>
    <message>
        <source>The self-heal watcher is installed (%1).</source>
        <translation>自愈监视器已安装（%1）。</translation>
    </message>
    <message>
        <source>The self-heal watcher was removed; its incidents are kept.</source>
        <translation>自愈监视器已移除；其事件记录仍保留。</translation>
    </message>
    <message>
        <source>Choose a stored version to roll back to</source>
        <translation>请选择要回滚到的已保存版本</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>版本…</translation>
    </message>
    <message>
        <source>Earlier versions of this project&apos;s files: compare and roll back</source>
        <translation>此项目文件的早期版本：比较并回滚</translation>
    </message>
    <message>
        <source>%1 rolled back (now version %2)</source>
        <translation>%1 已回滚（现在是版本 %2）</translation>
    </message>
    <message>
        <source>Versions of %1</source>
        <translation>%1 的版本</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>部署时间</translation>
    </message>
    <message>
        <source>Output of the rollback appears here.</source>
        <translation>回滚的输出显示在这里。</translation>
    </message>
    <message>
        <source>Roll Back to This Version…</source>
        <translation>回滚到此版本…</translation>
    </message>
    <message>
        <source>Loading the stored versions…</source>
        <translation>正在加载已保存的版本…</translation>
    </message>
    <message>
        <source>%1 (running)</source>
        <translation>%1（运行中）</translation>
    </message>
    <message>
        <source>Pick a version to see how it differs from the one running now.</source>
        <translation>选择一个版本，查看它与当前运行版本的差异。</translation>
    </message>
    <message>
        <source>Only one version is stored: there is nothing to roll back to yet.</source>
        <translation>只保存了一个版本：目前没有可回滚的版本。</translation>
    </message>
    <message>
        <source>running now (version %1)</source>
        <translation>当前运行（版本 %1）</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>This is the version running now.</source>
        <translation>这是当前运行的版本。</translation>
    </message>
    <message>
        <source>Rolling back deploys version %1 again as a new version; the current one stays stored.</source>
        <translation>回滚会把版本 %1 作为新版本重新部署；当前版本仍会保留。</translation>
    </message>
    <message>
        <source>Rolling back %1 to version %2…</source>
        <translation>正在把 %1 回滚到版本 %2…</translation>
    </message>
    <message>
        <source>Rolled back: version %1 runs again as version %2.</source>
        <translation>已回滚：版本 %1 作为版本 %2 重新运行。</translation>
    </message>
    <message>
        <source>Label line %1 is not “key=value”: %2</source>
        <translation>标签第 %1 行不是“键=值”形式：%2</translation>
    </message>
    <message>
        <source>“%1” is not a valid network name: use letters, digits, “_”, “.” and “-”, starting with a letter or digit</source>
        <translation>“%1”不是有效的网络名称：请使用字母、数字、“_”、“.”和“-”，并以字母或数字开头</translation>
    </message>
    <message>
        <source>“%1” is not a valid driver name</source>
        <translation>“%1”不是有效的驱动名称</translation>
    </message>
    <message>
        <source>A gateway needs a subnet</source>
        <translation>设置网关需要先填写子网</translation>
    </message>
    <message>
        <source>“%1” is not a subnet: write it as an address and a prefix length, e.g. 172.30.0.0/16</source>
        <translation>“%1”不是子网：请写成地址加前缀长度，例如 172.30.0.0/16</translation>
    </message>
    <message>
        <source>“%1” is not an IP address</source>
        <translation>“%1”不是 IP 地址</translation>
    </message>
    <message>
        <source>The gateway %1 is not in the subnet %2</source>
        <translation>网关 %1 不在子网 %2 内</translation>
    </message>
    <message>
        <source>“%1” is not a valid volume name: use letters, digits, “_”, “.” and “-”, starting with a letter or digit</source>
        <translation>“%1”不是有效的卷名称：请使用字母、数字、“_”、“.”和“-”，并以字母或数字开头</translation>
    </message>
    <message>
        <source>“%1” is not a network name or id</source>
        <translation>“%1”不是网络名称或 ID</translation>
    </message>
    <message>
        <source>“%1” is not a valid alias: use letters, digits, “_”, “.” and “-”, starting with a letter or digit</source>
        <translation>“%1”不是有效的别名：请使用字母、数字、“_”、“.”和“-”，并以字母或数字开头</translation>
    </message>
    <message>
        <source>Choose 1 to 64 images to export</source>
        <translation>请选择 1 到 64 个要导出的镜像</translation>
    </message>
    <message>
        <source>An upload is already running</source>
        <translation>已有一个上传正在进行</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the selected image as a tar file on this computer</source>
        <translation>把选中的镜像保存为本机上的 tar 文件</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Load Images from a Tar File…</source>
        <translation>从 tar 文件载入镜像…</translation>
    </message>
    <message>
        <source>Import a Root Filesystem…</source>
        <translation>导入根文件系统…</translation>
    </message>
    <message>
        <source>Create Volume…</source>
        <translation>创建卷…</translation>
    </message>
    <message>
        <source>Create Network…</source>
        <translation>创建网络…</translation>
    </message>
    <message>
        <source>Connect Container…</source>
        <translation>连接容器…</translation>
    </message>
    <message>
        <source>Disconnect Container…</source>
        <translation>断开容器…</translation>
    </message>
    <message>
        <source>Created volume %1</source>
        <translation>已创建卷 %1</translation>
    </message>
    <message>
        <source>Created network %1</source>
        <translation>已创建网络 %1</translation>
    </message>
    <message>
        <source>Disconnected a container from %1</source>
        <translation>已从 %1 断开一个容器</translation>
    </message>
    <message>
        <source>Connected a container to %1</source>
        <translation>已将一个容器连接到 %1</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>导出镜像</translation>
    </message>
    <message>
        <source>Tar files (*.tar)</source>
        <translation>tar 文件 (*.tar)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Create Volume</source>
        <translation>创建卷</translation>
    </message>
    <message>
        <source>Empty: Docker picks a random name</source>
        <translation>留空：由 Docker 随机命名</translation>
    </message>
    <message>
        <source>One key=value per line, e.g. backup=daily</source>
        <translation>每行一个 键=值，例如 backup=daily</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Driver:</source>
        <translation>驱动：</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <source>Create Network</source>
        <translation>创建网络</translation>
    </message>
    <message>
        <source>Required, e.g. backend</source>
        <translation>必填，例如 backend</translation>
    </message>
    <message>
        <source>Internal (no access to outside networks)</source>
        <translation>内部网络（不能访问外部网络）</translation>
    </message>
    <message>
        <source>Attachable (standalone containers may join an overlay)</source>
        <translation>可附加（独立容器可加入 overlay 网络）</translation>
    </message>
    <message>
        <source>Optional, e.g. 172.30.0.0/16</source>
        <translation>可选，例如 172.30.0.0/16</translation>
    </message>
    <message>
        <source>Optional, needs a subnet, e.g. 172.30.0.1</source>
        <translation>可选，需要先填子网，例如 172.30.0.1</translation>
    </message>
    <message>
        <source>Subnet:</source>
        <translation>子网：</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>网关：</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>子网</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>Disconnect Container from %1</source>
        <translation>从 %1 断开容器</translation>
    </message>
    <message>
        <source>Connect Container to %1</source>
        <translation>将容器连接到 %1</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>容器：</translation>
    </message>
    <message>
        <source>Force (even when the container is not running properly)</source>
        <translation>强制（即使容器运行不正常）</translation>
    </message>
    <message>
        <source>Optional, separated by spaces or commas, e.g. api db</source>
        <translation>可选，用空格或逗号分隔，例如 api db</translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation>别名：</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>正在断开…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Export Images</source>
        <translation>导出镜像</translation>
    </message>
    <message>
        <source>Exporting %1 to %2</source>
        <translation>正在将 %1 导出到 %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Waiting for the server…</source>
        <translation>正在等待服务器…</translation>
    </message>
    <message>
        <source>The file does not match what the server sent (%1 bytes, sha256 %2; received %3 bytes, sha256 %4); it was deleted.</source>
        <translation>文件与服务器发送的内容不一致（服务器 %1 字节，sha256 %2；收到 %3 字节，sha256 %4），已删除。</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2: %3</source>
        <translation>无法将 %1 重命名为 %2：%3</translation>
    </message>
    <message>
        <source>Exported %1 (sha256 %2)</source>
        <translation>已导出 %1（sha256 %2）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>A part of the tar is missing (expected offset %1, got %2)</source>
        <translation>tar 缺少一部分（应为偏移 %1，实际为 %2）</translation>
    </message>
    <message>
        <source>Received %1</source>
        <translation>已接收 %1</translation>
    </message>
    <message>
        <source>Import Image from a Root Filesystem</source>
        <translation>从根文件系统导入镜像</translation>
    </message>
    <message>
        <source>Load Images</source>
        <translation>载入镜像</translation>
    </message>
    <message>
        <source>A tar of a root filesystem on this computer</source>
        <translation>本机上的根文件系统 tar 包</translation>
    </message>
    <message>
        <source>A tar made by “docker save” or Export… on this computer</source>
        <translation>本机上由“docker save”或“导出…”生成的 tar 包</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>e.g. team/app (without a tag)</source>
        <translation>例如 team/app（不带标签）</translation>
    </message>
    <message>
        <source>Repository:</source>
        <translation>仓库：</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Docker&apos;s messages appear here.</source>
        <translation>Docker 的消息会显示在这里。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Tar files (*.tar *.tar.gz *.tgz *.tar.xz *.tar.bz2);;All files (*)</source>
        <translation>tar 文件 (*.tar *.tar.gz *.tgz *.tar.xz *.tar.bz2);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Repository: “%1” is not an image name without a tag</source>
        <translation>仓库：“%1”不是不带标签的镜像名</translation>
    </message>
    <message>
        <source>Tag: “%1” is not a valid tag</source>
        <translation>标签：“%1”不是有效的标签</translation>
    </message>
    <message>
        <source>Choose a tar file first</source>
        <translation>请先选择一个 tar 文件</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sending %1…</source>
        <translation>正在发送 %1…</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>已导入 %1</translation>
    </message>
    <message>
        <source>Docker loaded no image from this file</source>
        <translation>Docker 没有从这个文件载入任何镜像</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>已载入 %1</translation>
    </message>
</context>
<context>
    <name>Qwq::Core</name>
    <message>
        <source>The helper could not parse a request</source>
        <translation>助手无法解析请求</translation>
    </message>
    <message>
        <source>The helper rejected a malformed request</source>
        <translation>助手拒绝了格式错误的请求</translation>
    </message>
    <message>
        <source>The helper on this server does not know this operation</source>
        <translation>此服务器上的助手不支持该操作</translation>
    </message>
    <message>
        <source>A parameter has the wrong type</source>
        <translation>参数类型错误</translation>
    </message>
    <message>
        <source>The helper failed internally</source>
        <translation>助手内部出错</translation>
    </message>
    <message>
        <source>The helper was not initialised</source>
        <translation>助手尚未初始化</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>内部错误</translation>
    </message>
    <message>
        <source>Invalid value</source>
        <translation>无效的值</translation>
    </message>
    <message>
        <source>Not authorised</source>
        <translation>未授权</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>The system keychain failed</source>
        <translation>系统钥匙串出错</translation>
    </message>
    <message>
        <source>The AI model is unreachable</source>
        <translation>无法连接 AI 模型</translation>
    </message>
    <message>
        <source>The AI model was not found</source>
        <translation>未找到 AI 模型</translation>
    </message>
    <message>
        <source>The AI token budget is used up</source>
        <translation>AI 令牌额度已用完</translation>
    </message>
    <message>
        <source>App not found</source>
        <translation>未找到应用</translation>
    </message>
    <message>
        <source>Container not found</source>
        <translation>未找到容器</translation>
    </message>
    <message>
        <source>Docker failed</source>
        <translation>Docker 出错</translation>
    </message>
    <message>
        <source>The nginx configuration is invalid</source>
        <translation>nginx 配置无效</translation>
    </message>
    <message>
        <source>Database error</source>
        <translation>数据库错误</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>Unknown host key</source>
        <translation>未知的主机密钥</translation>
    </message>
    <message>
        <source>The host key has changed</source>
        <translation>主机密钥已变更</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>身份验证失败</translation>
    </message>
    <message>
        <source>sudo refused</source>
        <translation>sudo 被拒绝</translation>
    </message>
    <message>
        <source>Could not install the qwq helper</source>
        <translation>无法安装 qwq 助手</translation>
    </message>
    <message>
        <source>The qwq helper speaks another protocol version</source>
        <translation>qwq 助手的协议版本不同</translation>
    </message>
    <message>
        <source>The server refused a new channel</source>
        <translation>服务器拒绝打开新通道</translation>
    </message>
    <message>
        <source>File error</source>
        <translation>文件错误</translation>
    </message>
    <message>
        <source>Error %1</source>
        <translation>错误 %1</translation>
    </message>
    <message>
        <source>Invalid value for “%1”</source>
        <translation>“%1”的值无效</translation>
    </message>
    <message>
        <source>Parameter “%1” has the wrong type</source>
        <translation>参数“%1”的类型错误</translation>
    </message>
    <message>
        <source>“%1” is not allowed here</source>
        <translation>此处不允许“%1”</translation>
    </message>
    <message>
        <source>%1 (field “%2”)</source>
        <translation>%1（字段“%2”）</translation>
    </message>
    <message>
        <source>The audit log could not be written: %1</source>
        <translation>无法写入审计日志：%1</translation>
    </message>
    <message>
        <source>The audit log is not open</source>
        <translation>审计日志未打开</translation>
    </message>
    <message>
        <source>Allowed: %1 to %2</source>
        <translation>允许范围：%1 到 %2</translation>
    </message>
    <message>
        <source>Docker refused: the object is in use or in the wrong state</source>
        <translation>Docker 拒绝：对象正在使用或状态不对</translation>
    </message>
    <message>
        <source>Docker is not available on this server</source>
        <translation>此服务器上的 Docker 不可用</translation>
    </message>
    <message>
        <source>Image not found</source>
        <translation>未找到镜像</translation>
    </message>
    <message>
        <source>Network not found</source>
        <translation>未找到网络</translation>
    </message>
    <message>
        <source>Volume not found</source>
        <translation>未找到卷</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The compose file is invalid</source>
        <translation>Compose 文件无效</translation>
    </message>
    <message>
        <source>A host port is already in use</source>
        <translation>主机端口已被占用</translation>
    </message>
    <message>
        <source>The compose command failed</source>
        <translation>Compose 命令执行失败</translation>
    </message>
    <message>
        <source>Docker Compose is not installed on this server</source>
        <translation>此服务器未安装 Docker Compose</translation>
    </message>
    <message>
        <source>The compose file gives containers power over the host</source>
        <translation>该 Compose 文件赋予容器控制主机的权限</translation>
    </message>
    <message>
        <source>Neither systemd nor cron is available for scheduling</source>
        <translation>没有可用于定时任务的 systemd 或 cron</translation>
    </message>
    <message>
        <source>Compose project not found</source>
        <translation>未找到 Compose 项目</translation>
    </message>
    <message>
        <source>No such version of the compose project</source>
        <translation>该 Compose 项目没有此版本</translation>
    </message>
    <message>
        <source>nginx is not installed on this server</source>
        <translation>此服务器上没有安装 nginx</translation>
    </message>
    <message>
        <source>Site not found</source>
        <translation>未找到站点</translation>
    </message>
    <message>
        <source>This site was written by hand: qwq does not rewrite it</source>
        <translation>此站点是手写的：qwq 不会重写它</translation>
    </message>
    <message>
        <source>A site with this domain already exists</source>
        <translation>已存在使用此域名的站点</translation>
    </message>
    <message>
        <source>The nginx configuration includes no directory for sites</source>
        <translation>nginx 配置中没有包含站点目录</translation>
    </message>
    <message>
        <source>nginx could not be reloaded; the previous configuration was restored</source>
        <translation>nginx 无法重新加载；已恢复之前的配置</translation>
    </message>
    <message>
        <source>The file changed on the server since it was opened: reload it and edit again</source>
        <translation>文件打开后在服务器上已被修改：请重新加载后再编辑</translation>
    </message>
    <message>
        <source>The certificate authority refused the request</source>
        <translation>证书颁发机构拒绝了请求</translation>
    </message>
    <message>
        <source>The certificate authority could not validate the domain</source>
        <translation>证书颁发机构无法验证该域名</translation>
    </message>
    <message>
        <source>The domain does not point at this server</source>
        <translation>该域名没有指向这台服务器</translation>
    </message>
    <message>
        <source>The certificate or key is not valid</source>
        <translation>证书或私钥无效</translation>
    </message>
    <message>
        <source>The DNS server refused the update</source>
        <translation>DNS 服务器拒绝了更新</translation>
    </message>
    <message>
        <source>Could not connect to the database</source>
        <translation>无法连接到数据库</translation>
    </message>
    <message>
        <source>No such database</source>
        <translation>数据库不存在</translation>
    </message>
    <message>
        <source>The database tool is not installed on the server</source>
        <translation>服务器上没有安装该数据库工具</translation>
    </message>
    <message>
        <source>The connection to the database was lost</source>
        <translation>与数据库的连接已断开</translation>
    </message>
    <message>
        <source>This connection is read-only</source>
        <translation>此连接为只读</translation>
    </message>
</context>
<context>
    <name>Qwq::Databases</name>
    <message>
        <source>Could not connect to PostgreSQL at %1 port %2.</source>
        <translation>无法连接到 %1 端口 %2 上的 PostgreSQL。</translation>
    </message>
    <message>
        <source>COPY to or from the client is not supported here: use the table export or a dump.</source>
        <translation>此处不支持与客户端之间的 COPY：请使用表导出或转储。</translation>
    </message>
    <message>
        <source>The connection to PostgreSQL was lost; whether the statement ran is unknown.</source>
        <translation>与 PostgreSQL 的连接已断开；无法确定语句是否已执行。</translation>
    </message>
    <message>
        <source>This connection is read-only, and a transaction is open: end it with COMMIT or ROLLBACK first.</source>
        <translation>此连接为只读，且有一个事务尚未结束：请先用 COMMIT 或 ROLLBACK 结束它。</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>内存不足。</translation>
    </message>
    <message>
        <source>Could not connect to MariaDB at %1 port %2.</source>
        <translation>无法连接到 %1 端口 %2 上的 MariaDB。</translation>
    </message>
    <message>
        <source>The connection to MariaDB was lost; whether the statement ran is unknown.</source>
        <translation>与 MariaDB 的连接已断开；无法确定语句是否已执行。</translation>
    </message>
    <message>
        <source>%1 is not an SQL database.</source>
        <translation>%1 不是 SQL 数据库。</translation>
    </message>
    <message>
        <source>The rest of the rows was not fetched: the next statement ended this one.</source>
        <translation>其余的行没有读取：下一条语句结束了这一条。</translation>
    </message>
    <message>
        <source>Not an SQL connection.</source>
        <translation>不是 SQL 连接。</translation>
    </message>
    <message>
        <source>The connection had been lost and was opened again; nothing was re-run.</source>
        <translation>连接曾断开，现已重新打开；没有重新执行任何语句。</translation>
    </message>
    <message>
        <source>Cancelled; the rows already shown are kept.</source>
        <translation>已取消；已显示的行保留。</translation>
    </message>
    <message>
        <source>Could not make a private directory for the database bridge.</source>
        <translation>无法为数据库桥接创建私有目录。</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 is not valid JSON.</source>
        <translation>%1 不是有效的 JSON。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>请为连接命名。</translation>
    </message>
    <message>
        <source>The host must be a host name or an IP address.</source>
        <translation>主机必须是主机名或 IP 地址。</translation>
    </message>
    <message>
        <source>The port must be from 1 to 65535.</source>
        <translation>端口必须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <source>The user name is missing.</source>
        <translation>缺少用户名。</translation>
    </message>
    <message>
        <source>The user name is too long or holds a control character.</source>
        <translation>用户名过长或含有控制字符。</translation>
    </message>
    <message>
        <source>The database name is too long or holds a control character.</source>
        <translation>数据库名过长或含有控制字符。</translation>
    </message>
    <message>
        <source>A Redis database is a number from 0 to 15.</source>
        <translation>Redis 数据库是 0 到 15 之间的数字。</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>名称为空。</translation>
    </message>
    <message>
        <source>A name cannot hold a NUL character.</source>
        <translation>名称不能含有 NUL 字符。</translation>
    </message>
    <message>
        <source>PostgreSQL names are at most 63 characters.</source>
        <translation>PostgreSQL 名称最多 63 个字符。</translation>
    </message>
    <message>
        <source>MariaDB names are at most 64 characters.</source>
        <translation>MariaDB 名称最多 64 个字符。</translation>
    </message>
    <message>
        <source>The server returned no definition.</source>
        <translation>服务器没有返回定义。</translation>
    </message>
    <message>
        <source>The server&apos;s plan is not JSON.</source>
        <translation>服务器返回的执行计划不是 JSON。</translation>
    </message>
    <message>
        <source>The server&apos;s plan has no &quot;Plan&quot;.</source>
        <translation>服务器返回的执行计划中没有 &quot;Plan&quot;。</translation>
    </message>
    <message>
        <source>The server&apos;s plan has no query block.</source>
        <translation>服务器返回的执行计划中没有查询块。</translation>
    </message>
    <message>
        <source>Give the query a name.</source>
        <translation>请为查询命名。</translation>
    </message>
    <message>
        <source>A MariaDB user name has 1 to 80 characters.</source>
        <translation>MariaDB 用户名为 1 到 80 个字符。</translation>
    </message>
    <message>
        <source>The host part is a host name, an address or a pattern with % and _.</source>
        <translation>主机部分是主机名、地址或含 % 和 _ 的模式。</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>A password cannot hold a NUL character.</source>
        <translation>密码不能含有 NUL 字符。</translation>
    </message>
    <message>
        <source>Choose at least one privilege.</source>
        <translation>请至少选择一项权限。</translation>
    </message>
    <message>
        <source>%1 cannot be granted here.</source>
        <translation>此处不能授予 %1。</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Add a Connection…</source>
        <translation>添加连接…</translation>
    </message>
    <message>
        <source>No database connections for %1 yet.
Add one: PostgreSQL, MariaDB/MySQL or Redis, reached through this server&apos;s SSH session.</source>
        <translation>%1 还没有数据库连接。
添加一个：PostgreSQL、MariaDB/MySQL 或 Redis，经由此服务器的 SSH 会话访问。</translation>
    </message>
    <message>
        <source>Delete Connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Delete the saved connection &quot;%1&quot;? The database itself is not touched.</source>
        <translation>删除已保存的连接“%1”？数据库本身不受影响。</translation>
    </message>
    <message>
        <source>%1 is not connected: connect to the server first.</source>
        <translation>%1 未连接：请先连接服务器。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password of %1 for %2:</source>
        <translation>%2 的用户 %1 的密码：</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Remember in the keychain</source>
        <translation>保存到钥匙串</translation>
    </message>
    <message>
        <source>New Database Connection</source>
        <translation>新建数据库连接</translation>
    </message>
    <message>
        <source>Edit Database Connection</source>
        <translation>编辑数据库连接</translation>
    </message>
    <message>
        <source>This computer: connects directly</source>
        <translation>本机：直接连接</translation>
    </message>
    <message>
        <source>Through the SSH session of %1 (no port to open)</source>
        <translation>经由 %1 的 SSH 会话（无需开放端口）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Confirm every write</source>
        <translation>每次写入都确认</translation>
    </message>
    <message>
        <source>Read-only (enforced by the server)</source>
        <translation>只读（由服务器强制）</translation>
    </message>
    <message>
        <source>As the server sees it: 127.0.0.1 for a database on the server itself</source>
        <translation>以服务器的视角填写：服务器本机上的数据库填 127.0.0.1</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Engine:</source>
        <translation>引擎：</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>线路：</translation>
    </message>
    <message>
        <source>Safe mode:</source>
        <translation>安全模式：</translation>
    </message>
    <message>
        <source>(none: the default user)</source>
        <translation>（留空：默认用户）</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the selection, or the statement under the cursor (Ctrl+Enter)</source>
        <translation>执行选中的内容，或光标所在的语句（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Run All</source>
        <translation>全部执行</translation>
    </message>
    <message>
        <source>Run every statement of the script, one after another (Ctrl+Shift+Enter)</source>
        <translation>依次执行脚本中的每条语句（Ctrl+Shift+Enter）</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>执行计划</translation>
    </message>
    <message>
        <source>Show the plan of the statement under the cursor (Ctrl+E)</source>
        <translation>显示光标所在语句的执行计划（Ctrl+E）</translation>
    </message>
    <message>
        <source>Explain Analyze</source>
        <translation>分析执行计划</translation>
    </message>
    <message>
        <source>Run the statement and show the plan with real times (a write is asked first)</source>
        <translation>执行该语句并显示带实际耗时的执行计划（写操作会先询问）</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式化</translation>
    </message>
    <message>
        <source>Put each clause on its own line and keywords in capitals</source>
        <translation>每个子句各占一行，关键字大写</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Statements that ran on this connection, and saved queries</source>
        <translation>此连接上执行过的语句，以及保存的查询</translation>
    </message>
    <message>
        <source>Administration…</source>
        <translation>管理…</translation>
    </message>
    <message>
        <source>Create or drop databases and users, change passwords, grant privileges</source>
        <translation>创建或删除数据库和用户、修改密码、授予权限</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Ask the server to stop the running statement</source>
        <translation>请服务器停止正在执行的语句</translation>
    </message>
    <message numerus="yes">
        <source>%1 — first %n row(s); more on the server</source>
        <translation>
            <numerusform>%1 — 前 %n 行；服务器上还有更多</numerusform>
        </translation>
    </message>
    <message>
        <source>Transaction open: COMMIT or ROLLBACK to end it</source>
        <translation>事务进行中：用 COMMIT 或 ROLLBACK 结束</translation>
    </message>
    <message>
        <source>This statement has no WHERE: it changes every row of the table.</source>
        <translation>此语句没有 WHERE：会修改表中的每一行。</translation>
    </message>
    <message>
        <source>This statement drops or empties data; it cannot be undone.</source>
        <translation>此语句会删除或清空数据，且无法撤销。</translation>
    </message>
    <message>
        <source>This statement may change data.</source>
        <translation>此语句可能会修改数据。</translation>
    </message>
    <message>
        <source>Run this statement?</source>
        <translation>执行此语句？</translation>
    </message>
    <message>
        <source>Run It</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Safe mode: off</source>
        <translation>安全模式：关闭</translation>
    </message>
    <message>
        <source>Safe mode: writes are confirmed</source>
        <translation>安全模式：写入需确认</translation>
    </message>
    <message>
        <source>Safe mode: read-only (enforced by the server)</source>
        <translation>安全模式：只读（由服务器强制）</translation>
    </message>
    <message>
        <source>Not run: %1</source>
        <translation>未执行：%1</translation>
    </message>
    <message>
        <source>Result %1</source>
        <translation>结果 %1</translation>
    </message>
    <message>
        <source>The plan could not be read: %1</source>
        <translation>无法读取执行计划：%1</translation>
    </message>
    <message>
        <source>Plan (analyzed)</source>
        <translation>执行计划（已分析）</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>执行计划</translation>
    </message>
    <message>
        <source>%1 — plan in %2 ms</source>
        <translation>%1 — 执行计划用时 %2 毫秒</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 in %3 ms</source>
        <translation>%1 — %2，用时 %3 毫秒</translation>
    </message>
    <message>
        <source>%1 — cancelled after %2 row(s) read</source>
        <translation>%1 — 读取 %2 行后已取消</translation>
    </message>
    <message>
        <source>%1 — error: %2</source>
        <translation>%1 — 错误：%2</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>Engine: %1 (%2)</source>
        <translation>引擎：%1（%2）</translation>
    </message>
    <message>
        <source>Query:</source>
        <translation>查询：</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>执行计划：</translation>
    </message>
    <message>
        <source>Tables:</source>
        <translation>表：</translation>
    </message>
    <message>
        <source>How can this query be made faster? Suggest indexes or a rewrite, and explain the costliest steps of its plan.</source>
        <translation>如何让这个查询更快？请建议索引或改写方式，并解释其执行计划中开销最大的步骤。</translation>
    </message>
    <message>
        <source>Query plan</source>
        <translation>执行计划</translation>
    </message>
    <message>
        <source>No place to save queries.</source>
        <translation>没有保存查询的位置。</translation>
    </message>
    <message>
        <source>(no history)</source>
        <translation>（无历史）</translation>
    </message>
    <message>
        <source>Saved Queries</source>
        <translation>保存的查询</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Save Query…</source>
        <translation>保存查询…</translation>
    </message>
    <message>
        <source>Save Query</source>
        <translation>保存查询</translation>
    </message>
    <message>
        <source>(nothing has run yet)</source>
        <translation>（尚未执行任何语句）</translation>
    </message>
    <message>
        <source>Could not read the definition of %1: %2</source>
        <translation>无法读取 %1 的定义：%2</translation>
    </message>
    <message>
        <source>DDL of %1</source>
        <translation>%1 的 DDL</translation>
    </message>
    <message>
        <source>Filter tables</source>
        <translation>筛选表</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the schema again</source>
        <translation>重新读取结构</translation>
    </message>
    <message>
        <source>Select First 100 Rows</source>
        <translation>查询前 100 行</translation>
    </message>
    <message>
        <source>Show DDL</source>
        <translation>显示 DDL</translation>
    </message>
    <message>
        <source>Copy Name</source>
        <translation>复制名称</translation>
    </message>
    <message>
        <source>Reading the schema…</source>
        <translation>正在读取结构…</translation>
    </message>
    <message>
        <source>Could not read the schema: %1</source>
        <translation>无法读取结构：%1</translation>
    </message>
    <message>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>表</translation>
    </message>
    <message>
        <source>view</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>materialized view</source>
        <translation>物化视图</translation>
    </message>
    <message>
        <source>foreign table</source>
        <translation>外部表</translation>
    </message>
    <message>
        <source>table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>默认值：%1</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>One of the costliest steps of this plan</source>
        <translation>此执行计划中开销最大的步骤之一</translation>
    </message>
    <message>
        <source>Ask AI to Optimise</source>
        <translation>请 AI 优化</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>开销</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>时间（毫秒）</translation>
    </message>
    <message>
        <source>Copy as Text</source>
        <translation>复制为文本</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Create a database</source>
        <translation>创建数据库</translation>
    </message>
    <message>
        <source>Drop a database</source>
        <translation>删除数据库</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>Owner (optional):</source>
        <translation>所有者（可选）：</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Create a user</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>Change a password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Drop a user</source>
        <translation>删除用户</translation>
    </message>
    <message>
        <source>From host:</source>
        <translation>来源主机：</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>授予</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>The database itself</source>
        <translation>数据库本身</translation>
    </message>
    <message>
        <source>Every table of a database</source>
        <translation>数据库中的所有表</translation>
    </message>
    <message>
        <source>Every table of a schema</source>
        <translation>模式中的所有表</translation>
    </message>
    <message>
        <source>One table</source>
        <translation>单个表</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>表：</translation>
    </message>
    <message>
        <source>Privileges:</source>
        <translation>权限：</translation>
    </message>
    <message>
        <source>Privileges</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Will run:</source>
        <translation>将执行：</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>From host</source>
        <translation>来源主机</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy As</source>
        <translation>复制为</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>TSV</source>
        <translation>TSV</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>%1 rows so far; more on the server (scroll to fetch)</source>
        <translation>已读取 %1 行；服务器上还有更多（滚动以获取）</translation>
    </message>
    <message>
        <source>%1 rows; the rest was not fetched (the statement was ended)</source>
        <translation>%1 行；其余未读取（语句已结束）</translation>
    </message>
    <message>
        <source>%1 rows, then an error: %2</source>
        <translation>%1 行，随后出错：%2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>已将 %n 行写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>A transfer is already running.</source>
        <translation>已有一个传输正在进行。</translation>
    </message>
    <message>
        <source>The dump arrived incomplete or damaged (%1 of %2 bytes); nothing was kept.</source>
        <translation>转储不完整或已损坏（%1 / %2 字节）；没有保留任何文件。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Could not keep the dump: %1</source>
        <translation>无法保存转储：%1</translation>
    </message>
    <message>
        <source>Could not write the dump to this computer.</source>
        <translation>无法把转储写入本机。</translation>
    </message>
    <message numerus="yes">
        <source>… %n more byte(s) not shown</source>
        <translation>
            <numerusform>… 另有 %n 字节未显示</numerusform>
        </translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <source>Gone</source>
        <comment>redis key no longer exists</comment>
        <translation>已消失</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Redis answered %1 in a form qwq does not understand.</source>
        <translation>Redis 对 %1 的回复格式 qwq 无法识别。</translation>
    </message>
    <message>
        <source>Redis refused %1: %2</source>
        <translation>Redis 拒绝了 %1：%2</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <source>The connection to Redis was lost (%1). Whether the last command took effect is unknown; the next action connects again.</source>
        <translation>与 Redis 的连接已断开（%1）。无法确定上一条命令是否生效；下一次操作会重新连接。</translation>
    </message>
    <message>
        <source>%1:%2 (through the server&apos;s SSH session)</source>
        <translation>%1:%2（经由服务器的 SSH 会话）</translation>
    </message>
    <message>
        <source>Could not connect to Redis at %1.</source>
        <translation>无法连接到 %1 上的 Redis。</translation>
    </message>
    <message>
        <source>Could not connect to Redis at %1: %2</source>
        <translation>无法连接到 %1 上的 Redis：%2</translation>
    </message>
    <message>
        <source>Redis at %1 closed the connection at once: is it running and listening there?</source>
        <translation>%1 上的 Redis 立即关闭了连接：它是否在运行并监听该地址？</translation>
    </message>
    <message>
        <source>Redis refused the password.</source>
        <translation>Redis 拒绝了密码。</translation>
    </message>
    <message>
        <source>Redis refused the user name or password.</source>
        <translation>Redis 拒绝了用户名或密码。</translation>
    </message>
    <message>
        <source>Redis asks for a password for this connection.</source>
        <translation>Redis 要求此连接提供密码。</translation>
    </message>
    <message>
        <source>Redis refused the connection: %1</source>
        <translation>Redis 拒绝了连接：%1</translation>
    </message>
    <message>
        <source>Redis has no database %1.</source>
        <translation>Redis 没有数据库 %1。</translation>
    </message>
    <message>
        <source>The Redis connection is not open.</source>
        <translation>Redis 连接未打开。</translation>
    </message>
    <message>
        <source>This connection is read-only (safe mode): %1 was not sent to the server.</source>
        <translation>此连接为只读（安全模式）：%1 没有发送到服务器。</translation>
    </message>
    <message>
        <source>Change the connection&apos;s safe mode to allow writes.</source>
        <translation>修改连接的安全模式以允许写入。</translation>
    </message>
    <message>
        <source>The Redis database must be a number (0, 1, …).</source>
        <translation>Redis 数据库必须是数字（0、1、…）。</translation>
    </message>
    <message>
        <source>The key no longer exists.</source>
        <translation>该键已不存在。</translation>
    </message>
    <message>
        <source>qwq has no viewer for this type of key.</source>
        <translation>qwq 没有此类型键的查看器。</translation>
    </message>
    <message>
        <source>The key no longer exists; nothing was written.</source>
        <translation>该键已不存在；没有写入任何内容。</translation>
    </message>
    <message>
        <source>The key holds a %1 now, not a string; nothing was written.</source>
        <translation>该键现在是 %1 类型，而不是字符串；没有写入任何内容。</translation>
    </message>
    <message>
        <source>The value changed on the server since it was read; nothing was written.</source>
        <translation>读取之后服务器上的值已改变；没有写入任何内容。</translation>
    </message>
    <message>
        <source>Reload the key to see the new value.</source>
        <translation>重新载入该键以查看新值。</translation>
    </message>
    <message>
        <source>The key changed on the server meanwhile; nothing was written.</source>
        <translation>该键在此期间已在服务器上改变；没有写入任何内容。</translation>
    </message>
    <message>
        <source>The time to live must be at least one second.</source>
        <translation>生存时间至少为一秒。</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>元素</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Entry ID</source>
        <translation>条目 ID</translation>
    </message>
    <message>
        <source>Find Databases on the Server…</source>
        <translation>查找服务器上的数据库…</translation>
    </message>
    <message>
        <source>Services and containers running PostgreSQL, MariaDB/MySQL or Redis</source>
        <translation>运行 PostgreSQL、MariaDB/MySQL 或 Redis 的服务和容器</translation>
    </message>
    <message>
        <source>%1
Password for %2:</source>
        <translation>%1
%2 的密码：</translation>
    </message>
    <message>
        <source>Dump to a File…</source>
        <translation>转储到文件…</translation>
    </message>
    <message>
        <source>Dump %1</source>
        <translation>转储 %1</translation>
    </message>
    <message>
        <source>SQL (*.sql);;All files (*)</source>
        <translation>SQL (*.sql);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore from a File…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>Restore into %1</source>
        <translation>恢复到 %1</translation>
    </message>
    <message>
        <source>Dumping %1: %2</source>
        <translation>正在转储 %1：%2</translation>
    </message>
    <message>
        <source>Restoring %1: %2 of %3</source>
        <translation>正在恢复 %1：%2 / %3</translation>
    </message>
    <message>
        <source>%1 dumped to %2 (%3, SHA-256 checked).</source>
        <translation>%1 已转储到 %2（%3，SHA-256 已校验）。</translation>
    </message>
    <message>
        <source>%1 restored from %2.</source>
        <translation>%1 已从 %2 恢复。</translation>
    </message>
    <message>
        <source>The changes were committed.</source>
        <translation>修改已提交。</translation>
    </message>
    <message>
        <source>Nothing was changed; the edits are still pending.</source>
        <translation>没有任何修改生效；编辑仍待提交。</translation>
    </message>
    <message>
        <source>Add Connection…</source>
        <translation>添加连接…</translation>
    </message>
    <message>
        <source>Databases on %1</source>
        <translation>%1 上的数据库</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Looking for database servers and containers…</source>
        <translation>正在查找数据库服务和容器…</translation>
    </message>
    <message>
        <source>Could not look: %1</source>
        <translation>无法查找：%1</translation>
    </message>
    <message>
        <source>service%1</source>
        <translation>服务%1</translation>
    </message>
    <message>
        <source>container %1 (%2)</source>
        <translation>容器 %1（%2）</translation>
    </message>
    <message>
        <source>No PostgreSQL, MariaDB/MySQL or Redis was found on this server.</source>
        <translation>此服务器上没有找到 PostgreSQL、MariaDB/MySQL 或 Redis。</translation>
    </message>
    <message>
        <source>Choose one to add it as a connection.</source>
        <translation>选择一个添加为连接。</translation>
    </message>
    <message>
        <source>Pending Changes</source>
        <translation>待提交的修改</translation>
    </message>
    <message>
        <source>Commit runs:</source>
        <translation>提交时执行：</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not committed</source>
        <translation>
            <numerusform>%n 处修改未提交</numerusform>
        </translation>
    </message>
    <message>
        <source>Set to NULL</source>
        <translation>设为 NULL</translation>
    </message>
    <message>
        <source>Show SQL</source>
        <translation>显示 SQL</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Double-click a cell to edit it; changes wait until Commit</source>
        <translation>双击单元格进行编辑；修改在提交前不会生效</translation>
    </message>
    <message>
        <source>Read-only: every write is refused</source>
        <translation>只读：拒绝所有写入</translation>
    </message>
    <message>
        <source>Every write is confirmed</source>
        <translation>每次写入都需确认</translation>
    </message>
    <message>
        <source>Edits and deletes are confirmed</source>
        <translation>编辑和删除需确认</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>The logical database (SELECT) and how many keys it holds</source>
        <translation>逻辑数据库（SELECT）及其键数量</translation>
    </message>
    <message>
        <source>Filter keys: a pattern such as user:* or text the key contains</source>
        <translation>筛选键：如 user:* 的模式，或键中包含的文本</translation>
    </message>
    <message>
        <source>Only keys of this type (SCAN … TYPE, Redis 6 and later)</source>
        <translation>只显示此类型的键（SCAN … TYPE，Redis 6 及以上）</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Load More</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <source>Go on with the scan (SCAN, %1 keys a step)</source>
        <translation>继续扫描（SCAN，每步 %1 个键）</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Server Info</source>
        <translation>服务器信息</translation>
    </message>
    <message>
        <source>Delete Key…</source>
        <translation>删除键…</translation>
    </message>
    <message numerus="yes">
        <source>db%1 (%Ln key(s))</source>
        <translation>
            <numerusform>db%1（%Ln 个键）</numerusform>
        </translation>
    </message>
    <message>
        <source>db%1 (empty)</source>
        <translation>db%1（空）</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>正在扫描…</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) listed</source>
        <translation>
            <numerusform>已列出 %n 个键</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 in db%3; the scan is complete.</source>
        <translation>db%3 中共 %2 个，已列出 %1 个；扫描已完成。</translation>
    </message>
    <message>
        <source>%1 of %2 in db%3; Load More scans on.</source>
        <translation>db%3 中共 %2 个，已列出 %1 个；“加载更多”会继续扫描。</translation>
    </message>
    <message>
        <source>Reading INFO…</source>
        <translation>正在读取 INFO…</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Redis %1 · read at %2</source>
        <translation>Redis %1 · 读取于 %2</translation>
    </message>
    <message>
        <source>Mode and role</source>
        <translation>模式与角色</translation>
    </message>
    <message>
        <source>Up for</source>
        <translation>已运行</translation>
    </message>
    <message>
        <source>Connected clients</source>
        <translation>已连接客户端</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>已用内存</translation>
    </message>
    <message>
        <source>Memory peak</source>
        <translation>内存峰值</translation>
    </message>
    <message>
        <source>Operations per second</source>
        <translation>每秒操作数</translation>
    </message>
    <message>
        <source>Keyspace hit rate</source>
        <translation>键空间命中率</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n 个字段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n 个元素</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 个成员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s)</source>
        <comment>stream entries</comment>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>Set TTL…</source>
        <translation>设置 TTL…</translation>
    </message>
    <message>
        <source>Persist</source>
        <translation>取消过期</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Remove the key&apos;s time to live: it no longer expires</source>
        <translation>移除键的生存时间：不再过期</translation>
    </message>
    <message>
        <source>Make the key expire after a number of seconds</source>
        <translation>让键在若干秒后过期</translation>
    </message>
    <message>
        <source>Select a cell to see all of it here.</source>
        <translation>选择一个单元格，在此查看完整内容。</translation>
    </message>
    <message>
        <source>Select a key to see its value.</source>
        <translation>选择一个键以查看其值。</translation>
    </message>
    <message>
        <source>qwq has no viewer for keys of type %1.</source>
        <translation>qwq 没有 %1 类型键的查看器。</translation>
    </message>
    <message>
        <source>Read-only connection (safe mode): the value cannot be changed here.</source>
        <translation>只读连接（安全模式）：此处不能修改值。</translation>
    </message>
    <message>
        <source>A large value: only the first %1 of %2 are shown, as bytes; it cannot be edited here.</source>
        <translation>值较大：只以字节形式显示 %2 中的前 %1；此处不能编辑。</translation>
    </message>
    <message>
        <source>Binary value (%1, not plain UTF-8 text), shown as hex; it cannot be edited here.</source>
        <translation>二进制值（%1，不是纯 UTF-8 文本），以十六进制显示；此处不能编辑。</translation>
    </message>
    <message>
        <source>Binary, %1:</source>
        <translation>二进制，%1：</translation>
    </message>
    <message>
        <source>No key selected</source>
        <translation>未选择键</translation>
    </message>
    <message>
        <source>%1 in memory</source>
        <translation>内存中 %1</translation>
    </message>
    <message>
        <source>TTL: %1</source>
        <translation>TTL：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown</source>
        <translation>
            <numerusform>已显示 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only connection (safe mode): writes are refused.</source>
        <translation>只读连接（安全模式）：拒绝写入。</translation>
    </message>
    <message>
        <source>Save Value</source>
        <translation>保存值</translation>
    </message>
    <message>
        <source>Write the new value (%1) of %2 to the server? Its TTL is kept.</source>
        <translation>把 %2 的新值（%1）写入服务器？其 TTL 保持不变。</translation>
    </message>
    <message>
        <source>Set TTL</source>
        <translation>设置 TTL</translation>
    </message>
    <message>
        <source>Seconds until the key expires:</source>
        <translation>距键过期的秒数：</translation>
    </message>
    <message>
        <source>Make %1 expire in %2?</source>
        <translation>让 %1 在 %2 后过期？</translation>
    </message>
    <message>
        <source>Remove the TTL of %1, so that it no longer expires?</source>
        <translation>移除 %1 的 TTL，使其不再过期？</translation>
    </message>
    <message>
        <source>Delete Key</source>
        <translation>删除键</translation>
    </message>
    <message>
        <source>Delete the key %1 and its value? This cannot be undone.</source>
        <translation>删除键 %1 及其值？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Databases of this server</source>
        <translation>此服务器的数据库</translation>
    </message>
    <message>
        <source>A connection reads one database; add a connection to browse another</source>
        <translation>一个连接只读取一个数据库；要浏览其他数据库请添加连接</translation>
    </message>
</context>
<context>
    <name>Qwq::Editor</name>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>String</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>运算符</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>全词匹配</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配（Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配（F3）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>没有差异</translation>
    </message>
    <message>
        <source>+%1 −%2 lines, %3 changes</source>
        <translation>+%1 −%2 行，%3 处变更</translation>
    </message>
    <message>
        <source>+%1 −%2 lines, change %3 of %4</source>
        <translation>+%1 −%2 行，第 %3 处变更，共 %4 处</translation>
    </message>
    <message>
        <source>Previous change (Alt+Up)</source>
        <translation>上一处变更（Alt+Up）</translation>
    </message>
    <message>
        <source>Next change (Alt+Down)</source>
        <translation>下一处变更（Alt+Down）</translation>
    </message>
    <message>
        <source>Unified</source>
        <translation>合并视图</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排视图</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>拟议</translation>
    </message>
</context>
<context>
    <name>Qwq::Helper</name>
    <message>
        <source>The helper&apos;s method list is not valid</source>
        <translation>助手的方法列表无效</translation>
    </message>
    <message>
        <source>The local helper stopped</source>
        <translation>本机助手已停止</translation>
    </message>
    <message>
        <source>The local helper could not be started</source>
        <translation>无法启动本机助手</translation>
    </message>
    <message>
        <source>The helper on the server stopped</source>
        <translation>服务器上的助手已停止</translation>
    </message>
    <message>
        <source>The connection was closed</source>
        <translation>连接已关闭</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>“%1” changes the server, and this profile is read-only</source>
        <translation>“%1”会修改服务器，而此配置为只读</translation>
    </message>
    <message>
        <source>The qwq helper speaks protocol %1; this app needs 1</source>
        <translation>qwq 助手使用协议 %1；本应用需要协议 1</translation>
    </message>
    <message>
        <source>The helper sent an oversized message</source>
        <translation>助手发送的消息过大</translation>
    </message>
    <message>
        <source>The helper stopped</source>
        <translation>助手已停止</translation>
    </message>
    <message>
        <source>sudo refused: the password is wrong or this user may not use sudo</source>
        <translation>sudo 被拒绝：密码错误，或该用户无权使用 sudo</translation>
    </message>
    <message>
        <source>The qwq helper binary was not found next to the app</source>
        <translation>在应用旁边找不到 qwq 助手程序</translation>
    </message>
    <message>
        <source>A command run through sudo failed (exit status %1)</source>
        <translation>通过 sudo 运行的命令失败（退出状态 %1）</translation>
    </message>
    <message>
        <source>The server did not answer the helper check</source>
        <translation>服务器没有回应助手检查</translation>
    </message>
    <message>
        <source>This server&apos;s architecture (%1) has no qwq helper yet</source>
        <translation>此服务器的架构（%1）还没有对应的 qwq 助手</translation>
    </message>
    <message>
        <source>The server did not report a home directory</source>
        <translation>服务器没有报告主目录</translation>
    </message>
    <message>
        <source>Uploading the qwq helper failed</source>
        <translation>上传 qwq 助手失败</translation>
    </message>
    <message>
        <source>The uploaded qwq helper does not match its SHA-256</source>
        <translation>上传的 qwq 助手与其 SHA-256 不符</translation>
    </message>
    <message>
        <source>sudo refused to start the helper: the password is wrong, this user may not use sudo, or the installed helper failed its hash check</source>
        <translation>sudo 拒绝启动助手：密码错误、该用户无权使用 sudo，或已安装的助手未通过哈希校验</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Checking the helper…</source>
        <translation>正在检查助手…</translation>
    </message>
    <message>
        <source>Starting the helper…</source>
        <translation>正在启动助手…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>The qwq helper did not answer within %1 s</source>
        <translation>qwq 助手在 %1 秒内没有响应</translation>
    </message>
    <message>
        <source>There is no host key to trust</source>
        <translation>没有可信任的主机密钥</translation>
    </message>
    <message>
        <source>The server has no sha256sum, so the qwq helper cannot be verified</source>
        <translation>服务器上没有 sha256sum，无法校验 qwq 助手</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <source>“%1” needs a confirmation, and nobody is there to give it</source>
        <translation>“%1”需要确认，但没有人可以确认</translation>
    </message>
    <message>
        <source>“%1” was not confirmed; nothing was sent</source>
        <translation>“%1”未获确认；没有发送任何内容</translation>
    </message>
    <message>
        <source>Port forwards need an SSH connection; This computer has none</source>
        <translation>端口转发需要 SSH 连接；本机没有 SSH 连接</translation>
    </message>
    <message>
        <source>Connect to the server before starting a forward</source>
        <translation>请先连接服务器，再启动转发</translation>
    </message>
    <message>
        <source>%1 (jump host %2)</source>
        <translation>%1（跳板机 %2）</translation>
    </message>
    <message>
        <source>Password for sudo:</source>
        <translation>sudo 密码：</translation>
    </message>
</context>
<context>
    <name>Qwq::Monitor</name>
    <message>
        <source>The helper&apos;s answer has no “%1”; is it a different version?</source>
        <translation>助手的回应中没有“%1”；是否版本不同？</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Mounted read-only</source>
        <translation>以只读方式挂载</translation>
    </message>
    <message>
        <source>Mounted on</source>
        <translation>挂载点</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用率</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 未连接。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Filesystems</source>
        <translation>文件系统</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>%1
Kernel %2 · %3
Up %4</source>
        <translation>%1
内核 %2 · %3
已运行 %4</translation>
    </message>
    <message>
        <source>Load average: %1 · %2 · %3</source>
        <translation>平均负载：%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Memory: %1 of %2</source>
        <translation>内存：%1 / %2</translation>
    </message>
    <message>
        <source>Swap: %1 of %2</source>
        <translation>交换：%1 / %2</translation>
    </message>
    <message>
        <source>Swap: none</source>
        <translation>交换：无</translation>
    </message>
    <message>
        <source>CPU: measuring…</source>
        <translation>CPU：正在测量…</translation>
    </message>
    <message>
        <source>CPU: %1%</source>
        <translation>CPU：%1%</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>服务器总览</translation>
    </message>
    <message>
        <source>Connect All</source>
        <translation>全部连接</translation>
    </message>
    <message>
        <source>Disconnect All</source>
        <translation>全部断开</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>%1
Logical cores: %2</source>
        <translation>%1
逻辑核心：%2</translation>
    </message>
    <message>
        <source>Servers: %1 · connected: %2 · with problems: %3</source>
        <translation>服务器：%1 · 已连接：%2 · 有问题：%3</translation>
    </message>
    <message>
        <source>Ask AI Why This Disk Is Full</source>
        <translation>问 AI：为什么这个磁盘满了</translation>
    </message>
    <message>
        <source>Ask AI What Uses This Disk</source>
        <translation>问 AI：什么占用了这个磁盘</translation>
    </message>
    <message>
        <source>Why is %1 so full, and what can I safely clean up?</source>
        <translation>为什么 %1 这么满？我可以安全地清理哪些内容？</translation>
    </message>
    <message>
        <source>What uses the space on %1?</source>
        <translation>%1 上的空间被什么占用了？</translation>
    </message>
    <message>
        <source>Filesystem %1 (%2% used)</source>
        <translation>文件系统 %1（已用 %2%）</translation>
    </message>
</context>
<context>
    <name>Qwq::Profiles</name>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Port must be a number</source>
        <translation>端口必须是数字</translation>
    </message>
    <message>
        <source>Port must be between 1 and 65535</source>
        <translation>端口必须在 1 到 65535 之间</translation>
    </message>
    <message>
        <source>Unknown authentication method</source>
        <translation>未知的身份验证方式</translation>
    </message>
    <message>
        <source>Unknown elevation</source>
        <translation>未知的提权方式</translation>
    </message>
    <message>
        <source>Unknown mode</source>
        <translation>未知的模式</translation>
    </message>
    <message>
        <source>The profile id may contain only letters, digits, “-” and “_”</source>
        <translation>配置 ID 只能包含字母、数字、“-”和“_”</translation>
    </message>
    <message>
        <source>The name must not be empty</source>
        <translation>名称不能为空</translation>
    </message>
    <message>
        <source>The name must be one line of at most 200 characters</source>
        <translation>名称必须是一行，且不超过 200 个字符</translation>
    </message>
    <message>
        <source>The host must not be empty</source>
        <translation>主机不能为空</translation>
    </message>
    <message>
        <source>The host must not start with “-”</source>
        <translation>主机不能以“-”开头</translation>
    </message>
    <message>
        <source>The host must be a DNS name or an IP address (letters, digits, “-” and “.”)</source>
        <translation>主机必须是域名或 IP 地址（字母、数字、“-”和“.”）</translation>
    </message>
    <message>
        <source>The user name must not be empty</source>
        <translation>用户名不能为空</translation>
    </message>
    <message>
        <source>The user name may contain only letters, digits, “_”, “.” and “-”</source>
        <translation>用户名只能包含字母、数字、“_”、“.”和“-”</translation>
    </message>
    <message>
        <source>The key file path is not valid</source>
        <translation>密钥文件路径无效</translation>
    </message>
    <message>
        <source>Key authentication needs a key file</source>
        <translation>密钥认证需要密钥文件</translation>
    </message>
    <message>
        <source>Cannot read the profiles file %1</source>
        <translation>无法读取配置文件 %1</translation>
    </message>
    <message>
        <source>The profiles file %1 is not valid JSON</source>
        <translation>配置文件 %1 不是有效的 JSON</translation>
    </message>
    <message>
        <source>A profile in %1 is not valid: %2</source>
        <translation>%1 中有一个配置无效：%2</translation>
    </message>
    <message>
        <source>“This computer” cannot be edited</source>
        <translation>“本机”不能编辑</translation>
    </message>
    <message>
        <source>A profile named “%1” already exists</source>
        <translation>名为“%1”的配置已存在</translation>
    </message>
    <message>
        <source>No profile “%1”</source>
        <translation>没有名为“%1”的配置</translation>
    </message>
    <message>
        <source>Cannot write the profiles file %1</source>
        <translation>无法写入配置文件 %1</translation>
    </message>
    <message>
        <source>No secret is stored for “%1”</source>
        <translation>没有为“%1”保存机密信息</translation>
    </message>
    <message>
        <source>The system keychain failed (%1)</source>
        <translation>系统钥匙串出错（%1）</translation>
    </message>
    <message>
        <source>Add Server</source>
        <translation>添加服务器</translation>
    </message>
    <message>
        <source>Edit Server</source>
        <translation>编辑服务器</translation>
    </message>
    <message>
        <source>example.com or 192.0.2.10</source>
        <translation>example.com 或 192.0.2.10</translation>
    </message>
    <message>
        <source>Automatic (agent, key, password)</source>
        <translation>自动（代理、密钥、密码）</translation>
    </message>
    <message>
        <source>SSH agent</source>
        <translation>SSH 代理</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>~/.ssh/id_ed25519</source>
        <translation>~/.ssh/id_ed25519</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>unchanged if left empty</source>
        <translation>留空则保持不变</translation>
    </message>
    <message>
        <source>None (run as the login user)</source>
        <translation>无（以登录用户运行）</translation>
    </message>
    <message>
        <source>sudo</source>
        <translation>sudo</translation>
    </message>
    <message>
        <source>Log in as root</source>
        <translation>以 root 登录</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Read-only (nothing on the server can be changed)</source>
        <translation>只读（不能修改服务器上的任何内容）</translation>
    </message>
    <message>
        <source>Production (confirm every change)</source>
        <translation>生产（每次修改都需确认）</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>身份验证：</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>密钥文件：</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>密钥口令：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Elevation:</source>
        <translation>提权：</translation>
    </message>
    <message>
        <source>sudo password:</source>
        <translation>sudo 密码：</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Passwords and passphrases are stored in the system keychain, never in qwq&apos;s files.</source>
        <translation>密码和口令保存在系统钥匙串中，绝不写入 qwq 的文件。</translation>
    </message>
    <message>
        <source>The profile was saved, but the keychain did not take the secret: %1</source>
        <translation>配置已保存，但钥匙串未能保存机密信息：%1</translation>
    </message>
    <message>
        <source>“%1” must be a list of strings</source>
        <translation>“%1”必须是字符串列表</translation>
    </message>
    <message>
        <source>The keep-alive interval must be a whole number of seconds</source>
        <translation>保活间隔必须是整数秒</translation>
    </message>
    <message>
        <source>The last-used time is not valid</source>
        <translation>最近使用时间无效</translation>
    </message>
    <message>
        <source>An id may contain only letters, digits, “-” and “_”</source>
        <translation>ID 只能包含字母、数字、“-”和“_”</translation>
    </message>
    <message>
        <source>Tag “%1” is not valid: tags are 1 to 64 characters, without commas or control characters</source>
        <translation>标签“%1”无效：标签须为 1 到 64 个字符，不含逗号或控制字符</translation>
    </message>
    <message>
        <source>The colour must look like #rrggbb</source>
        <translation>颜色格式必须为 #rrggbb</translation>
    </message>
    <message>
        <source>Group path “%1” is not valid: each “/”-separated part must be 1 to 64 characters without control characters</source>
        <translation>分组路径“%1”无效：以“/”分隔的每一段须为 1 到 64 个字符，不含控制字符</translation>
    </message>
    <message>
        <source>The keep-alive interval must be between 0 and 3600 seconds</source>
        <translation>保活间隔必须在 0 到 3600 秒之间</translation>
    </message>
    <message>
        <source>“%1” cannot be inherited</source>
        <translation>“%1”不能继承</translation>
    </message>
    <message>
        <source>“This computer” cannot be a jump host</source>
        <translation>“本机”不能作为跳板机</translation>
    </message>
    <message>
        <source>A profile cannot be its own jump host</source>
        <translation>配置不能把自己作为跳板机</translation>
    </message>
    <message>
        <source>The ssh_config alias is not valid</source>
        <translation>ssh_config 别名无效</translation>
    </message>
    <message>
        <source>The group path must not be empty</source>
        <translation>分组路径不能为空</translation>
    </message>
    <message>
        <source>Profile “%1”: %2</source>
        <translation>配置“%1”：%2</translation>
    </message>
    <message>
        <source>The profiles file %1 was written by a newer qwq (version %2)</source>
        <translation>配置文件 %1 由更新版本的 qwq 写入（版本 %2）</translation>
    </message>
    <message>
        <source>A group in %1 is not valid: %2</source>
        <translation>%1 中有一个分组无效：%2</translation>
    </message>
    <message>
        <source>An identity in %1 is not valid: %2</source>
        <translation>%1 中有一个身份无效：%2</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>分组 %1</translation>
    </message>
    <message>
        <source>The profile is a jump host for: %1</source>
        <translation>该配置是以下配置的跳板机：%1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>A group cannot be moved into itself</source>
        <translation>分组不能移动到自身之中</translation>
    </message>
    <message>
        <source>No group “%1”</source>
        <translation>没有分组“%1”</translation>
    </message>
    <message>
        <source>No identity “%1”</source>
        <translation>没有身份“%1”</translation>
    </message>
    <message>
        <source>The identity is used by: %1</source>
        <translation>该身份正被以下配置使用：%1</translation>
    </message>
    <message>
        <source>Two identities have the id “%1”</source>
        <translation>有两个身份使用同一 ID“%1”</translation>
    </message>
    <message>
        <source>The id “%1” is already used</source>
        <translation>ID“%1”已被使用</translation>
    </message>
    <message>
        <source>The group “%1” exists twice</source>
        <translation>分组“%1”重复出现</translation>
    </message>
    <message>
        <source>Group “%1” uses an unknown identity</source>
        <translation>分组“%1”使用了未知的身份</translation>
    </message>
    <message>
        <source>Group “%1” has an unknown jump host “%2”</source>
        <translation>分组“%1”有未知的跳板机“%2”</translation>
    </message>
    <message>
        <source>Unknown identity “%1”</source>
        <translation>未知的身份“%1”</translation>
    </message>
    <message>
        <source>No user name is set for “%1”, neither on the profile nor inherited</source>
        <translation>“%1”没有设置用户名，配置本身和继承中都没有</translation>
    </message>
    <message>
        <source>Unknown jump host “%1”</source>
        <translation>未知的跳板机“%1”</translation>
    </message>
    <message>
        <source>The jump hosts form a loop: %1</source>
        <translation>跳板机形成了循环：%1</translation>
    </message>
    <message>
        <source>Jump host “%1”: %2</source>
        <translation>跳板机“%1”：%2</translation>
    </message>
    <message>
        <source>The profiles export is not valid JSON</source>
        <translation>导出的配置不是有效的 JSON</translation>
    </message>
    <message>
        <source>This is not a qwq profiles export</source>
        <translation>这不是 qwq 的配置导出文件</translation>
    </message>
    <message>
        <source>The export was written by a newer qwq</source>
        <translation>该导出文件由更新版本的 qwq 写入</translation>
    </message>
    <message>
        <source>Group “%1”: %2</source>
        <translation>分组“%1”：%2</translation>
    </message>
    <message>
        <source>Identity “%1”: %2</source>
        <translation>身份“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot read the SSH configuration %1</source>
        <translation>无法读取 SSH 配置 %1</translation>
    </message>
    <message>
        <source>not a configuration line; ignored</source>
        <translation>不是配置行；已忽略</translation>
    </message>
    <message>
        <source>unbalanced quotes; line ignored</source>
        <translation>引号不配对；已忽略该行</translation>
    </message>
    <message>
        <source>“%1” has no value; ignored</source>
        <translation>“%1”没有值；已忽略</translation>
    </message>
    <message>
        <source>Match blocks are not supported; the block was skipped</source>
        <translation>不支持 Match 块；已跳过该块</translation>
    </message>
    <message>
        <source>Include nested more than %1 levels deep; ignored</source>
        <translation>Include 嵌套超过 %1 层；已忽略</translation>
    </message>
    <message>
        <source>wildcards are supported only in the file name of an Include</source>
        <translation>Include 只支持在文件名部分使用通配符</translation>
    </message>
    <message>
        <source>included file %1 does not exist</source>
        <translation>包含的文件 %1 不存在</translation>
    </message>
    <message>
        <source>Include loop through %1; ignored</source>
        <translation>经由 %1 的 Include 循环；已忽略</translation>
    </message>
    <message>
        <source>cannot read included file %1</source>
        <translation>无法读取包含的文件 %1</translation>
    </message>
    <message>
        <source>%1: “%2” is not a port; ignored</source>
        <translation>%1：“%2”不是端口；已忽略</translation>
    </message>
    <message>
        <source>%1: ServerAliveInterval must be 0 to 3600 seconds; ignored</source>
        <translation>%1：ServerAliveInterval 必须在 0 到 3600 秒之间；已忽略</translation>
    </message>
    <message>
        <source>%1: IdentityFile token “%%2” is not supported; ignored</source>
        <translation>%1：不支持 IdentityFile 中的标记“%%2”；已忽略</translation>
    </message>
    <message>
        <source>ignored %1 for %2 (%3): qwq never runs local commands</source>
        <translation>已忽略 %2 的 %1（%3）：qwq 绝不运行本地命令</translation>
    </message>
    <message>
        <source>%1: ProxyJump hop “%2” is not understood; %3 skipped</source>
        <translation>%1：无法识别 ProxyJump 跳点“%2”；已跳过 %3</translation>
    </message>
    <message>
        <source>ProxyJump loop for %1 (%2); skipped</source>
        <translation>%1 的 ProxyJump 形成循环（%2）；已跳过</translation>
    </message>
    <message>
        <source>%1 skipped: its jump host %2 was skipped</source>
        <translation>已跳过 %1：其跳板机 %2 已被跳过</translation>
    </message>
    <message>
        <source>%1 skipped: %2 [field: %3]</source>
        <translation>已跳过 %1：%2 [字段：%3]</translation>
    </message>
    <message>
        <source>The group “%1” is not empty (profiles and subgroups in it: %2)</source>
        <translation>分组“%1”不为空（其中的配置和子分组：%2）</translation>
    </message>
    <message>
        <source>“forwards” must be a list of rules</source>
        <translation>“forwards”必须是规则列表</translation>
    </message>
    <message>
        <source>A forward rule must be an object</source>
        <translation>转发规则必须是一个对象</translation>
    </message>
    <message>
        <source>“%1” must be text</source>
        <translation>“%1”必须是文本</translation>
    </message>
    <message>
        <source>A forward port must be a number from 0 to 65535</source>
        <translation>转发端口必须是 0 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>“autoStart” must be true or false</source>
        <translation>“autoStart”必须是 true 或 false</translation>
    </message>
    <message>
        <source>A forward name must be 1 to 64 characters without control characters</source>
        <translation>转发名称必须为 1 到 64 个字符，且不含控制字符</translation>
    </message>
    <message>
        <source>The forward kind must be local, remote or dynamic</source>
        <translation>转发类型必须是 local、remote 或 dynamic</translation>
    </message>
    <message>
        <source>The bind address must be a host name or an IP address</source>
        <translation>绑定地址必须是主机名或 IP 地址</translation>
    </message>
    <message>
        <source>A remote forward needs a bind port from 1 to 65535</source>
        <translation>远程转发需要 1 到 65535 之间的绑定端口</translation>
    </message>
    <message>
        <source>The target host must be a host name or an IP address</source>
        <translation>目标主机必须是主机名或 IP 地址</translation>
    </message>
    <message>
        <source>The target port must be between 1 and 65535</source>
        <translation>目标端口必须在 1 到 65535 之间</translation>
    </message>
    <message>
        <source>Another forward is already called “%1”</source>
        <translation>已有另一个转发名为“%1”</translation>
    </message>
    <message>
        <source>e.g. prod/web — “/” nests groups</source>
        <translation>例如 prod/web — 用“/”嵌套分组</translation>
    </message>
    <message>
        <source>comma-separated, e.g. web, eu</source>
        <translation>以逗号分隔，例如 web, eu</translation>
    </message>
    <message>
        <source>profile names, nearest first, e.g. bastion</source>
        <translation>配置名称，最近的在前，例如 bastion</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Jump hosts:</source>
        <translation>跳板机：</translation>
    </message>
    <message>
        <source>Keep-alive:</source>
        <translation>保活：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>No profile “%1” to use as a jump host</source>
        <translation>没有可用作跳板机的配置“%1”</translation>
    </message>
    <message>
        <source>A group “%1” already exists</source>
        <translation>分组“%1”已存在</translation>
    </message>
    <message>
        <source>Inherit</source>
        <translation>继承</translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>选择颜色</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>field label: error message</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>error message (detail)</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>None (the settings below)</source>
        <translation>无（使用下面的设置）</translation>
    </message>
    <message>
        <source>Identity:</source>
        <translation>身份：</translation>
    </message>
    <message>
        <source>Use the default value (the server is in no group)</source>
        <translation>使用默认值（该服务器不在任何分组中）</translation>
    </message>
    <message>
        <source>Take the value from the group “%1” or its parent groups</source>
        <translation>从分组“%1”或其上级分组取值</translation>
    </message>
    <message>
        <source>The identity supplies the login (%1); its password is kept in the keychain.</source>
        <translation>由身份提供登录（%1）；其密码保存在钥匙串中。</translation>
    </message>
    <message>
        <source>The identity supplies the login with the key %1.</source>
        <translation>由身份使用密钥 %1 提供登录。</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>New Group</source>
        <translation>新建分组</translation>
    </message>
    <message>
        <source>New Subgroup</source>
        <translation>新建子分组</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>None (each server&apos;s own login)</source>
        <translation>无（每台服务器使用自己的登录）</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>路径：</translation>
    </message>
    <message>
        <source>Defaults for the servers in this group. A server uses them for the fields it inherits.</source>
        <translation>此分组中服务器的默认值。服务器对其继承的字段使用这些值。</translation>
    </message>
    <message>
        <source>Save Group</source>
        <translation>保存分组</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation>分组设置</translation>
    </message>
    <message>
        <source>A new group: Save creates it.</source>
        <translation>新分组：保存后创建。</translation>
    </message>
    <message>
        <source>Servers in this group and its subgroups: %1. Subgroups: %2.</source>
        <translation>此分组及其子分组中的服务器：%1。子分组：%2。</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>新分组</translation>
    </message>
    <message>
        <source>Group “%1”</source>
        <translation>分组“%1”</translation>
    </message>
    <message>
        <source>Use the default value (a top-level group)</source>
        <translation>使用默认值（顶层分组）</translation>
    </message>
    <message>
        <source>Delete Group</source>
        <translation>删除分组</translation>
    </message>
    <message>
        <source>Delete the empty group “%1”?</source>
        <translation>删除空分组“%1”？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>The group “%1” is not empty. Servers in it and its subgroups: %2. Subgroups: %3.</source>
        <translation>分组“%1”不是空的。其中及子分组中的服务器：%2。子分组：%3。</translation>
    </message>
    <message>
        <source>They move to the top level when the group is deleted. No server is deleted; servers that inherited settings from this group take them from the defaults instead.</source>
        <translation>删除分组后它们将移到顶层。不会删除任何服务器；原先从此分组继承设置的服务器改为使用默认值。</translation>
    </message>
    <message>
        <source>They move to the group “%1” when this group is deleted. No server is deleted; servers that inherited settings from this group take them from “%1” instead.</source>
        <translation>删除此分组后它们将移到分组“%1”。不会删除任何服务器；原先从此分组继承设置的服务器改为从“%1”继承。</translation>
    </message>
    <message>
        <source>Move to Top Level and Delete</source>
        <translation>移到顶层并删除</translation>
    </message>
    <message>
        <source>Move to Parent and Delete</source>
        <translation>移到上级分组并删除</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the new group?</source>
        <translation>保存新分组？</translation>
    </message>
    <message>
        <source>Save the changes to the group “%1”?</source>
        <translation>保存对分组“%1”的更改？</translation>
    </message>
    <message>
        <source>Add Identity</source>
        <translation>添加身份</translation>
    </message>
    <message>
        <source>Edit Identity</source>
        <translation>编辑身份</translation>
    </message>
    <message>
        <source>e.g. deploy key</source>
        <translation>例如：部署密钥</translation>
    </message>
    <message>
        <source>optional: leave empty to keep each server&apos;s user</source>
        <translation>可选：留空则保留每台服务器自己的用户</translation>
    </message>
    <message>
        <source>Servers that use this identity log in with its key and password. Passwords and passphrases are stored in the system keychain, never in qwq&apos;s files.</source>
        <translation>使用此身份的服务器用它的密钥和密码登录。密码和口令保存在系统钥匙串中，从不写入 qwq 的文件。</translation>
    </message>
    <message>
        <source>The identity was saved, but the keychain did not take the secret: %1</source>
        <translation>身份已保存，但钥匙串未能保存机密：%1</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>密钥 %1</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Automatic, key %1</source>
        <translation>自动，密钥 %1</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>An identity is a login (user, key, password) that many servers and groups can share. Change it here once and every server that uses it follows.</source>
        <translation>身份是可由多台服务器和分组共享的登录信息（用户、密钥、密码）。在这里修改一次，所有使用它的服务器都会随之更新。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Each server keeps its own user</source>
        <translation>每台服务器保留自己的用户</translation>
    </message>
    <message>
        <source>Servers: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>Groups: %1</source>
        <translation>分组：%1</translation>
    </message>
    <message>
        <source>Not used</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>Remove Identity</source>
        <translation>移除身份</translation>
    </message>
    <message>
        <source>Remove the identity “%1”? Its stored password and passphrase are removed from the keychain too.</source>
        <translation>移除身份“%1”？其保存的密码和口令也会从钥匙串中移除。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>The identity “%1” is in use.</source>
        <translation>身份“%1”正在使用中。</translation>
    </message>
    <message>
        <source>If you remove it, these servers log in with their own settings (user, key file, password) again. Its stored password and passphrase are removed from the keychain.</source>
        <translation>移除后，这些服务器将重新使用自己的设置（用户、密钥文件、密码）登录。其保存的密码和口令会从钥匙串中移除。</translation>
    </message>
    <message>
        <source>Remove and Clear Its Uses</source>
        <translation>移除并清除其引用</translation>
    </message>
    <message>
        <source>Sort Servers</source>
        <translation>服务器排序</translation>
    </message>
    <message>
        <source>By Last Used</source>
        <translation>按最近使用</translation>
    </message>
    <message>
        <source>By Host</source>
        <translation>按主机</translation>
    </message>
    <message>
        <source>By Name</source>
        <translation>按名称</translation>
    </message>
</context>
<context>
    <name>Qwq::Ssh</name>
    <message>
        <source>Could not save the host key of %1 to %2.</source>
        <translation>无法把 %1 的主机密钥保存到 %2。</translation>
    </message>
    <message>
        <source>The host key to save is incomplete.</source>
        <translation>要保存的主机密钥不完整。</translation>
    </message>
    <message>
        <source>Not connected to %1.</source>
        <translation>未连接到 %1。</translation>
    </message>
    <message>
        <source>Already connecting to %1.</source>
        <translation>已在连接 %1。</translation>
    </message>
    <message>
        <source>Could not open a channel on %1.</source>
        <translation>无法在 %1 上打开通道。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>与 %1 的连接已断开。</translation>
    </message>
    <message>
        <source>%1 refused to open a channel.</source>
        <translation>%1 拒绝打开通道。</translation>
    </message>
    <message>
        <source>%1 refused to run a command.</source>
        <translation>%1 拒绝运行命令。</translation>
    </message>
    <message>
        <source>Could not send data to a command on %1.</source>
        <translation>无法向 %1 上的命令发送数据。</translation>
    </message>
    <message>
        <source>The command on %1 did not finish in time.</source>
        <translation>%1 上的命令未能及时完成。</translation>
    </message>
    <message>
        <source>The connection to %1 was closed.</source>
        <translation>与 %1 的连接已关闭。</translation>
    </message>
    <message>
        <source>No known_hosts file is configured.</source>
        <translation>未配置 known_hosts 文件。</translation>
    </message>
    <message>
        <source>Could not create an SSH session.</source>
        <translation>无法创建 SSH 会话。</translation>
    </message>
    <message>
        <source>Could not connect to %1.</source>
        <translation>无法连接到 %1。</translation>
    </message>
    <message>
        <source>%1 did not present a host key.</source>
        <translation>%1 没有出示主机密钥。</translation>
    </message>
    <message>
        <source>Could not read the host key of %1.</source>
        <translation>无法读取 %1 的主机密钥。</translation>
    </message>
    <message>
        <source>The host key of %1 is not known yet (%2 %3).</source>
        <translation>%1 的主机密钥尚未记录（%2 %3）。</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the server&apos;s before trusting it.</source>
        <translation>信任之前，请与服务器上的指纹进行比对。</translation>
    </message>
    <message>
        <source>The host key of %1 has changed. Someone may be intercepting the connection, or the server was reinstalled.</source>
        <translation>%1 的主机密钥已变更。可能有人在拦截连接，也可能服务器已重装。</translation>
    </message>
    <message>
        <source>Verify the new key with the server&apos;s administrator before replacing it.</source>
        <translation>替换之前，请向服务器管理员核实新的密钥。</translation>
    </message>
    <message>
        <source>The connection to %1 failed during authentication.</source>
        <translation>与 %1 的连接在身份验证时失败。</translation>
    </message>
    <message>
        <source>Authentication failed for %1 (no usable method: no agent, key or password for what the server offers).</source>
        <translation>%1 身份验证失败（没有可用的方式：服务器支持的方式都缺少代理、密钥或密码）。</translation>
    </message>
    <message>
        <source>Authentication failed for %1 (tried: %2).</source>
        <translation>%1 身份验证失败（已尝试：%2）。</translation>
    </message>
    <message>
        <source>Could not start SFTP on %1.</source>
        <translation>无法在 %1 上启动 SFTP。</translation>
    </message>
    <message>
        <source>Could not find the home directory on %1.</source>
        <translation>无法找到 %1 上的主目录。</translation>
    </message>
    <message>
        <source>Could not create the folder %1 on %2.</source>
        <translation>无法在 %2 上创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The remote file name is empty.</source>
        <translation>远程文件名为空。</translation>
    </message>
    <message>
        <source>Could not write %1 on %2.</source>
        <translation>无法写入 %2 上的 %1。</translation>
    </message>
    <message>
        <source>Could not read %1 on %2.</source>
        <translation>无法读取 %2 上的 %1。</translation>
    </message>
    <message>
        <source>%1 on %2 is larger than %3 bytes.</source>
        <translation>%2 上的 %1 大于 %3 字节。</translation>
    </message>
    <message>
        <source>A host and a port from 1 to 65535 are needed.</source>
        <translation>需要主机以及 1 到 65535 之间的端口。</translation>
    </message>
    <message>
        <source>%1 could not open a connection to %2.</source>
        <translation>%1 无法打开到 %2 的连接。</translation>
    </message>
    <message>
        <source>Could not reach %1 through %2.</source>
        <translation>无法经由 %2 到达 %1。</translation>
    </message>
    <message>
        <source>No answer from %1 for %2 s.</source>
        <translation>%1 已 %2 秒没有响应。</translation>
    </message>
    <message>
        <source>Unknown kind of port forward.</source>
        <translation>未知的端口转发类型。</translation>
    </message>
    <message>
        <source>The bind address must be an IP address (for example 127.0.0.1).</source>
        <translation>绑定地址必须是 IP 地址（例如 127.0.0.1）。</translation>
    </message>
    <message>
        <source>Listening on all interfaces (%1) must be allowed explicitly.</source>
        <translation>监听所有网络接口（%1）必须明确允许。</translation>
    </message>
    <message>
        <source>The listening port must be from 1 to 65535.</source>
        <translation>监听端口必须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <source>The target host is missing.</source>
        <translation>缺少目标主机。</translation>
    </message>
    <message>
        <source>The target port must be from 1 to 65535.</source>
        <translation>目标端口必须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <source>%1 refused to listen on %2 port %3.</source>
        <translation>%1 拒绝在 %2 的 %3 端口监听。</translation>
    </message>
    <message>
        <source>Could not listen on %1 port %2.</source>
        <translation>无法在 %1 的 %2 端口监听。</translation>
    </message>
    <message>
        <source>Could not connect to %1 port %2: %3</source>
        <translation>无法连接到 %1 的 %2 端口：%3</translation>
    </message>
    <message>
        <source>Could not connect to %1 port %2.</source>
        <translation>无法连接到 %1 的 %2 端口。</translation>
    </message>
    <message>
        <source>A client spoke something other than SOCKS5.</source>
        <translation>有客户端使用了 SOCKS5 以外的协议。</translation>
    </message>
    <message>
        <source>%1 could not open a connection to %2 port %3 (%4).</source>
        <translation>%1 无法打开到 %2 的 %3 端口的连接（%4）。</translation>
    </message>
    <message>
        <source>Authentication for %1 was cancelled.</source>
        <translation>%1 的身份验证已取消。</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>The terminal type or size is not valid.</source>
        <translation>终端类型或尺寸无效。</translation>
    </message>
    <message>
        <source>%1 refused a terminal (PTY).</source>
        <translation>%1 拒绝分配终端（PTY）。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost at the jump host %2.</source>
        <translation>到 %1 的连接在跳板机 %2 处中断。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: no answer from the jump host %2 for %3 s.</source>
        <translation>到 %1 的连接已中断：跳板机 %2 已 %3 秒无响应。</translation>
    </message>
    <message>
        <source>Only a local forward can listen on a unix socket.</source>
        <translation>只有本地转发可以监听 unix 套接字。</translation>
    </message>
    <message>
        <source>The socket path must be absolute and shorter than %1 bytes.</source>
        <translation>套接字路径必须是绝对路径，且短于 %1 字节。</translation>
    </message>
    <message>
        <source>The socket&apos;s directory must be a private directory (mode 0700) of this user.</source>
        <translation>套接字所在目录必须是当前用户的私有目录（权限 0700）。</translation>
    </message>
    <message>
        <source>Could not listen on %1.</source>
        <translation>无法在 %1 上监听。</translation>
    </message>
</context>
<context>
    <name>Qwq::Terminal</name>
    <message>
        <source>The terminal session was already started.</source>
        <translation>终端会话已经启动。</translation>
    </message>
    <message>
        <source>Cannot run %1: not an executable file.</source>
        <translation>无法运行 %1：不是可执行文件。</translation>
    </message>
    <message>
        <source>Cannot open a pseudo-terminal.</source>
        <translation>无法打开伪终端。</translation>
    </message>
    <message>
        <source>%1 exited with code %2</source>
        <translation>%1 已退出，代码 %2</translation>
    </message>
    <message>
        <source>%1 was ended by signal %2 (%3)</source>
        <translation>%1 被信号 %2（%3）结束</translation>
    </message>
    <message>
        <source>%1 ended</source>
        <translation>%1 已结束</translation>
    </message>
    <message>
        <source>The server is not connected: connect it first, then open a terminal.</source>
        <translation>服务器未连接：请先连接，再打开终端。</translation>
    </message>
    <message>
        <source>the shell exited with status %1</source>
        <translation>shell 已退出，状态 %1</translation>
    </message>
    <message>
        <source>the server closed the terminal</source>
        <translation>服务器关闭了终端</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Paste Several Lines?</source>
        <translation>粘贴多行？</translation>
    </message>
    <message>
        <source>The text has %1 lines. The shell may run each line as soon as it arrives.</source>
        <translation>文本有 %1 行。shell 可能会在每一行到达时立即执行它。</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Do not ask again in this terminal</source>
        <translation>在此终端中不再询问</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Clear Scrollback</source>
        <translation>清除回滚缓冲</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Font…</source>
        <translation>字体…</translation>
    </message>
    <message>
        <source>Terminal Font</source>
        <translation>终端字体</translation>
    </message>
    <message>
        <source>Copy on Select</source>
        <translation>选中即复制</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Follow Application</source>
        <translation>跟随应用</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>No terminal can be opened for this server.</source>
        <translation>无法为此服务器打开终端。</translation>
    </message>
    <message>
        <source>“%1” was not found.</source>
        <translation>未找到“%1”。</translation>
    </message>
    <message>
        <source>New Terminal (Ctrl+Shift+T)</source>
        <translation>新建终端（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <source>New Terminal</source>
        <translation>新建终端</translation>
    </message>
    <message>
        <source>Close Terminal</source>
        <translation>关闭终端</translation>
    </message>
    <message>
        <source>Find in terminal</source>
        <translation>在终端中查找</translation>
    </message>
    <message>
        <source>Find Previous (Enter)</source>
        <translation>查找上一个（Enter）</translation>
    </message>
    <message>
        <source>Find Next (Shift+Enter)</source>
        <translation>查找下一个（Shift+Enter）</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The snippets file %1 cannot be read.</source>
        <translation>无法读取代码片段文件 %1。</translation>
    </message>
    <message>
        <source>The snippets file %1 is not valid JSON; it was left as it is.</source>
        <translation>代码片段文件 %1 不是有效的 JSON，已保持原样。</translation>
    </message>
    <message>
        <source>The snippets file %1 cannot be written.</source>
        <translation>无法写入代码片段文件 %1。</translation>
    </message>
    <message>
        <source>The log file %1 cannot be opened.</source>
        <translation>无法打开日志文件 %1。</translation>
    </message>
    <message>
        <source>Font:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Scrollback lines:</source>
        <translation>回滚行数：</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Copy selected text to the clipboard</source>
        <translation>将选中的文本复制到剪贴板</translation>
    </message>
    <message>
        <source>Ask before pasting several lines</source>
        <translation>粘贴多行前询问</translation>
    </message>
    <message>
        <source>Let programs set the clipboard (OSC 52)</source>
        <translation>允许程序设置剪贴板（OSC 52）</translation>
    </message>
    <message>
        <source>A program on the server could then put anything on your clipboard. Reading the clipboard is never allowed.</source>
        <translation>这样服务器上的程序可以向你的剪贴板写入任何内容。读取剪贴板始终不被允许。</translation>
    </message>
    <message>
        <source>Ctrl+click to open %1</source>
        <translation>Ctrl+单击打开 %1</translation>
    </message>
    <message>
        <source>Send Selection to AI…</source>
        <translation>将选中内容发送给 AI…</translation>
    </message>
    <message>
        <source>Broadcast Input</source>
        <translation>广播输入</translation>
    </message>
    <message>
        <source>Stop Logging to %1</source>
        <translation>停止记录到 %1</translation>
    </message>
    <message>
        <source>Log to File…</source>
        <translation>记录到文件…</translation>
    </message>
    <message>
        <source>Log Terminal Output</source>
        <translation>记录终端输出</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>日志文件 (*.log *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <source>(new snippet)</source>
        <translation>（新代码片段）</translation>
    </message>
    <message>
        <source>Insert Snippet</source>
        <translation>插入代码片段</translation>
    </message>
    <message>
        <source>Insert Snippet: %1</source>
        <translation>插入代码片段：%1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>The command runs as soon as it is inserted.</source>
        <translation>命令插入后会立即运行。</translation>
    </message>
    <message>
        <source>The command is pasted; press Enter in the terminal to run it.</source>
        <translation>命令已粘贴；在终端中按回车运行。</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Snippets for %1</source>
        <translation>%1 的代码片段</translation>
    </message>
    <message>
        <source>Run after inserting (otherwise the command is only pasted)</source>
        <translation>插入后运行（否则只粘贴命令）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Write {{name}} for a value to ask when the snippet is inserted, or {{name:default}} to offer a default.</source>
        <translation>写 {{name}} 表示插入片段时询问的值，或写 {{name:default}} 提供默认值。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>The AI assistant is not available here.</source>
        <translation>此处无法使用 AI 助手。</translation>
    </message>
    <message>
        <source>Explain this terminal output and suggest what to do next.</source>
        <translation>解释这段终端输出，并建议下一步该做什么。</translation>
    </message>
    <message>
        <source>Terminal output</source>
        <translation>终端输出</translation>
    </message>
    <message>
        <source>Disconnected (%1) — press Enter or click here to reconnect</source>
        <translation>已断开（%1）—— 按回车或单击此处重新连接</translation>
    </message>
    <message>
        <source>The terminal could not be started — press Enter or click here to try again</source>
        <translation>无法启动终端 —— 按回车或单击此处重试</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Not connected (%1) — press Enter or click here to try again</source>
        <translation>未连接（%1）—— 按回车或单击此处重试</translation>
    </message>
    <message>
        <source>%1 (disconnected)</source>
        <translation>%1（已断开）</translation>
    </message>
    <message>
        <source>Split Right</source>
        <translation>向右拆分</translation>
    </message>
    <message>
        <source>Split Down</source>
        <translation>向下拆分</translation>
    </message>
    <message>
        <source>Snippets</source>
        <translation>代码片段</translation>
    </message>
    <message>
        <source>Insert a saved command into the terminal</source>
        <translation>将保存的命令插入终端</translation>
    </message>
    <message>
        <source>Send what you type to several terminals at once</source>
        <translation>将输入同时发送到多个终端</translation>
    </message>
    <message>
        <source>No snippets yet</source>
        <translation>暂无代码片段</translation>
    </message>
    <message>
        <source>Manage Snippets…</source>
        <translation>管理代码片段…</translation>
    </message>
    <message>
        <source>The terminal is not connected; the snippet was not inserted.</source>
        <translation>终端未连接；代码片段未插入。</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>%1, split %2</source>
        <translation>%1，拆分 %2</translation>
    </message>
    <message>
        <source>Broadcast to All</source>
        <translation>广播到全部</translation>
    </message>
    <message>
        <source>Stop Broadcasting</source>
        <translation>停止广播</translation>
    </message>
    <message>
        <source>Broadcast (%1)</source>
        <translation>广播（%1）</translation>
    </message>
</context>
<context>
    <name>Qwq::Tunnels</name>
    <message>
        <source>“%1” is not a port from 0 to 65535</source>
        <translation>“%1”不是 0 到 65535 之间的端口</translation>
    </message>
    <message>
        <source>“%1” is not a port from 1 to 65535</source>
        <translation>“%1”不是 1 到 65535 之间的端口</translation>
    </message>
    <message>
        <source>The rule is empty</source>
        <translation>规则为空</translation>
    </message>
    <message>
        <source>A rule starts with L (local), R (remote) or D (dynamic)</source>
        <translation>规则以 L（本地）、R（远程）或 D（动态）开头</translation>
    </message>
    <message>
        <source>A dynamic rule looks like D[bind:]port</source>
        <translation>动态规则的格式为 D[绑定地址:]端口</translation>
    </message>
    <message>
        <source>A rule looks like %1[bind:]port:host:hostport</source>
        <translation>规则的格式为 %1[绑定地址:]端口:主机:主机端口</translation>
    </message>
    <message>
        <source>The bind address is empty</source>
        <translation>绑定地址为空</translation>
    </message>
    <message>
        <source>Remote</source>
        <comment>forward kind</comment>
        <translation>远程</translation>
    </message>
    <message>
        <source>Dynamic (SOCKS)</source>
        <comment>forward kind</comment>
        <translation>动态（SOCKS）</translation>
    </message>
    <message>
        <source>Local</source>
        <comment>forward kind</comment>
        <translation>本地</translation>
    </message>
    <message>
        <source>%1:any</source>
        <translation>%1:任意</translation>
    </message>
    <message>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <source>No forward rule is selected</source>
        <translation>未选择转发规则</translation>
    </message>
    <message>
        <source>server %1</source>
        <translation>服务器 %1</translation>
    </message>
    <message>
        <source>Off</source>
        <comment>forward state</comment>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>forward state</comment>
        <translation>活动</translation>
    </message>
    <message>
        <source>Error</source>
        <comment>forward state</comment>
        <translation>错误</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接数</translation>
    </message>
    <message>
        <source>In</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Port Forwards</source>
        <translation>端口转发</translation>
    </message>
    <message>
        <source>Rules cannot be saved here: there is no profile store</source>
        <translation>无法在此保存规则：没有配置存储</translation>
    </message>
    <message>
        <source>The server&apos;s profile no longer exists</source>
        <translation>该服务器的配置已不存在</translation>
    </message>
    <message>
        <source>Port forwards need an SSH connection; This computer has none</source>
        <translation>端口转发需要 SSH 连接；本机没有 SSH 连接</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Start</source>
        <comment>forward</comment>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <comment>forward</comment>
        <translation>停止</translation>
    </message>
    <message>
        <source>%1 (field: %2)</source>
        <translation>%1（字段：%2）</translation>
    </message>
    <message>
        <source>Port Forward</source>
        <translation>端口转发</translation>
    </message>
    <message>
        <source>Local: a port here reaches a host seen from the server</source>
        <translation>本地：本机端口通向服务器能访问的主机</translation>
    </message>
    <message>
        <source>Remote: a port on the server reaches a host seen from here</source>
        <translation>远程：服务器端口通向本机能访问的主机</translation>
    </message>
    <message>
        <source>Dynamic: a SOCKS5 proxy here</source>
        <translation>动态：本机上的 SOCKS5 代理</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Bind address:</source>
        <translation>绑定地址(&amp;B)：</translation>
    </message>
    <message>
        <source>Bind &amp;port:</source>
        <translation>绑定端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Target host:</source>
        <translation>目标主机(&amp;T)：</translation>
    </message>
    <message>
        <source>Target p&amp;ort:</source>
        <translation>目标端口(&amp;O)：</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>&amp;Start when connected</source>
        <translation>连接后自动启动(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Qwq::Websites</name>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>“%1” may not contain ; { } quotes \ $ # or line breaks: they could change the nginx configuration</source>
        <translation>“%1”不能包含 ; { } 引号 \ $ # 或换行：它们可能改变 nginx 配置</translation>
    </message>
    <message>
        <source>“%1” is required</source>
        <translation>“%1”为必填项</translation>
    </message>
    <message>
        <source>“%1” must be a port from 1 to 65535</source>
        <translation>“%1”必须是 1 到 65535 之间的端口</translation>
    </message>
    <message>
        <source>“%1” may not contain spaces</source>
        <translation>“%1”不能包含空格</translation>
    </message>
    <message>
        <source>Add at least one backend server</source>
        <translation>请至少添加一个后端服务器</translation>
    </message>
    <message>
        <source>“%1” must be from 1 to 1000</source>
        <translation>“%1”必须在 1 到 1000 之间</translation>
    </message>
    <message>
        <source>The site type must be static, proxy or redirect</source>
        <translation>站点类型必须是静态、反向代理或重定向</translation>
    </message>
    <message>
        <source>Add at least one user for basic authentication</source>
        <translation>请为基本认证至少添加一个用户</translation>
    </message>
    <message>
        <source>“%1” may not contain “:”</source>
        <translation>“%1”不能包含“:”</translation>
    </message>
    <message>
        <source>“%1” must be from 1 to 100000</source>
        <translation>“%1”必须在 1 到 100000 之间</translation>
    </message>
    <message>
        <source>“%1” must be from 0 to 100000</source>
        <translation>“%1”必须在 0 到 100000 之间</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有任何变化。</translation>
    </message>
    <message>
        <source>Saved as version %1; nginx reloaded.</source>
        <translation>已保存为版本 %1；nginx 已重新加载。</translation>
    </message>
    <message>
        <source>Saved as version %1; nginx is not running, the files are in place for its next start.</source>
        <translation>已保存为版本 %1；nginx 未在运行，文件已就位，下次启动时生效。</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>已保存为版本 %1。</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>没有任何修改</translation>
    </message>
    <message>
        <source>The text contains a NUL character</source>
        <translation>文本中包含 NUL 字符</translation>
    </message>
    <message>
        <source>Choose a stored version to roll back</source>
        <translation>请选择要回滚的已保存版本</translation>
    </message>
    <message>
        <source>Static</source>
        <translation>静态</translation>
    </message>
    <message>
        <source>Reverse proxy</source>
        <translation>反向代理</translation>
    </message>
    <message>
        <source>Redirect</source>
        <translation>重定向</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>qwq</source>
        <translation>qwq</translation>
    </message>
    <message>
        <source>hand-written</source>
        <translation>手写</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>Serves</source>
        <translation>提供内容</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Managed by · file</source>
        <translation>管理方 · 文件</translation>
    </message>
    <message>
        <source>Websites</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 未连接。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>nginx was not found on %1, or its main configuration is missing.
Sites appear here once nginx or OpenResty is installed there.</source>
        <translation>在 %1 上没有找到 nginx，或其主配置文件缺失。
在那里安装 nginx 或 OpenResty 后，站点会显示在这里。</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Filter by name, backend, root, port or file</source>
        <translation>按名称、后端、根目录、端口或文件筛选</translation>
    </message>
    <message>
        <source>New Site…</source>
        <translation>新建站点…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Raw Config…</source>
        <translation>原始配置…</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>版本…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Ask AI About This Site</source>
        <translation>就此站点询问 AI</translation>
    </message>
    <message>
        <source>sites-available + sites-enabled</source>
        <translation>sites-available + sites-enabled</translation>
    </message>
    <message>
        <source>conf.d</source>
        <translation>conf.d</translation>
    </message>
    <message>
        <source>no site directory</source>
        <translation>没有站点目录</translation>
    </message>
    <message>
        <source>%1 %2 · %3 · %4 · %5</source>
        <translation>%1 %2 · %3 · %4 · %5</translation>
    </message>
    <message>
        <source>running (pid %1)</source>
        <translation>运行中（pid %1）</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>Hand-written sites are enabled, disabled and removed in their own files (Raw Config…); qwq does not rewrite them.</source>
        <translation>手写站点在它们自己的文件里启用、停用和删除（原始配置…）；qwq 不会重写它们。</translation>
    </message>
    <message>
        <source>This profile is read-only.</source>
        <translation>此配置为只读。</translation>
    </message>
    <message>
        <source>The nginx configuration includes no sites-enabled/ or conf.d/ directory to put a new site in.</source>
        <translation>nginx 配置没有包含可放置新站点的 sites-enabled/ 或 conf.d/ 目录。</translation>
    </message>
    <message>
        <source>No site yet. New Site… creates one.</source>
        <translation>还没有站点。点击“新建站点…”创建一个。</translation>
    </message>
    <message>
        <source>Select a site to see its settings and logs.</source>
        <translation>选择一个站点以查看其设置和日志。</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>名称：%1</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <source>Listen: %1</source>
        <translation>监听：%1</translation>
    </message>
    <message>
        <source>Root: %1</source>
        <translation>根目录：%1</translation>
    </message>
    <message>
        <source>Proxy to: %1</source>
        <translation>代理到：%1</translation>
    </message>
    <message>
        <source>Upstream %1</source>
        <translation>上游 %1</translation>
    </message>
    <message>
        <source>Returns: %1</source>
        <translation>返回：%1</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>证书：%1</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>私钥：%1</translation>
    </message>
    <message>
        <source>Access log: %1</source>
        <translation>访问日志：%1</translation>
    </message>
    <message>
        <source>Error log: %1</source>
        <translation>错误日志：%1</translation>
    </message>
    <message>
        <source>Location %1 %2 → %3 (line %4)</source>
        <translation>Location %1 %2 → %3（第 %4 行）</translation>
    </message>
    <message>
        <source>File: %1, line %2</source>
        <translation>文件：%1，第 %2 行</translation>
    </message>
    <message>
        <source>Managed by qwq: the form rewrites this file.</source>
        <translation>由 qwq 管理：表单会重写此文件。</translation>
    </message>
    <message>
        <source>Hand-written: qwq changes only the directives you edit, in place.</source>
        <translation>手写：qwq 只原地修改你编辑的指令。</translation>
    </message>
    <message>
        <source>Disabled: nginx does not load it.</source>
        <translation>已停用：nginx 不会加载它。</translation>
    </message>
    <message>
        <source>In %1, line %2</source>
        <translation>位于 %1 第 %2 行</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 deleted (version %2 keeps its files: Versions… rolls it back).</source>
        <translation>%1 已删除（版本 %2 保留了它的文件：可在“版本…”中回滚）。</translation>
    </message>
    <message>
        <source>Is the nginx site %1 configured correctly? Do its errors show a problem?</source>
        <translation>nginx 站点 %1 配置正确吗？它的错误日志是否显示了问题？</translation>
    </message>
    <message>
        <source>nginx site %1</source>
        <translation>nginx 站点 %1</translation>
    </message>
    <message>
        <source>New Site</source>
        <translation>新建站点</translation>
    </message>
    <message>
        <source>Edit Site %1</source>
        <translation>编辑站点 %1</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Access and Headers</source>
        <translation>访问控制与响应头</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>路径规则</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>域名：</translation>
    </message>
    <message>
        <source>example.com (international names are converted to punycode)</source>
        <translation>example.com（国际化域名会转换为 punycode）</translation>
    </message>
    <message>
        <source>Other names:</source>
        <translation>其他名称：</translation>
    </message>
    <message>
        <source>www.example.com *.example.com (separated by spaces)</source>
        <translation>www.example.com *.example.com（用空格分隔）</translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation>监听：</translation>
    </message>
    <message>
        <source>every address</source>
        <translation>所有地址</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Static files</source>
        <translation>静态文件</translation>
    </message>
    <message>
        <source>Document root:</source>
        <translation>网站根目录：</translation>
    </message>
    <message>
        <source>One backend:</source>
        <translation>单个后端：</translation>
    </message>
    <message>
        <source>Load-balanced upstream</source>
        <translation>负载均衡的上游</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>轮询</translation>
    </message>
    <message>
        <source>Least connections</source>
        <translation>最少连接</translation>
    </message>
    <message>
        <source>By client IP</source>
        <translation>按客户端 IP</translation>
    </message>
    <message>
        <source>Server (host:port)</source>
        <translation>服务器（主机:端口）</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Max fails</source>
        <translation>最大失败次数</translation>
    </message>
    <message>
        <source>Fail timeout (s)</source>
        <translation>失败超时（秒）</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备用</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Pass WebSocket upgrades to the backend</source>
        <translation>把 WebSocket 升级请求转发给后端</translation>
    </message>
    <message>
        <source>Redirect to:</source>
        <translation>重定向到：</translation>
    </message>
    <message>
        <source>Status code:</source>
        <translation>状态码：</translation>
    </message>
    <message>
        <source>301 moved permanently</source>
        <translation>301 永久移动</translation>
    </message>
    <message>
        <source>302 found (temporary)</source>
        <translation>302 临时移动</translation>
    </message>
    <message>
        <source>307 temporary, same method</source>
        <translation>307 临时，保持请求方法</translation>
    </message>
    <message>
        <source>308 permanent, same method</source>
        <translation>308 永久，保持请求方法</translation>
    </message>
    <message>
        <source>Keep the path and query (/a?b → target/a?b)</source>
        <translation>保留路径和查询参数（/a?b → 目标/a?b）</translation>
    </message>
    <message>
        <source>Certificate and key files already on the server (under /etc/ssl, /etc/letsencrypt or /etc/nginx). Leave both empty to serve plain HTTP only.</source>
        <translation>服务器上已有的证书和私钥文件（位于 /etc/ssl、/etc/letsencrypt 或 /etc/nginx 下）。两者都留空则只提供普通 HTTP。</translation>
    </message>
    <message>
        <source>Certificate (chain) file:</source>
        <translation>证书（链）文件：</translation>
    </message>
    <message>
        <source>Private key file:</source>
        <translation>私钥文件：</translation>
    </message>
    <message>
        <source>HTTPS port:</source>
        <translation>HTTPS 端口：</translation>
    </message>
    <message>
        <source>Redirect HTTP to HTTPS</source>
        <translation>把 HTTP 重定向到 HTTPS</translation>
    </message>
    <message>
        <source>HSTS (browsers insist on HTTPS for a year)</source>
        <translation>HSTS（浏览器一年内坚持使用 HTTPS）</translation>
    </message>
    <message>
        <source>Compress responses (gzip)</source>
        <translation>压缩响应（gzip）</translation>
    </message>
    <message>
        <source>Largest request body:</source>
        <translation>最大请求体：</translation>
    </message>
    <message>
        <source>nginx&apos;s default (1m); e.g. 20m</source>
        <translation>nginx 默认值（1m）；例如 20m</translation>
    </message>
    <message>
        <source>Access log:</source>
        <translation>访问日志：</translation>
    </message>
    <message>
        <source>the server&apos;s default</source>
        <translation>服务器的默认值</translation>
    </message>
    <message>
        <source>Error log:</source>
        <translation>错误日志：</translation>
    </message>
    <message>
        <source>Rate limit per client:</source>
        <translation>每个客户端的限速：</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>请求/秒</translation>
    </message>
    <message>
        <source>burst</source>
        <translation>突发</translation>
    </message>
    <message>
        <source>Ask for a user name and password (basic authentication)</source>
        <translation>要求输入用户名和密码（基本认证）</translation>
    </message>
    <message>
        <source>Realm:</source>
        <translation>领域（Realm）：</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Passwords are stored on the server as SHA-512-crypt hashes. Leave a password empty to keep the one the user has.</source>
        <translation>密码以 SHA-512-crypt 哈希保存在服务器上。密码留空则保留该用户现有的密码。</translation>
    </message>
    <message>
        <source>Allow and deny (first match wins; e.g. allow 10.0.0.0/8, then deny all):</source>
        <translation>允许与拒绝（按顺序首个匹配生效；例如先允许 10.0.0.0/8，再拒绝 all）：</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Address, network or “all”</source>
        <translation>地址、网段或“all”</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Response headers:</source>
        <translation>响应头：</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>响应头</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Paths handled differently from the rest of the site. Target: a backend URL (proxy), a directory (static) or a URL (redirect).</source>
        <translation>与站点其余部分处理方式不同的路径。目标：后端 URL（代理）、目录（静态）或 URL（重定向）。</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>状态码</translation>
    </message>
    <message>
        <source>prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>= exact</source>
        <translation>= 精确</translation>
    </message>
    <message>
        <source>^~ prefix, no regex</source>
        <translation>^~ 前缀，不再匹配正则</translation>
    </message>
    <message>
        <source>~ regex</source>
        <translation>~ 正则</translation>
    </message>
    <message>
        <source>~* regex, any case</source>
        <translation>~* 正则，不区分大小写</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Preview shows every file the change writes and whether nginx accepts it.</source>
        <translation>预览会显示此更改写入的每个文件，以及 nginx 是否接受。</translation>
    </message>
    <message>
        <source>Create Site</source>
        <translation>创建站点</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>This site&apos;s file has lines the form does not hold (edited in the raw editor, or written by an older qwq). Saving the form rewrites the file from these fields; the Preview tab shows what would change.</source>
        <translation>此站点的文件中有表单未包含的行（在原始编辑器中编辑过，或由旧版 qwq 写入）。保存表单会按这些字段重写文件；“预览”页显示将要发生的变化。</translation>
    </message>
    <message>
        <source>Checking with nginx…</source>
        <translation>正在用 nginx 检查…</translation>
    </message>
    <message>
        <source>Files: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>none (nothing changes)</source>
        <translation>无（没有变化）</translation>
    </message>
    <message>
        <source>nginx accepts the new configuration (nginx -t on a staged copy).</source>
        <translation>nginx 接受新配置（在暂存副本上执行 nginx -t）。</translation>
    </message>
    <message>
        <source>Ready to apply.</source>
        <translation>可以应用。</translation>
    </message>
    <message>
        <source>nginx refuses it: %1</source>
        <translation>nginx 拒绝：%1</translation>
    </message>
    <message>
        <source>Creating the site…</source>
        <translation>正在创建站点…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>%1 was written by hand (%2, line %3). qwq changes only the directives below, in place; every other line, comment and include stays as it is. Empty a field to remove its directive. Use Raw Config… for anything else.</source>
        <translation>%1 是手写的（%2，第 %3 行）。qwq 只原地修改下面的指令；其他每一行、注释和 include 都保持原样。清空某个字段即删除该指令。其他修改请使用“原始配置…”。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有任何修改。</translation>
    </message>
    <message>
        <source>Checking with nginx and applying…</source>
        <translation>正在用 nginx 检查并应用…</translation>
    </message>
    <message>
        <source>Raw Configuration</source>
        <translation>原始配置</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>Check and Save</source>
        <translation>检查并保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>qwq manages this site: its form rewrites the file from its fields, and shows what that would replace.</source>
        <translation>此站点由 qwq 管理：它的表单按字段重写此文件，并会显示将被替换的内容。</translation>
    </message>
    <message>
        <source>Copy your changes, then Reload.</source>
        <translation>请先复制你的修改，然后重新读取。</translation>
    </message>
    <message>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>form saved</source>
        <translation>表单已保存</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>directives edited</source>
        <translation>指令已编辑</translation>
    </message>
    <message>
        <source>raw edit</source>
        <translation>原始编辑</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>已回滚</translation>
    </message>
    <message>
        <source>nginx Configuration Versions</source>
        <translation>nginx 配置版本</translation>
    </message>
    <message>
        <source>Versions of %1</source>
        <translation>%1 的版本</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Roll Back This Change</source>
        <translation>回滚此更改</translation>
    </message>
    <message>
        <source>No change has been recorded yet.</source>
        <translation>还没有记录任何更改。</translation>
    </message>
    <message>
        <source>Pick a change to see what rolling it back would do.</source>
        <translation>选择一个更改，查看回滚它会带来什么变化。</translation>
    </message>
    <message>
        <source>The files are already as they were before version %1.</source>
        <translation>这些文件已经是版本 %1 之前的样子。</translation>
    </message>
    <message>
        <source>Rolling back puts these files as they were before version %1 (+ lines come back, − lines go).</source>
        <translation>回滚会把这些文件恢复到版本 %1 之前的样子（+ 行会恢复，− 行会删除）。</translation>
    </message>
    <message>
        <source>Checking with nginx and rolling back…</source>
        <translation>正在用 nginx 检查并回滚…</translation>
    </message>
    <message>
        <source>Rolled back: %1</source>
        <translation>已回滚：%1</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>访问日志</translation>
    </message>
    <message>
        <source>Error log</source>
        <translation>错误日志</translation>
    </message>
    <message>
        <source>Only lines containing… (e.g. &quot; 404 &quot; or /api)</source>
        <translation>只显示包含…的行（例如 &quot; 404 &quot; 或 /api）</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最后</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> 行</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message numerus="yes">
        <source>Following: %n line(s)</source>
        <translation>
            <numerusform>正在跟踪：%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>No matching lines in %1.</source>
        <translation>%1 中没有匹配的行。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) from %1.</source>
        <translation>
            <numerusform>%n 行，来自 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste or load the certificate (PEM)</source>
        <translation>请粘贴或载入证书（PEM）</translation>
    </message>
    <message>
        <source>Paste or load the private key (PEM)</source>
        <translation>请粘贴或载入私钥（PEM）</translation>
    </message>
    <message>
        <source>Certificate stored: %1</source>
        <translation>证书已保存：%1</translation>
    </message>
    <message>
        <source>%1: certificate installed; %2</source>
        <translation>%1：证书已安装；%2</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Request Certificate…</source>
        <translation>申请证书…</translation>
    </message>
    <message>
        <source>certificate installed</source>
        <translation>证书已安装</translation>
    </message>
    <message>
        <source>Every certificate a site uses and every one qwq keeps, soonest expiry first. qwq renews the certificates it requested when fewer days are left than the renewal threshold.</source>
        <translation>站点使用的每张证书和 qwq 保存的每张证书，最早到期的排在前面。qwq 申请的证书在剩余天数少于续期阈值时会自动续期。</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>颁发者</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>续期</translation>
    </message>
    <message>
        <source>Import Certificate…</source>
        <translation>导入证书…</translation>
    </message>
    <message>
        <source>Renew when fewer days are left than:</source>
        <translation>剩余天数少于此值时续期：</translation>
    </message>
    <message>
        <source>Stop Automatic Renewal</source>
        <translation>停止自动续期</translation>
    </message>
    <message>
        <source>Renew Automatically</source>
        <translation>自动续期</translation>
    </message>
    <message>
        <source>unreadable: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>自签名</translation>
    </message>
    <message>
        <source>no site</source>
        <translation>无站点</translation>
    </message>
    <message>
        <source>outside qwq</source>
        <translation>qwq 之外</translation>
    </message>
    <message>
        <source>ACME (qwq)</source>
        <translation>ACME（qwq）</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>due</source>
        <translation>需要续期</translation>
    </message>
    <message>
        <source>not due</source>
        <translation>尚未到期</translation>
    </message>
    <message>
        <source>last try failed: %1</source>
        <translation>上次尝试失败：%1</translation>
    </message>
    <message>
        <source>last renewed %1</source>
        <translation>上次续期 %1</translation>
    </message>
    <message>
        <source>renew by importing a new one</source>
        <translation>导入新证书来续期</translation>
    </message>
    <message>
        <source>not renewed by qwq</source>
        <translation>不由 qwq 续期</translation>
    </message>
    <message>
        <source>Automatic renewal is off: certificates qwq requested are not renewed on this server.</source>
        <translation>自动续期已关闭：qwq 申请的证书不会在这台服务器上续期。</translation>
    </message>
    <message>
        <source>Automatic renewal: daily by %1, %2 days before expiry.</source>
        <translation>自动续期：由 %1 每天运行，到期前 %2 天续期。</translation>
    </message>
    <message>
        <source>Last run %1: %2 renewed, %3 failed.</source>
        <translation>上次运行 %1：续期 %2 张，失败 %3 张。</translation>
    </message>
    <message>
        <source>Automatic renewal installed (%1: %2).</source>
        <translation>已安装自动续期（%1：%2）。</translation>
    </message>
    <message>
        <source>Automatic renewal removed.</source>
        <translation>已移除自动续期。</translation>
    </message>
    <message>
        <source>Request a Certificate</source>
        <translation>申请证书</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>站点：</translation>
    </message>
    <message>
        <source>Certificate authority:</source>
        <translation>证书颁发机构：</translation>
    </message>
    <message>
        <source>Let&apos;s Encrypt</source>
        <translation>Let&apos;s Encrypt</translation>
    </message>
    <message>
        <source>Let&apos;s Encrypt staging (test certificates)</source>
        <translation>Let&apos;s Encrypt 测试环境（测试证书）</translation>
    </message>
    <message>
        <source>Other ACME directory URL</source>
        <translation>其他 ACME 目录 URL</translation>
    </message>
    <message>
        <source>Contact e-mail:</source>
        <translation>联系邮箱：</translation>
    </message>
    <message>
        <source>optional: the CA writes here before a certificate expires</source>
        <translation>可选：证书到期前 CA 会发邮件到这里</translation>
    </message>
    <message>
        <source>Validation:</source>
        <translation>验证方式：</translation>
    </message>
    <message>
        <source>HTTP-01: through this site on port 80</source>
        <translation>HTTP-01：通过此站点的 80 端口</translation>
    </message>
    <message>
        <source>DNS-01: a TXT record by RFC 2136 update (needed for *.names)</source>
        <translation>DNS-01：通过 RFC 2136 更新添加 TXT 记录（*.通配名称需要）</translation>
    </message>
    <message>
        <source>DNS server that takes dynamic updates (BIND, Knot, PowerDNS…)</source>
        <translation>接受动态更新的 DNS 服务器（BIND、Knot、PowerDNS…）</translation>
    </message>
    <message>
        <source>Primary server:</source>
        <translation>主服务器：</translation>
    </message>
    <message>
        <source>Zone:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>TSIG key name:</source>
        <translation>TSIG 密钥名：</translation>
    </message>
    <message>
        <source>Algorithm:</source>
        <translation>算法：</translation>
    </message>
    <message>
        <source>TSIG secret (base64):</source>
        <translation>TSIG 密钥（base64）：</translation>
    </message>
    <message>
        <source>kept on the server for renewal (root only), never shown again</source>
        <translation>为了续期保存在服务器上（仅 root 可读），不会再显示</translation>
    </message>
    <message>
        <source>Redirect HTTP to HTTPS once installed</source>
        <translation>安装后把 HTTP 重定向到 HTTPS</translation>
    </message>
    <message>
        <source>Other addresses of this server:</source>
        <translation>此服务器的其他地址：</translation>
    </message>
    <message>
        <source>optional: public addresses in front of it (NAT, load balancer)</source>
        <translation>可选：它前面的公网地址（NAT、负载均衡）</translation>
    </message>
    <message>
        <source>Check DNS with:</source>
        <translation>用此 DNS 检查：</translation>
    </message>
    <message>
        <source>the server&apos;s resolver (/etc/resolv.conf)</source>
        <translation>服务器的解析器（/etc/resolv.conf）</translation>
    </message>
    <message>
        <source>I agree to the certificate authority&apos;s terms of service</source>
        <translation>我同意证书颁发机构的服务条款</translation>
    </message>
    <message>
        <source>Check DNS</source>
        <translation>检查 DNS</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Request Anyway</source>
        <translation>仍然申请</translation>
    </message>
    <message>
        <source>Checking that the names point at this server</source>
        <translation>正在检查名称是否指向这台服务器</translation>
    </message>
    <message>
        <source>Adding the challenge location to the site</source>
        <translation>正在为站点添加验证路径</translation>
    </message>
    <message>
        <source>Registering with the certificate authority</source>
        <translation>正在向证书颁发机构注册</translation>
    </message>
    <message>
        <source>Ordering the certificate</source>
        <translation>正在订购证书</translation>
    </message>
    <message>
        <source>Proving control of the name</source>
        <translation>正在证明对该名称的控制权</translation>
    </message>
    <message>
        <source>Name validated</source>
        <translation>名称已验证</translation>
    </message>
    <message>
        <source>Sending the signing request</source>
        <translation>正在发送签名请求</translation>
    </message>
    <message>
        <source>Downloading the certificate</source>
        <translation>正在下载证书</translation>
    </message>
    <message>
        <source>Installing it into the site</source>
        <translation>正在安装到站点</translation>
    </message>
    <message>
        <source>Resolving the site&apos;s names…</source>
        <translation>正在解析站点的名称…</translation>
    </message>
    <message>
        <source>points here</source>
        <translation>指向这里</translation>
    </message>
    <message>
        <source>points elsewhere</source>
        <translation>指向别处</translation>
    </message>
    <message>
        <source>does not resolve</source>
        <translation>无法解析</translation>
    </message>
    <message>
        <source>Every name points at this server: HTTP-01 can validate.</source>
        <translation>每个名称都指向这台服务器：HTTP-01 可以验证。</translation>
    </message>
    <message>
        <source>Some names do not point at this server (%1): HTTP-01 would fail for them.</source>
        <translation>部分名称没有指向这台服务器（%1）：它们的 HTTP-01 验证会失败。</translation>
    </message>
    <message>
        <source>Requesting… (the CA validates each name; this can take a minute)</source>
        <translation>正在申请…（CA 会逐个验证名称，可能需要一分钟）</translation>
    </message>
    <message>
        <source>Requesting a certificate for %1 from %2</source>
        <translation>正在从 %2 为 %1 申请证书</translation>
    </message>
    <message>
        <source>Issued by %1, valid until %2 (%3 days).</source>
        <translation>由 %1 颁发，有效期至 %2（%3 天）。</translation>
    </message>
    <message>
        <source>Certificate stored.</source>
        <translation>证书已保存。</translation>
    </message>
    <message>
        <source>Certificate installed into %1: %2</source>
        <translation>证书已安装到 %1：%2</translation>
    </message>
    <message>
        <source>Import a Certificate</source>
        <translation>导入证书</translation>
    </message>
    <message>
        <source>Install into site:</source>
        <translation>安装到站点：</translation>
    </message>
    <message>
        <source>(only store it)</source>
        <translation>（只保存）</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>optional: the site&apos;s domain, else the certificate&apos;s first name</source>
        <translation>可选：站点的域名，否则使用证书中的第一个名称</translation>
    </message>
    <message>
        <source>Certificate (PEM; the chain may follow it):</source>
        <translation>证书（PEM；后面可以跟证书链）：</translation>
    </message>
    <message>
        <source>Private key (PEM, not encrypted; stored with mode 0600):</source>
        <translation>私钥（PEM，未加密；以 0600 权限保存）：</translation>
    </message>
    <message>
        <source>Intermediate chain (PEM, optional):</source>
        <translation>中间证书链（PEM，可选）：</translation>
    </message>
    <message>
        <source>Load File…</source>
        <translation>载入文件…</translation>
    </message>
    <message>
        <source>Check and Import</source>
        <translation>检查并导入</translation>
    </message>
    <message>
        <source>Load PEM File</source>
        <translation>载入 PEM 文件</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read or is larger than 256 KiB</source>
        <translation>%1 无法读取或大于 256 KiB</translation>
    </message>
    <message>
        <source>Checking the certificate, key and chain…</source>
        <translation>正在检查证书、私钥和证书链…</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>已导入：%1</translation>
    </message>
    <message>
        <source>nginx&apos;s configuration on %1 does not parse:
%2, line %3: %4

nginx keeps serving its previous configuration. Repair this file to manage the sites again; the repair is checked with nginx -t before it is saved.</source>
        <translation>%1 上的 nginx 配置无法解析：
%2，第 %3 行：%4

nginx 仍在使用之前的配置提供服务。修复这个文件后即可重新管理站点；保存前会先用 nginx -t 检查修复结果。</translation>
    </message>
    <message>
        <source>Open the File</source>
        <translation>打开该文件</translation>
    </message>
    <message>
        <source>This file does not parse (line %1: %2). Repair it and save: nginx checks it before anything is written.</source>
        <translation>这个文件无法解析（第 %1 行：%2）。请修复后保存：写入前会先由 nginx 检查。</translation>
    </message>
    <message>
        <source>Remember it in this computer&apos;s keychain</source>
        <translation>保存到本机的钥匙串</translation>
    </message>
    <message>
        <source>The TSIG secret of this key was filled in from this computer&apos;s keychain.</source>
        <translation>已从本机钥匙串填入这个密钥名对应的 TSIG 密钥。</translation>
    </message>
    <message>
        <source>The TSIG secret could not be saved in the keychain: %1</source>
        <translation>无法把 TSIG 密钥保存到钥匙串：%1</translation>
    </message>
</context>
<context>
    <name>Qwq::Workbench</name>
    <message>
        <source>%1 (×%2)</source>
        <translation>%1（×%2）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>local helper</source>
        <translation>本机助手</translation>
    </message>
    <message>
        <source>reads only</source>
        <translation>只读取</translation>
    </message>
    <message>
        <source>reads secrets</source>
        <translation>读取机密信息</translation>
    </message>
    <message>
        <source>changes the server</source>
        <translation>修改服务器</translation>
    </message>
    <message>
        <source>cannot be undone</source>
        <translation>不可撤销</translation>
    </message>
    <message>
        <source>unknown — treated as cannot be undone</source>
        <translation>未知 — 按不可撤销处理</translation>
    </message>
    <message>
        <source>Confirm an irreversible change</source>
        <translation>确认不可撤销的更改</translation>
    </message>
    <message>
        <source>Confirm a change</source>
        <translation>确认更改</translation>
    </message>
    <message>
        <source>This call cannot be undone. Read it, then type the server&apos;s name to approve it.</source>
        <translation>此操作不可撤销。请仔细阅读，然后输入服务器名称以批准。</translation>
    </message>
    <message>
        <source>This profile asks before every change. This is exactly what will be sent:</source>
        <translation>此配置在每次更改前都会询问。以下正是将要发送的内容：</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>Effect:</source>
        <translation>影响：</translation>
    </message>
    <message>
        <source>(no parameters)</source>
        <translation>（无参数）</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Type “%1”:</source>
        <translation>输入“%1”：</translation>
    </message>
    <message>
        <source>The server asks you to log in</source>
        <translation>服务器要求你登录</translation>
    </message>
    <message>
        <source>%1 asks for the following to log in as %2 (for example a code from your authenticator app).</source>
        <translation>%1 要求以下信息才能以 %2 登录（例如身份验证器应用中的验证码）。</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>需要密码</translation>
    </message>
    <message>
        <source>No password is stored for %1 on %2.</source>
        <translation>未保存 %2 上 %1 的密码。</translation>
    </message>
    <message>
        <source>sudo password needed</source>
        <translation>需要 sudo 密码</translation>
    </message>
    <message>
        <source>%1 runs the qwq helper through sudo, and sudo asks for the password of %2.</source>
        <translation>%1 通过 sudo 运行 qwq 助手，sudo 要求输入 %2 的密码。</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>回答：</translation>
    </message>
    <message>
        <source>Remember the sudo password in the system keychain</source>
        <translation>在系统钥匙串中记住 sudo 密码</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>在系统钥匙串中记住密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
</TS>
