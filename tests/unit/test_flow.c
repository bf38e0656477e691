/* test_flow.c — the flow analysis end to end on small trees: each case
 * writes files to a temp folder, scans it and checks the exact findings. */
#include "check.h"
#include "analyses/scan.h"

#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[256];

static void write_file(const char *rel, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", root, rel);
  for (char *p = path + strlen(root) + 1; *p; p++)
    if (*p == '/') {
      *p = 0;
      mkdir(path, 0755);
      *p = '/';
    }
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
}

static void new_tree(void) {
  snprintf(root, sizeof root, "/tmp/assay-flow-XXXXXX");
  if (!mkdtemp(root)) abort();
}

static void rm_tree(void) {
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  if (system(cmd) != 0) abort();
}

static an_result *scan(const char *cache, an_scan_info *info_out) {
  an_catalogue *cat = an_catalogue_new_default();
  an_models *models = an_models_new_default();
  an_scan_options o = {root, cache, cat, models};
  an_result *res = an_result_new();
  an_scan_info info;
  char err[512];
  CHECK_INT(an_scan(&o, res, &info, err, sizeof err), 0);
  if (info_out) *info_out = info;
  an_models_delete(models);
  an_catalogue_delete(cat);
  return res;
}

/* "path:line rule category" of every finding, one per line, sorted. */
static char *summary(const an_result *res) {
  as_buf b = {0};
  for (size_t i = 0; i < res->nfindings; i++) {
    const an_finding *f = &res->findings[i];
    as_buf_printf(&b, "%s:%u %s %s\n", f->path, f->line, f->rule_id,
                  f->ncategories ? f->categories[0] : "-");
  }
  return b.data ? b.data : as_strdup("");
}

#define EXPECT(res, text)                                                                          \
  do {                                                                                             \
    char *s_ = summary(res);                                                                       \
    CHECK_STR(s_, text);                                                                           \
    free(s_);                                                                                      \
  } while (0)

static const an_finding *find_at(const an_result *res, const char *path, uint32_t line) {
  for (size_t i = 0; i < res->nfindings; i++)
    if (strcmp(res->findings[i].path, path) == 0 && res->findings[i].line == line)
      return &res->findings[i];
  return NULL;
}

