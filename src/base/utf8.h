/* utf8.h — is a text UTF-8 without NUL bytes? The question every reader
 * asks of a whole file before it looks at it (a course file, an applicant
 * file), so it is asked fast: runs of ASCII a word at a time, and
 * libunistring's decoder only for the other characters. */
#ifndef RAMME_UTF8_H
#define RAMME_UTF8_H

#include <stddef.h>

/* The first byte of s[0..n) that is not UTF-8 text — the start of a
 * sequence libunistring's u8_check would call invalid, or a NUL — or NULL
 * when there is none. */
const char *utf8_first_bad(const char *s, size_t n);

#endif
