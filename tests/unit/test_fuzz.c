/* test_fuzz.c — deterministic mutation of real inputs through the frontends:
 * every mutant lowers to a unit that verifies (most with syntax errors,
 * lowered around them), a failed unit has a parse-error diagnostic, and
 * nothing crashes (the suite runs under ASan and UBSan). The inputs are the
 * golden sources and the corpus, in every language. */
#include "check.h"
#include "frontend/frontend.h"

#include <dirent.h>
#include <string.h>

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint64_t next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

/* One mutation of src into out: delete a span, insert junk, duplicate a
 * span, or truncate. */
static void mutate(const char *src, size_t len, as_buf *out) {
  out->len = 0;
  size_t a = len ? next() % len : 0, b = a + (len - a ? next() % (len - a) : 0);
  if (b - a > 64) b = a + 64;
  static const char junk[] = "({[\"'`\\:;,.)}]\n\t#/*@$%!\xff\xc3";
  switch (next() % 4) {
  case 0: /* delete [a, b) */
    as_buf_put(out, src, a);
    as_buf_put(out, src + b, len - b);
    break;
  case 1: /* insert junk at a */
    as_buf_put(out, src, a);
    for (int i = 0, n = 1 + (int)(next() % 4); i < n; i++)
      as_buf_putc(out, junk[next() % (sizeof junk - 1)]);
    as_buf_put(out, src + a, len - a);
    break;
  case 2: /* duplicate [a, b) */
    as_buf_put(out, src, b);
    as_buf_put(out, src + a, len - a);
    break;
  default: /* truncate at a */
    as_buf_put(out, src, a);
  }
  if (!out->data) as_buf_put(out, "", 0);
}

static int lowered, failed;

static void fuzz_file(const char *path, fe_lang lang, int rounds) {
  char *src;
  size_t len;
  if (as_read_file(path, &src, &len) != 0) return;
  as_intern *strings = as_intern_new();
  as_buf m = {0};
  for (int r = 0; r < rounds; r++) {
    mutate(src, len, &m);
    ir_unit *u;
    switch (lang) {
    case FE_LANG_PYTHON:
      u = fe_python_lower(strings, path, "fuzz", m.data, m.len);
      break;
    case FE_LANG_JAVASCRIPT:
    case FE_LANG_TYPESCRIPT:
      u = fe_javascript_lower(strings, path, "fuzz", m.data, m.len);
      break;
    case FE_LANG_GO:
      u = fe_go_lower(strings, path, "fuzz", m.data, m.len);
      break;
    case FE_LANG_JAVA:
      u = fe_java_lower(strings, path, "fuzz", m.data, m.len);
      break;
    default:
      u = fe_c_lower(strings, path, "/tmp/assay-fuzz.c", m.data, m.len, NULL, 0);
    }
    char err[256];
    if (ir_unit_verify(u, err, sizeof err) != 0) {
      fprintf(stderr, "%s mutant %d does not verify: %s\n", path, r, err);
      check_failures_++;
    }
    if (u->failed) {
      bool has = false;
      for (uint32_t d = 0; d < u->ndiags; d++)
        has |= u->diags[d].level == AS_DIAG_ERROR && strcmp(u->diags[d].code, "parse-error") == 0;
      if (!has) {
        fprintf(stderr, "%s mutant %d failed without a parse-error\n", path, r);
        check_failures_++;
      }
      failed++;
    }
    check_count_++;
    lowered++;
    ir_unit_delete(u);
  }
  as_buf_free(&m);
  as_intern_delete(strings);
  free(src);
}

static void fuzz_dir(const char *dir, const char *ext, fe_lang lang, int rounds) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  char names[64][256];
  int n = 0;
  while ((e = readdir(d)) && n < 64) {
    size_t l = strlen(e->d_name), el = strlen(ext);
    if (l > el && strcmp(e->d_name + l - el, ext) == 0 && strlen(dir) + l + 2 <= sizeof names[0]) {
      int k = snprintf(names[n], sizeof names[0], "%s/%s", dir, e->d_name);
      if (k > 0 && (size_t)k < sizeof names[0]) n++;
    }
  }
  closedir(d);
  /* readdir order is not stable: sort so the mutants are the same every run. */
  qsort(names, (size_t)n, sizeof names[0], (int (*)(const void *, const void *))strcmp);
  for (int i = 0; i < n; i++)
    fuzz_file(names[i], lang, rounds);
}

int main(void) {
  fuzz_dir("tests/golden/python", ".py", FE_LANG_PYTHON, 150);
  fuzz_dir("corpus/shop/before/accounts/app", ".py", FE_LANG_PYTHON, 150);
  fuzz_dir("tests/golden/javascript", ".js", FE_LANG_JAVASCRIPT, 60);
  fuzz_dir("tests/golden/javascript", ".ts", FE_LANG_TYPESCRIPT, 60);
  fuzz_dir("tests/golden/javascript", ".tsx", FE_LANG_TYPESCRIPT, 60);
  fuzz_dir("tests/golden/go", ".go", FE_LANG_GO, 60);
  fuzz_dir("tests/golden/java", ".java", FE_LANG_JAVA, 60);
  fuzz_dir("tests/golden/c", ".c", FE_LANG_C, 12);
  fuzz_dir("corpus/shop/before/ledger/src", ".c", FE_LANG_C, 12);
  fprintf(stderr, "%d mutants lowered, %d failed to parse\n", lowered, failed);
  CHECK(lowered > 1500);
  CHECK(failed > 0 && failed < lowered);
  return CHECK_DONE();
}
