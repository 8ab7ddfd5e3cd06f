'use strict'
// The national framework and the consistency rules of ramme (stdlib/national.ramme,
// stdlib/consistency.ramme), written for json-rules-engine the way a JavaScript team
// would: each rule's conditions describe a *violation* and its event is the finding;
// derived values (sums, products, counts) are dynamic facts computed from the course.
//
// Three-valued logic, mirrored: where ramme says `unknown` (an input is undeclared) or
// `not_applicable` (its `when` is false), a fact here returns `undefined`, and every
// condition on an undefined value is false (the numeric operators and doesNotContain
// validate the fact value; comparisons with an undefined right-hand side are false),
// so the rule does not fire.  A course's facts are the JSON of bench/gen.py: contact
// time in hours, ranges as {min, max} with an absent key for an open end.

const GOALS = [
  'recovery.hope', 'recovery.self_determination', 'recovery.equal_relations',
  'recovery.meaning', 'recovery.social_roles', 'recovery.collaboration',
  'role.value_base', 'role.tools', 'role.wellbeing',
  'organisation.resources', 'organisation.perspective', 'organisation.collaboration'
]

const isNum = (x) => typeof x === 'number'
// a range whose ends are both given and run backwards (`22..12`): it holds neither end.
// An open end is never reversed (`..4` holds 4), and an absent range passes.
const reversed = (r) => r !== undefined && isNum(r.min) && isNum(r.max) && r.min > r.max
const closed = (r) => isNum(r.min) && isNum(r.max)
// schema default: an instructor entry stands for one person (`count 1`)
const instructorCount = (i) => i.count || { min: 1, max: 1 }

// Dynamic facts: each reads the runtime fact `course` (the almanac caches it per run).
const facts = {
  // count(instructors.instructor where experiential_competence and min(count) >= 1): count 0
  // (or 0..N) is no one; an open lower end (`max 2`) on an experiential role cannot be judged
  experientialInstructors: (c) => {
    const list = c.instructors && c.instructors.instructor
    if (!Array.isArray(list)) return undefined
    const experiential = list.filter((i) => i.experiential_competence === true)
    if (experiential.some((i) => !isNum(instructorCount(i).min))) return undefined
    return experiential.filter((i) => instructorCount(i).min >= 1).length
  },
  // count(target where lived_experience)
  livedExperienceTargets: (c) =>
    Array.isArray(c.target) ? c.target.filter((t) => t.lived_experience === true).length : undefined,
  // goals no module covers; undefined without modules (ramme: unknown), and when a goal is
  // left over but some module does not say what it covers (it might cover that goal)
  uncoveredGoals: (c) => {
    if (!Array.isArray(c.module)) return undefined
    const covered = new Set()
    for (const m of c.module) for (const g of m.covers || []) covered.add(g)
    const uncovered = GOALS.filter((g) => !covered.has(g)).length
    if (uncovered > 0 && c.module.some((m) => !Array.isArray(m.covers))) return undefined
    return uncovered
  },
  hasPracticum: (c) => c.practicum !== undefined,
  studyGroups: (c) => c.study_groups === true, // schema default: no
  // weeks * sessions_per_week * session_length, when all three are given
  theoryProduct: (c) => {
    const t = c.theory
    if (!t || !isNum(t.weeks) || !isNum(t.sessions_per_week) || !isNum(t.session_length)) return undefined
    return t.weeks * t.sessions_per_week * t.session_length
  },
  // sum of module hours, when there are modules and every one gives its hours
  moduleHoursSum: (c) => {
    if (!Array.isArray(c.module) || c.module.length === 0) return undefined
    let sum = 0
    for (const m of c.module) {
      if (!isNum(m.hours)) return undefined
      sum += m.hours
    }
    return sum
  },
  // hours / weeks, when the weekly range is given
  weeklyLoad: (c) => {
    const t = c.theory
    if (!t || !isNum(t.hours) || !isNum(t.weeks) || !t.weekly_hours) return undefined
    return t.hours / t.weeks
  },
  // targets whose days or hours run backwards, or whose hours range does not lie within
  // [min days * day_length, max days * day_length]; undefined when no target gives both, or
  // when no target misfits and a verdict needs an undeclared value (day_length, an open end
  // of the days)
  targetDaysHoursMisfits: (c) => {
    if (!Array.isArray(c.target)) return undefined
    const d = c.day_length
    let applies = false; let misfits = 0; let unknown = false
    for (const t of c.target) {
      if (!t.hours || !t.days) continue
      applies = true
      // a backwards range reaches nothing, whatever the day length
      if (reversed(t.days) || reversed(t.hours)) {
        misfits++
        continue
      }
      if (!isNum(d) || !closed(t.days)) {
        unknown = true
        continue
      }
      // an open hours range (`14h..`) is never within a closed one
      if (!closed(t.hours) || t.hours.min < t.days.min * d || t.hours.max > t.days.max * d) misfits++
    }
    if (!applies || (misfits === 0 && unknown)) return undefined
    return misfits
  },
  // targets with days or hours written backwards; undefined without targets (not applicable)
  reversedTargetRanges: (c) =>
    Array.isArray(c.target) ? c.target.filter((t) => reversed(t.days) || reversed(t.hours)).length : undefined,
  // instructor roles whose count is written backwards (`2..1`); undefined without instructors
  reversedInstructorCounts: (c) => {
    const list = c.instructors && c.instructors.instructor
    return Array.isArray(list) ? list.filter((i) => reversed(instructorCount(i))).length : undefined
  },
  windowStart: (c) => (c.admission && c.admission.window && c.admission.window.min ? Date.parse(c.admission.window.min) : undefined),
  windowEnd: (c) => (c.admission && c.admission.window && c.admission.window.max ? Date.parse(c.admission.window.max) : undefined)
}

