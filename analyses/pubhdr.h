/*
 * pubhdr.h — which headers of a C service are its public API.
 *
 * The public headers of a C service (a folder with a CMakeLists.txt or a
 * Makefile, frontend/discover.c) are chosen by the first of these rules that
 * gives any header; each header records the rule and where it comes from:
 *
 *   rule                         origin                 a header of the service is public when
 *   cmake-install-files          CMakeLists.txt:LINE    install(FILES ...) names it
 *   cmake-install-directory      CMakeLists.txt:LINE    it lies under a folder of install(DIRECTORY
 *                                                       ...), matching its FILES_MATCHING PATTERNs
 *                                                       (if any); no PATTERN ... EXCLUDE matches
 *                                                       it or a folder on its way
 *   cmake-public-header          CMakeLists.txt:LINE    set_target_properties(... PUBLIC_HEADER
 *                                                       "a.h;b.h") or set_property(TARGET ...
 *                                                       PROPERTY PUBLIC_HEADER ...) names it
 *   cmake-include-directories    CMakeLists.txt:LINE    it lies under a PUBLIC or INTERFACE folder
 *                                                       of target_include_directories
 *   make-install                 Makefile:LINE          a recipe line copies it into a folder
 *                                                       named *include* (install ... DEST, cp ...
 *                                                       DEST, install -t DEST ...)
 *   include-folder               (none)                 its path contains "include/"
 *   included-by                  FILE:LINE              a file of another service, or the service's
 *                                                       entry point (the .c file defining main),
 *                                                       includes it with #include "..."; in a
 *                                                       library (no main), a .c file of the library
 *                                                       includes it and its name does not say it is
 *                                                       private (internal, private, priv, impl,
 *                                                       detail in the file name or a folder name)
 *
 * Build files are read as text, never run. CMake: commands, quoted, unquoted
 * and bracket arguments, # and #[[ ]] comments, ${VAR} from set() and
 * list(APPEND) seen before, ${CMAKE_CURRENT_SOURCE_DIR},
 * ${CMAKE_CURRENT_LIST_DIR}, ${PROJECT_SOURCE_DIR}, ${CMAKE_SOURCE_DIR} and
 * ${NAME_SOURCE_DIR} (after project(NAME)) standing for the service folder,
 * $<BUILD_INTERFACE:x> for x; a path with any other variable (the build
 * folder, the environment) or an absolute path is skipped. Make: VAR = / := /
 * ?= / += assignments (expanded where used), $(VAR) and ${VAR},
 * $(wildcard PATTERN), backslash continuations, # comments.
 */
#ifndef ASSAY_PUBHDR_H
#define ASSAY_PUBHDR_H

#include "../ir/base.h"

/* One declaration of a build file: a header (path possibly a glob, as make's
 * $(wildcard) gives) or a folder of headers, relative to the service folder
 * and normalised ("" is the service folder itself). */
typedef struct an_pubhdr_decl {
  char *path;
  bool dir;
  char *patterns;   /* install(DIRECTORY) FILES_MATCHING PATTERN globs, '\n'-joined, or NULL */
  char *excludes;   /* PATTERN ... EXCLUDE globs, '\n'-joined, or NULL */
  const char *rule; /* one of the rule names above (static) */
  uint32_t line;
} an_pubhdr_decl;

typedef struct an_pubhdr_decls {
  an_pubhdr_decl *items;
  size_t len, cap;
} an_pubhdr_decls;

/* The declarations of a CMakeLists.txt / a Makefile (text), appended to out. */
void an_pubhdr_cmake(const char *text, an_pubhdr_decls *out);
void an_pubhdr_make(const char *text, an_pubhdr_decls *out);
void an_pubhdr_decls_free(an_pubhdr_decls *d);

/* Does the declaration cover rel, a header's path relative to the service
 * folder? */
bool an_pubhdr_covers(const an_pubhdr_decl *d, const char *rel);

typedef struct an_pubhdr_file {
  const char *relpath;      /* relative to the scan root */
  const char *service_root; /* "" for the root */
} an_pubhdr_file;

typedef struct an_pubhdr {
  char *relpath;    /* the header, relative to the scan root */
  const char *rule; /* static */
  char *origin;     /* "svc/CMakeLists.txt:9", "svc/main.c:4", or "" */
} an_pubhdr;

/* The public headers of the service service_root among files (every C file
 * of the scan, .c and .h, with its service), in the order of files, by the
 * rules above; root is the scan root the relpaths are relative to. Returns
 * the number of headers and a malloc'd array in *out (NULL when none); free
 * with an_pubhdr_free. */
size_t an_pubhdr_find(const char *root, const char *service_root, const an_pubhdr_file *files,
                      size_t nfiles, an_pubhdr **out);
void an_pubhdr_free(an_pubhdr *h, size_t n);

#endif
