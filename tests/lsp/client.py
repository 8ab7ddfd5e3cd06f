"""A language client as an editor is one: it starts `ramme lsp`, frames
JSON-RPC messages with Content-Length over the server's stdin and stdout,
and collects what the server sends (stdlib only: json, subprocess)."""
import json
import os
import subprocess
import threading
import queue


class Client:
    def __init__(self, ramme, *args, env=None):
        e = dict(os.environ)
        if env:
            e.update(env)
        self.proc = subprocess.Popen([ramme, "lsp", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=e)
        self.next_id = 0
        self.inbox = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.decode("ascii").rstrip("\r\n")
                if not line:
                    break
                k, _, v = line.partition(":")
                headers[k.strip().lower()] = v.strip()
            n = int(headers["content-length"])
            self.inbox.put(json.loads(out.read(n).decode("utf-8")))

    def send_raw(self, data: bytes):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params or {}})

    def request(self, method, params=None):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params or {}})
        return self.wait_response(self.next_id)

    def get(self, timeout=20):
        msg = self.inbox.get(timeout=timeout)
        if msg is None:
            raise EOFError("the server closed its output")
        return msg

    def wait_response(self, id_):
        while True:
            msg = self.get()
            if msg.get("id") == id_ and "method" not in msg:
                return msg

    def wait_diagnostics(self, uri):
        while True:
            msg = self.get()
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
                return msg["params"]

    def initialize(self):
        r = self.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        self.notify("initialized")
        return r

    def open(self, uri, text, version=1):
        self.notify("textDocument/didOpen",
                    {"textDocument": {"uri": uri, "languageId": "ramme", "version": version, "text": text}})
        return self.wait_diagnostics(uri)

    def change(self, uri, text, version):
        self.notify("textDocument/didChange",
                    {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]})
        return self.wait_diagnostics(uri)

    def close(self, timeout=20):
        """shutdown, exit; returns the exit status."""
        self.request("shutdown")
        self.notify("exit")
        self.proc.stdin.close()
        return self.proc.wait(timeout=timeout)
