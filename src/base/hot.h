/* hot.h — where the compiler is told to inline: a small function called on
 * every value of every course, whose call costs more than its body (gcc
 * weighs a static function called from many places as too large to copy
 * into each). Plain `inline` without GNU C. */
#ifndef RAMME_HOT_H
#define RAMME_HOT_H

#if defined(__GNUC__)
#define HOT_INLINE inline __attribute__((always_inline))
#else
#define HOT_INLINE inline
#endif

#endif
