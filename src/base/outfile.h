/* outfile.h — atomic output files for `-o OUT`. The output is written to a
 * temporary file next to the target (DIR/.NAME.XXXXXX, so the final rename
 * stays on one file system) and renamed over the target only once everything
 * has been written, flushed and synced: a failed or interrupted run leaves the
 * previous file as it was and no half-written one behind.
 *
 * A target that exists and is not a regular file (/dev/stdout, /dev/null, a
 * pipe) cannot be replaced by a rename; it is opened and written directly.
 *
 * A symlink is followed (the file it points at is replaced, the link stays)
 * only when the current user or root owns it and every link after it: one
 * another user owns, as anyone can plant in a shared directory such as /tmp,
 * is refused (EPERM) and nothing is created.
 *
 * Nothing here prints: a failure returns NULL or -1, with the errno value in
 * `err` and a one-line message (naming the target) in `msg`. */
#ifndef RAMME_OUTFILE_H
#define RAMME_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

typedef struct OutFile {
    char *path;     /* the target, as given (malloc'd) */
    char *target;   /* where the rename goes: path, or what a symlink points at */
    char *tmp;      /* the temporary file; NULL when writing directly */
    FILE *fp;       /* open until commit or abort */
    bool direct;    /* writing straight into a non-regular file */
    int err;        /* errno of the last failure; 0: none */
    char msg[512];  /* the last failure as a sentence; "" when none */
} OutFile;

/* Starts writing `path`: returns the stream to write to, or NULL (err and msg
 * set; nothing was created). The temporary file gets the target's permission
 * bits when the target exists, else 0666 less the umask. */
FILE *outfile_open(const char *path, OutFile *of);

/* Flushes, fsyncs and closes the stream and renames the temporary file over
 * the target. Returns 0, or -1 (err and msg set, errno = err) after removing
 * the temporary file: the target is then as it was. Frees the OutFile's
 * resources either way. */
int outfile_commit(OutFile *of);

/* Copies what the temporary file holds so far to `to` (before an abort, to
 * send elsewhere what was not to land in the target). 0, or -1 when it could
 * not be read or written. */
int outfile_copy(const OutFile *of, FILE *to);

/* Closes the stream and removes the temporary file; the target is untouched.
 * Safe to call after a failed open, a commit, or twice. */
void outfile_abort(OutFile *of);

#endif
