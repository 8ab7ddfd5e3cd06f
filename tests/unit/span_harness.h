/* span_harness.h — a span's line and column in a test, as reports show
 * them: a Span holds byte offsets only (source.h), so the test file says
 * which SourceSet its spans name by defining SPAN_SS before including this. */
#ifndef RAMME_SPAN_HARNESS_H
#define RAMME_SPAN_HARNESS_H

#include "front/source.h"

#define LINE(sp) (span_first((SPAN_SS), (sp)).line)
#define COL(sp) (span_first((SPAN_SS), (sp)).col)
#define END_LINE(sp) (span_last((SPAN_SS), (sp)).line)
#define END_COL(sp) (span_last((SPAN_SS), (sp)).col)

#endif
