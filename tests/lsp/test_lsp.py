#!/usr/bin/env python3
"""tests/lsp/test_lsp.py RAMME — drives `RAMME lsp` over stdio exactly as an
editor does (tests/lsp/client.py), one test per capability, each asserting
what the server says: messages, ranges in UTF-16 code units, hover text,
completion labels, locations, edits, error codes, exit statuses.
Prints "lsp: N passed, N failed"."""
import json
import os
import subprocess
import sys
import tempfile
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from client import Client  # noqa: E402

RAMME = os.path.abspath(sys.argv[1])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TMP = tempfile.mkdtemp(prefix="ramme-lsp-")

COURSE = """import "national"

course peer "Peer-uddannelse, Århus" {
  provider  "Recovery-skolen Århus"
  conforms  national

  target peers "Mennesker med levede erfaringer" {
    lived_experience
  }

  theory {
    weeks             13
    sessions_per_week 2
    session_length    3h
    hours             78h
  }

  module m1 "Håb" {
    hours  20h
    covers recovery.hope
  }

  practicum {
    length 4 months
  }

  group_size 6..8

  instructors {
    instructor peer_teacher "Peer-underviser" {
      experiential_competence
      continuous
    }
  }

  principles practice_oriented, interdisciplinary, empowerment, exemplary
}
"""


def uri_of(name):
    return "file://" + os.path.join(TMP, name)


def write(name, text):
    with open(os.path.join(TMP, name), "w", encoding="utf-8") as f:
        f.write(text)
    return uri_of(name)


def u16(s):
    """The length of s in UTF-16 code units."""
    return len(s.encode("utf-16-le")) // 2


