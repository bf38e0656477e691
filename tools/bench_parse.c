/*
 * bench_parse.c — assay-bench-parse [--check] FILE...: the baseline figure for
 * the benchmark. Reads every file first, then times only tree-sitter's parse
 * of each (fe_parse_only, the grammar picked by the file's extension: .py,
 * .js/.jsx/.mjs/.cjs, .ts/.tsx, .go, .java) with CLOCK_MONOTONIC, and prints
 * "files N lines L seconds S lines_per_sec R nodes K".
 *
 * --check first parses every file with its grammar (untimed) and reports each
 * file whose tree has ERROR or MISSING nodes, with the first one's position;
 * any such file makes the exit status 1. Exit status 2 is a usage or read
 * error, 3 a file no tree-sitter frontend parses.
 */
#include "frontend/frontend.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_python(void);
const TSLanguage *tree_sitter_javascript(void);
const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);
const TSLanguage *tree_sitter_go(void);
const TSLanguage *tree_sitter_java(void);

typedef struct bench_file {
  char *text;
  size_t len;
} bench_file;

/* The whole file in a malloc'd buffer; -1 when it cannot be read. */
static int bench_read(const char *path, bench_file *out) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  if (!buf) {
    fclose(f);
    return -1;
  }
  for (;;) {
    size_t got = fread(buf + len, 1, cap - len, f);
    len += got;
    if (len < cap) break;
    char *grown = realloc(buf, cap * 2);
    if (!grown) {
      free(buf);
      fclose(f);
      return -1;
    }
    buf = grown;
    cap *= 2;
  }
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    free(buf);
    return -1;
  }
  out->text = buf;
  out->len = len;
  return 0;
}

static size_t bench_count_lines(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    n += s[i] == '\n';
  if (len > 0 && s[len - 1] != '\n') n++;
  return n;
}

static double bench_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The grammar fe_parse_only uses for path, or NULL. */
static const TSLanguage *bench_grammar(fe_lang lang, const char *path) {
  size_t n = strlen(path);
  switch (lang) {
  case FE_LANG_PYTHON:
    return tree_sitter_python();
  case FE_LANG_JAVASCRIPT:
    return tree_sitter_javascript();
  case FE_LANG_TYPESCRIPT:
    return n > 4 && strcmp(path + n - 4, ".tsx") == 0 ? tree_sitter_tsx()
                                                      : tree_sitter_typescript();
  case FE_LANG_GO:
    return tree_sitter_go();
  case FE_LANG_JAVA:
    return tree_sitter_java();
  default:
    return NULL;
  }
}

/* The first ERROR or MISSING node under n in document order (null node if none). */
static TSNode bench_first_error(TSNode n) {
  if (ts_node_is_missing(n) || strcmp(ts_node_type(n), "ERROR") == 0) return n;
  uint32_t count = ts_node_child_count(n);
  for (uint32_t i = 0; i < count; i++) {
    TSNode c = ts_node_child(n, i);
    if (ts_node_has_error(c)) return bench_first_error(c);
  }
  TSNode none = {{0}, NULL, NULL};
  return none;
}

/* Parse one file with its grammar; report it and return false when the tree
 * has errors. */
static bool bench_check(TSParser *parser, const TSLanguage *grammar, const char *path,
                        const bench_file *f) {
  if (!ts_parser_set_language(parser, grammar) || f->len >= UINT32_MAX) {
    fprintf(stderr, "%s: cannot parse\n", path);
    return false;
  }
  TSTree *tree = ts_parser_parse_string(parser, NULL, f->text, (uint32_t)f->len);
  if (!tree) {
    fprintf(stderr, "%s: cannot parse\n", path);
    return false;
  }
  TSNode root = ts_tree_root_node(tree);
  bool ok = !ts_node_has_error(root);
  if (!ok) {
    TSNode e = bench_first_error(root);
    TSPoint at = ts_node_is_null(e) ? ts_node_start_point(root) : ts_node_start_point(e);
    fprintf(stderr, "%s:%u:%u: syntax error (%s %s)\n", path, at.row + 1, at.column + 1,
            !ts_node_is_null(e) && ts_node_is_missing(e) ? "missing" : "unexpected",
            ts_node_is_null(e) ? "?" : ts_node_type(e));
  }
  ts_tree_delete(tree);
  return ok;
}

int main(int argc, char **argv) {
  bool check = false;
  int first = 1;
  if (argc > 1 && strcmp(argv[1], "--check") == 0) {
    check = true;
    first = 2;
  }
  if (argc <= first || strcmp(argv[first], "--help") == 0 || strcmp(argv[first], "-h") == 0) {
    fprintf(stderr, "usage: assay-bench-parse [--check] FILE...\n");
    return 2;
  }
  int nfiles = argc - first;
  bench_file *files = calloc((size_t)nfiles, sizeof *files);
  fe_lang *langs = calloc((size_t)nfiles, sizeof *langs);
  if (!files || !langs) {
    fprintf(stderr, "assay-bench-parse: out of memory\n");
    free(files);
    free(langs);
    return 3;
  }
  int rc = 0;
  size_t lines = 0;
  int nread = 0;
  for (int i = 0; i < nfiles && rc == 0; i++) {
    const char *path = argv[first + i];
    langs[i] = fe_lang_of_path(path);
    if (!bench_grammar(langs[i], path)) {
      fprintf(stderr, "assay-bench-parse: %s: not a tree-sitter language (%s)\n", path,
              fe_lang_name(langs[i]));
      rc = 3;
    } else if (bench_read(path, &files[i]) != 0) {
      fprintf(stderr, "assay-bench-parse: cannot read %s\n", path);
      rc = 2;
    } else {
      nread++;
      lines += bench_count_lines(files[i].text, files[i].len);
    }
  }

  int bad = 0;
  if (rc == 0 && check) {
    TSParser *parser = ts_parser_new();
    for (int i = 0; i < nfiles; i++)
      bad += !bench_check(parser, bench_grammar(langs[i], argv[first + i]), argv[first + i],
                          &files[i]);
    ts_parser_delete(parser);
    fprintf(stderr, "assay-bench-parse: checked %d files, %d with syntax errors\n", nfiles, bad);
  }

  size_t nodes = 0;
  double seconds = 0;
  if (rc == 0) {
    double start = bench_now();
    for (int i = 0; i < nfiles && rc == 0; i++) {
      size_t n = fe_parse_only(langs[i], argv[first + i], files[i].text, files[i].len);
      if (n == 0 && files[i].len > 0) {
        fprintf(stderr, "assay-bench-parse: %s: the %s frontend does not parse yet\n",
                argv[first + i], fe_lang_name(langs[i]));
        rc = 3;
      }
      nodes += n;
    }
    seconds = bench_now() - start;
  }

  for (int i = 0; i < nread; i++)
    free(files[i].text);
  free(files);
  free(langs);
  if (rc == 0) {
    double rate = seconds > 0 ? (double)lines / seconds : 0.0;
    printf("files %d lines %zu seconds %.6f lines_per_sec %.0f nodes %zu\n", nfiles, lines, seconds,
           rate, nodes);
  }
  if (check && bad > 0) return 1;
  if (check && rc == 3) return 0; /* the syntax check passed; timing needs the frontend */
  return rc;
}
