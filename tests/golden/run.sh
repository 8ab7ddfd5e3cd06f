#!/usr/bin/env bash
# Golden-test runner for ramme.  See tests/golden/README.md.
#
#   tests/golden/run.sh [--update] [--wrap 'CMD ARGS...'] RAMME_BINARY [CASE_DIR...]
#
# A case is every NAME in a case directory that has NAME.ramme or NAME.args.  The binary
# runs inside the case directory as `RAMME_BINARY ARGS` (ARGS from NAME.args, default
# `check %s`, %s = NAME.ramme), with NO_COLOR=1, LC_ALL=C.UTF-8, no RAMME_PATH, LANG,
# LANGUAGE or LC_MESSAGES (then NAME.env's settings, if it exists), stdin from /dev/null,
# under `timeout $GOLDEN_TIMEOUT` (default 20 s).  stdout, stderr and the exit status are
# compared with NAME.out, NAME.err and NAME.status; --update rewrites them.
set -u

usage() {
  echo "usage: $0 [--update] [--wrap 'CMD ARGS...'] RAMME_BINARY [CASE_DIR...]" >&2
  exit 2
}

update=0
wrap=
while [ "$#" -gt 0 ]; do
  case $1 in
    --update) update=1; shift ;;
    --wrap) [ "$#" -ge 2 ] || usage; wrap=$2; shift 2 ;;
    --wrap=*) wrap=${1#--wrap=}; shift ;;
    --) shift; break ;;
    -h|--help) usage ;;
    -*) echo "$0: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ "$#" -ge 1 ] || usage

bin=$1
shift
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
if [ ! -x "$bin" ] || [ -d "$bin" ]; then
  echo "$0: $bin: no such executable" >&2
  exit 2
fi

limit=${GOLDEN_TIMEOUT:-20}
read -r -a wrapv <<<"$wrap"   # the wrapper is split on blanks, no quoting

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
if [ "$#" -gt 0 ]; then
  dirs=("$@")
else
  mapfile -t dirs < <(find "$here" -type f \( -name '*.ramme' -o -name '*.args' \) \
                        -exec dirname {} \; | LC_ALL=C sort -u)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ramme-golden.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
shopt -s nullglob

# why STATUS: the reason a status of 124 or more is never an acceptable result.
why() {
  case $1 in
    124) echo "timed out after ${limit}s" ;;
    125) echo "timeout(1) itself failed" ;;
    126) echo "binary could not be executed" ;;
    127) echo "command not found" ;;
    *) if [ "$1" -gt 128 ]; then
         echo "killed by signal $(( $1 - 128 )) ($(kill -l "$(( $1 - 128 ))" 2>/dev/null || echo '?'))"
       else
         echo "exit status $1"
       fi ;;
  esac
}