static void test_python_calls(void) {
  new_tree();
  write_file("svc/requirements.txt", "");
  write_file("svc/app/__init__.py", "");
  write_file("svc/app/util.py", "import logging\n"
                                "log = logging.getLogger(__name__)\n"
                                "\n"
                                "def audit(addr):\n"
                                "    log.info('to %s', addr)\n"
                                "\n"
                                "def relay(x):\n"
                                "    audit(x)\n"
                                "\n"
                                "def fmt(u):\n"
                                "    return 'user ' + u.email\n"
                                "\n"
                                "def ping(n):\n"
                                "    if n:\n"
                                "        pong(n)\n"
                                "\n"
                                "def pong(m):\n"
                                "    ping(m)\n"
                                "    print(m)\n");
  write_file("svc/app/handlers.py", "import hashlib\n"
                                    "from .util import relay, fmt\n"
                                    "from app import util\n"
                                    "\n"
                                    "def create(body):\n"
                                    "    email = body['email']\n"
                                    "    relay(email)\n" /* 7: 3 calls to a log */
                                    "    h = hashlib.sha256(email)\n"
                                    "    print(h)\n"                      /* sanitised */
                                    "    print(len(body['phone']))\n"     /* length: sanitised */
                                    "    print(body['order_id'])\n"       /* not personal */
                                    "    print(body['email_template'])\n" /* excluded name */
                                    "    util.ping(body['ssn'])\n"        /* recursion */
                                    "    d = {'who': body['iban'], 'n': 1}\n"
                                    "    print(d['n'])\n"          /* other field */
                                    "    util.log.info('%s', d)\n" /* whole container */
                                    "    items = []\n"
                                    "    items.append(body['card_number'])\n"
                                    "    print(f'cards {items}')\n"
                                    "    print(fmt(body['user']))\n" /* returned from a callee */
                                    "    safe = mask_email(email)\n"
                                    "    print(safe)\n"
                                    "    print('{}'.format(body['dob']))\n"
                                    "\n"
                                    "class Svc:\n"
                                    "    def run(self, user):\n"
                                    "        self.emit(user.phone_number)\n"
                                    "\n"
                                    "    def emit(self, value):\n"
                                    "        print(value)\n");
  an_result *res = scan(NULL, NULL);
  EXPECT(
      res,
      "svc/app/handlers.py:16 assay/pii-to-log user.financial.bank_account\n"
      "svc/app/handlers.py:19 assay/pii-to-stdout user.financial.credit_card\n"
      "svc/app/handlers.py:20 assay/pii-to-stdout user.contact.email\n"
      "svc/app/handlers.py:23 assay/pii-to-stdout user.demographic.date_of_birth\n"
      "svc/app/handlers.py:30 assay/pii-to-stdout user.contact.phone_number\n"
      "svc/app/util.py:5 assay/pii-to-log user.contact.email\n"
      "svc/app/util.py:19 assay/pii-to-stdout user.government_id.national_identification_number\n");
  /* The path of the 3-call flow, step by step. */
  const an_finding *f = find_at(res, "svc/app/util.py", 5);
  CHECK(f != NULL);
  if (f) {
    CHECK_STR(f->source_symbol, "svc:app.handlers:create:email");
    CHECK_STR(f->sink_symbol, "svc:app.util:audit:log.info");
    CHECK_INT(f->nsteps, 6);
    CHECK_STR(f->steps[0].message, "'email' is read here and classified user.contact.email");
    CHECK_INT(f->steps[0].line, 6);
    CHECK_STR(f->steps[1].message, "passed to relay() as 'x'");
    CHECK_STR(f->steps[3].message, "passed to audit() as 'addr'");
    CHECK_STR(f->steps[5].message, "reaches a log through log.info()");
    CHECK_STR(f->steps[5].path, "svc/app/util.py");
  }
  /* A source inside a callee, returned to the caller's sink. */
  f = find_at(res, "svc/app/handlers.py", 20);
  CHECK(f != NULL);
  if (f) {
    CHECK_STR(f->source_symbol, "svc:app.util:fmt:email");
    CHECK_STR(f->steps[f->nsteps - 2].message, "returned from fmt()");
  }
  /* A method reached through self: the source is in run, the sink in emit. */
  f = find_at(res, "svc/app/handlers.py", 30);
  CHECK(f && strcmp(f->source_symbol, "svc:app.handlers:Svc.run:phone_number") == 0);
  an_result_delete(res);
  rm_tree();
}

static void test_python_updates_and_files(void) {
  new_tree();
  write_file("app.py", "def handler(email, order_id):\n"
                       "    print(order_id)\n"
                       "    helper(email)\n" /* entry point: param is a source */
                       "\n"
                       "def helper(email):\n"
                       "    print('x', email)\n" /* 6: one finding, source in handler */
                       "\n"
                       "def clean(user, flag):\n"
                       "    e = user.email\n"
                       "    e = mask_email(e)\n"
                       "    print(e)\n" /* strong update: sanitised */
                       "    p = user.phone\n"
                       "    if flag:\n"
                       "        p = redact(p)\n"
                       "    print(p)\n" /* 15: only sometimes sanitised */
                       "    if user.ssn == flag:\n"
                       "        print('match')\n" /* a test, not the data */
                       "\n"
                       "def files(user, path):\n"
                       "    with open(path, 'w') as f:\n"
                       "        f.write(user.passport_number)\n" /* 21: file sink */
                       "    buf = make_buffer()\n"
                       "    buf.write(user.passport_number)\n" /* not a file */
                       "    import sys\n"
                       "    sys.stderr.write(user.ip_address)\n"); /* 25: stdout */
  write_file("broken.py", "def oops(:\n    pass\n");
  an_result *res = scan(NULL, NULL);
  EXPECT(res, "app.py:6 assay/pii-to-stdout user.contact.email\n"
              "app.py:15 assay/pii-to-stdout user.contact.phone_number\n"
              "app.py:21 assay/pii-to-file user.government_id.passport_number\n"
              "app.py:25 assay/pii-to-stdout user.device.ip_address\n");
  const an_finding *f = find_at(res, "app.py", 6);
  CHECK(f && strcmp(f->source_symbol, ".:app:handler:email") == 0);
  CHECK(f && strcmp(f->steps[0].message, "parameter 'email' of handler() is classified "
                                         "user.contact.email") == 0);
  /* The broken file is a diagnostic; the rest of the scan went on. */
  CHECK_INT(res->files_scanned, 2);
  CHECK_INT(res->files_failed, 1);
  CHECK_INT(res->ndiags, 1);
  if (res->ndiags) {
    CHECK_STR(res->diags[0].path, "broken.py");
    CHECK_STR(res->diags[0].code, "parse-error");
    CHECK_INT(res->diags[0].line, 1);
  }
  an_result_delete(res);
  rm_tree();
}

