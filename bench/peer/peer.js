#!/usr/bin/env node
'use strict'
// node peer.js [--brief] FILE.jsonl...
// node peer.js --rules
//
// Checks every course of the given JSON Lines files (bench/gen.py) against the national
// and consistency rules with json-rules-engine: one engine, one run per course.  Writes
// one JSON line per course to standard output, {"course": NAME, "failed": [{rule,
// severity, message}, ...]}, and exits with 1 when some course fails an error-level rule
// (as `ramme check` does), else 0.  With --brief, writes instead one line per failed
// rule, "COURSE: SEVERITY: RULE: MESSAGE" (nothing for a course that passes), the
// counterpart of `ramme check --format brief`.  With --rules, writes the ids of the rules
// it implements as one JSON array (bench/agree.py compares them with ramme's).
const fs = require('fs')
const readline = require('readline')
const { once } = require('events')
const { Engine } = require('json-rules-engine')
const { facts, rules } = require('./rules')

function buildEngine () {
  const engine = new Engine([], { allowUndefinedFacts: true })
  for (const r of rules) engine.addRule(r)
  for (const [name, fn] of Object.entries(facts)) {
    engine.addFact(name, (params, almanac) => almanac.factValue('course').then(fn))
  }
  return engine
}

async function main () {
  let files = process.argv.slice(2)
  const brief = files[0] === '--brief'
  if (brief) files = files.slice(1)
  if (files.length === 1 && files[0] === '--rules') {
    process.stdout.write(JSON.stringify(rules.map((r) => r.name)) + '\n')
    return
  }
  if (files.length === 0) {
    process.stderr.write('usage: node peer.js [--brief] FILE.jsonl... | --rules\n')
    process.exit(2)
  }
  const engine = buildEngine()
  let out = []
  let errors = 0
  const flush = async () => {
    if (out.length === 0) return
    const chunk = out.join('')
    out = []
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain')
  }
  for (const file of files) {
    const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })
    for await (const line of rl) {
      if (line === '') continue
      const course = JSON.parse(line)
      const { events } = await engine.run({ course })
      const failed = events.map((e) => e.params)
      for (const f of failed) if (f.severity === 'error') errors++
      if (brief) {
        for (const f of failed) out.push(`${course.course}: ${f.severity}: ${f.rule}: ${f.message}\n`)
      } else {
        out.push(JSON.stringify({ course: course.course, failed }) + '\n')
      }
      if (out.length >= 1000) await flush()
    }
  }
  await flush()
  process.exitCode = errors > 0 ? 1 : 0
}

main().catch((e) => {
  process.stderr.write(`peer: ${e && e.stack ? e.stack : e}\n`)
  process.exit(2)
})