def pos(text, needle, nth=0, delta=0):
    """The LSP position of the nth occurrence of needle (plus delta characters)."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    at += delta
    line = text.count("\n", 0, at)
    start = text.rfind("\n", 0, at) + 1
    return {"line": line, "character": u16(text[start:at])}


def started(env=None):
    c = Client(RAMME, env=env)
    c.initialize()
    return c


def diag_with(diags, fragment):
    for d in diags["diagnostics"]:
        if fragment in d["message"]:
            return d
    raise AssertionError("no diagnostic says %r: %s" % (fragment, json.dumps(diags, ensure_ascii=False)))


# ------------------------------------------------------------------ tests

def test_initialize():
    c = Client(RAMME)
    r = c.initialize()["result"]
    caps = r["capabilities"]
    assert caps["textDocumentSync"]["change"] == 1, caps
    for p in ("hoverProvider", "definitionProvider", "documentSymbolProvider", "documentFormattingProvider"):
        assert caps[p] is True, p
    assert caps["completionProvider"]["triggerCharacters"] == ["."]
    assert caps["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    assert r["serverInfo"]["name"] == "ramme"
    assert c.close() == 0


def test_diagnostics_utf16_ranges():
    # The error sits after æ, ø, å (one UTF-16 unit each, two bytes) and an
    # emoji (two units, four bytes) on the same line.
    text = COURSE.replace('course peer "Peer-uddannelse, Århus" {',
                          'course peer "æøå 😀" extends nosuch {')
    uri = write("utf16.ramme", text)
    c = started()
    d = c.open(uri, text)
    g = diag_with(d, "no course named 'nosuch' to extend")
    assert g["severity"] == 1, g
    assert g["source"] == "ramme"
    line = text.splitlines()[2]
    start = u16(line[:line.index("nosuch")])
    assert start == 29, start   # 34 bytes, 27 characters, 29 UTF-16 units before it
    assert g["range"] == {"start": {"line": 2, "character": start},
                          "end": {"line": 2, "character": start + 6}}, g["range"]
    assert c.close() == 0


def test_diagnostics_on_change_and_rules():
    uri = write("change.ramme", COURSE)
    c = started()
    d = c.open(uri, COURSE)
    # A clean course: only its failed rules, as warnings with the rule's id
    # (and rules it cannot judge, as information).
    assert all(x["severity"] in (2, 3) and "code" in x for x in d["diagnostics"]), d
    codes = {x["code"] for x in d["diagnostics"]}
    assert "consistency.group_size" not in codes, codes
    # The group's lower bound above its upper: consistency.group_size fails,
    # at the course's group_size entry.
    bad = COURSE.replace("group_size 6..8", "group_size 12..8")
    d = c.change(uri, bad, 2)
    assert d["version"] == 2
    g = [x for x in d["diagnostics"] if x.get("code") == "consistency.group_size"]
    assert len(g) == 1, d
    g = g[0]
    assert g["severity"] == 2
    assert g["message"].startswith("Holdstørrelsen skal være mindst 1 deltager"), g["message"]
    assert "cites: Kursusdesignets interne sammenhæng" in g["message"], g["message"]
    assert g["range"]["start"] == pos(bad, "12..8"), (g["range"], pos(bad, "12..8"))
    # An unknown key, with its help and the fix's data.
    typo = COURSE.replace("  provider  ", "  provder  ")
    d = c.change(uri, typo, 3)
    g = diag_with(d, "unknown key 'provder' in course 'peer'")
    assert "help: did you mean 'provider'?" in g["message"], g["message"]
    assert g["range"]["start"] == pos(typo, "provder") and g["range"]["end"] == pos(typo, "provder", delta=7)
    assert g["data"] == {"replace": "provider"}, g
    # A syntax error anywhere: still an answer, and the next change clears it.
    d = c.change(uri, COURSE[:200] + "{{ ]] \"", 4)
    assert any(x["severity"] == 1 for x in d["diagnostics"]), d
    d = c.change(uri, COURSE, 5)
    assert not any(x["severity"] == 1 for x in d["diagnostics"]), d
    # Without principles the rules that read them cannot be judged: each an
    # information, "unknown:" (the brief report's word) before its message.
    nop = COURSE.replace("  principles practice_oriented, interdisciplinary, empowerment, exemplary\n", "")
    d = c.change(uri, nop, 6)
    u = [x for x in d["diagnostics"] if x.get("code") == "national.form_principles"]
    assert len(u) == 1 and u[0]["severity"] == 3, d
    assert u[0]["message"].startswith("unknown: "), u[0]["message"]
    # Closing clears the document's diagnostics.
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    d = c.wait_diagnostics(uri)
    assert d["diagnostics"] == []
    assert c.close() == 0


def test_related_information():
    # "declared twice": the note points at the first declaration.
    text = COURSE + '\ncourse peer "igen" {\n}\n'
    uri = write("twice.ramme", text)
    c = started()
    d = c.open(uri, text)
    g = diag_with(d, "course 'peer' is declared twice")
    rel = g["relatedInformation"]
    assert rel[0]["message"] == "first declared here", rel
    assert rel[0]["location"]["uri"] == uri
    assert rel[0]["location"]["range"]["start"] == pos(text, "peer"), rel
    assert c.close() == 0


def test_diagnostic_in_an_import():
    # An error in a file the document imports, through another: shown at
    # the document's import of the first, its own place in the related
    # information.
    write("deep_base.ramme", COURSE.replace("  group_size 6..8\n", "  group_size 6..8\n  bogus_key 1\n"))
    write("deep_mid.ramme", 'import "./deep_base.ramme"\n')
    text = 'import "national"\nimport "./deep_mid.ramme"\n'
    uri = write("deep_top.ramme", text)
    c = started()
    d = c.open(uri, text)
    g = diag_with(d, "bogus_key")
    start = pos(text, '"./deep_mid.ramme"')
    assert g["range"]["start"] == start, g
    rel = g["relatedInformation"][0]["location"]
    assert rel["uri"].endswith("deep_base.ramme"), rel
    assert rel["range"]["start"]["line"] > 0, rel
    assert c.close() == 0


def test_danish():
    typo = COURSE.replace("  provider  ", "  provder  ")
    uri = write("dansk.ramme", typo)
    c = started(env={"LANG": "da_DK.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""})
    d = c.open(uri, typo)
    g = d["diagnostics"][0]
    assert "'provder'" in g["message"] and "ukendt" in g["message"].lower(), g["message"]
    assert "mente du 'provider'?" in g["message"], g["message"]
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": g["range"],
                                              "context": {"diagnostics": [g]}})
    assert r["result"][0]["title"] == "Erstat med 'provider'", r
    assert c.close() == 0


def hover(c, uri, p):
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": p})
    return r["result"]


def test_hover():
    uri = write("hover.ramme", COURSE)
    c = started()
    c.open(uri, COURSE)
    h = hover(c, uri, pos(COURSE, "provider", delta=2))
    assert h["contents"]["kind"] == "markdown"
    assert h["contents"]["value"] == "**provider**: string\n\nwho offers it", h
    assert h["range"]["start"] == pos(COURSE, "provider")
    # A goal id: its Danish title.
    h = hover(c, uri, pos(COURSE, "recovery.hope", delta=3))
    assert "Skabe håb" in h["contents"]["value"], h
    assert h["range"]["end"] == pos(COURSE, "recovery.hope", delta=len("recovery.hope"))
    # A framework named by conforms: its title.
    h = hover(c, uri, pos(COURSE, "national", nth=1, delta=1))
    assert "Ramme for peer-uddannelser i Danmark" in h["contents"]["value"], h
    # A quantity: its unit's dimension.
    h = hover(c, uri, pos(COURSE, "78h", delta=1))
    assert h["contents"]["value"] == "78 h: contact time", h
    # An enum member: its label.
    h = hover(c, uri, pos(COURSE, "empowerment", delta=1))
    assert h["contents"]["value"].startswith("principle **empowerment**"), h
    # Whitespace: nothing.
    assert hover(c, uri, {"line": 1, "character": 0}) is None
    assert c.close() == 0


def test_hover_rule():
    text = ('import "national"\nimport "./hover_rule_course.ramme"\n\n'
            'expect peer "x" {\n  fail national.goal_coverage\n}\n')
    write("hover_rule_course.ramme", COURSE)
    uri = write("hover_rule.ramme", text)
    c = started()
    c.open(uri, text)
    h = hover(c, uri, pos(text, "goal_coverage", delta=2))
    v = h["contents"]["value"]
    assert v.startswith("**national.goal_coverage** (warning)"), v
    assert "Alle kompetencemål" in v and "cites: Kompetencemål" in v, v
    assert c.close() == 0


def test_hover_expression():
    # In a framework's rules: a name in a `require` is the field it reads,
    # a member name its enum's member.
    path = os.path.join(ROOT, "stdlib", "national.ramme")
    text = open(path, encoding="utf-8").read()
    uri = "file://" + path
    c = started()
    d = c.open(uri, text)
    assert not any(x["severity"] == 1 for x in d["diagnostics"]), d
    h = hover(c, uri, pos(text, "where lived_experience", delta=8))
    assert h["contents"]["value"] == "**lived_experience**: yes/no\n\nthe group has lived experience", h
    h = hover(c, uri, pos(text, "or practice_oriented in principles", delta=5))
    assert h["contents"]["value"].startswith("principle **practice_oriented**"), h
    # A rule's and a goal's own declarations.
    h = hover(c, uri, pos(text, "rule goal_coverage", delta=6))
    assert h["contents"]["value"].startswith("**national.goal_coverage** (warning)\n\nAlle kompetencemål"), h
    h = hover(c, uri, pos(text, "goal recovery.hope", delta=6))
    assert h["contents"]["value"] == "goal **recovery.hope**\n\nSkabe håb", h
    assert c.close() == 0


def labels(c, uri, p):
    r = c.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": p})
    return {i["label"]: i for i in r["result"]}


def test_completion():
    text = COURSE.replace("  group_size 6..8\n", "  group_size 6..8\n  \n  format \n")
    text = text.replace("    covers recovery.hope", "    covers recovery.hope, ")
    uri = write("complete.ramme", text)
    c = started()
    c.open(uri, text)
    # Keys of the course block (and their Danish words) on an empty line.
    got = labels(c, uri, pos(text, "  \n  format", delta=2))
    for k in ("provider", "group_size", "holdstørrelse", "module", "admission"):
        assert k in got, (k, sorted(got))
    assert got["provider"]["kind"] == 5 and got["provider"]["detail"] == "string"
    assert got["holdstørrelse"]["detail"] == "group_size"
    # The keys of a nested block: theory's.
    got = labels(c, uri, pos(text, "    weeks", delta=4))
    assert {"weeks", "sessions_per_week", "uger"} <= set(got), sorted(got)
    assert "provider" not in got
    # Enum members after an enum key.
    got = labels(c, uri, pos(text, "format ", delta=7))
    assert {"cohort", "modular"} <= set(got), sorted(got)
    # Goal ids after covers.
    got = labels(c, uri, pos(text, "recovery.hope, ", delta=15))
    assert {"recovery.hope", "role.tools", "organisation.collaboration"} <= set(got), sorted(got)
    assert got["recovery.hope"]["detail"] == "Skabe håb"
    # Frameworks after conforms.
    got = labels(c, uri, pos(text, "conforms  ", delta=10))
    assert "national" in got, sorted(got)
    # Top level: the kinds.
    got = labels(c, uri, {"line": 1, "character": 0})
    assert {"course", "framework", "import", "uddannelse"} <= set(got), sorted(got)
    assert c.close() == 0


def test_completion_one_line_block():
    # A block written on one line: the entry the cursor is in is the one
    # after the last '{' (not the line's first key), and a '{' inside a
    # string does not count.
    text = COURSE.replace('  module m1 "Håb" {',
                          '  module m2 "Mål {x}; y" { covers  }\n  module m3 "Tre" {  }\n  module m1 "Håb" {')
    uri = write("oneline.ramme", text)
    c = started()
    c.open(uri, text)
    got = labels(c, uri, pos(text, "{ covers  }", delta=9))
    assert {"recovery.hope", "role.tools"} <= set(got), sorted(got)
    got = labels(c, uri, pos(text, '"Tre" {  }', delta=8))
    assert {"hours", "covers"} <= set(got), sorted(got)
    assert "provider" not in got and "module" not in got, sorted(got)
    assert c.close() == 0


def test_completion_rule_ids_and_names():
    write("names_course.ramme", COURSE)
    text = 'import "./names_course.ramme"\n\nexpect peer "x" {\n  fail \n}\n'
    uri = write("names.ramme", text)
    c = started()
    c.open(uri, text)
    got = labels(c, uri, pos(text, "fail ", delta=5))
    assert {"national.goal_coverage", "consistency.group_size"} <= set(got), sorted(got)
    text2 = text.replace('expect peer "x"', 'expect  "x"')
    c.change(uri, text2, 2)
    # The name of a course in scope, as the header's block names it.
    got = labels(c, uri, pos(text2, "fail ", delta=5))
    assert "national.network" in got
    assert c.close() == 0


def definition(c, uri, p):
    return c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": p})["result"]


def test_definition():
    base = write("base.ramme", COURSE)
    text = 'import "national"\nimport "./base.ramme"\n\ncourse lokal "Lokal" extends peer {\n  group_size 4..6\n}\n'
    uri = write("variant.ramme", text)
    c = started()
    c.open(uri, text)
    national = os.path.join(ROOT, "stdlib", "national.ramme")
    nat_text = open(national, encoding="utf-8").read()
    # extends: the base course's name in its file.
    loc = definition(c, uri, pos(text, "peer", delta=1))
    assert loc["uri"] == base, loc
    assert loc["range"]["start"] == pos(COURSE, "peer"), loc
    # An import: the file.
    loc = definition(c, uri, pos(text, "./base", delta=3))
    assert loc["uri"] == base, loc
    loc = definition(c, uri, pos(text, "national", delta=2))
    assert loc["uri"] == "file://" + national, loc
    # conforms and a goal id, in the base's own text.
    c.open(base, COURSE)
    loc = definition(c, base, pos(COURSE, "national", nth=1, delta=2))
    assert loc["uri"] == "file://" + national and loc["range"]["start"] == pos(nat_text, "framework national", delta=10), loc
    loc = definition(c, base, pos(COURSE, "recovery.hope", delta=2))
    assert loc["range"]["start"] == pos(nat_text, "recovery.hope"), loc
    assert definition(c, base, {"line": 1, "character": 0}) is None
    assert c.close() == 0


def test_definition_for():
    ex = os.path.join(ROOT, "examples")
    course = write("region-midt.ramme", open(os.path.join(ex, "region-midt.ramme"), encoding="utf-8").read())
    text = open(os.path.join(ex, "region-midt-schedule.ramme"), encoding="utf-8").read()
    uri = write("region-midt-schedule.ramme", text)
    c = started()
    d = c.open(uri, text)
    assert not any(x["severity"] == 1 for x in d["diagnostics"]), d
    loc = definition(c, uri, pos(text, "for region_midt", delta=6))
    course_text = open(os.path.join(ex, "region-midt.ramme"), encoding="utf-8").read()
    assert loc["uri"] == course and loc["range"]["start"] == pos(course_text, "region_midt"), loc
    # Completion after the header's marker word: the courses.
    text2 = text.replace("for region_midt {", "for  {")
    c.change(uri, text2, 2)
    got = labels(c, uri, pos(text2, "for  {", delta=4))
    assert "region_midt" in got and got["region_midt"]["detail"] == "Peer-uddannelse, Region Midtjylland", got
    c.change(uri, text, 3)
    h = hover(c, uri, pos(text, "for region_midt", delta=6))
    assert h["contents"]["value"] == 'course **region_midt**\n\nPeer-uddannelse, Region Midtjylland', h
    assert c.close() == 0


def test_document_symbols():
    uri = write("symbols.ramme", COURSE)
    c = started()
    c.open(uri, COURSE)
    r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})["result"]
    assert [s["name"] for s in r] == ["peer"], r
    peer = r[0]
    assert peer["detail"] == "course" and peer["kind"] == 5
    assert peer["selectionRange"]["start"] == pos(COURSE, "peer")
    assert peer["range"]["start"] == pos(COURSE, "course peer")
    kids = [k["name"] for k in peer["children"]]
    assert kids[:2] == ["peers", "theory"] and "m1" in kids and "instructors" in kids, kids
    inst = [k for k in peer["children"] if k["name"] == "instructors"][0]
    assert [k["name"] for k in inst["children"]] == ["peer_teacher"], inst
    assert c.close() == 0


def test_formatting():
    messy = COURSE.replace("  provider  \"", "      provider \"").replace("group_size 6..8", "group_size    6..8 ")
    uri = write("fmt.ramme", messy)
    c = started()
    c.open(uri, messy)
    want = subprocess.run([RAMME, "fmt"], input=messy.encode(), capture_output=True).stdout.decode()
    assert want != messy
    r = c.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}})
    edits = r["result"]
    assert len(edits) == 1 and edits[0]["newText"] == want, edits
    assert edits[0]["range"]["start"] == {"line": 0, "character": 0}
    assert edits[0]["range"]["end"] == pos(messy, messy[-1], nth=messy.count(messy[-1]) - 1, delta=1)
    # Canonical already: no edit.
    c.change(uri, want, 2)
    r = c.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {}})
    assert r["result"] == [], r
    # A file that does not parse is refused.
    c.change(uri, "course x {\n  provider \"a\n", 3)
    r = c.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {}})
    assert r["error"]["code"] == -32803 and "syntax errors" in r["error"]["message"], r
    assert c.close() == 0


def test_code_action():
    typo = COURSE.replace("covers recovery.hope", "covers recovery.hoep").replace("  provider  ", "  provder  ")
    uri = write("action.ramme", typo)
    c = started()
    d = c.open(uri, typo)
    g = diag_with(d, "unknown key 'provder'")
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": g["range"],
                                              "context": {"diagnostics": [g]}})["result"]
    assert len(r) == 1, r
    a = r[0]
    assert a["title"] == "Replace with 'provider'" and a["kind"] == "quickfix", a
    edit = a["edit"]["changes"][uri]
    assert edit == [{"range": g["range"], "newText": "provider"}], edit
    # A misspelt goal id: the whole name is replaced.
    g = diag_with(d, "recovery.hoep")
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": g["range"],
                                              "context": {"diagnostics": [g]}})["result"]
    assert r[0]["edit"]["changes"][uri][0]["newText"] == "recovery.hope", r
    # Nowhere near a diagnostic: no action.
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                                              "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
                                              "context": {"diagnostics": []}})["result"]
    assert r == [], r
    assert c.close() == 0


def test_code_action_fix():
    """Fix suggestions (issue 19) as code actions: the rule that failed at
    the cursor's entry, each verified suggestion a quickfix with its edit."""
    here = os.path.join(ROOT, "examples")
    for f in ("region-midt.ramme", "variant-theory-hours.ramme"):
        with open(os.path.join(here, f), encoding="utf-8") as src:
            write(f, src.read())
    with open(os.path.join(here, "variant-theory-hours.ramme"), encoding="utf-8") as src:
        text = src.read()
    uri = uri_of("variant-theory-hours.ramme")
    c = started()
    d = c.open(uri, text)
    g = [x for x in d["diagnostics"] if x.get("code") == "consistency.theory_hours"]
    assert len(g) == 1, d
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": g[0]["range"],
                                              "context": {"diagnostics": g}})["result"]
    titles = [a["title"] for a in r]
    assert "set theory.weeks to 13" in titles and "set theory.hours to 72h" in titles, titles
    a = r[titles.index("set theory.weeks to 13")]
    assert a["kind"] == "quickfix" and a.get("isPreferred") is True, a
    start = pos(text, "weeks             12", delta=len("weeks             "))
    end = dict(start, character=start["character"] + 2)
    assert a["edit"]["changes"][uri] == [{"range": {"start": start, "end": end}, "newText": "13"}], a
    assert c.close() == 0


