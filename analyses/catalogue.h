/*
 * catalogue.h — data classification: identifier names to fideslang data
 * categories.
 *
 * The catalogue is data (analyses/data/categories.tsv, installed beside the
 * binary and embedded at build time), extensible by the user's configuration.
 * A name is split into lowercase words across snake_case, camelCase,
 * PascalCase, kebab-case, dots and digits ("userEmailAddr" -> user email addr,
 * "SSN_number" -> ssn number, "HTTPServerName" -> http server name).
 *
 * File format, one rule per line, '#' starts a comment, fields separated by
 * one or more tabs:
 *     pattern   <words>   <category>        e.g.  pattern  email  user.contact.email
 *     exclude   <words>                      e.g.  exclude  email template
 * A pattern's words must appear consecutively in the name's words. A name
 * matching an exclusion (its words appear consecutively) is never classified.
 * When several patterns match, the one with the most words wins; ties go to
 * the earliest in the file.
 */
#ifndef ASSAY_CATALOGUE_H
#define ASSAY_CATALOGUE_H

#include "../ir/base.h"

typedef struct an_catalogue an_catalogue;

/* A catalogue holding the built-in rules. Free with an_catalogue_delete. */
an_catalogue *an_catalogue_new_default(void);
an_catalogue *an_catalogue_new_empty(void);
void an_catalogue_delete(an_catalogue *self); /* NULL is safe */

/* Add the rules of a text in the format above. origin names it in errors.
 * Returns 0, or -1 with "origin:line: problem" in err (nothing is added). */
int an_catalogue_add_text(an_catalogue *self, const char *text, const char *origin, char *err,
                          size_t errlen);
/* Same, from a file. */
int an_catalogue_add_file(an_catalogue *self, const char *path, char *err, size_t errlen);

/* The fideslang category of an identifier, or NULL when it is not personal
 * data. The returned string is owned by the catalogue. */
const char *an_catalogue_classify(const an_catalogue *self, const char *name);

size_t an_catalogue_pattern_count(const an_catalogue *self);

/* Split name into lowercase words; writes up to max words (each malloc'd,
 * caller frees each) and returns the number of words. */
size_t an_split_words(const char *name, char **words, size_t max);
/* Same without allocating: the words are written into buf (which needs
 * 2 * strlen(name) + 1 bytes) and words[] points into it. Names of 128 bytes
 * or more give no words. */
size_t an_split_words_into(const char *name, char *buf, size_t bufsize, const char **words,
                           size_t max);

#endif
