#!/usr/bin/env bash
# tests/e2e/guide.sh [--write] RAMME [GUIDE] — runs every example of the Danish
# coordinators' guide (docs/da/vejledning.md) and compares what ramme prints
# with what the guide shows, so the guide cannot drift from the program.
#
# The convention in the guide (written down at its end, "Om eksemplerne"):
#   - A fenced block whose info string is `LANG fil=NAME` (```ramme fil=nordby.ramme,
#     ```csv fil=ansøgere.csv) is a file: its lines are written to NAME, in the
#     guide's order, over what NAME held. `LANG fil=NAME tilføj` adds the lines to
#     the end of NAME instead (the schedule block added to a course).
#   - A fenced block whose info string is `console` holds commands: each line that
#     begins with "$ ramme " is a command, and the lines after it, up to the next
#     "$ " line or the end of the block, are what it prints — the standard output
#     and the error output together, as a terminal shows them (run with 2>&1).
#     The exit status must be 0, or N when the info string says `console status=N`.
#   - Each command runs in one fresh directory that holds the files written so far,
#     with --lang da deciding the language (LANG unset, LC_ALL=C), NO_COLOR set and
#     SOURCE_DATE_EPOCH fixed. The standard library's folder in the output is shown
#     as ".../stdlib/" (it depends on where ramme is installed). Blank lines at the
#     end of an output are not compared (a rendered code block drops them), and a
#     line's CR LF (the CSV's) is compared as LF: a CR has no place in a Markdown
#     file. A byte-order mark is compared as it is (the guide holds it, invisible).
#   - A line "$ ramme ..." anywhere else in the guide is an error: every command
#     shown is run. Fewer than MIN_COMMANDS commands is an error too, so the
#     examples cannot vanish in silence.
# With --write the guide's outputs and status= are rewritten with what ramme
# prints (then read the diff). Prints "guide: N passed, N failed".
set -u
write=0
if [ "${1-}" = --write ]; then write=1; shift; fi
ramme=$1
case $ramme in /*) ;; *) ramme=$PWD/$ramme ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd -P)
guide=${2:-$root/docs/da/vejledning.md}
case $guide in /*) ;; *) guide=$PWD/$guide ;; esac
MIN_COMMANDS=12
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
bad() { echo "FAIL guide: $*"; fail=$((fail + 1)); }

unset LANG LANGUAGE LC_MESSAGES
export LC_ALL=C NO_COLOR=1 SOURCE_DATE_EPOCH=1735689600
mkdir -p "$tmp/bin" "$tmp/work" "$tmp/steps"
ln -s "$ramme" "$tmp/bin/ramme"

[ -f "$guide" ] || { bad "no guide at $guide"; echo "guide: $pass passed, $fail failed"; exit 1; }

# Split the guide into steps: $tmp/steps/N.file (first line "write NAME" or
# "append NAME", then the content) and N.cmd (the command line), N.exp (the
# output shown), N.status (the status expected). A stray "$ ramme" line is
# listed in $tmp/stray.
awk -v dir="$tmp/steps" -v stray="$tmp/stray" '
  function out(f, s) { print s > f }
  BEGIN { n = 0; inblk = 0 }
  /^```/ && !inblk {
    info = substr($0, 4); inblk = 1; kind = ""; cmd = 0
    if (info ~ /^[a-z]+ fil=[^ ]+( tilføj)?$/) {
      split(info, w, " "); name = substr(w[2], 5)
      n++; f = dir "/" n ".file"; kind = "file"
      out(f, (w[3] == "tilføj" ? "append " : "write ") name)
    } else if (info ~ /^console( status=[0-9]+)?$/) {
      kind = "console"; st = 0
      if (info ~ /status=/) { st = substr(info, index(info, "status=") + 7) + 0 }
    }
    next
  }
  /^```/ && inblk {
    if (kind == "file") close(f)
    if (kind == "console" && cmd) { close(e) }
    inblk = 0; next
  }
  inblk && kind == "file" { out(f, $0); next }
  inblk && kind == "console" {
    if ($0 ~ /^\$ /) {
      if (cmd) close(e)
      n++; cmd = 1
      out(dir "/" n ".cmd", substr($0, 3)); close(dir "/" n ".cmd")
      out(dir "/" n ".status", st); close(dir "/" n ".status")
      e = dir "/" n ".exp"; printf "" > e
      next
    }
    if (cmd) out(e, $0); else out(stray, "output before any command: " $0)
    next
  }
  /^\$ ramme/ { out(stray, NR ": " $0) }
  END { if (inblk) out(stray, "a fenced block is not closed") }
' "$guide"

if [ -s "$tmp/stray" ]; then
  while IFS= read -r l; do bad "a command that is not run (put it in a \`\`\`console block): $l"; done < "$tmp/stray"
fi

# Drop blank lines at the end.
trim() { sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}' "$1"; }

ncmd=0
steps=$(ls "$tmp/steps" | sed -n 's/^\([0-9]*\)\..*/\1/p' | sort -n -u)
for i in $steps; do
  if [ -f "$tmp/steps/$i.file" ]; then
    read -r how name < "$tmp/steps/$i.file"
    case $name in */*|.*) bad "file name '$name': a plain name in the folder, please"; continue ;; esac
    if [ "$how" = append ]; then
      tail -n +2 "$tmp/steps/$i.file" >> "$tmp/work/$name"
    else
      tail -n +2 "$tmp/steps/$i.file" > "$tmp/work/$name"
    fi
    continue
  fi
  cmd=$(cat "$tmp/steps/$i.cmd"); want=$(cat "$tmp/steps/$i.status")
  ncmd=$((ncmd + 1))
  case $cmd in
    "ramme --lang da "*) ;;
    *) bad "'\$ $cmd': every command in the guide starts with 'ramme --lang da'"; continue ;;
  esac
  (cd "$tmp/work" && PATH="$tmp/bin:$PATH" bash -c "$cmd" > "$tmp/raw" 2>&1 < /dev/null); rc=$?
  sed -e "s#$root/stdlib/#.../stdlib/#g" -e 's/\r$//' "$tmp/raw" > "$tmp/act.full"
  trim "$tmp/act.full" > "$tmp/act"
  trim "$tmp/steps/$i.exp" > "$tmp/exp"
  cp "$tmp/act" "$tmp/steps/$i.act"; echo "$rc" > "$tmp/steps/$i.actstatus"
  if cmp -s "$tmp/act" "$tmp/exp" && [ "$rc" = "$want" ]; then
    pass=$((pass + 1))
  else
    bad "\$ $cmd (exit status $rc, the guide says $want)"
    diff -u "$tmp/exp" "$tmp/act" | tail -n +3 | head -n 30 | sed 's/^/    /'
  fi
done

if [ "$ncmd" -ge "$MIN_COMMANDS" ]; then
  pass=$((pass + 1))
else
  bad "only $ncmd commands found in $guide (at least $MIN_COMMANDS expected): have the examples lost their \`\`\`console blocks?"
fi

if [ "$write" = 1 ]; then
  awk -v dir="$tmp/steps" '
    function slurp(f,   l, s) { s = ""; while ((getline l < f) > 0) s = s l "\n"; close(f); return s }
    BEGIN { n = 0; inblk = 0 }
    /^```/ && !inblk {
      info = substr($0, 4); inblk = 1; kind = ""
      if (info ~ /^[a-z]+ fil=[^ ]+( tilføj)?$/) { n++; kind = "file"; print; next }
      if (info ~ /^console( status=[0-9]+)?$/) { kind = "console"; hdr = NR; buf = ""; st = 0; next }
      print; next
    }
    /^```/ && inblk {
      if (kind == "console") {
        printf "%s\n%s", (st == 0 ? "```console" : "```console status=" st), buf
      }
      inblk = 0; print; next
    }
    inblk && kind == "console" {
      if ($0 ~ /^\$ /) {
        n++; buf = buf $0 "\n" slurp(dir "/" n ".act")
        s = slurp(dir "/" n ".actstatus") + 0; if (s > st) st = s
      }
      next
    }
    { print }
  ' "$guide" > "$tmp/guide.new" && cat "$tmp/guide.new" > "$guide"
  echo "guide: rewrote the outputs in $guide"
fi

echo "guide: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
