/* floor.c — the parse-only floor of issue 20: ramme's own grammar and
 * scanner (derived by bench/floor/derive.py: no actions, no locations, no
 * LAC, no token values copied) run over one file, and nothing else.
 *
 *     floor FILE...
 *
 * Each file is read whole into one buffer and scanned in place (flex's
 * yy_scan_buffer, no copy), and parsed as one text: no imports followed,
 * no UTF-8 check, no tree, no report. Exit 0 when every file parses, 1 when
 * one does not (a syntax error, or an error the scanner returns as YYerror:
 * a bad date, an unknown unit), 2 when a file cannot be read. The floor
 * says only which file failed: it keeps no positions to say where, and
 * `ramme check FILE` does. bench/run.py times it on the benchmark's file
 * beside `ramme check -j 1` (bench/README.md, "The parse-only floor").
 * Build: make bench-build (or make BUILD=build-bench build-bench/floor). */
#include "front/parse.h"
#include "parser.h"
#include "lexer.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The file in a buffer with the two NUL bytes yy_scan_buffer wants after
 * the text (flex writes into the buffer, so it is not a read-only map). */
static char *read_whole(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    size_t n = (size_t)st.st_size, got = 0;
    char *buf = malloc(n + 2);
    while (buf && got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r <= 0) {
            free(buf);
            buf = NULL;
            break;
        }
        got += (size_t)r;
    }
    close(fd);
    if (buf) {
        buf[n] = buf[n + 1] = '\0';
        *len = n;
    }
    return buf;
}

/* One text parsed: true when the parser accepted it without an error. The
 * same steps as drive() in src/front/parse.c, which cannot serve here: the
 * floor's yylex and yyparse are other objects under the same names. */
static bool floor_parse(char *text, size_t len, LexState *ls, Arena *a, Diags *diags)
{
    memset(ls, 0, offsetof(LexState, braces));
    ls->arena = a;
    ls->diags = diags;
    ls->nolac = true;
    ls->errors_at_start = diags->errors;
    yyscan_t scanner;
    if (yylex_init_extra(ls, &scanner) != 0)
        arena_oom();
    YY_BUFFER_STATE buf = yy_scan_buffer(text, len + 2, scanner);
    jmp_buf fatal;
    ls->scanner_fatal = &fatal;
    int rc = 1; /* set only after the parser returns, so a longjmp leaves it 1 */
    if (setjmp(fatal) == 0)
        rc = yyparse(scanner, ls);
    yy_delete_buffer(buf, scanner);
    yylex_destroy(scanner);
    return rc == 0 && !ls->fatal && ls->syntax_errors == 0 && diags->errors == ls->errors_at_start;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: floor FILE...\n");
        return 2;
    }
    /* LexState holds the brace stack for the nesting limit: 10 KB, not on the stack. */
    LexState *ls = malloc(sizeof *ls);
    if (!ls)
        arena_oom();
    Arena *a = arena_new();
    Diags diags;
    diag_init(&diags);
    int status = 0;
    for (int i = 1; i < argc; i++) {
        size_t len;
        char *text = read_whole(argv[i], &len);
        if (!text) {
            fprintf(stderr, "floor: %s: %s\n", argv[i], strerror(errno));
            status = 2;
            break;
        }
        if (!floor_parse(text, len, ls, a, &diags)) {
            fprintf(stderr, "floor: %s does not parse (ramme check says where)\n", argv[i]);
            status = 1;
        }
        free(text);
        arena_reset(a);
    }
    diag_free(&diags);
    arena_free(a);
    free(ls);
    return status;
}