static void test_c(void) {
  new_tree();
  write_file("ledger/CMakeLists.txt", "");
  write_file("ledger/include/ledger.h",
             "struct account { const char *owner_email; const char *iban; long balance; };\n"
             "void audit_line(const char *line);\n");
  write_file("ledger/src/audit.c",
             "#include <stdio.h>\n"
             "#include <syslog.h>\n"
             "#include \"ledger.h\"\n"
             "static void emit(const char *s) { puts(s); }\n" /* static: not the one below */
             "void audit_line(const char *line) {\n"
             "  syslog(LOG_INFO, \"%s\", line);\n"
             "}\n");
  write_file("ledger/src/ledger.c",
             "#include <stdio.h>\n"
             "#include <string.h>\n"
             "#include \"../include/ledger.h\"\n"
             "static void emit(const char *s) { (void)s; }\n"
             "void post(struct account *a, FILE *out) {\n"
             "  char line[256];\n"
             "  snprintf(line, sizeof line, \"acct %s\", a->iban);\n"
             "  audit_line(line);\n"                                        /* 8 -> audit.c:6 */
             "  emit(a->owner_email);\n"                                    /* static, no sink */
             "  fprintf(out, \"%ld %s\\n\", a->balance, a->owner_email);\n" /* 10: file */
             "  fprintf(stderr, \"len %zu\\n\", strlen(a->owner_email));\n" /* sanitised */
             "  char copy[64];\n"
             "  strcpy(copy, a->owner_email);\n"
             "  printf(\"%s\\n\", copy);\n" /* 14: stdout */
             "  if (a->balance > 0) {\n"
             "    printf(\"%ld\\n\", a->balance);\n" /* not personal */
             "  }\n"
             "}\n");
  /* A semantic error (a flag the build would define) is a warning: the file
   * is still analysed (libclang 14 drops only the expression in error). */
  write_file(
      "ledger/src/flags.c",
      "#include <stdio.h>\n"
      "#include \"../include/ledger.h\"\n"
      "void show(struct account *a) { int f = BUILD_FLAG; printf(\"%s\\n\", a->owner_email); }\n");
  an_result *res = scan(NULL, NULL);
  EXPECT(res, "ledger/src/audit.c:6 assay/pii-to-log user.financial.bank_account\n"
              "ledger/src/flags.c:3 assay/pii-to-stdout user.contact.email\n"
              "ledger/src/ledger.c:10 assay/pii-to-file user.contact.email\n"
              "ledger/src/ledger.c:14 assay/pii-to-stdout user.contact.email\n");
  const an_finding *f = find_at(res, "ledger/src/audit.c", 6);
  CHECK(f && strcmp(f->source_symbol, "ledger:src/ledger.c:post:iban") == 0);
  CHECK(f && f->nsteps == 5 &&
        strcmp(f->steps[1].message, "copied into 'line' by snprintf()") == 0);
  CHECK_INT(res->files_failed, 0);
  CHECK_INT(res->ndiags, 1);
  if (res->ndiags) {
    CHECK_STR(res->diags[0].path, "ledger/src/flags.c");
    CHECK_STR(res->diags[0].code, "semantic-error");
    CHECK_STR(res->diags[0].message, "use of undeclared identifier 'BUILD_FLAG'");
    CHECK_INT(res->diags[0].level, AS_DIAG_WARNING);
  }
  an_result_delete(res);
  rm_tree();
}

