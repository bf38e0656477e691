/* test_pubhdr.c — the public headers of a C service (analyses/pubhdr.h): the
 * declarations read from CMakeLists.txt and Makefile text (variables,
 * comments, generator expressions, what must not be picked), which headers a
 * declaration covers, and the choice between the rules on a small tree. */
#include "analyses/pubhdr.h"
#include "check.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* The declarations as "LINE RULE PATH" lines (PATH/ for a folder, then
 * " match=P1,P2" and " exclude=E" when given). */
static char *render(const an_pubhdr_decls *d) {
  as_buf b = {0};
  as_buf_puts(&b, "");
  for (size_t i = 0; i < d->len; i++) {
    const an_pubhdr_decl *x = &d->items[i];
    as_buf_printf(&b, "%u %s %s%s", x->line, x->rule, x->path, x->dir ? "/" : "");
    if (x->patterns) {
      as_buf_puts(&b, " match=");
      for (const char *p = x->patterns; *p; p++)
        as_buf_putc(&b, *p == '\n' ? ',' : *p);
    }
    if (x->excludes) as_buf_printf(&b, " exclude=%s", x->excludes);
    as_buf_putc(&b, '\n');
  }
  return b.data;
}

static void cmake_is(const char *text, const char *want) {
  an_pubhdr_decls d = {0};
  an_pubhdr_cmake(text, &d);
  char *got = render(&d);
  CHECK_STR(got, want);
  free(got);
  an_pubhdr_decls_free(&d);
}

static void make_is(const char *text, const char *want) {
  an_pubhdr_decls d = {0};
  an_pubhdr_make(text, &d);
  char *got = render(&d);
  CHECK_STR(got, want);
  free(got);
  an_pubhdr_decls_free(&d);
}

static void test_cmake(void) {
  /* install(FILES): headers only, relative to the service folder, until a keyword */
  cmake_is("cmake_minimum_required(VERSION 3.16)\n"
           "project(ledger C)\n"
           "install(FILES ledger.h src/../api/ledger_types.h README.md\n"
           "        DESTINATION include/ledger COMPONENT dev)\n",
           "3 cmake-install-files ledger.h\n"
           "3 cmake-install-files api/ledger_types.h\n");
  /* a set() list used later, list(APPEND), the source-folder variables */
  cmake_is("project(ringbuf VERSION 2.0)\n"
           "set(PUBLIC_HEADERS ${CMAKE_CURRENT_SOURCE_DIR}/ringbuf.h\n"
           "    ${PROJECT_SOURCE_DIR}/ringbuf_types.h)\n"
           "list(APPEND PUBLIC_HEADERS \"${ringbuf_SOURCE_DIR}/ringbuf_version.h\")\n"
           "install(FILES ${PUBLIC_HEADERS} DESTINATION include)\n",
           "5 cmake-install-files ringbuf.h\n"
           "5 cmake-install-files ringbuf_types.h\n"
           "5 cmake-install-files ringbuf_version.h\n");
  /* comments (line and bracket), a quoted ')' and '#', and what must not be picked:
   * the build folder, an unknown variable, an absolute path, a path leaving the service,
   * install(TARGETS) and install(PROGRAMS) */
  cmake_is("# install(FILES secret.h DESTINATION include)\n"
           "#[[ install(FILES old_api.h DESTINATION include)\n"
           "    kept for 1.x ]]\n"
           "install(FILES \"odd) name#1.h\" # the vendor's spelling\n"
           "  ${CMAKE_CURRENT_BINARY_DIR}/config.h ${GENERATED_DIR}/version.h\n"
           "  /usr/include/stdio.h ../shared/common.h\n"
           "  DESTINATION include)\n"
           "install(TARGETS ringbuf LIBRARY DESTINATION lib PUBLIC_HEADER DESTINATION include)\n"
           "install(PROGRAMS tools/dump.h DESTINATION bin)\n",
           "4 cmake-install-files odd) name#1.h\n");
  /* install(DIRECTORY) with FILES_MATCHING, EXCLUDE, and upper-case command names */
  cmake_is("INSTALL(DIRECTORY include/ ${CMAKE_CURRENT_SOURCE_DIR}/compat\n"
           "  DESTINATION include FILES_MATCHING PATTERN \"*.h\" PATTERN \"*.hpp\"\n"
           "  PATTERN detail EXCLUDE)\n"
           "install(DIRECTORY docs DESTINATION share/doc)\n"
           "install(DIRECTORY gen/ DESTINATION include FILES_MATCHING REGEX \"[a-z]+\\\\.h\")\n",
           "1 cmake-install-directory include/ match=*.h,*.hpp exclude=detail\n"
           "1 cmake-install-directory compat/ match=*.h,*.hpp exclude=detail\n"
           "4 cmake-install-directory docs/\n");
  /* PUBLIC_HEADER: set_target_properties (a quoted list) and set_property */
  cmake_is("add_library(codec SHARED codec.c)\n"
           "set_target_properties(codec PROPERTIES VERSION 3.0\n"
           "  PUBLIC_HEADER \"codec.h;codec_errors.h\" SOVERSION 3)\n"
           "set_property(TARGET codec APPEND PROPERTY PUBLIC_HEADER extra/codec_ext.h)\n"
           "set_target_properties(codec PROPERTIES PRIVATE_HEADER varint.h)\n",
           "2 cmake-public-header codec.h\n"
           "2 cmake-public-header codec_errors.h\n"
           "4 cmake-public-header extra/codec_ext.h\n");
  /* target_include_directories: PUBLIC and INTERFACE folders, not PRIVATE ones; generator
   * expressions; an unknown variable skipped */
  cmake_is("target_include_directories(geo SYSTEM BEFORE\n"
           "  PUBLIC include $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/api>\n"
           "         $<INSTALL_INTERFACE:include/geo>\n"
           "  PRIVATE src ${CMAKE_CURRENT_SOURCE_DIR}/internal\n"
           "  INTERFACE ${CMAKE_CURRENT_LIST_DIR}/compat ${Boost_INCLUDE_DIRS})\n"
           "target_include_directories(geo_tests PRIVATE tests)\n",
           "1 cmake-include-directories include/\n"
           "1 cmake-include-directories api/\n"
           "1 cmake-include-directories compat/\n");
  /* a variable set after its use does not count; set(... CACHE ...) keeps its value only */
  cmake_is("install(FILES ${LATE} DESTINATION include)\n"
           "set(LATE late.h)\n"
           "set(HDRS cfg.h CACHE STRING \"headers\")\n"
           "install(FILES ${HDRS} DESTINATION include)\n",
           "4 cmake-install-files cfg.h\n");
}

