/* test_models.c — the model table: parsing, errors, and the facts it attaches. */
#include "check.h"
#include "analyses/models.h"

#include <stdarg.h>
#include <string.h>

static ir_unit *u;
static ir_func *fn;
static uint32_t line;

/* Emit "dst = callee(args...) recv obj" and return its index. */
static uint32_t call(const char *dst, const char *obj, const char *callee, int nargs, ...) {
  const char *args[8];
  va_list ap;
  va_start(ap, nargs);
  for (int i = 0; i < nargs; i++)
    args[i] = ir_str(u, va_arg(ap, const char *));
  va_end(ap);
  ir_emit(u, fn, IR_CALL, 0, ir_str(u, dst), obj ? ir_str(u, obj) : NULL, NULL, ir_str(u, callee),
          NULL, args, (uint32_t)nargs, (ir_loc){++line, 1});
  return fn->ninsts - 1;
}

static void check_fact(uint32_t i, int fact, int kind, int from, int to, const char *what) {
  const ir_inst *in = &fn->insts[i];
  if (in->fact != fact || (fact == IR_FACT_SINK && in->sink_kind != kind) ||
      (fact == IR_FACT_SINK || fact == IR_FACT_PROPAGATE
           ? in->fact_from != from || in->fact_to != to
           : 0)) {
    fprintf(stderr, "%s: fact %d kind %d from %d to %d; expected %d %d %d %d\n", what, in->fact,
            in->sink_kind, in->fact_from, in->fact_to, fact, kind, from, to);
    check_failures_++;
  }
  check_count_++;
}

