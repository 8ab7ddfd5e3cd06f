/* test_outfile.c — atomic output files: commit, abort and failures that must
 * leave the target as it was and no temporary file behind. Tests run as root
 * in CI, where directory permissions stop nothing, so failures come from a
 * missing directory, a closed descriptor and /dev/full. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/outfile.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct Dir {
    char path[64];
} Dir;

static int setup(void **state)
{
    Dir *d = malloc(sizeof *d);
    if (!d)
        return -1;
    strcpy(d->path, "/tmp/ramme-outfile-XXXXXX");
    if (!mkdtemp(d->path)) {
        free(d);
        return -1;
    }
    *state = d;
    return 0;
}

static int teardown(void **state)
{
    Dir *d = *state;
    DIR *dir = opendir(d->path);
    if (dir) {
        struct dirent *e;
        char p[PATH_MAX];
        while ((e = readdir(dir)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(p, sizeof p, "%s/%s", d->path, e->d_name);
            unlink(p);
        }
        closedir(dir);
    }
    rmdir(d->path);
    free(d);
    return 0;
}

/* Entries in the directory besides . and .. */
static int count_entries(const char *path)
{
    DIR *dir = opendir(path);
    assert_non_null(dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(dir);
    return n;
}

/* The whole file, or "" when it cannot be read; static buffer. */
static const char *slurp(const char *path)
{
    static char buf[4096];
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f)
        return buf;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static void join(char *out, size_t n, const Dir *d, const char *name)
{
    snprintf(out, n, "%s/%s", d->path, name);
}

static void test_commit_creates(void **state)
{
    Dir *d = *state;
    char target[PATH_MAX];
    join(target, sizeof target, d, "hold.ics");
    OutFile of;
    FILE *f = outfile_open(target, &of);
    assert_non_null(f);
    /* Until the commit only the temporary file exists, named after the target. */
    assert_int_equal(access(target, F_OK), -1);
    assert_non_null(strstr(of.tmp, "/.hold.ics."));
    fputs("BEGIN:VCALENDAR\r\n", f);
    assert_int_equal(outfile_commit(&of), 0);
    assert_int_equal(of.err, 0);
    assert_string_equal(of.msg, "");
    assert_string_equal(slurp(target), "BEGIN:VCALENDAR\r\n");
    assert_int_equal(count_entries(d->path), 1);
    /* A new file gets 0666 less the umask, not mkstemp's 0600. */
    mode_t mask = umask(0);
    umask(mask);
    struct stat st;
    assert_int_equal(stat(target, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0666 & ~mask);
}

static void test_commit_replaces_keeping_mode(void **state)
{
    Dir *d = *state;
    char target[PATH_MAX];
    join(target, sizeof target, d, "plan.csv");
    write_file(target, "old\n");
    assert_int_equal(chmod(target, 0640), 0);
    OutFile of;
    FILE *f = outfile_open(target, &of);
    assert_non_null(f);
    fputs("new\n", f);
    assert_string_equal(slurp(target), "old\n");
    assert_int_equal(outfile_commit(&of), 0);
    assert_string_equal(slurp(target), "new\n");
    struct stat st;
    assert_int_equal(stat(target, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    assert_int_equal(count_entries(d->path), 1);
}

static void test_abort_leaves_target(void **state)
{
    Dir *d = *state;
    char target[PATH_MAX];
    join(target, sizeof target, d, "plan.json");
    write_file(target, "{\"old\": true}\n");
    OutFile of;
    FILE *f = outfile_open(target, &of);
    assert_non_null(f);
    fputs("{\"half\":", f);
    fflush(f);
    assert_int_equal(count_entries(d->path), 2);
    outfile_abort(&of);
    assert_string_equal(slurp(target), "{\"old\": true}\n");
    assert_int_equal(count_entries(d->path), 1);
    outfile_abort(&of); /* twice is harmless */
    assert_int_equal(outfile_commit(&of), -1); /* and so is a commit after it */
    assert_string_equal(slurp(target), "{\"old\": true}\n");
}

/* What was written so far can be sent elsewhere before an abort (-o when
 * the command failed): the copy has it, the target stays as it was. */
static void test_copy_before_abort(void **state)
{
    Dir *d = *state;
    char target[PATH_MAX];
    join(target, sizeof target, d, "report.txt");
    write_file(target, "old\n");
    OutFile of;
    FILE *f = outfile_open(target, &of);
    assert_non_null(f);
    fputs("half a report", f);
    fflush(f);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_int_equal(outfile_copy(&of, m), 0);
    fclose(m);
    assert_string_equal(buf, "half a report");
    free(buf);
    outfile_abort(&of);
    assert_string_equal(slurp(target), "old\n");
    assert_int_equal(count_entries(d->path), 1);
}

static void test_missing_directory(void **state)
{
    Dir *d = *state;
    char target[PATH_MAX];
    join(target, sizeof target, d, "no/such/dir/hold.ics");
    OutFile of;
    assert_null(outfile_open(target, &of));
    assert_int_equal(of.err, ENOENT);
    assert_non_null(strstr(of.msg, "no/such/dir/hold.ics"));
    assert_non_null(strstr(of.msg, strerror(ENOENT)));
    assert_null(of.tmp);
    assert_int_equal(count_entries(d->path), 0);
    outfile_abort(&of); /* after a failed open: harmless */
}

static void test_write_error_leaves_target(void **state)
{
    Dir *d = *state;
    char target[PATH_MAX];
    join(target, sizeof target, d, "hold.ics");
    write_file(target, "old\n");
    OutFile of;
    FILE *f = outfile_open(target, &of);
    assert_non_null(f);
    /* Pull the descriptor from under the stream: the flush must fail. */
    close(fileno(f));
    fputs("new content that never arrives\n", f);
    assert_int_equal(outfile_commit(&of), -1);
    assert_int_equal(errno, EBADF);
    assert_int_equal(of.err, EBADF);
    assert_non_null(strstr(of.msg, "cannot write"));
    assert_non_null(strstr(of.msg, "hold.ics"));
    assert_string_equal(slurp(target), "old\n");
    assert_int_equal(count_entries(d->path), 1);
}

static void test_dev_full(void **state)
{
    (void)state;
    struct stat st;
    if (stat("/dev/full", &st) != 0)
        skip();
    OutFile of;
    FILE *f = outfile_open("/dev/full", &of);
    assert_non_null(f);
    assert_true(of.direct);
    fputs("no space\n", f);
    assert_int_equal(outfile_commit(&of), -1);
    assert_int_equal(of.err, ENOSPC);
    assert_int_equal(stat("/dev/full", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
}

static void test_dev_null(void **state)
{
    (void)state;
    OutFile of;
    FILE *f = outfile_open("/dev/null", &of);
    assert_non_null(f);
    assert_true(of.direct);
    fputs("gone\n", f);
    assert_int_equal(outfile_commit(&of), 0);
    struct stat st;
    assert_int_equal(stat("/dev/null", &st), 0);
    assert_true(S_ISCHR(st.st_mode)); /* still the device, not a renamed file */
}

static void test_symlink_target(void **state)
{
    Dir *d = *state;
    char real[PATH_MAX], link[PATH_MAX];
    join(real, sizeof real, d, "real.ics");
    join(link, sizeof link, d, "link.ics");
    write_file(real, "old\n");
    assert_int_equal(symlink("real.ics", link), 0);
    OutFile of;
    FILE *f = outfile_open(link, &of);
    assert_non_null(f);
    fputs("new\n", f);
    assert_int_equal(outfile_commit(&of), 0);
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_string_equal(slurp(real), "new\n");
    assert_int_equal(count_entries(d->path), 2);
}

/* A symlink another user planted where ramme is told to write (a shared
 * directory such as /tmp): refused, nothing written, its target untouched.
 * Tests run as root in CI, where lchown can give the link away; elsewhere
 * they are skipped. */
static void plant_foreign_link(const char *to, const char *link)
{
    assert_int_equal(symlink(to, link), 0);
    if (lchown(link, 65534, 65534) != 0)
        skip();
}

static void test_symlink_of_another_user_refused(void **state)
{
    Dir *d = *state;
    char victim[PATH_MAX], link[PATH_MAX];
    join(victim, sizeof victim, d, "victim.txt");
    join(link, sizeof link, d, "plan.ics");
    write_file(victim, "precious\n");
    plant_foreign_link(victim, link);
    OutFile of;
    assert_null(outfile_open(link, &of));
    assert_int_equal(of.err, EPERM);
    assert_non_null(strstr(of.msg, "plan.ics"));
    assert_non_null(strstr(of.msg, "symbolic link owned by another user"));
    assert_string_equal(slurp(victim), "precious\n");
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(count_entries(d->path), 2); /* no temporary file */
    outfile_abort(&of);
}

/* Your own link to a link someone else planted: refused all the same. */
static void test_symlink_chain_through_another_user_refused(void **state)
{
    Dir *d = *state;
    char victim[PATH_MAX], planted[PATH_MAX], mine[PATH_MAX];
    join(victim, sizeof victim, d, "victim.txt");
    join(planted, sizeof planted, d, "shared.ics");
    join(mine, sizeof mine, d, "mine.ics");
    write_file(victim, "precious\n");
    plant_foreign_link("victim.txt", planted);
    assert_int_equal(symlink("shared.ics", mine), 0);
    OutFile of;
    assert_null(outfile_open(mine, &of));
    assert_int_equal(of.err, EPERM);
    assert_non_null(strstr(of.msg, "shared.ics"));
    assert_string_equal(slurp(victim), "precious\n");
    assert_int_equal(count_entries(d->path), 3);
}

/* A planted link that points at nothing yet: nothing is created there. */
static void test_dangling_symlink_of_another_user_refused(void **state)
{
    Dir *d = *state;
    char link[PATH_MAX], absent[PATH_MAX];
    join(link, sizeof link, d, "plan.ics");
    join(absent, sizeof absent, d, "created-by-ramme");
    plant_foreign_link(absent, link);
    OutFile of;
    assert_null(outfile_open(link, &of));
    assert_int_equal(of.err, EPERM);
    assert_int_equal(access(absent, F_OK), -1);
    assert_int_equal(count_entries(d->path), 1);
}

/* A chain of your own links is followed to its end, relative hops too. */
static void test_symlink_chain_own(void **state)
{
    Dir *d = *state;
    char real[PATH_MAX], one[PATH_MAX], two[PATH_MAX], sub[PATH_MAX];
    join(sub, sizeof sub, d, "sub");
    assert_int_equal(mkdir(sub, 0700), 0);
    join(real, sizeof real, d, "sub/real.ics");
    join(one, sizeof one, d, "one.ics");
    join(two, sizeof two, d, "sub/two.ics");
    write_file(real, "old\n");
    assert_int_equal(symlink("real.ics", two), 0);    /* relative to sub/ */
    assert_int_equal(symlink("sub/two.ics", one), 0); /* relative to the top */
    OutFile of;
    FILE *f = outfile_open(one, &of);
    assert_non_null(f);
    fputs("new\n", f);
    assert_int_equal(outfile_commit(&of), 0);
    assert_string_equal(slurp(real), "new\n");
    struct stat st;
    assert_int_equal(lstat(one, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(lstat(two, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(unlink(real), 0);
    assert_int_equal(unlink(two), 0);
    assert_int_equal(rmdir(sub), 0);
}

static void test_directory_target(void **state)
{
    Dir *d = *state;
    OutFile of;
    assert_null(outfile_open(d->path, &of));
    assert_int_equal(of.err, EISDIR);
    assert_null(outfile_open("", &of));
    assert_int_equal(of.err, EINVAL);
    assert_int_equal(count_entries(d->path), 0);
}

static void test_bare_name(void **state)
{
    Dir *d = *state;
    char cwd[PATH_MAX];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(d->path), 0);
    OutFile of;
    FILE *f = outfile_open("plan.txt", &of);
    assert_non_null(f);
    assert_int_equal(strncmp(of.tmp, ".plan.txt.", 10), 0);
    fputs("x\n", f);
    assert_int_equal(outfile_commit(&of), 0);
    assert_string_equal(slurp("plan.txt"), "x\n");
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(count_entries(d->path), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_commit_creates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_commit_replaces_keeping_mode, setup, teardown),
        cmocka_unit_test_setup_teardown(test_abort_leaves_target, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copy_before_abort, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_error_leaves_target, setup, teardown),
        cmocka_unit_test(test_dev_full),
        cmocka_unit_test(test_dev_null),
        cmocka_unit_test_setup_teardown(test_symlink_target, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlink_of_another_user_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlink_chain_through_another_user_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dangling_symlink_of_another_user_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlink_chain_own, setup, teardown),
        cmocka_unit_test_setup_teardown(test_directory_target, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bare_name, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