def test_nul_byte():
    """A document holding a NUL byte (valid JSON: \\u0000) is a document:
    the server says what `check` says of such a file, at the byte."""
    text = 'course x "a\u0000b" {\n  provider "p"\n}\n'
    uri = write("nul.ramme", "")
    c = started()
    d = c.open(uri, text)
    g = diag_with(d, "contains a NUL byte")
    assert g["range"]["start"] == {"line": 0, "character": 11}, g
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}})
    assert "result" in r, r
    assert c.close() == 0


def test_robust_errors():
    c = Client(RAMME)
    # Before initialize: ServerNotInitialized.
    r = c.request("textDocument/hover", {})
    assert r["error"]["code"] == -32002, r
    c.initialize()
    # Malformed JSON: ParseError with a null id.
    body = b'{"jsonrpc": "2.0", "id": 5, "method": '
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    r = c.get()
    assert r["error"]["code"] == -32700 and r["id"] is None, r
    # No Content-Length: ParseError, and the next message is read.
    c.send_raw(b"Content-Type: x\r\n\r\n")
    r = c.get()
    assert r["error"]["code"] == -32700, r
    # Not a request: InvalidRequest.
    c.send({"jsonrpc": "2.0", "id": 7})
    r = c.get()
    assert r["error"]["code"] == -32600 and r["id"] == 7, r
    # Unknown method: MethodNotFound; an unknown notification: nothing.
    c.notify("$/unknownNotification", {})
    r = c.request("workspace/nothingHere", {})
    assert r["error"]["code"] == -32601, r
    # A document never opened: null.
    r = c.request("textDocument/hover", {"textDocument": {"uri": "file:///nowhere.ramme"},
                                          "position": {"line": 0, "character": 0}})
    assert r["result"] is None, r
    r = c.request("textDocument/completion", {"textDocument": {"uri": "file:///nowhere.ramme"}})
    assert r["result"] is None, r
    # Positions past the end, negative, or missing: answered.
    uri = write("robust.ramme", COURSE)
    c.open(uri, COURSE)
    for p in ({"line": 999, "character": 999}, {"line": -1, "character": -5}, {}, None):
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": p})
        assert "result" in r, r
        r = c.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": p})
        assert isinstance(r["result"], list), r
    # String ids are echoed.
    c.send({"jsonrpc": "2.0", "id": "abc", "method": "shutdown"})
    r = c.get()
    assert r["id"] == "abc" and r["result"] is None, r
    # After shutdown, requests are refused.
    r = c.request("textDocument/hover", {})
    assert r["error"]["code"] == -32600, r
    c.notify("exit")
    assert c.proc.wait(timeout=20) == 0


