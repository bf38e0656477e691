/* test_discover.c — file discovery: the directory walk, languages, services,
 * module names, errors, and (when git is installed) git ls-files. */
#include "frontend/frontend.h"
#include "check.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[] = "/tmp/assay-test-discover-XXXXXX";

static void put(const char *rel, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", root, rel);
  /* make the parent folders */
  for (char *p = path + strlen(root) + 1; *p; p++)
    if (*p == '/') {
      *p = 0;
      mkdir(path, 0755);
      *p = '/';
    }
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

static void build_tree(void) {
  CHECK(mkdtemp(root) != NULL);
  put("README.txt", "hello\n");
  put("tool.py", "print(1)\n");
  put("billing/requirements.txt", "flask\n");
  put("billing/app/__init__.py", "");
  put("billing/app/handlers.py", "def f(): pass\n");
  put("billing/app/notes.txt", "not source\n");
  put("engine/CMakeLists.txt", "project(engine C)\n");
  put("engine/src/main.c", "int main(void){return 0;}\n");
  put("engine/include/engine.h", "int f(void);\n");
  put("engine/build/gen.c", "int g;\n");
  put("lib/util.c", "int u;\n");
  put(".hidden/secret.py", "x = 1\n");
  put("web/node_modules/pkg/index.py", "y = 2\n");
  put("venv/lib/site.py", "z = 3\n");
  put("billing/app/__pycache__/handlers.py", "w = 4\n");
}

static void rm_tree(const char *path) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
  CHECK_INT(system(cmd), 0);
}

static void test_walk(void) {
  fe_file_list list = {0};
  char err[256] = "";
  CHECK_INT(fe_discover(root, &list, err, sizeof err), 0);
  static const struct {
    const char *rel;
    fe_lang lang;
    const char *service, *service_root;
  } want[] = {
      {"billing/app/__init__.py", FE_LANG_PYTHON, "billing", "billing"},
      {"billing/app/handlers.py", FE_LANG_PYTHON, "billing", "billing"},
      {"engine/include/engine.h", FE_LANG_C, "engine", "engine"},
      {"engine/src/main.c", FE_LANG_C, "engine", "engine"},
      {"lib/util.c", FE_LANG_C, NULL, ""},
      {"tool.py", FE_LANG_PYTHON, NULL, ""},
  };
  const char *base = strrchr(root, '/') + 1;
  CHECK_INT(list.len, sizeof want / sizeof *want);
  char *real = realpath(root, NULL);
  for (size_t i = 0; i < list.len && i < sizeof want / sizeof *want; i++) {
    fe_file *f = &list.items[i];
    CHECK_STR(f->relpath, want[i].rel);
    CHECK_INT(f->lang, want[i].lang);
    CHECK_STR(f->service, want[i].service ? want[i].service : base);
    CHECK_STR(f->service_root, want[i].service_root);
    char abs[600];
    snprintf(abs, sizeof abs, "%s/%s", real, want[i].rel);
    CHECK_STR(f->abspath, abs);
  }
  free(real);
  fe_file_list_free(&list);
  CHECK(list.items == NULL);
  CHECK_INT(list.len, 0);
  fe_file_list_free(NULL);

  /* a service at the root: everything not in a nearer service belongs to it */
  put("pyproject.toml", "[project]\n");
  CHECK_INT(fe_discover(root, &list, err, sizeof err), 0);
  CHECK_INT(list.len, 6);
  if (list.len == 6) {
    CHECK_STR(list.items[4].relpath, "lib/util.c");
    CHECK_STR(list.items[4].service, base);
    CHECK_STR(list.items[4].service_root, "");
    CHECK_STR(list.items[0].service, "billing");
  }
  fe_file_list_free(&list);
  char marker[600];
  snprintf(marker, sizeof marker, "%s/pyproject.toml", root);
  CHECK_INT(remove(marker), 0);

  /* a nested service is nearer than its parent */
  put("engine/plugins/py/setup.py", "");
  put("engine/plugins/py/plug/core.py", "");
  CHECK_INT(fe_discover(root, &list, err, sizeof err), 0);
  CHECK_INT(list.len, 8);
  if (list.len == 8) {
    CHECK_STR(list.items[3].relpath, "engine/plugins/py/plug/core.py");
    CHECK_STR(list.items[3].service, "py");
    CHECK_STR(list.items[3].service_root, "engine/plugins/py");
    CHECK_STR(list.items[4].relpath, "engine/plugins/py/setup.py");
    CHECK_STR(list.items[4].service_root, "engine/plugins/py");
    CHECK_STR(list.items[5].relpath, "engine/src/main.c");
    CHECK_STR(list.items[5].service_root, "engine");
  }
  fe_file_list_free(&list);
}