static void test_make(void) {
  make_is("# libsensor\n"
          "PREFIX ?= /usr/local\n"
          "INCLUDEDIR = $(PREFIX)/include\n"
          "HEADERS = sensor.h \\\n"
          "          sensor_units.h\n"
          "HEADERS += api/sensor_bus.h\n"
          "\n"
          "install: libsensor.so\n"
          "\tinstall -d $(DESTDIR)$(INCLUDEDIR)\n"
          "\tinstall -m 644 $(HEADERS) $(DESTDIR)$(INCLUDEDIR)/\n"
          "\tinstall -m 755 libsensor.so $(DESTDIR)$(PREFIX)/lib\n"
          "\t# install -m 644 calib.h $(DESTDIR)$(INCLUDEDIR)\n"
          "\tinstall -m 644 calib.h $(DESTDIR)$(PREFIX)/share/doc/sensor\n",
          "10 make-install sensor.h\n"
          "10 make-install sensor_units.h\n"
          "10 make-install api/sensor_bus.h\n");
  /* cp, install -t, $(wildcard), ${VAR}, := and commands joined by && ; */
  make_is("INCDIR := ${PREFIX}/include/geo\n"
          "STAGE = $(DESTDIR)$(INCLUDEDIR)\n"
          "install:\n"
          "\t@mkdir -p $(STAGE) && cp -p geo.h $(STAGE)\n"
          "\tinstall -t ${INCDIR} -m 0644 $(wildcard api/*.h); echo done\n"
          "\tcp geo_internal.h $(BUILD)/tmp\n"
          "cp notarecipe.h include\n",
          "4 make-install geo.h\n"
          "5 make-install api/*.h\n");
}

static void test_covers(void) {
  an_pubhdr_decls d = {0};
  an_pubhdr_cmake("install(DIRECTORY include/ DESTINATION include FILES_MATCHING PATTERN \"*.h\"\n"
                  "  PATTERN detail EXCLUDE)\n"
                  "target_include_directories(x PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})\n",
                  &d);
  an_pubhdr_make("install:\n\tinstall -m 644 $(wildcard api/*.h) $(PREFIX)/include\n", &d);
  CHECK_INT(d.len, 3);
  if (d.len == 3) {
    CHECK(an_pubhdr_covers(&d.items[0], "include/geo.h"));
    CHECK(an_pubhdr_covers(&d.items[0], "include/geo/point.h"));
    CHECK(!an_pubhdr_covers(&d.items[0], "include/detail/impl.h"));
    CHECK(!an_pubhdr_covers(&d.items[0], "includes/geo.h"));
    CHECK(!an_pubhdr_covers(&d.items[0], "src/geo.h"));
    CHECK(an_pubhdr_covers(&d.items[1], "src/anything.h")); /* the service folder itself */
    CHECK(an_pubhdr_covers(&d.items[2], "api/bus.h"));
    CHECK(!an_pubhdr_covers(&d.items[2], "api/v2/bus.h"));
  }
  an_pubhdr_decls_free(&d);
}