const course = (path) => ({ fact: 'course', path })

function rule (id, severity, message, conditions) {
  return { name: id, conditions, event: { type: 'violation', params: { rule: id, severity, message } } }
}

const rules = [
  rule('national.experiential_instructor', 'error',
    'Mindst en i undervisningsteamet skal have erfaringskompetence',
    { all: [{ fact: 'experientialInstructors', operator: 'lessThan', value: 1 }] }),
  rule('national.lived_experience_target', 'error',
    'Peer-uddannelserne har til formål at kvalificere og fagliggøre erfaringskompetencen hos mennesker, der har levede erfaringer med psykiske vanskeligheder: mindst én målgruppe skal have levede erfaringer',
    { all: [{ fact: 'livedExperienceTargets', operator: 'lessThan', value: 1 }] }),
  rule('national.goal_coverage', 'warning',
    'Alle kompetencemål - deltagerne bliver i stand til at... - bør dækkes af mindst ét af uddannelsens moduler',
    { all: [{ fact: 'uncoveredGoals', operator: 'greaterThan', value: 0 }] }),
  rule('national.practice_oriented', 'warning',
    'Uddannelsens indhold, teori og metode skal kunne spejles i og have relevans for praksis: kurset bør have et praktikforløb eller forpligte sig på praksisorienteret undervisning',
    { all: [
      { fact: 'hasPracticum', operator: 'equal', value: false },
      { ...course('$.principles'), operator: 'doesNotContain', value: 'practice_oriented' }
    ] }),
  rule('national.form_principles', 'advice',
    'Rammen beskriver uddannelsens form ved fire principper: praksisorienteret undervisning, interdisciplinaritet, empowerment-orienteret undervisningsrum og det eksemplariske princip',
    { any: ['practice_oriented', 'interdisciplinary', 'empowerment', 'exemplary'].map((p) =>
      ({ ...course('$.principles'), operator: 'doesNotContain', value: p })) }),
  rule('national.network', 'advice',
    'Det anbefales desuden at deltage i en studie-/netværksgruppe under og efter uddannelsen',
    { all: [
      { fact: 'studyGroups', operator: 'equal', value: false },
      { ...course('$.principles'), operator: 'doesNotContain', value: 'network' }
    ] }),
  rule('consistency.theory_hours', 'error',
    'Antal uger × undervisningsgange pr. uge × undervisningsgangens længde skal give teoriens samlede timetal',
    { all: [
      { fact: 'theoryProduct', operator: 'greaterThanInclusive', value: 0 },
      { ...course('$.theory.hours'), operator: 'greaterThanInclusive', value: 0 },
      { fact: 'theoryProduct', operator: 'notEqual', value: course('$.theory.hours') }
    ] }),
  rule('consistency.module_hours', 'error',
    'Modulernes timer skal tilsammen give teoriens samlede timetal',
    { all: [
      { fact: 'moduleHoursSum', operator: 'greaterThanInclusive', value: 0 },
      { ...course('$.theory.hours'), operator: 'greaterThanInclusive', value: 0 },
      { fact: 'moduleHoursSum', operator: 'notEqual', value: course('$.theory.hours') }
    ] }),
  rule('consistency.weekly_load', 'warning',
    'Teoriens gennemsnitlige timetal pr. uge (timer ÷ uger) bør ligge inden for den angivne ugentlige belastning',
    { any: [
      { fact: 'weeklyLoad', operator: 'lessThan', value: course('$.theory.weekly_hours.min') },
      { fact: 'weeklyLoad', operator: 'greaterThan', value: course('$.theory.weekly_hours.max') }
    ] }),
  rule('consistency.target_days_hours', 'warning',
    'En målgruppes timetal bør kunne nås med dens antal undervisningsdage: timerne skal ligge mellem mindste antal dage × dagslængde og største antal dage × dagslængde',
    { all: [{ fact: 'targetDaysHoursMisfits', operator: 'greaterThan', value: 0 }] }),
  rule('consistency.target_ranges', 'error',
    'En målgruppes timer og dage skal skrives fra det mindste til det største antal (12..22, ikke 22..12)',
    { all: [{ fact: 'reversedTargetRanges', operator: 'greaterThan', value: 0 }] }),
  rule('consistency.weekly_hours_range', 'error',
    'De ugentlige timer skal skrives fra det mindste til det største antal (6h..12h, ikke 12h..6h)',
    { any: [
      { ...course('$.theory.weekly_hours.min'), operator: 'greaterThan', value: course('$.theory.weekly_hours.max') },
      { ...course('$.practicum.weekly_hours.min'), operator: 'greaterThan', value: course('$.practicum.weekly_hours.max') }
    ] }),
  rule('consistency.instructor_count', 'error',
    'Antallet af undervisere i en rolle skal skrives fra det mindste til det største (1..2, ikke 2..1)',
    { all: [{ fact: 'reversedInstructorCounts', operator: 'greaterThan', value: 0 }] }),
  rule('consistency.group_size', 'error',
    'Holdstørrelsen skal være mindst 1 deltager, og dens nedre grænse må ikke være større end den øvre',
    { any: [
      { ...course('$.group_size.min'), operator: 'lessThan', value: 1 },
      { ...course('$.group_size.max'), operator: 'lessThan', value: 1 },
      { ...course('$.group_size.min'), operator: 'greaterThan', value: course('$.group_size.max') }
    ] }),
  rule('consistency.admission_window', 'error',
    'Ansøgningsperioden må ikke begynde efter, at den slutter',
    { all: [{ fact: 'windowStart', operator: 'greaterThan', value: { fact: 'windowEnd' } }] })
]

module.exports = { facts, rules, GOALS }
