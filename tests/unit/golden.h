/* golden.h — golden IR tests shared by the frontend tests: every DIR/NAME.EXT
 * source beside DIR/NAME.ir. Each source is lowered, verified and printed;
 * the print must equal the .ir file. ASSAY_UPDATE_GOLDEN=1 rewrites the .ir
 * files instead (they are the spec: review every changed line). */
#ifndef ASSAY_TEST_GOLDEN_H
#define ASSAY_TEST_GOLDEN_H

#include "check.h"
#include "ir/ir.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Lower the source of golden file `file` ("NAME.EXT"; stem is "NAME"). */
typedef ir_unit *(*golden_lower_fn)(as_intern *strings, const char *file, const char *stem,
                                    const char *src, size_t len);

static int golden__cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The extension of name among exts (NULL-terminated), or NULL. */
static const char *golden__ext(const char *name, const char *const *exts) {
  const char *dot = strrchr(name, '.');
  for (size_t i = 0; dot && exts[i]; i++)
    if (strcmp(dot, exts[i]) == 0) return exts[i];
  return NULL;
}

/* Run every golden of dir; returns how many there were. */
static int golden_run(const char *dir, const char *const *exts, golden_lower_fn lower,
                      as_intern *strings) {
  DIR *d = opendir(dir);
  CHECK(d != NULL);
  if (!d) return 0;
  char *names[256];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < 256)
    if (golden__ext(e->d_name, exts)) names[n++] = as_strdup(e->d_name);
  closedir(d);
  qsort(names, (size_t)n, sizeof names[0], golden__cmp);
  const char *env = getenv("ASSAY_UPDATE_GOLDEN");
  bool update = env && strcmp(env, "1") == 0;
  for (int i = 0; i < n; i++) {
    size_t stem_len = strlen(names[i]) - strlen(golden__ext(names[i], exts));
    char *stem = as_strndup(names[i], stem_len);
    char *src_path = as_sprintf("%s/%s", dir, names[i]);
    char *ir_path = as_sprintf("%s/%s.ir", dir, stem);
    char *src = NULL;
    size_t len = 0;
    CHECK(as_read_file(src_path, &src, &len) == 0);
    ir_unit *u = lower(strings, names[i], stem, src ? src : "", src ? len : 0);
    char err[512] = "";
    if (ir_unit_verify(u, err, sizeof err) != 0) {
      fprintf(stderr, "%s: does not verify: %s\n", src_path, err);
      CHECK(0);
    }
    as_buf got = {0};
    ir_unit_print(u, &got);
    if (update) {
      FILE *f = fopen(ir_path, "wb");
      CHECK(f != NULL);
      if (f) {
        fputs(got.data ? got.data : "", f);
        fclose(f);
      }
    } else {
      char *want = NULL;
      size_t wl = 0;
      if (as_read_file(ir_path, &want, &wl) != 0) {
        fprintf(stderr, "%s: missing (run with ASSAY_UPDATE_GOLDEN=1)\n", ir_path);
        CHECK(0);
      } else if (strcmp(want, got.data ? got.data : "") != 0) {
        fprintf(stderr, "golden mismatch for %s; got:\n%s\n", ir_path, got.data);
        CHECK(0);
      } else {
        CHECK(1);
      }
      free(want);
    }
    as_buf_free(&got);
    ir_unit_delete(u);
    free(src);
    free(src_path);
    free(ir_path);
    free(stem);
    free(names[i]);
  }
  return n;
}

/* Lower every source with one of exts under dir (recursively; hidden folders
 * and node_modules skipped): each must parse and verify. file is the path,
 * stem the path without its extension. Returns how many there were. */
static int golden_lower_tree(const char *dir, const char *const *exts, golden_lower_fn lower,
                             as_intern *strings) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.' || strcmp(e->d_name, "node_modules") == 0) continue;
    char *p = as_sprintf("%s/%s", dir, e->d_name);
    struct stat st;
    const char *ext = golden__ext(p, exts);
    if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
      n += golden_lower_tree(p, exts, lower, strings);
    } else if (ext) {
      char *src = NULL;
      size_t len = 0;
      CHECK(as_read_file(p, &src, &len) == 0);
      char *stem = as_strndup(p, strlen(p) - strlen(ext));
      ir_unit *u = lower(strings, p, stem, src ? src : "", src ? len : 0);
      if (u->failed) fprintf(stderr, "%s: %s\n", p, u->ndiags ? u->diags[0].message : "?");
      CHECK_INT(u->failed, 0);
      char err[512] = "";
      if (ir_unit_verify(u, err, sizeof err) != 0) {
        fprintf(stderr, "%s: does not verify: %s\n", p, err);
        CHECK(0);
      }
      ir_unit_delete(u);
      free(stem);
      free(src);
      n++;
    }
    free(p);
  }
  closedir(d);
  return n;
}

#endif
