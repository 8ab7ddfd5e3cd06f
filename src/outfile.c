/* outfile.c — atomic output files: write a temporary file beside the target,
 * then flush, fsync, close and rename it into place. */
/* realpath() and fsync() are XSI. */
#define _XOPEN_SOURCE 700
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* Records errno value `e` and a message "<what> '<path>': <strerror>". */
static void fail(OutFile *of, int e, const char *what, const char *path)
{
    of->err = e;
    snprintf(of->msg, sizeof of->msg, "%s '%s': %s", what, path ? path : "", strerror(e));
}

/* Frees everything but the error report. */
static void release(OutFile *of)
{
    free(of->path);
    free(of->target);
    free(of->tmp);
    of->path = of->target = of->tmp = NULL;
    of->fp = NULL;
    of->direct = false;
}

/* "DIR/.NAME.XXXXXX" for target "DIR/NAME"; ".NAME.XXXXXX" for a bare NAME. */
static char *temp_template(const char *target)
{
    const char *slash = strrchr(target, '/');
    size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
    const char *base = target + dirlen;
    size_t n = dirlen + 1 + strlen(base) + sizeof ".XXXXXX";
    char *t = malloc(n);
    if (!t)
        return NULL;
    snprintf(t, n, "%.*s.%s.XXXXXX", (int)dirlen, target, base);
    return t;
}

/* The directory part of `path` ("." when it has none), for fsync. */
static void sync_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir;
    if (!slash) {
        dir = dup_str(".");
    } else {
        size_t n = slash == path ? 1 : (size_t)(slash - path);
        dir = malloc(n + 1);
        if (dir) {
            memcpy(dir, path, n);
            dir[n] = '\0';
        }
    }
    if (!dir)
        return;
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        (void)fsync(fd); /* best effort: the rename itself has happened */
        close(fd);
    }
    free(dir);
}

FILE *outfile_open(const char *path, OutFile *of)
{
    memset(of, 0, sizeof *of);
    if (!path || !*path) {
        fail(of, EINVAL, "cannot write", "");
        return NULL;
    }
    of->path = dup_str(path);
    if (!of->path) {
        fail(of, ENOMEM, "cannot write", path);
        return NULL;
    }

    /* Follow a symlink, so the file it points at is replaced, not the link. */
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        char *real = realpath(path, NULL);
        of->target = real ? real : dup_str(path);
    } else {
        of->target = dup_str(path);
    }
    if (!of->target) {
        fail(of, ENOMEM, "cannot write", path);
        release(of);
        return NULL;
    }

    bool exists = stat(of->target, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        fail(of, EISDIR, "cannot write", path);
        release(of);
        return NULL;
    }
    if (exists && !S_ISREG(st.st_mode)) {
        /* A device or pipe: no rename possible, write straight into it. */
        of->fp = fopen(of->target, "w");
        if (!of->fp) {
            fail(of, errno, "cannot write", path);
            release(of);
            return NULL;
        }
        of->direct = true;
        return of->fp;
    }

    of->tmp = temp_template(of->target);
    if (!of->tmp) {
        fail(of, ENOMEM, "cannot write", path);
        release(of);
        return NULL;
    }
    int fd = mkstemp(of->tmp);
    if (fd < 0) {
        fail(of, errno, "cannot write", path);
        release(of);
        return NULL;
    }
    mode_t mode;
    if (exists) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    (void)fchmod(fd, mode); /* mkstemp gave 0600; a failure here only leaves it so */
    of->fp = fdopen(fd, "w");
    if (!of->fp) {
        int e = errno;
        close(fd);
        unlink(of->tmp);
        fail(of, e, "cannot write", path);
        release(of);
        return NULL;
    }
    return of->fp;
}

int outfile_commit(OutFile *of)
{
    if (!of->fp) {
        if (!of->err)
            fail(of, EINVAL, "cannot write", of->path ? of->path : "");
        release(of);
        errno = of->err;
        return -1;
    }
    int e = 0;
    errno = 0;
    if (fflush(of->fp) != 0)
        e = errno ? errno : EIO;
    else if (ferror(of->fp))
        e = EIO; /* an earlier write failed; its errno is gone */
    if (!e && !of->direct && fsync(fileno(of->fp)) != 0)
        e = errno;
    errno = 0;
    if (fclose(of->fp) != 0 && !e)
        e = errno ? errno : EIO;
    of->fp = NULL;
    if (e) {
        if (of->tmp)
            unlink(of->tmp);
        fail(of, e, "cannot write", of->path);
        release(of);
        errno = e;
        return -1;
    }
    if (!of->direct) {
        if (rename(of->tmp, of->target) != 0) {
            e = errno;
            unlink(of->tmp);
            fail(of, e, "cannot replace", of->path);
            release(of);
            errno = e;
            return -1;
        }
        sync_dir(of->target);
    }
    of->err = 0;
    of->msg[0] = '\0';
    release(of);
    return 0;
}

void outfile_abort(OutFile *of)
{
    if (of->fp)
        fclose(of->fp);
    of->fp = NULL;
    if (of->tmp)
        unlink(of->tmp);
    release(of);
}
