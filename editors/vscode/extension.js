// extension.js — starts the ramme language server (`ramme lsp`) for .ramme
// files with vscode-languageclient; the server speaks LSP over stdio.
"use strict";
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function serverOptions() {
  const cfg = vscode.workspace.getConfiguration("ramme");
  const command = cfg.get("path") || "ramme";
  const args = ["lsp"];
  for (const dir of cfg.get("includeDirectories") || []) args.push("-I", dir);
  const lang = cfg.get("language");
  if (lang) args.push("--lang", lang);
  return { command, args };
}

async function start() {
  client = new LanguageClient("ramme", "ramme", serverOptions(), {
    documentSelector: [{ scheme: "file", language: "ramme" }, { scheme: "untitled", language: "ramme" }],
  });
  await client.start();
}

async function activate(context) {
  await start();
  // A changed setting (another ramme, other -I directories) restarts the server.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration("ramme")) return;
      if (client) await client.stop();
      await start();
    })
  );
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
