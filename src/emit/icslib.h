/* icslib.h — libical, loaded when an iCalendar file is written and not
 * before. Linking it would make every command pay for it at start-up: the
 * dynamic linker maps and relocates libical and what it drags in (ICU,
 * libstdc++), about half of a small `check`'s time (issue 20). So the
 * binary does not name it; the iCalendar writer (plan_out.c) opens it with
 * dlopen at the point of use and calls it through this table, and a
 * machine without it gets a diagnostic, not a crash.
 *
 * The types are still libical's own (its header at build time), so a call
 * through the table is checked as a direct call would be. */
#ifndef RAMME_ICSLIB_H
#define RAMME_ICSLIB_H

#include <libical/ical.h>
#include <stdbool.h>

/* Every libical function the writer calls: X(return type, name, parameters). */
#define ICSLIB_FUNCTIONS(X)                                                                    \
    X(void, icalcomponent_add_component, (icalcomponent * parent, icalcomponent * child))      \
    X(void, icalcomponent_add_property, (icalcomponent * c, icalproperty * p))                 \
    X(char *, icalcomponent_as_ical_string_r, (icalcomponent * c))                             \
    X(void, icalcomponent_free, (icalcomponent * c))                                           \
    X(icalcomponent *, icalcomponent_new_from_string, (const char *s))                         \
    X(icalcomponent *, icalcomponent_new_vcalendar, (void))                                    \
    X(icalcomponent *, icalcomponent_new_vevent, (void))                                       \
    X(void, icalmemory_free_buffer, (void *buf))                                               \
    X(icalparameter *, icalparameter_new_tzid, (const char *v))                                \
    X(void, icalproperty_add_parameter, (icalproperty * p, icalparameter * par))               \
    X(icalproperty *, icalproperty_new_calscale, (const char *v))                              \
    X(icalproperty *, icalproperty_new_description, (const char *v))                           \
    X(icalproperty *, icalproperty_new_dtend, (struct icaltimetype v))                         \
    X(icalproperty *, icalproperty_new_dtstamp, (struct icaltimetype v))                       \
    X(icalproperty *, icalproperty_new_dtstart, (struct icaltimetype v))                       \
    X(icalproperty *, icalproperty_new_location, (const char *v))                              \
    X(icalproperty *, icalproperty_new_method, (enum icalproperty_method v))                   \
    X(icalproperty *, icalproperty_new_prodid, (const char *v))                                \
    X(icalproperty *, icalproperty_new_summary, (const char *v))                               \
    X(icalproperty *, icalproperty_new_transp, (enum icalproperty_transp v))                   \
    X(icalproperty *, icalproperty_new_uid, (const char *v))                                   \
    X(icalproperty *, icalproperty_new_version, (const char *v))                               \
    X(icalproperty *, icalproperty_new_x, (const char *v))                                     \
    X(void, icalproperty_set_x_name, (icalproperty * p, const char *name))                     \
    X(struct icaltimetype, icaltime_from_timet_with_zone,                                      \
      (const time_t tm, const int is_date, const icaltimezone *zone))                          \
    X(int, icaltime_is_valid_time, (const struct icaltimetype t))                              \
    X(struct icaltimetype, icaltime_null_date, (void))                                         \
    X(struct icaltimetype, icaltime_null_time, (void))                                         \
    X(icaltimezone *, icaltimezone_get_utc_timezone, (void))

#define ICSLIB_FIELD(ret, name, params) ret(*name) params;
typedef struct IcsLib {
    void *handle;
    ICSLIB_FUNCTIONS(ICSLIB_FIELD)
} IcsLib;
#undef ICSLIB_FIELD

/* The shared object opened: its soname at build time (RAMME_LIBICAL, set by
 * the Makefile from the libical it compiled against). */
const char *icslib_name(void);

/* Opens libical and fills `L`. False when it cannot be loaded or lacks a
 * function; then `why` (a buffer of `n` bytes) holds the loader's reason.
 * Opening again is cheap: the library stays mapped once loaded. */
bool icslib_open(IcsLib *L, char *why, size_t n);
void icslib_close(IcsLib *L);

#endif
