/* outfile.c — atomic output files: write a temporary file beside the target,
 * then flush, fsync, close and rename it into place. */
/* fsync() is XSI. */
#define _XOPEN_SOURCE 700
#include "base/outfile.h"
#include "base/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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

/* Records errno value `e` and the message `fmt` (translated: "cannot write
 * '%s': %s") made of the path and strerror. */
static void fail(OutFile *of, int e, const char *fmt, const char *path)
{
    of->err = e;
    snprintf(of->msg, sizeof of->msg, fmt, path ? path : "", strerror(e));
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

/* Whether a symlink may be written through: only when the current user or
 * root owns it. In a shared world-writable directory (/tmp) anyone can put a
 * link where you are about to write, pointing at a file of yours; the kernel
 * does not follow such links there (fs.protected_symlinks), and resolving
 * them here, then renaming over what they point at, would go round it. */
static bool link_trusted(const struct stat *st)
{
    return st->st_uid == geteuid() || st->st_uid == 0;
}

/* Where writing `path` goes: its symlinks followed one hop at a time, each
 * checked (a link of yours may lead to one someone else planted). Returns
 * the path of the first hop that is no symlink — `path` itself when it is
 * none — or `path` when the chain cannot be followed to its end (it points
 * nowhere, loops, ...: the link itself is then replaced). NULL with err and
 * msg set when a hop is not trusted, or on no memory. */
static char *follow_links(OutFile *of, const char *path)
{
    char *cur = dup_str(path);
    for (int hops = 0; cur; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0) {
            if (hops == 0)
                return cur; /* no such file yet, or out of reach: creating it will say */
            free(cur); /* the chain points nowhere: replace the link itself */
            return dup_str(path);
        }
        if (!S_ISLNK(st.st_mode))
            return cur;
        if (!link_trusted(&st)) {
            of->err = EPERM;
            if (hops == 0)
                snprintf(of->msg, sizeof of->msg,
                         _("cannot write '%s': it is a symbolic link owned by another user (uid %ld), "
                           "which ramme does not write through; remove it or write to another name"),
                         path, (long)st.st_uid);
            else
                snprintf(of->msg, sizeof of->msg,
                         _("cannot write '%s': it leads through '%s', a symbolic link owned by another "
                           "user (uid %ld), which ramme does not write through; remove it or write to "
                           "another name"),
                         path, cur, (long)st.st_uid);
            free(cur);
            return NULL;
        }
        char to[PATH_MAX];
        ssize_t n = hops < 40 ? readlink(cur, to, sizeof to) : -1;
        if (n <= 0 || (size_t)n >= sizeof to) {
            free(cur); /* a loop, or unreadable: replace the link */
            return dup_str(path);
        }
        to[n] = '\0';
        /* A relative link is relative to the directory it is in. */
        const char *slash = strrchr(cur, '/');
        size_t dirlen = to[0] == '/' || !slash ? 0 : (size_t)(slash - cur) + 1;
        char *next = malloc(dirlen + (size_t)n + 1);
        if (next) {
            memcpy(next, cur, dirlen);
            memcpy(next + dirlen, to, (size_t)n + 1);
        }
        free(cur);
        cur = next;
    }
    return NULL; /* no memory */
}

FILE *outfile_open(const char *path, OutFile *of)
{
    memset(of, 0, sizeof *of);
    if (!path || !*path) {
        fail(of, EINVAL, _("cannot write '%s': %s"), "");
        return NULL;
    }
    of->path = dup_str(path);
    if (!of->path) {
        fail(of, ENOMEM, _("cannot write '%s': %s"), path);
        return NULL;
    }

    /* Follow a symlink, so the file it points at is replaced, not the link. */
    of->target = follow_links(of, path);
    if (!of->target) {
        if (!of->err)
            fail(of, ENOMEM, _("cannot write '%s': %s"), path);
        release(of);
        return NULL;
    }

    struct stat st;
    bool exists = stat(of->target, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        fail(of, EISDIR, _("cannot write '%s': %s"), path);
        release(of);
        return NULL;
    }
    if (exists && !S_ISREG(st.st_mode)) {
        /* A device or pipe: no rename possible, write straight into it. */
        of->fp = fopen(of->target, "w");
        if (!of->fp) {
            fail(of, errno, _("cannot write '%s': %s"), path);
            release(of);
            return NULL;
        }
        of->direct = true;
        return of->fp;
    }

    of->tmp = temp_template(of->target);
    if (!of->tmp) {
        fail(of, ENOMEM, _("cannot write '%s': %s"), path);
        release(of);
        return NULL;
    }
    int fd = mkstemp(of->tmp);
    if (fd < 0) {
        fail(of, errno, _("cannot write '%s': %s"), path);
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
        fail(of, e, _("cannot write '%s': %s"), path);
        release(of);
        return NULL;
    }
    return of->fp;
}

int outfile_commit(OutFile *of)
{
    if (!of->fp) {
        if (!of->err)
            fail(of, EINVAL, _("cannot write '%s': %s"), of->path ? of->path : "");
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
        fail(of, e, _("cannot write '%s': %s"), of->path);
        release(of);
        errno = e;
        return -1;
    }
    if (!of->direct) {
        if (rename(of->tmp, of->target) != 0) {
            e = errno;
            unlink(of->tmp);
            fail(of, e, _("cannot replace '%s': %s"), of->path);
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

int outfile_copy(const OutFile *of, FILE *to)
{
    FILE *r = of->tmp ? fopen(of->tmp, "rb") : NULL;
    if (!r)
        return -1;
    char buf[8192];
    size_t n;
    int rc = 0;
    while (rc == 0 && (n = fread(buf, 1, sizeof buf, r)) > 0)
        if (fwrite(buf, 1, n, to) != n)
            rc = -1;
    if (ferror(r))
        rc = -1;
    fclose(r);
    return rc;
}
