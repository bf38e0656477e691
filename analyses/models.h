/*
 * models.h — library models: which calls are sinks, sanitizers, propagators.
 *
 * The models are data (analyses/data/models/LANG.tsv and vendors.tsv,
 * embedded at build time). an_models_apply attaches the facts to the CALL
 * instructions (and the handler role to functions) of a unit after lowering,
 * so the cached unit stays independent of the models.
 *
 * Format, one model per line, '#' starts a comment, fields separated by blanks:
 *
 *     LANG  KIND  PATTERN  [OPTION=VALUE ...]
 *
 * LANG is python, c, javascript (also applies to TypeScript), go or java.
 * PATTERN is a shell glob (fnmatch) over the callee as written, lowercased
 * ("logging.info", "self.logger.warning", "printf", "new error", "<raise>");
 * one {a,b,c} group expands to several patterns. The first matching model of
 * a call wins, so specific models go before general ones.
 *
 * KIND
 *   sink-log, sink-stdout, sink-file, sink-response, sink-external,
 *   sink-third-party, sink-db-write, sink-cookie, sink-exception
 *                    the call sends its data arguments to a sink of that kind
 *   handler          PATTERN matches a function's decorator or annotation
 *                    ("app.route", "getmapping"): the function is a route
 *                    handler and what it returns is a response
 *   sanitizer        the call's result carries no personal data
 *   sanitizer-word   PATTERN is a word: any callee whose last part has it
 *   propagate        copies data from args[from..] into args[to]
 *   mutate-receiver  the call stores its arguments into its receiver
 *   sql              the call runs an SQL statement (arg=N: its text); read by
 *                    the data-access graph (access.h), besides any other fact
 *   kv               a key-value (Redis) command on a key (arg=N, or format=N)
 *   carries          the call's result carries its arguments' data (formatting,
 *                    conversion, encoding, copying, collections, rendering,
 *                    error wrapping, an SDK's attribute helpers). The result
 *                    of a call that no code of the repository answers carries
 *                    its receiver's data, and its arguments' only where a
 *                    carries model says so, for a constructor, for a method
 *                    of a literal ("{}".format(x)), and for a call that makes
 *                    an object of a model type (log.child({email}),
 *                    logger.bind(email=e)); like sql it applies besides the
 *                    call's fact
 *   opaque-result    the call's result carries none of its arguments (what a
 *                    client's call returns is what the other side answered);
 *                    like sql and kv it applies besides the call's fact, and
 *                    a call linked to a handler of the repository follows
 *                    the handler instead
 *   makes            what matches PATTERN makes an object of the model type
 *                    type=T: a call (as written, or with its first name
 *                    resolved through the imports: "logging.getlogger",
 *                    "go.uber.org/zap.newexample"), a constructor or a field
 *                    declared with a type ("new?org.slf4j.logger"), an
 *                    imported name ("loguru.logger"), or a method of an object
 *                    of model type T0, written "<T0>.method" (a builder chain:
 *                    "<zerolog.event>.str"); type=% keeps the receiver's type
 *                    (a child logger), type=@N takes the type of argument N
 *                    (a writer wrapping a file: bufio.NewWriter(f)). What made a value is found as for
 *                    recv= below. Any model's PATTERN may then be written
 *                    "<T>.method" to match a call on an object of type T,
 *                    whatever the object is named ("<logging.logger>.info").
 *                    Every PATTERN is also tried on the callee with its first
 *                    name resolved through the imports.
 *
 * OPTIONS
 *   from=N      first data argument (sinks, propagate); default 0
 *   only=N      only argument N is data
 *   data=recv   the receiver is data too (user.save())
 *   stream=N    argument N is a stream: stdout/stderr make the sink "stdout",
 *               anything else makes it "file"; stream=NAME: the keyword
 *               argument NAME, when present (Python's print(x, file=f))
 *   recv=P,Q    the receiver must have been produced by a call matching P or Q,
 *               as written or with its first name resolved through the
 *               file's imports ("new Redis" with Redis from ioredis is also
 *               "new ioredis"); the call is looked for in the function, in
 *               the module's top level for a name the function never
 *               assigns, and, for a field of the method's own object
 *               (self.kv, this.kv, Go's s.kv, a Java field named bare), in
 *               what the class stores there; a field stored from no call
 *               matches as "new T" for its declared type T
 *   to=N        propagate: destination argument
 *   url=N       sink-external: argument N is the URL; a literal URL whose host
 *               is one of the repository's services is not external
 *   vendor=V    sink-third-party: the vendor's name ("sentry")
 *   category=C  sink-third-party: what the vendor does ("error-tracking")
 *   arg=N       sql: argument N is the statement's text; kv: argument N is
 *               the key (the command is the callee's last name: r.hset)
 *   format=N    kv: argument N is a hiredis format string holding the
 *               command and the key ("SET user:%s %s")
 *   on=store    a sink whose PATTERN matches an assignment target "obj.field"
 *               (Koa's `ctx.body = user`), not a callee: the value assigned
 *               is the data
 */
#ifndef ASSAY_MODELS_H
#define ASSAY_MODELS_H

#include "../ir/ir.h"

typedef struct an_models an_models;

/* The built-in models. Aborts if the embedded file is malformed (a build bug). */
an_models *an_models_new_default(void);
an_models *an_models_new_empty(void);
void an_models_delete(an_models *self); /* NULL is safe */
/* Add models from text; returns 0 or -1 with "origin:line: problem" in err. */
int an_models_add_text(an_models *self, const char *text, const char *origin, char *err,
                       size_t errlen);
size_t an_models_count(const an_models *self);

/* Set the facts on every CALL of the unit and is_handler on its functions. */
void an_models_apply(const an_models *self, ir_unit *unit);
/* The same for every unit of a scan (NULL entries skipped), where what one
 * file's module level makes is known to the files that import it (a logger
 * made in app/logs.py and imported as from app.logs import audit). */
void an_models_apply_units(const an_models *self, ir_unit *const *units, size_t n);

/* The category of a vendor named by a third-party model ("error-tracking"),
 * or NULL. The string is owned by the models. */
const char *an_models_vendor_category(const an_models *self, const char *vendor);

#endif