/* The same tree as a git work tree: ignored files disappear, hidden folders
 * that git does not ignore are listed. */
static void test_git(void) {
  if (system("git --version >/dev/null 2>&1") != 0) {
    fprintf(stderr, "git not installed: git listing not tested\n");
    return;
  }
  char cmd[600];
  snprintf(cmd, sizeof cmd, "git init -q '%s' >/dev/null 2>&1", root);
  CHECK_INT(system(cmd), 0);
  put(".gitignore", "lib/\n/venv/\nnode_modules/\n__pycache__/\nengine/build/\n");
  fe_file_list list = {0};
  char err[256] = "";
  CHECK_INT(fe_discover(root, &list, err, sizeof err), 0);
  static const char *const want[] = {
      ".hidden/secret.py",
      "billing/app/__init__.py",
      "billing/app/handlers.py",
      "engine/include/engine.h",
      "engine/plugins/py/plug/core.py",
      "engine/plugins/py/setup.py",
      "engine/src/main.c",
      "tool.py",
  };
  CHECK_INT(list.len, sizeof want / sizeof *want);
  for (size_t i = 0; i < list.len && i < sizeof want / sizeof *want; i++)
    CHECK_STR(list.items[i].relpath, want[i]);
  fe_file_list_free(&list);

  /* a folder inside the work tree lists paths relative to itself */
  char sub[600];
  snprintf(sub, sizeof sub, "%s/billing", root);
  CHECK_INT(fe_discover(sub, &list, err, sizeof err), 0);
  CHECK_INT(list.len, 2);
  if (list.len == 2) {
    CHECK_STR(list.items[0].relpath, "app/__init__.py");
    CHECK_STR(list.items[1].relpath, "app/handlers.py");
    CHECK_STR(list.items[1].service, "billing");
    CHECK_STR(list.items[1].service_root, "");
  }
  fe_file_list_free(&list);
}

static void test_errors(void) {
  fe_file_list list = {0};
  char err[256] = "";
  CHECK_INT(fe_discover("/nonexistent/assay-root", &list, err, sizeof err), -1);
  CHECK_STR(err, "/nonexistent/assay-root: No such file or directory");
  CHECK_INT(list.len, 0);
  char file[600];
  snprintf(file, sizeof file, "%s/tool.py", root);
  CHECK_INT(fe_discover(file, &list, err, sizeof err), -1);
  char want[700];
  snprintf(want, sizeof want, "%s: not a directory", file);
  CHECK_STR(err, want);
}

static void test_names(void) {
  CHECK_INT(fe_lang_of_path("a/b.py"), FE_LANG_PYTHON);
  CHECK_INT(fe_lang_of_path("a/b.c"), FE_LANG_C);
  CHECK_INT(fe_lang_of_path("b.h"), FE_LANG_C);
  CHECK_INT(fe_lang_of_path("b.cc"), FE_LANG_UNKNOWN);
  CHECK_INT(fe_lang_of_path("b.pyc"), FE_LANG_UNKNOWN);
  CHECK_INT(fe_lang_of_path("a.py/README"), FE_LANG_UNKNOWN);
  CHECK_INT(fe_lang_of_path(".py"), FE_LANG_UNKNOWN);
  CHECK_STR(fe_lang_name(FE_LANG_PYTHON), "python");
  CHECK_STR(fe_lang_name(FE_LANG_C), "c");
  CHECK_STR(fe_lang_name(FE_LANG_UNKNOWN), "unknown");

  static const char *const cases[][2] = {
      {"app/handlers.py", "app.handlers"},
      {"app/__init__.py", "app"},
      {"main.py", "main"},
      {"__init__.py", ""},
      {"a/b/c/d.py", "a.b.c.d"},
      {"./app/x.py", "app.x"},
      {"app/my__init__.py", "app.my__init__"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *m = fe_python_module_name(cases[i][0]);
    CHECK_STR(m, cases[i][1]);
    free(m);
  }
}

int main(void) {
  build_tree();
  test_names();
  test_walk();
  test_errors();
  test_git();
  rm_tree(root);
  return CHECK_DONE();
}