/* Moving code down a file, reformatting it and adding unrelated code keep
 * every fingerprint; the unit cache serves unchanged files. */
static void test_stability_and_cache(void) {
  new_tree();
  char cache[300];
  snprintf(cache, sizeof cache, "%s/cache.sqlite", root);
  mkdir(root, 0755);
  write_file("svc/requirements.txt", "");
  write_file("svc/a.py", "import logging\n"
                         "def f(user):\n"
                         "    logging.info('e %s', user.email)\n");
  write_file("svc/b.py", "def g(user):\n"
                         "    print(user.phone)\n");
  an_scan_info info;
  an_result *r1 = scan(cache, &info);
  CHECK_INT(info.cache_misses, 2);
  CHECK_INT(info.cache_hits, 0);
  CHECK_INT(r1->nfindings, 2);
  an_result *r2 = scan(cache, &info);
  CHECK_INT(info.cache_misses, 0);
  CHECK_INT(info.cache_hits, 2);
  char *s1 = summary(r1), *s2 = summary(r2);
  CHECK_STR(s2, s1);
  free(s1);
  free(s2);
  write_file("svc/a.py", "import logging\n"
                         "\n"
                         "def unrelated(x):\n"
                         "    return x + 1\n"
                         "\n"
                         "\n"
                         "def f( user ):\n"
                         "    logging.info(\n"
                         "        'e %s',\n"
                         "        user.email)\n");
  an_result *r3 = scan(cache, &info);
  CHECK_INT(info.cache_misses, 1);
  CHECK_INT(info.cache_hits, 1);
  CHECK_INT(r3->nfindings, 2);
  for (size_t i = 0; i < r1->nfindings && i < r3->nfindings; i++)
    CHECK_STR(r3->findings[i].fingerprint, r1->findings[i].fingerprint);
  CHECK_INT(r3->findings[0].line, 8);
  an_result_delete(r1);
  an_result_delete(r2);
  an_result_delete(r3);

  /* A C file's unit depends on its service's headers: a macro that stops
   * printing must not be served stale from the cache. */
  write_file("lib/Makefile", "");
  write_file("lib/out.h", "#include <stdio.h>\n#define SHOW(x) printf(\"%s\\n\", (x))\n");
  write_file("lib/show.c", "#include \"out.h\"\n"
                           "struct user { const char *email; };\n"
                           "void show(struct user *u) { SHOW(u->email); }\n");
  an_result *c1 = scan(cache, &info);
  CHECK_INT(info.cache_misses, 2); /* out.h and show.c */
  CHECK(find_at(c1, "lib/show.c", 3) != NULL);
  write_file("lib/out.h", "#define SHOW(x) ((void)(x))\n");
  an_result *c2 = scan(cache, &info);
  CHECK_INT(info.cache_misses, 2);
  CHECK(find_at(c2, "lib/show.c", 3) == NULL);
  an_result_delete(c1);
  an_result_delete(c2);
  rm_tree();
}

