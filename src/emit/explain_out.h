/* explain_out.h — the report of `ramme explain ID`: a rule as a
 * coordinator reads it (severity, framework, citation, message, when it
 * applies, what it requires, where it is declared), or a goal (title,
 * framework, place), as text or as JSON. */
#ifndef RAMME_EXPLAIN_OUT_H
#define RAMME_EXPLAIN_OUT_H

#include "model/model.h"

#include <stdbool.h>
#include <stdio.h>

/* `rule` is a rule block of a framework (its `top`); `id` its
 * "FRAMEWORK.RULE". The JSON writers return false when writing failed. */
void explain_rule_text(FILE *out, const char *id, const Block *rule, SourceSet *ss);
bool explain_rule_json(FILE *out, const char *id, const Block *rule, SourceSet *ss);

/* `goal` is a goal block, named by its qualified name. */
/* A framework (or a `checks` block): its title, source, what it extends,
 * its own goals with their titles, and its own rules, one line each. */
void explain_framework_text(FILE *out, const Block *fw, SourceSet *ss);
bool explain_framework_json(FILE *out, const Block *fw, SourceSet *ss);
void explain_goal_text(FILE *out, const Block *goal, SourceSet *ss);
bool explain_goal_json(FILE *out, const Block *goal, SourceSet *ss);

#endif
