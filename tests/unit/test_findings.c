/* test_findings.c — the findings container: fingerprint, order, deep copy. */
#include "analyses/findings.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

static an_finding sample(void) {
  static const char *cats[] = {"user.contact.email"};
  return (an_finding){.rule_id = "assay/pii-to-log",
                      .sink_kind = IR_SINK_LOG,
                      .categories = cats,
                      .ncategories = 1,
                      .service = "users",
                      .source_symbol = "users:app.handlers:create:user.email",
                      .sink_symbol = "users:app.handlers:create:logging.info",
                      .path = "app/handlers.py",
                      .line = 12,
                      .col = 5,
                      .message = "user.contact.email reaches logging.info"};
}

static void test_state_names(void) {
  CHECK_STR(an_state_name(AN_STATE_NONE), "none");
  CHECK_STR(an_state_name(AN_STATE_NEW), "new");
  CHECK_STR(an_state_name(AN_STATE_UNCHANGED), "unchanged");
  CHECK_STR(an_state_name(AN_STATE_ABSENT), "absent");
}

static void test_fingerprint(void) {
  as_arena *a = as_arena_new();
  an_finding f = sample();
  const char *fp = an_finding_fingerprint(a, &f);
  CHECK_INT(strlen(fp), 64);

  /* The recipe, computed independently. */
  const char *text = "assay-fp-1\nassay/pii-to-log\nuser.contact.email\n"
                     "users:app.handlers:create:user.email\n"
                     "users:app.handlers:create:logging.info\nusers";
  char want[65];
  as_sha256_hex(text, strlen(text), want);
  CHECK_STR(fp, want);

  /* Location and message are attributes, not identity. */
  an_finding moved = f;
  moved.line = 240;
  moved.col = 17;
  moved.path = "app/other.py";
  moved.message = "reworded";
  CHECK_STR(an_finding_fingerprint(a, &moved), fp);

  /* Category order does not matter; category content does. */
  const char *two[] = {"user.name", "user.contact.email"};
  const char *two_sorted[] = {"user.contact.email", "user.name"};
  an_finding c1 = f, c2 = f;
  c1.categories = two;
  c1.ncategories = 2;
  c2.categories = two_sorted;
  c2.ncategories = 2;
  CHECK_STR(an_finding_fingerprint(a, &c1), an_finding_fingerprint(a, &c2));
  CHECK(strcmp(an_finding_fingerprint(a, &c1), fp) != 0);

  const char *phone[] = {"user.contact.phone_number"};
  an_finding other_cat = f;
  other_cat.categories = phone;
  CHECK(strcmp(an_finding_fingerprint(a, &other_cat), fp) != 0);

  an_finding other_sink = f;
  other_sink.sink_symbol = "users:app.handlers:create:logging.warning";
  CHECK(strcmp(an_finding_fingerprint(a, &other_sink), fp) != 0);

  an_finding other_rule = f;
  other_rule.rule_id = "assay/pii-to-stdout";
  CHECK(strcmp(an_finding_fingerprint(a, &other_rule), fp) != 0);

  an_finding other_service = f;
  other_service.service = "billing";
  CHECK(strcmp(an_finding_fingerprint(a, &other_service), fp) != 0);
  as_arena_delete(a);
}

static void test_sort(void) {
  an_result *r = an_result_new();
  an_finding f = sample();
  struct {
    const char *path, *fp;
    uint32_t line, col;
  } in[] = {
      {"b.py", "f1", 3, 1}, {"a.py", "f9", 10, 2}, {"a.py", "f2", 10, 2},
      {"a.py", "f0", 2, 9}, {"a.py", "f5", 10, 1},
  };
  for (size_t i = 0; i < 5; i++) {
    f.path = in[i].path;
    f.fingerprint = in[i].fp;
    f.line = in[i].line;
    f.col = in[i].col;
    an_result_add(r, &f);
  }
  as_diag d2 = {AS_DIAG_ERROR, "z.py", 4, 1, "parse-error", "bad"};
  as_diag d1 = {AS_DIAG_WARNING, "c.py", 1, 1, "read-error", "unreadable"};
  an_result_add_diag(r, &d2);
  an_result_add_diag(r, &d1);
  an_result_sort(r);
  const char *want[] = {"f0", "f5", "f2", "f9", "f1"};
  CHECK_INT(r->nfindings, 5);
  for (size_t i = 0; i < 5; i++)
    CHECK_STR(r->findings[i].fingerprint, want[i]);
  CHECK_STR(r->findings[0].path, "a.py");
  CHECK_INT(r->findings[0].line, 2);
  CHECK_STR(r->findings[4].path, "b.py");
  CHECK_STR(r->diags[0].path, "c.py");
  CHECK_STR(r->diags[1].path, "z.py");
  an_result_delete(r);
}

static void test_deep_copy(void) {
  an_result *r = an_result_new();
  char *cat = strdup("user.contact.email");
  char *path = strdup("app/handlers.py");
  char *msg = strdup("the message");
  char *fn = strdup("app.handlers:create");
  char *smsg = strdup("user.email is classified user.contact.email");
  const char **cats = malloc(sizeof(*cats));
  cats[0] = cat;
  an_step *steps = malloc(2 * sizeof(*steps));
  steps[0] = (an_step){path, 3, 7, fn, smsg, NULL, 0};
  steps[1] = (an_step){path, 12, 5, fn, msg, NULL, 0};
  an_finding f = sample();
  f.categories = cats;
  f.path = path;
  f.message = msg;
  f.steps = steps;
  f.nsteps = 2;
  f.fingerprint = an_finding_fingerprint(r->arena, &f);
  an_finding *c = an_result_add(r, &f);
  CHECK(c->path != path);
  CHECK(c->categories != cats);
  /* Scribble over and free the sources: the copy must not notice. */
  memset(cat, 'x', strlen(cat));
  memset(path, 'x', strlen(path));
  memset(msg, 'x', strlen(msg));
  memset(smsg, 'x', strlen(smsg));
  free(cat);
  free(path);
  free(msg);
  free(fn);
  free(smsg);
  free(cats);
  free(steps);
  /* Force the findings array to grow; contents must survive the move. */
  an_finding g = sample();
  for (int i = 0; i < 40; i++)
    an_result_add(r, &g);
  c = &r->findings[0];
  CHECK_STR(c->categories[0], "user.contact.email");
  CHECK_INT(c->ncategories, 1);
  CHECK_STR(c->path, "app/handlers.py");
  CHECK_STR(c->message, "the message");
  CHECK_INT(c->nsteps, 2);
  CHECK_STR(c->steps[0].message, "user.email is classified user.contact.email");
  CHECK_STR(c->steps[0].function, "app.handlers:create");
  CHECK_INT(c->steps[0].line, 3);
  CHECK_INT(c->steps[1].col, 5);
  CHECK_STR(c->steps[1].path, "app/handlers.py");
  CHECK_INT(r->nfindings, 41);
  /* NULL strings stay NULL. */
  CHECK(r->findings[1].fingerprint == NULL);
  CHECK(r->findings[1].steps == NULL);
  an_result_delete(r);
  an_result_delete(NULL);
}

int main(void) {
  test_state_names();
  test_fingerprint();
  test_sort();
  test_deep_copy();
  return CHECK_DONE();
}