static void test_python_sink_kinds(void) {
  new_tree();
  write_file("web/requirements.txt", "");
  write_file("ledger/requirements.txt", "");
  write_file("ledger/app.py", "def post(x):\n    return x\n");
  write_file("web/app.py",
             "from flask import Flask, request, make_response\n"
             "import requests\n"
             "app = Flask(__name__)\n"
             "\n"
             "@app.route('/users/<id>')\n"
             "def show(id):\n"
             "    user = load(id)\n"
             "    return {'email': user.email}\n" /* 8 response */
             "\n"
             "@app.post('/login')\n"
             "def login():\n"
             "    body = request.get_json()\n"
             "    resp = make_response('ok')\n"
             "    resp.set_cookie('who', body['email'])\n" /* 14 cookie */
             "    if not body['password']:\n"
             "        raise ValueError(f\"bad login for {body['email']}\")\n" /* 16 exception */
             "    requests.post('https://api.partner.example/v1', json={'p': body['phone']})\n"
             "    requests.post('http://ledger:8080/post', json={'p': body['phone']})\n"
             "    cursor.execute('INSERT INTO t VALUES (?)', (body['ssn'],))\n" /* 19 db */
             "    return 'ok'\n"
             "\n"
             "def helper(u):\n"
             "    return u.email\n"); /* not a handler */
  an_result *res = scan(NULL, NULL);
  EXPECT(res,
         "web/app.py:8 assay/pii-to-response user.contact.email\n"
         "web/app.py:14 assay/pii-to-cookie user.contact.email\n"
         "web/app.py:16 assay/pii-to-exception user.contact.email\n"
         "web/app.py:17 assay/pii-to-external user.contact.phone_number\n"
         "web/app.py:19 assay/pii-to-db-write user.government_id.national_identification_number\n");
  const an_finding *f = find_at(res, "web/app.py", 8);
  CHECK(f && strcmp(f->sink_symbol, "web:app:show:<return>") == 0);
  CHECK(f && strcmp(f->message, "Personal data (user.contact.email) read as 'email' in app:show "
                                "is returned in an HTTP response") == 0);
  an_result_delete(res);
  rm_tree();
}

/* Accessors with a literal key read like fields: body.get("email"). */
static void test_accessors(void) {
  new_tree();
  write_file("app.py", "import logging\n"
                       "def handle(request, body):\n"
                       "    e = body.get('email')\n"
                       "    logging.info('signup %s', e)\n" /* 4 */
                       "    n = body.get('plan', 'free')\n"
                       "    logging.info('plan %s', n)\n"                    /* not personal */
                       "    logging.info('%s', request.args.get('phone'))\n" /* 7 */
                       "    d = {'iban': body['iban'], 'plan': 'x'}\n"
                       "    logging.info('%s', d.get('plan'))\n"); /* other field */
  an_result *res = scan(NULL, NULL);
  EXPECT(res, "app.py:4 assay/pii-to-log user.contact.email\n"
              "app.py:7 assay/pii-to-log user.contact.phone_number\n");
  const an_finding *f = find_at(res, "app.py", 4);
  CHECK(f && strcmp(f->source_symbol, ".:app:handle:email") == 0);
  an_result_delete(res);
  rm_tree();
}

/* Koa answers by assignment: ctx.body = x is a response sink. */
static void test_store_sinks(void) {
  new_tree();
  write_file("api/package.json", "{}");
  write_file("api/app.js", "const Koa = require('koa');\n"
                           "const app = new Koa();\n"
                           "app.use(async (ctx) => {\n"
                           "  const user = await load(ctx.params.id);\n"
                           "  ctx.body = { email: user.email, id: user.id };\n" /* 5 */
                           "  ctx.status = 200;\n"
                           "  other.body = user.phone;\n" /* not Koa */
                           "});\n");
  an_result *res = scan(NULL, NULL);
  EXPECT(res, "api/app.js:5 assay/pii-to-response user.contact.email\n");
  const an_finding *f = find_at(res, "api/app.js", 5);
  CHECK(f && strcmp(f->sink_symbol, "api:app:<lambda#1>:ctx.body") == 0);
  an_result_delete(res);
  rm_tree();
}

/* Constructors and setters carry data into the fields they fill, and only
 * those: Python X() through __init__, Java new X() through its constructor. */
