// test/grammar.test.js — the TextMate grammar is valid and tokenizes a
// sample as an editor would (vscode-textmate with the Oniguruma engine VS
// Code uses): each listed piece of the sample gets the scope it should.
// Prints "grammar: N passed, N failed"; exit status 1 on a failure.
"use strict";
const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
const onigLib = oniguruma.loadWASM(wasm).then(() => ({
  createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
  createOnigString: (s) => new oniguruma.OnigString(s),
}));

const registry = new vsctm.Registry({
  onigLib,
  loadGrammar: async (scopeName) => {
    if (scopeName !== "source.ramme") return null;
    const file = path.join(__dirname, "..", "syntaxes", "ramme.tmLanguage.json");
    return vsctm.parseRawGrammar(fs.readFileSync(file, "utf8"), file);
  },
});

const sample = [
  'import "national"',
  "",
  "# Et kursus",
  'course peer "Peer-uddannelse, Århus {1 + 2}" extends base {',
  "  conforms  national",
  "  theory {",
  "    hours 78h",
  "    weeks 13",
  "  }",
  "  practicum { length 4 måneder }",
  "  study_groups ja",
  "  start 2025-09-01",
  "  covers recovery.hope",
  "  require count(target where lived_experience) >= 1 and not defined(x)",
  "}",
];

// [line, text, a scope the token must carry]
const expect = [
  [0, "import", "keyword.control.import.ramme"],
  [0, "national", "string.quoted.double.ramme"],
  [2, "# Et kursus", "comment.line.number-sign.ramme"],
  [3, "course", "storage.type.ramme"],
  [3, "peer", "entity.name.type.ramme"],
  [3, "{", "punctuation.section.interpolation.begin.ramme"],
  [3, "extends", "keyword.other.ramme"],
  [4, "conforms", "variable.other.property.ramme"],
  [6, "78h", "constant.numeric.quantity.ramme"],
  [7, "13", "constant.numeric.ramme"],
  [9, "4 måneder", "constant.numeric.quantity.ramme"],
  [10, "ja", "constant.language.boolean.ramme"],
  [11, "2025-09-01", "constant.other.date.ramme"],
  [12, "recovery.hope", "variable.other.ramme"],
  [13, "count", "support.function.builtin.ramme"],
  [13, "where", "keyword.other.ramme"],
  [13, ">=", "keyword.operator.ramme"],
  [13, "and", "keyword.operator.logical.ramme"],
  [13, "not", "keyword.operator.logical.ramme"],
];

registry.loadGrammar("source.ramme").then((grammar) => {
  if (!grammar) throw new Error("the grammar did not load");
  let state = vsctm.INITIAL;
  const lines = [];
  for (const line of sample) {
    const r = grammar.tokenizeLine(line, state);
    lines.push(r.tokens.map((t) => ({ text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes })));
    state = r.ruleStack;
  }
  let pass = 0, fail = 0;
  for (const [ln, text, scope] of expect) {
    const tok = lines[ln].find((t) => t.text === text || t.text.trim() === text);
    if (tok && tok.scopes.includes(scope)) {
      pass++;
    } else {
      fail++;
      console.log(`FAIL grammar: line ${ln} ${JSON.stringify(text)}: want ${scope}, got ${JSON.stringify(tok ? tok.scopes : lines[ln])}`);
    }
  }
  console.log(`grammar: ${pass} passed, ${fail} failed`);
  process.exit(fail ? 1 : 0);
});