static char root[] = "/tmp/assay-test-pubhdr-XXXXXX";

static void put(const char *rel, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", root, rel);
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

/* "RELPATH RULE ORIGIN" lines of the service's public headers. */
static char *find(const an_pubhdr_file *files, size_t n, const char *svc) {
  an_pubhdr *h = NULL;
  size_t nh = an_pubhdr_find(root, svc, files, n, &h);
  as_buf b = {0};
  as_buf_puts(&b, "");
  for (size_t i = 0; i < nh; i++)
    as_buf_printf(&b, "%s %s %s\n", h[i].relpath, h[i].rule, h[i].origin);
  an_pubhdr_free(h, nh);
  return b.data;
}

static void test_find(void) {
  CHECK(mkdtemp(root) != NULL);
  /* the build file wins over include/ */
  put("store/CMakeLists.txt",
      "add_library(store store.c)\ninstall(FILES store.h DESTINATION include)\n");
  put("store/store.h", "int store_open(const char *);\n");
  put("store/include/store_old.h", "int store_open_v1(const char *);\n");
  put("store/store.c", "#include \"store.h\"\nint store_open(const char *p) { return p != 0; }\n");
  /* include/ when the build file declares nothing */
  put("auth/Makefile", "libauth.a: auth.o\n\tar rcs $@ $^\n");
  put("auth/include/auth.h", "int auth_check(const char *);\n");
  put("auth/auth_cache.h", "struct auth_cache { int n; };\n");
  put("auth/auth.c", "#include \"include/auth.h\"\n#include \"auth_cache.h\"\n");
  /* a program: what main includes, and what another service includes */
  put("relay/Makefile", "relay: main.c queue.c\n\t$(CC) -o $@ $^\n");
  put("relay/relay.h", "struct relay_opts { int port; };\n");
  put("relay/queue.h", "struct queue { int head; };\n");
  put("relay/wire.h", "struct wire_hdr { int len; };\n");
  put("relay/main.c",
      "#include <stdio.h>\n#include \"relay.h\"\n\nint\nmain(void) { return 0; }\n");
  put("relay/queue.c", "#include \"queue.h\"\n#include \"relay.h\"\n");
  put("probe/Makefile", "probe: probe.c\n");
  put("probe/probe.c", "#include \"../relay/wire.h\"\nint probe(void) { return 0; }\n");
  /* a library without main: its sources' headers, except the private-named ones */
  put("codec/Makefile", "libcodec.a: codec.o\n");
  put("codec/codec.h", "int codec_run(void);\n");
  put("codec/codec_internal.h", "struct codec_state { int s; };\n");
  put("codec/codec.c",
      "  #  include \"codec.h\"\n#include \"codec_internal.h\"\nint codec_run(void) "
      "{ return 0; }\n");
  static const an_pubhdr_file files[] = {
      {"auth/auth.c", "auth"},
      {"auth/auth_cache.h", "auth"},
      {"auth/include/auth.h", "auth"},
      {"codec/codec.c", "codec"},
      {"codec/codec.h", "codec"},
      {"codec/codec_internal.h", "codec"},
      {"probe/probe.c", "probe"},
      {"relay/main.c", "relay"},
      {"relay/queue.c", "relay"},
      {"relay/queue.h", "relay"},
      {"relay/relay.h", "relay"},
      {"relay/wire.h", "relay"},
      {"store/include/store_old.h", "store"},
      {"store/store.c", "store"},
      {"store/store.h", "store"},
  };
  size_t n = sizeof files / sizeof *files;
  char *s = find(files, n, "store");
  CHECK_STR(s, "store/store.h cmake-install-files store/CMakeLists.txt:2\n");
  free(s);
  s = find(files, n, "auth");
  CHECK_STR(s, "auth/include/auth.h include-folder \n");
  free(s);
  s = find(files, n, "relay");
  CHECK_STR(s,
            "relay/relay.h included-by relay/main.c:2\nrelay/wire.h included-by probe/probe.c:1\n");
  free(s);
  s = find(files, n, "codec");
  CHECK_STR(s, "codec/codec.h included-by codec/codec.c:1\n");
  free(s);
  s = find(files, n, "probe"); /* no headers */
  CHECK_STR(s, "");
  free(s);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf %s", root);
  CHECK(system(cmd) == 0);
}

int main(void) {
  test_cmake();
  test_make();
  test_covers();
  test_find();
  return CHECK_DONE();
}