static void test_constructors(void) {
  new_tree();
  write_file("py/requirements.txt", "");
  write_file("py/app.py", "class Envelope:\n"
                          "    def __init__(self, ref, payload):\n"
                          "        self.ref = ref\n"
                          "        self.payload = payload\n"
                          "\n"
                          "    def set_payload(self, v):\n"
                          "        self.payload = v\n"
                          "\n"
                          "def handle(body):\n"
                          "    env = Envelope(body['ref'], body['email'])\n"
                          "    print(env.ref)\n"     /* not personal */
                          "    print(env.payload)\n" /* 12: email */
                          "    other = Envelope('x', 'y')\n"
                          "    other.set_payload(body['phone'])\n"
                          "    print(other.payload)\n" /* 15: phone */
                          "    kw = Envelope(payload=body['ssn'], ref=body['ref'])\n"
                          "    print(kw.ref)\n"       /* keywords bind by name */
                          "    print(kw.payload)\n"); /* 18: ssn */
  write_file("jv/pom.xml", "");
  write_file("jv/Envelope.java", "package shop;\n"
                                 "class Envelope {\n"
                                 "  String ref;\n"
                                 "  String payload;\n"
                                 "  Envelope(String ref, String payload) {\n"
                                 "    this.ref = ref;\n"
                                 "    this.payload = payload;\n"
                                 "  }\n"
                                 "}\n");
  write_file("jv/Handler.java", "package shop;\n"
                                "class Handler {\n"
                                "  void handle(Request req) {\n"
                                "    Envelope e = new Envelope(req.getRef(), req.getEmail());\n"
                                "    System.out.println(e.ref);\n"     /* not personal */
                                "    System.out.println(e.payload);\n" /* 6: email */
                                "  }\n"
                                "}\n");
  an_result *res = scan(NULL, NULL);
  EXPECT(res, "jv/Handler.java:6 assay/pii-to-stdout user.contact.email\n"
              "py/app.py:12 assay/pii-to-stdout user.contact.email\n"
              "py/app.py:15 assay/pii-to-stdout user.contact.phone_number\n"
              "py/app.py:18 assay/pii-to-stdout "
              "user.government_id.national_identification_number\n");
  const an_finding *f = find_at(res, "py/app.py", 12);
  CHECK(f && f->nsteps == 6);
  if (f && f->nsteps == 6) {
    CHECK_STR(f->steps[1].message, "passed to Envelope.__init__() as 'payload'");
    CHECK_STR(f->steps[3].message, "stored in self.payload");
    CHECK_STR(f->steps[4].message, "stored in env.payload by Envelope.__init__()");
  }
  f = find_at(res, "py/app.py", 15);
  CHECK(f && f->nsteps >= 3 &&
        strcmp(f->steps[f->nsteps - 2].message,
               "stored in other.payload by Envelope.set_payload()") == 0);
  an_result_delete(res);
  rm_tree();
}

/* A call to an external C function resolves to its definition in a .c file
 * rather than to a same-named inline body in a header. */
static void test_c_prefers_c_files(void) {
  new_tree();
  write_file("lib/Makefile", "");
  write_file("lib/include/out.h", "void emit(const char *s) { (void)s; }\n");
  write_file("lib/src/emit.c", "#include <stdio.h>\n"
                               "void emit(const char *s) { puts(s); }\n");
  write_file("lib/src/main.c", "struct user { const char *email; };\n"
                               "void emit(const char *s);\n"
                               "void run(struct user *u) { emit(u->email); }\n");
  an_result *res = scan(NULL, NULL);
  EXPECT(res, "lib/src/emit.c:2 assay/pii-to-stdout user.contact.email\n");
  an_result_delete(res);
  rm_tree();
}

int main(void) {
  test_c_prefers_c_files();
  test_constructors();
  test_store_sinks();
  test_accessors();
  test_python_sink_kinds();
  test_python_calls();
  test_python_updates_and_files();
  test_c();
  test_stability_and_cache();
  return CHECK_DONE();
}