def test_cut_everywhere():
    # The course cut short at every fifth byte (a syntax error in every
    # position): each version gets its diagnostics, and every question an
    # answer of the right shape.
    uri = write("cut.ramme", COURSE)
    c = started()
    c.open(uri, COURSE)
    data = COURSE.encode("utf-8")
    v = 1
    for k in range(0, len(data), 5):
        text = data[:k].decode("utf-8", errors="ignore")
        v += 1
        d = c.change(uri, text, v)
        assert d["version"] == v
        end = pos(text + "\x00", "\x00")
        r = c.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": end})
        assert isinstance(r["result"], list), r
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(text + "\x00", "\x00", delta=-(len(text) // 2))})
        assert "result" in r, r
        r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        assert isinstance(r["result"], list), r
        r = c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": end})
        assert "result" in r, r
    assert c.close() == 0


def test_exit_statuses():
    # exit without shutdown: 1.
    c = started()
    c.notify("exit")
    assert c.proc.wait(timeout=20) == 1
    # The client goes away (stdin closed): a clean exit, 1.
    c = started()
    c.proc.stdin.close()
    assert c.proc.wait(timeout=20) == 1
    assert c.proc.stderr.read() == b""
    # A huge Content-Length, then the client goes away mid-message.
    c = started()
    c.send_raw(b"Content-Length: 99999999999999\r\n\r\n{}")
    c.proc.stdin.close()
    assert c.proc.wait(timeout=20) == 1
    # One past the cap is skipped and answered; the next message is served.
    c = started()
    n = 64 * 1024 * 1024 + 1
    c.send_raw(b"Content-Length: %d\r\n\r\n" % n + b" " * n)
    r = c.get()
    assert r["error"]["code"] == -32600, r
    assert c.close() == 0


def test_arguments():
    r = subprocess.run([RAMME, "lsp", "x.ramme"], capture_output=True, stdin=subprocess.DEVNULL)
    assert r.returncode == 2 and b"lsp takes no FILE" in r.stderr, r


def main():
    tests = [(k, v) for k, v in globals().items() if k.startswith("test_") and callable(v)]
    only = sys.argv[2:]
    passed = failed = 0
    for name, fn in tests:
        if only and name not in only:
            continue
        try:
            fn()
            passed += 1
        except Exception:
            failed += 1
            print("FAIL lsp %s:" % name)
            traceback.print_exc()
    print("lsp: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