# run_case DIR LABEL NAME: run one case, add to passed/failed.
run_case() {
  local dir=$1 label=$2 name=$3 args=check\ %s status exp ext problems=()
  if [ -f "$dir/$name.args" ]; then
    args=
    IFS= read -r args <"$dir/$name.args"   # first line; a missing final newline is fine
  fi
  args=${args//"%s"/$(printf '%q' "$name.ramme")}
  # NAME.env: one VAR=VALUE or `unset VAR` a line, applied after the runner's own settings.
  local -a setenv=() unsetenv=()
  if [ -f "$dir/$name.env" ]; then
    local line
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in
        ''|'#'*) ;;
        'unset '[A-Za-z_]*) unsetenv+=("${line#unset }") ;;
        [A-Za-z_]*=*) setenv+=("$line") ;;
        *) echo "FAIL $label: $name.env: not VAR=VALUE or unset VAR: $line"; failed=$((failed + 1)); return ;;
      esac
    done <"$dir/$name.env"
  fi
  local -a argv=()
  if ! eval "argv=($args)" 2>"$tmp/evalerr"; then
    echo "FAIL $label: cannot split $name.args: $(cat "$tmp/evalerr")"
    failed=$((failed + 1))
    return
  fi

  # (the outer braces silence bash's "Aborted"-style report of a killed child)
  { (
    cd "$dir" || exit 125
    unset RAMME_PATH LANG LANGUAGE LC_MESSAGES
    export NO_COLOR=1 LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
    for v in ${unsetenv[@]+"${unsetenv[@]}"}; do unset "$v"; done
    for v in ${setenv[@]+"${setenv[@]}"}; do export "${v%%=*}=${v#*=}"; done
    exec timeout -k 5 "$limit" ${wrapv[@]+"${wrapv[@]}"} "$bin" ${argv[@]+"${argv[@]}"}
  ) >"$tmp/out" 2>"$tmp/err" </dev/null; } 2>/dev/null
  status=$?

  if [ "$status" -ge 124 ]; then
    if [ "$update" -eq 1 ]; then
      echo "FAIL $label: $(why "$status"); not updating its expectations"
    else
      echo "FAIL $label: $(why "$status")"
    fi
    sed -n '1,20s/^/  stderr: /p' "$tmp/err"
    failed=$((failed + 1))
    return
  fi

  if [ "$update" -eq 1 ]; then
    echo "$status" >"$tmp/status"
    local changed=()
    for ext in out err status; do
      if ! cmp -s "$tmp/$ext" "$dir/$name.$ext" 2>/dev/null; then
        cp "$tmp/$ext" "$dir/$name.$ext" && changed+=("$name.$ext")
      fi
    done
    [ "${#changed[@]}" -eq 0 ] || echo "updated $label: ${changed[*]}"
    passed=$((passed + 1))
    return
  fi

  local missing=()
  for ext in out err status; do
    [ -f "$dir/$name.$ext" ] || missing+=("$name.$ext")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "FAIL $label: missing ${missing[*]} (run with --update, e.g. make golden-update, to create)"
    failed=$((failed + 1))
    return
  fi

  # An expectation that names this checkout's own path passes here and fails
  # in every other clone (CI's): the stdlib is named by a relative -I.
  if grep -qF -- "$repo/" "$dir/$name.out" "$dir/$name.err" 2>/dev/null; then
    problems+=("the expectation names $repo/: give the stdlib as -I ../../../stdlib in $name.args")
  fi
  exp=
  read -r exp <"$dir/$name.status"
  exp=${exp//[[:space:]]/}
  [ "$exp" = "$status" ] || problems+=("status $status, expected $exp")
  for ext in out err; do
    diff -u --label "$name.$ext (expected)" --label "$name.$ext (actual)" \
         "$dir/$name.$ext" "$tmp/$ext" >"$tmp/$ext.diff" || problems+=("std$ext differs")
  done
  if [ "${#problems[@]}" -eq 0 ]; then
    passed=$((passed + 1))
    return
  fi
  local msg
  msg=$(printf '%s; ' "${problems[@]}")
  echo "FAIL $label: ${msg%; }"
  for ext in out err; do
    [ -s "$tmp/$ext.diff" ] && sed 's/^/    /' "$tmp/$ext.diff"
  done
  failed=$((failed + 1))
}

for dir in ${dirs[@]+"${dirs[@]}"}; do
  case $dir in /*) label_dir=${dir#"$PWD"/} ;; *) label_dir=${dir%/} ;; esac
  if [ ! -d "$dir" ]; then
    echo "FAIL $label_dir: not a directory"
    failed=$((failed + 1))
    continue
  fi
  absdir=$(cd "$dir" && pwd)
  names=()
  for f in "$absdir"/*.ramme "$absdir"/*.args; do
    f=${f##*/}
    names+=("${f%.*}")
  done
  [ "${#names[@]}" -gt 0 ] || continue
  mapfile -t names < <(printf '%s\n' "${names[@]}" | LC_ALL=C sort -u)
  for name in "${names[@]}"; do
    run_case "$absdir" "$label_dir/$name" "$name"
  done
done

echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
