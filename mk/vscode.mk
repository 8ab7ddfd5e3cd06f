# mk/vscode.mk — the VS Code extension (editors/vscode/, editors/README.md).
#
#   make vscode        npm ci in editors/vscode (its pinned packages), the grammar's test
#                      (vscode-textmate with Oniguruma tokenizes a sample), then
#                      $(BUILD)/ramme-$(VERSION).vsix packaged with @vscode/vsce
#   make vscode-test   only the grammar's test (after npm ci)
#
# npm is used for this alone; `make check` runs tests/e2e/vscode.sh, which checks the
# extension's JSON files and the grammar's keywords without npm, and runs the grammar's
# test too when editors/vscode/node_modules is there.

VSCODE_DIR := editors/vscode

.PHONY: vscode vscode-deps vscode-test

vscode-deps:
	@command -v npm >/dev/null 2>&1 || { echo "make vscode: needs node (>= 18) and npm" >&2; exit 1; }
	cd $(VSCODE_DIR) && npm ci --no-audit --no-fund --loglevel=error

vscode-test: vscode-deps
	cd $(VSCODE_DIR) && node test/grammar.test.js

vscode: vscode-test
	@mkdir -p $(BUILD)
	cd $(VSCODE_DIR) && npx vsce package --allow-missing-repository -o $(abspath $(BUILD))/ramme-$(VERSION).vsix