int main(void) {
  char err[256];
  an_models *m = an_models_new_default();
  CHECK(an_models_count(m) > 60);

  as_intern *strings = as_intern_new();
  /* C */
  u = ir_unit_new(strings, "a.c", "c", "a.c");
  fn = ir_add_func(u, "f", (ir_loc){1, 1});
  line = 1;
  uint32_t c_printf = call("%t1", NULL, "printf", 2, "%t0", "email");
  uint32_t c_fout = call("%t2", NULL, "fprintf", 3, "stdout", "%t0", "email");
  uint32_t c_ferr = call("%t3", NULL, "fprintf", 3, "stderr", "%t0", "email");
  uint32_t c_ffile = call("%t4", NULL, "fprintf", 3, "fp", "%t0", "email");
  uint32_t c_fputs = call("%t5", NULL, "fputs", 2, "email", "stderr");
  uint32_t c_fputs_f = call("%t6", NULL, "fputs", 2, "email", "out");
  uint32_t c_syslog = call("%t7", NULL, "syslog", 3, "prio", "%t0", "email");
  uint32_t c_snprintf = call("%t8", NULL, "snprintf", 4, "buf", "n", "%t0", "email");
  uint32_t c_strcpy = call("%t9", NULL, "strcpy", 2, "buf", "email");
  uint32_t c_strlen = call("%t10", NULL, "strlen", 1, "email");
  uint32_t c_mask = call("%t11", NULL, "mask_card_number", 1, "card");
  uint32_t c_user = call("%t12", NULL, "record_entry", 1, "email");
  uint32_t c_print_py = call("%t13", NULL, "print", 1, "email"); /* print is Python's */
  an_models_apply(m, u);
  check_fact(c_printf, IR_FACT_SINK, IR_SINK_STDOUT, 0, 255, "printf");
  check_fact(c_fout, IR_FACT_SINK, IR_SINK_STDOUT, 1, 255, "fprintf(stdout)");
  check_fact(c_ferr, IR_FACT_SINK, IR_SINK_STDOUT, 1, 255, "fprintf(stderr)");
  check_fact(c_ffile, IR_FACT_SINK, IR_SINK_FILE, 1, 255, "fprintf(fp)");
  check_fact(c_fputs, IR_FACT_SINK, IR_SINK_STDOUT, 0, 0, "fputs(stderr)");
  check_fact(c_fputs_f, IR_FACT_SINK, IR_SINK_FILE, 0, 0, "fputs(out)");
  check_fact(c_syslog, IR_FACT_SINK, IR_SINK_LOG, 1, 255, "syslog");
  check_fact(c_snprintf, IR_FACT_PROPAGATE, 0, 2, 0, "snprintf");
  check_fact(c_strcpy, IR_FACT_PROPAGATE, 0, 1, 0, "strcpy");
  check_fact(c_strlen, IR_FACT_SANITIZER, 0, 0, 0, "strlen");
  check_fact(c_mask, IR_FACT_SANITIZER, 0, 0, 0, "mask_card_number");
  check_fact(c_user, IR_FACT_NONE, 0, 0, 0, "record_entry");
  check_fact(c_print_py, IR_FACT_NONE, 0, 0, 0, "print in C");
  ir_unit_delete(u);

  /* Python */
  u = ir_unit_new(strings, "a.py", "python", "a");
  fn = ir_add_func(u, "f", (ir_loc){1, 1});
  line = 1;
  uint32_t p_logging = call("%t1", NULL, "logging.info", 2, "%t0", "email");
  uint32_t p_self = call("%t2", "%t9", "self.logger.warning", 1, "email");
  uint32_t p_log = call("%t3", "log", "log.exception", 1, "email");
  uint32_t p_LOG = call("%t4", "LOGGER", "LOGGER.error", 1, "email");
  uint32_t p_catalog = call("%t5", "catalog", "catalog.info", 1, "email");
  uint32_t p_print = call("%t6", NULL, "print", 1, "email");
  uint32_t p_stderr = call("%t7", "%t8", "sys.stderr.write", 1, "email");
  call("f", NULL, "open", 2, "path", "%t0");
  uint32_t p_fwrite = call("%t10", "f", "f.write", 1, "email");
  call("buf", NULL, "io.StringIO", 0);
  uint32_t p_bufwrite = call("%t11", "buf", "buf.write", 1, "email");
  uint32_t p_append = call("%t12", "items", "items.append", 1, "email");
  uint32_t p_sha = call("%t13", NULL, "hashlib.sha256", 1, "email");
  uint32_t p_len = call("%t14", NULL, "len", 1, "email");
  uint32_t p_hashword = call("%t15", NULL, "util.hash_identifier", 1, "email");
  uint32_t p_hashish = call("%t16", NULL, "rehashing", 1, "email"); /* a word, not a part */
  uint32_t p_raise = call("%t17", NULL, "<raise>", 1, "email");
  /* print(x, file=fh) writes to a file; print(x, file=sys.stderr) to stderr */
  uint32_t p_pfile = call("%t30", NULL, "print", 2, "email", "fh");
  ir_set_argnames(u, &fn->insts[p_pfile], (const char *[]){NULL, ir_str(u, "file")});
  ir_emit(u, fn, IR_LOAD, 0, ir_str(u, "%t31"), ir_str(u, "sys"), ir_str(u, "stderr"), NULL, NULL,
          NULL, 0, (ir_loc){++line, 1});
  uint32_t p_perr = call("%t32", NULL, "print", 2, "email", "%t31");
  ir_set_argnames(u, &fn->insts[p_perr], (const char *[]){NULL, ir_str(u, "file")});
  uint32_t p_cookie = call("%t18", "resp", "resp.set_cookie", 2, "%t0", "email");
  uint32_t p_req = call("%t19", NULL, "requests.post", 2, "%t0", "email");
  uint32_t p_save = call("%t20", "user", "user.save", 0);
  uint32_t p_exec = call("%t21", "cur", "cur.execute", 2, "%t0", "email");
  an_models_apply(m, u);
  check_fact(p_logging, IR_FACT_SINK, IR_SINK_LOG, 0, 255, "logging.info");
  check_fact(p_self, IR_FACT_SINK, IR_SINK_LOG, 0, 255, "self.logger.warning");
  check_fact(p_log, IR_FACT_SINK, IR_SINK_LOG, 0, 255, "log.exception");
  check_fact(p_LOG, IR_FACT_SINK, IR_SINK_LOG, 0, 255, "LOGGER.error");
  check_fact(p_catalog, IR_FACT_NONE, 0, 0, 0, "catalog.info");
  check_fact(p_print, IR_FACT_SINK, IR_SINK_STDOUT, 0, 255, "print");
  check_fact(p_stderr, IR_FACT_SINK, IR_SINK_STDOUT, 0, 255, "sys.stderr.write");
  check_fact(p_fwrite, IR_FACT_SINK, IR_SINK_FILE, 0, 255, "f.write on open()");
  check_fact(p_bufwrite, IR_FACT_NONE, 0, 0, 0, "buf.write on StringIO");
  check_fact(p_append, IR_FACT_MUTATE_RECV, 0, 0, 0, "items.append");
  check_fact(p_sha, IR_FACT_SANITIZER, 0, 0, 0, "hashlib.sha256");
  check_fact(p_len, IR_FACT_SANITIZER, 0, 0, 0, "len");
  check_fact(p_hashword, IR_FACT_SANITIZER, 0, 0, 0, "util.hash_identifier");
  check_fact(p_hashish, IR_FACT_NONE, 0, 0, 0, "rehashing");
  check_fact(p_raise, IR_FACT_SINK, IR_SINK_EXCEPTION, 0, 255, "raise");
  check_fact(p_pfile, IR_FACT_SINK, IR_SINK_FILE, 0, 255, "print(file=fh)");
  check_fact(p_perr, IR_FACT_SINK, IR_SINK_STDOUT, 0, 255, "print(file=sys.stderr)");
  check_fact(p_cookie, IR_FACT_SINK, IR_SINK_COOKIE, 1, 255, "set_cookie");
  check_fact(p_req, IR_FACT_SINK, IR_SINK_EXTERNAL, 0, 255, "requests.post");
  CHECK_INT(fn->insts[p_req].fact_url, 0);
  check_fact(p_save, IR_FACT_SINK, IR_SINK_DB_WRITE, 0, 255, "user.save");
  CHECK(fn->insts[p_save].fact_recv_data);
  check_fact(p_exec, IR_FACT_SINK, IR_SINK_DB_WRITE, 1, 255, "cur.execute");
  /* Decorators make route handlers. */
  ir_func *h = ir_add_func(u, "show", (ir_loc){50, 1});
  ir_func_add_decorator(u, h, "app.route");
  ir_func *nh = ir_add_func(u, "helper", (ir_loc){60, 1});
  ir_func_add_decorator(u, nh, "functools.lru_cache");
  an_models_apply(m, u);
  CHECK(h->is_handler);
  CHECK(!nh->is_handler);
  CHECK(!fn->is_handler);
  ir_unit_delete(u);

  /* A user's model, and the errors of malformed ones (nothing is added). */
  an_models *e = an_models_new_empty();
  CHECK_INT(
      an_models_add_text(e, "python sink-log audit.{record,note}\n", "mine.tsv", err, sizeof err),
      0);
  CHECK_INT(an_models_count(e), 2);
  struct {
    const char *text, *msg;
  } bad[] = {
      {"rust sink-log x\n", "m.tsv:1: unknown language 'rust' (python, c, javascript, go or java)"},
      {"# c\n\nc sink-bogus x\n", "m.tsv:3: unknown kind 'sink-bogus'"},
      {"c sink-log\n", "m.tsv:1: expected LANG KIND PATTERN"},
      {"c sink-file fprintf stream=-1\n", "m.tsv:1: option stream needs a small number, not '-1'"},
      {"c sink-file fprintf from=x\n", "m.tsv:1: option from needs a small number, not 'x'"},
      {"c sink-file fprintf depth=1\n", "m.tsv:1: unknown option 'depth'"},
      {"c sink-file fprintf stream\n", "m.tsv:1: option 'stream' is not NAME=VALUE"},
      {"c propagate strcpy from=1\n", "m.tsv:1: propagate needs to=N"},
      {"c sanitizer ok\nc bad x\n", "m.tsv:2: unknown kind 'bad'"},
      {"go sink-third-party sentry.capture\n", "m.tsv:1: sink-third-party needs vendor=NAME"},
      {"java sink-db-write x.save data=all\n", "m.tsv:1: option data takes 'recv', not 'all'"},
      {"python sql *cursor.execute\n", "m.tsv:1: sql needs arg=N"},
      {"c kv rediscommand\n", "m.tsv:1: kv needs arg=N or format=N"},
      {"go makes zap.l\n", "m.tsv:1: makes needs type=T"},
      {"go sink-log zap.l type=zap\n", "m.tsv:1: type= is an option of makes"},
      {"go makes {a.{b,c}} type=t\n", "m.tsv:1: nested {...} in pattern '{a.{b,c}}'"},
      {"go makes a.{b,c type=t\n", "m.tsv:1: unbalanced { in pattern 'a.{b,c'"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    CHECK_INT(an_models_add_text(e, bad[i].text, "m.tsv", err, sizeof err), -1);
    CHECK_STR(err, bad[i].msg);
  }
  CHECK_INT(an_models_count(e), 2);
  an_models_delete(e);

  /* SQL and key-value models describe a call besides its fact: the default
   * models make cursor.execute a db-write sink and mark its SQL text, make
   * r.hset a key-value command on its first argument, sqlite3_prepare_v2's
   * SQL its second, and redisCommand's format its second. */
  u = ir_unit_new(strings, "d.py", "python", "d");
  fn = ir_add_func(u, "f", (ir_loc){1, 1});
  uint32_t d_exec = call("%t1", "cursor", "cursor.execute", 2, "%t0", "params");
  uint32_t d_hset = call("%t2", "r", "r.hset", 3, "%t0", "%t1", "v");
  uint32_t d_log = call("%t3", "logging", "logging.info", 1, "%t0");
  an_models_apply(m, u);
  check_fact(d_exec, IR_FACT_SINK, IR_SINK_DB_WRITE, 1, 255, "cursor.execute");
  CHECK_INT(fn->insts[d_exec].fact_sql, 1);
  CHECK_INT(fn->insts[d_exec].fact_key, 0);
  CHECK_INT(fn->insts[d_hset].fact_key, 1);
  CHECK(!fn->insts[d_hset].fact_key_format);
  CHECK_INT(fn->insts[d_hset].fact_sql, 0);
  CHECK_INT(fn->insts[d_log].fact_sql, 0);
  CHECK_INT(fn->insts[d_log].fact_key, 0);
  ir_unit_delete(u);
  u = ir_unit_new(strings, "d.c", "c", "d.c");
  fn = ir_add_func(u, "f", (ir_loc){1, 1});
  uint32_t d_prep = call("%t1", NULL, "sqlite3_prepare_v2", 5, "db", "%t0", "n", "st", "z");
  uint32_t d_redis = call("%t2", NULL, "redisCommand", 3, "c", "%t0", "id");
  an_models_apply(m, u);
  CHECK_INT(fn->insts[d_prep].fact_sql, 2);
  CHECK_INT(fn->insts[d_redis].fact_key, 2);
  CHECK(fn->insts[d_redis].fact_key_format);
  ir_unit_delete(u);
  /* Callees with their first name resolved through the imports, whatever the
   * alias: from logging import info as linfo; import sentry_sdk as s. */
  u = ir_unit_new(strings, "al.py", "python", "al");
  ir_add_import(u, ir_str(u, "linfo"), ir_str(u, "logging.info"));
  ir_add_import(u, ir_str(u, "sdk"), ir_str(u, "sentry_sdk"));
  ir_add_import(u, ir_str(u, "note"), ir_str(u, "app.audit.note"));
  fn = ir_add_func(u, "f", (ir_loc){1, 1});
  uint32_t a_linfo = call("%t1", NULL, "linfo", 1, "email");
  uint32_t a_sdk = call("%t2", "sdk", "sdk.set_user", 1, "email");
  uint32_t a_note = call("%t3", NULL, "note", 1, "email");
  an_models_apply(m, u);
  check_fact(a_linfo, IR_FACT_SINK, IR_SINK_LOG, 0, 255, "linfo as logging.info");
  check_fact(a_sdk, IR_FACT_SINK, IR_SINK_THIRD_PARTY, 0, 255,
             "sdk.set_user as sentry_sdk.set_user");
  check_fact(a_note, IR_FACT_NONE, 0, 0, 0, "note as app.audit.note");
  ir_unit_delete(u);

  /* What one file's module level makes is known to the files importing it. */
  {
    ir_unit *logs = ir_unit_new(strings, "app/logs.py", "python", "app.logs");
    ir_func *top = ir_add_func(logs, "<module>", (ir_loc){1, 1});
    u = logs, fn = top;
    call("audit", "logging", "logging.getLogger", 1, "%t0");
    ir_unit *js = ir_unit_new(strings, "logger.js", "javascript", "logger");
    top = ir_add_func(js, "<module>", (ir_loc){1, 1});
    u = js, fn = top;
    call("%t1", NULL, "pino", 0);
    ir_emit(js, top, IR_STORE, 0, NULL, ir_str(js, "module"), ir_str(js, "exports"), NULL, NULL,
            (const char *[]){ir_str(js, "%t1")}, 1, (ir_loc){2, 1});
    ir_unit *admin = ir_unit_new(strings, "app/admin.py", "python", "app.admin");
    ir_add_import(admin, ir_str(admin, "audit"), ir_str(admin, "app.logs.audit"));
    ir_add_import(admin, ir_str(admin, "logs"), ir_str(admin, "app.logs"));
    u = admin, fn = ir_add_func(admin, "impersonate", (ir_loc){1, 1});
    uint32_t x_audit = call("%t1", "audit", "audit.warning", 1, "email");
    ir_emit(admin, fn, IR_LOAD, 0, ir_str(admin, "%t2"), ir_str(admin, "logs"),
            ir_str(admin, "audit"), NULL, NULL, NULL, 0, (ir_loc){++line, 1});
    uint32_t x_attr = call("%t3", "%t2", "logs.audit.error", 1, "email");
    ir_unit *srv = ir_unit_new(strings, "server.js", "javascript", "server");
    ir_add_import(srv, ir_str(srv, "lg"), ir_str(srv, "logger"));
    u = srv, fn = ir_add_func(srv, "signup", (ir_loc){1, 1});
    uint32_t x_js = call("%t1", "lg", "lg.info", 1, "email");
    ir_unit *all[] = {logs, js, NULL, admin, srv};
    an_models_apply_units(m, all, 5);
    fn = admin->funcs[0];
    check_fact(x_audit, IR_FACT_SINK, IR_SINK_LOG, 0, 255, "audit imported from app.logs");
    check_fact(x_attr, IR_FACT_SINK, IR_SINK_LOG, 0, 255, "logs.audit of import app.logs as logs");
    fn = srv->funcs[0];
    check_fact(x_js, IR_FACT_SINK, IR_SINK_LOG, 0, 255, "module.exports = pino() required as lg");
    an_models_apply(m, admin); /* one file alone does not know what the other makes */
    fn = admin->funcs[0];
    check_fact(x_audit, IR_FACT_NONE, 0, 0, 0, "audit without the file that makes it");
    ir_unit_delete(logs);
    ir_unit_delete(js);
    ir_unit_delete(admin);
    ir_unit_delete(srv);
  }

  /* Model types by what made a value (makes), with models of our own so the
   * mechanism is tested apart from the shipped data. */
  an_models *t = an_models_new_empty();
  const char *typed_models = "go makes acme.com/zlog.new type=zlog\n"
                             "go makes <zlog>.{with,child} type=%\n"
                             "go makes <zlog>.event type=zlog.event\n"
                             "go makes <zlog.event>.* type=zlog.event\n"
                             "go makes new?acme.com/zlog.logger type=zlog\n"
                             "go makes acme.com/zlog.default type=zlog\n"
                             "go sink-log <zlog>.print\n"
                             "go sink-log <zlog.event>.send data=recv\n"
                             "go sink-log acme.com/zlog.printf\n"
                             "go makes *.new*client type=client\n"
                             "go opaque-result <client>.*\n"
                             "go carries acme.com/zlog.field\n";
  CHECK_INT(an_models_add_text(t, typed_models, "t.tsv", err, sizeof err), 0);
  u = ir_unit_new(strings, "t.go", "go", "t");
  ir_add_import(u, ir_str(u, "zl"), ir_str(u, "acme.com/zlog"));
  ir_record *svc = ir_add_record(u, ir_str(u, "Svc"), (ir_loc){1, 1});
  ir_record_add_field(u, svc, ir_str(u, "log"), ir_str(u, "*zl.Logger"), (ir_loc){2, 1});
  /* module level: var base = zl.New() */
  ir_func *top = ir_add_func(u, "<module>", (ir_loc){1, 1});
  fn = top;
  call("base", "zl", "zl.New", 0);
  fn = ir_add_func(u, "f", (ir_loc){3, 1});
  line = 3;
  uint32_t t_direct = call("%t1", "base", "base.Print", 1, "email"); /* module variable */
  uint32_t t_with = call("child", "base", "base.With", 1, "k");      /* type=% */
  uint32_t t_child = call("%t2", "child", "child.Print", 1, "email");
  call("%t3", "child", "child.Event", 0); /* a builder chain */
  call("%t4", "%t3", "<expr>.Str", 2, "%t0", "email");
  call("%t5", "%t4", "<expr>.Int", 2, "%t0", "n");
  uint32_t t_send = call("%t6", "%t5", "<expr>.Send", 0);
  uint32_t t_untyped = call("%t7", "other", "other.Print", 1, "email"); /* made by nothing known */
  uint32_t t_pkg = call("%t8", "zl", "zl.Printf", 1, "email");          /* the import resolved */
  call("%t9", NULL, "zl.Default", 0);
  ir_emit(u, fn, IR_LOAD, 0, ir_str(u, "dl"), ir_str(u, "%t9"), ir_str(u, "0"), NULL, NULL, NULL, 0,
          (ir_loc){++line, 1}); /* dl, err := zl.Default() */
  uint32_t t_tuple = call("%t10", "dl", "dl.Print", 1, "email");
  call("uc", "pb", "pb.NewUsersClient", 1, "conn");
  uint32_t t_rpc = call("%t11", "uc", "uc.GetUser", 2, "ctx", "req");
  uint32_t t_notrpc = call("%t12", "other", "other.GetUser", 2, "ctx", "req");
  uint32_t t_field_helper = call("%t13", "zl", "zl.Field", 2, "%t0", "email"); /* carries */
  /* a method whose receiver's field is declared *zl.Logger */
  fn = ir_add_func(u, "Svc.Run", (ir_loc){20, 1});
  ir_func_add_param(u, fn, ir_str(u, "s"));
  ir_emit(u, fn, IR_LOAD, 0, ir_str(u, "%t1"), ir_str(u, "s"), ir_str(u, "log"), NULL, NULL, NULL,
          0, (ir_loc){21, 1});
  uint32_t t_field = call("%t2", "%t1", "s.log.Print", 1, "email");
  an_models_apply(t, u);
  fn = u->funcs[1];
  check_fact(t_direct, IR_FACT_SINK, IR_SINK_LOG, 0, 255, "<zlog>.print on a module variable");
  check_fact(t_child, IR_FACT_SINK, IR_SINK_LOG, 0, 255, "<zlog>.print on a child (type=%)");
  check_fact(t_send, IR_FACT_SINK, IR_SINK_LOG, 0, 255, "<zlog.event>.send at a chain's end");
  CHECK(fn->insts[t_send].fact_recv_data);
  check_fact(t_untyped, IR_FACT_NONE, 0, 0, 0, "other.Print");
  check_fact(t_pkg, IR_FACT_SINK, IR_SINK_LOG, 0, 255, "zl.Printf as acme.com/zlog.printf");
  check_fact(t_tuple, IR_FACT_SINK, IR_SINK_LOG, 0, 255, "Print on a tuple's first result");
  CHECK(fn->insts[t_rpc].fact_opaque);
  CHECK(!fn->insts[t_notrpc].fact_opaque);
  check_fact(t_rpc, IR_FACT_NONE, 0, 0, 0, "opaque-result is not a fact");
  /* What a result carries: a carries model (through the import), a call
   * that makes a model object from its arguments (a child logger); not a
   * call nothing models, nor a client's call. */
  CHECK(fn->insts[t_field_helper].fact_carries);
  check_fact(t_field_helper, IR_FACT_NONE, 0, 0, 0, "carries is not a fact");
  CHECK(fn->insts[t_with].fact_carries);
  CHECK(!fn->insts[t_untyped].fact_carries);
  CHECK(!fn->insts[t_notrpc].fact_carries);
  CHECK(!fn->insts[t_rpc].fact_carries);
  fn = u->funcs[2];
  check_fact(t_field, IR_FACT_SINK, IR_SINK_LOG, 0, 255, "Print on a field declared *zl.Logger");
  ir_unit_delete(u);
  an_models_delete(t);

  an_models_delete(m);
  an_models_delete(NULL);
  as_intern_delete(strings);
  return CHECK_DONE();
}
