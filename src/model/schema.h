/* schema.h — reading `schema` and `enum` declarations (written in stdlib)
 * into Schema and EnumDef. Schema syntax (docs/language.md, "Schemas"):
 *   schema KIND [toplevel] [named] [qualified] [titled] [extendable] {
 *     header SLOT...            positional slots: "marker" or field name
 *     FIELD TYPE [optional] [many] [required] [default VALUE...]
 *     FIELD TYPE derived EXPR   computed from the block's other fields
 *     WORD alias FIELD          another word for a field (Danish, in stdlib)
 *   }
 *   schema WORD alias KIND      another word for a kind
 *   enum NAME { MEMBER ["label"] ... WORD alias MEMBER }
 * An alias is resolved here, once: the finders in model.h return the kind,
 * field or member it names.
 * TYPE: int number string bool date time monthday hours span
 *       | day [on KIND] | range of TYPE | list of TYPE | block KIND
 *       | predicate on KIND | template on KIND | measure on KIND
 *       | ENUM | KIND (a reference) */
#ifndef RAMME_SCHEMA_H
#define RAMME_SCHEMA_H

#include "model/model.h"

/* First pass: registers the schema's name (so types may refer to it). */
void schema_declare(Program *p, Entry *e);
void schema_declare_enum(Program *p, Decl *d);
/* Second pass: fields, header patterns and type words of every schema. */
void schema_define_all(Program *p);

#endif
