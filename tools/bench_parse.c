/*
 * bench_parse.c — assay-bench-parse FILE...: the baseline figure for the
 * benchmark. Reads every file first, then times only tree-sitter's parse of
 * each (fe_python_parse_only) with CLOCK_MONOTONIC, and prints
 * "files N lines L seconds S lines_per_sec R".
 */
#include "frontend/frontend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

int main(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    fprintf(stderr, "usage: assay-bench-parse FILE...\n");
    return 2;
  }
  int nfiles = argc - 1;
  bench_file *files = calloc((size_t)nfiles, sizeof *files);
  if (!files) {
    fprintf(stderr, "assay-bench-parse: out of memory\n");
    return 3;
  }
  size_t lines = 0;
  for (int i = 0; i < nfiles; i++) {
    if (bench_read(argv[i + 1], &files[i]) != 0) {
      fprintf(stderr, "assay-bench-parse: cannot read %s\n", argv[i + 1]);
      for (int j = 0; j < i; j++)
        free(files[j].text);
      free(files);
      return 2;
    }
    lines += bench_count_lines(files[i].text, files[i].len);
  }

  size_t nodes = 0;
  double start = bench_now();
  for (int i = 0; i < nfiles; i++)
    nodes += fe_python_parse_only(files[i].text, files[i].len);
  double seconds = bench_now() - start;

  for (int i = 0; i < nfiles; i++)
    free(files[i].text);
  free(files);

  double rate = seconds > 0 ? (double)lines / seconds : 0.0;
  printf("files %d lines %zu seconds %.6f lines_per_sec %.0f\n", nfiles, lines, seconds, rate);
  fprintf(stderr, "assay-bench-parse: %zu syntax nodes\n", nodes);
  return 0;
}
