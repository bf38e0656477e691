/* sarif.c — SARIF 2.1.0: one run, every known rule, one result per finding
 * with its path as a code flow and its stable fingerprint. */
#include "report.h"
#include "perf_json.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

typedef struct rp_rule {
  const char *id, *name, *short_desc, *full_desc, *help;
  const char *level; /* defaultConfiguration.level */
  const char *tag;   /* the tag beside "security" ("performance" stands alone) */
} rp_rule;

/* Every rule Assay knows, always listed, so ruleIndex is stable across runs. */
static const rp_rule rp__rules[] = {
    {"assay/pii-to-log", "PiiToLog", "Personal data reaches a log",
     "A value classified as personal data (a fideslang data category) flows into a logging "
     "call. Logs are widely readable, retained for long periods and shipped to third parties.",
     "Remove the personal data from the log message, or mask, hash or redact it before logging. "
     "If the flow is intended, approve it in the policy file with a reason.",
     "error", "privacy"},
    {"assay/pii-to-stdout", "PiiToStdout", "Personal data reaches standard output",
     "A value classified as personal data flows to standard output or standard error (print, "
     "printf, puts), which usually ends up in container or CI logs.",
     "Do not print personal data; mask, hash or redact it first. If the flow is intended, "
     "approve it in the policy file with a reason.",
     "error", "privacy"},
    {"assay/pii-to-file", "PiiToFile", "Personal data is written to a file",
     "A value classified as personal data is written to a file, outside any store whose access "
     "and retention are governed.",
     "Write personal data only to governed stores, or mask, hash or encrypt it first. If the "
     "flow is intended, approve it in the policy file with a reason.",
     "error", "privacy"},
    {"assay/pii-to-response", "PiiToResponse", "Personal data is returned in an HTTP response",
     "A value classified as personal data is written to, or returned as, the response of an HTTP "
     "endpoint, so every caller of the endpoint receives it.",
     "Return only the fields the caller needs; mask or drop personal data from response objects. "
     "If the flow is intended, approve it in the policy file with a reason.",
     "error", "privacy"},
    {"assay/pii-to-external", "PiiToExternal", "Personal data is sent to an external host",
     "A value classified as personal data is sent by an outbound request to a host that is not "
     "one of the repository's services.",
     "Send personal data only to approved processors, and only the fields they need. If the "
     "flow is intended, approve it in the policy file with a reason.",
     "error", "privacy"},
    {"assay/pii-to-third-party", "PiiToThirdParty", "Personal data is sent to a third-party SDK",
     "A value classified as personal data is passed to a known third-party SDK (error "
     "tracking, analytics, email, payments, CRM, messaging, LLM APIs).",
     "Strip or pseudonymise personal data before it reaches the vendor, and make sure a data "
     "processing agreement covers it. If the flow is intended, approve it in the policy file "
     "with a reason.",
     "error", "privacy"},
    {"assay/pii-to-db-write", "PiiToDbWrite", "Personal data is written to a database",
     "A value classified as personal data is written to a database table or document store.",
     "Make sure the table is meant to hold this category (retention, access, encryption at "
     "rest). If the flow is intended, approve it in the policy file with a reason.",
     "warning", "privacy"},
    {"assay/pii-to-cookie", "PiiToCookie", "Personal data is stored in a cookie",
     "A value classified as personal data is set in a cookie, where the browser stores it and "
     "sends it with every request.",
     "Keep an opaque session identifier in the cookie and the personal data on the server. If "
     "the flow is intended, approve it in the policy file with a reason.",
     "error", "privacy"},
    {"assay/pii-to-exception", "PiiToException", "Personal data is put in an exception message",
     "A value classified as personal data becomes part of an exception or error message, which "
     "ends up in logs, error trackers and sometimes responses.",
     "Keep personal data out of error messages; refer to records by an opaque identifier. If "
     "the flow is intended, approve it in the policy file with a reason.",
     "error", "privacy"},
    {"assay/contract-field-missing", "ContractFieldMissing",
     "A handler reads a request field its client does not send",
     "An endpoint's handler reads a field of the request (a JSON key, a DTO or message field) "
     "that a client of the repository, linked to it across services, does not send: the "
     "handler sees a missing value on every call from that client.",
     "Send the field from the client, or make the handler treat it as optional. Both locations "
     "are in the result's code flow.",
     "warning", "contract"},
    {"assay/contract-field-unread", "ContractFieldUnread",
     "A client sends a request field no handler reads",
     "A client sends a field (a JSON key, a struct or message field) to an endpoint of another "
     "service whose handler never reads it: data crosses a service boundary for nothing, and "
     "often personal data.",
     "Stop sending the field, or read it in the handler if it is meant to be used.", "warning",
     "contract"},
    {"assay/surface-endpoint-added", "SurfaceEndpointAdded", "A new endpoint appeared",
     "An HTTP route, gRPC method or queue consumer exists that the baseline does not have: the "
     "attack surface grew.",
     "Review the endpoint: who may call it, which guard protects it, what it returns. Approve "
     "it in the policy file (an exception by fingerprint, with a reason) once reviewed.",
     "warning", "attack-surface"},
    {"assay/surface-auth-removed", "SurfaceAuthRemoved", "An endpoint lost its auth guard",
     "An endpoint that the baseline shows protected by an authentication or authorisation guard "
     "(a decorator, annotation, middleware or wrapper) no longer has that guard.",
     "Restore the guard, or replace it by an equivalent one. If the endpoint is meant to be "
     "public now, approve the change in the policy file with a reason.",
     "error", "attack-surface"},
    {"assay/surface-response-pii", "SurfaceResponsePii",
     "An endpoint's response newly carries personal data",
     "The responses of an endpoint carry a personal-data category (fideslang) they did not "
     "carry in the baseline: every caller now receives it.",
     "Return only what callers need; drop or mask the field. If it is intended, approve the "
     "change in the policy file with a reason.",
     "error", "privacy"},
    {"assay/access-pii-read", "AccessPiiRead", "Code newly reads personal data from storage",
     "A function reads a column (or a cache key or hash field) classified as personal data that "
     "it did not read in the baseline: the data-access graph grew a read of personal data.",
     "Check that the function needs the column; select only the columns it uses. Approve the "
     "access in the policy file (an exception by fingerprint, with a reason) once reviewed.",
     "warning", "privacy"},
    {"assay/access-pii-write", "AccessPiiWrite", "Code newly writes personal data to storage",
     "A function writes a column (or a cache key or hash field) classified as personal data that "
     "it did not write in the baseline.",
     "Make sure the store is meant to hold this category (retention, access, encryption at "
     "rest). Approve the access in the policy file with a reason once reviewed.",
     "warning", "privacy"},
    {"assay/access-table-added", "AccessTableAdded", "A new table appeared in a schema",
     "A service's schema (its SQL files and migrations, or its ORM models) declares a table "
     "the baseline's schema did not have; the message names its personal-data columns.",
     "Review what the table holds and who may read it. Approve it in the policy file with a "
     "reason once reviewed.",
     "note", "privacy"},
    {"assay/parse-error", "ParseError", "A file has a syntax error, or could not be read",
     "Assay analyses every part of a file with a syntax error that parsed, and skips the "
     "statement or definition the error is in: flows through that part are not analysed. A "
     "file that cannot be read or parsed at all is not analysed.",
     "Fix the syntax error, or exclude the file from the scan in the configuration.", "warning",
     "reliability"},
};
#define RP_NRULES (sizeof(rp__rules) / sizeof(rp__rules[0]))

/* The performance gate's rules, indexed by pf_verdict; listed only in a run
 * that compared benchmarks. */
static const rp_rule rp__perf_rules[PF_VERDICT__COUNT] = {
    [PF_UNCHANGED] = {"assay/perf-unchanged", "PerfUnchanged", "A benchmark is unchanged",
                      "The benchmark's samples do not differ from the baseline's beyond its "
                      "tolerance: the U test is not significant, or the change of the median is "
                      "below the minimum effect (wall clock) or the threshold (instructions).",
                      "Nothing to do.", "note", "performance"},
    [PF_REGRESSION] = {"assay/perf-regression", "PerfRegression", "A benchmark is slower",
                       "Wall clock: the two-sided Mann-Whitney U test rejects equality at alpha, "
                       "the median grew by at least the minimum effect and the Hodges-Lehmann "
                       "confidence interval of the shift lies above zero. Instruction counts: the "
                       "median grew by at least the threshold.",
                       "Find the change that slowed the benchmark down and undo or offset it. If "
                       "the slowdown is accepted, record a new baseline; if the benchmark is "
                       "noisier than the default tolerance allows, give it its own tolerance in "
                       ".assay/policy.yaml with a reason.",
                       "error", "performance"},
    [PF_IMPROVEMENT] = {"assay/perf-improvement", "PerfImprovement", "A benchmark is faster",
                        "The benchmark is faster than the baseline by the same tests that detect "
                        "a regression.",
                        "Record a new baseline to keep the gain.", "note", "performance"},
    [PF_INCONCLUSIVE] = {"assay/perf-inconclusive", "PerfInconclusive",
                         "A benchmark could not be decided",
                         "The comparison cannot reach significance: too few samples for the "
                         "test to go below alpha, or the baseline and the current samples come "
                         "from different environments (wall clock).",
                         "Record more repetitions (e.g. --benchmark_repetitions=10, hyperfine "
                         "--runs 10, assay perf record --runs 10) on the baseline's kind of "
                         "machine, or compare instruction counts.",
                         "warning", "performance"},
};

static json_t *rp__str(const char *s) {
  return s ? json_string(s) : json_null();
}

static json_t *rp__text(const char *s) {
  json_t *o = json_object();
  json_object_set_new(o, "text", json_string(s ? s : ""));
  return o;
}

/* A relative URI reference: unreserved characters and '/' as they are, every
 * other byte percent-encoded. */
static json_t *rp__uri(const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  as_buf b = {0};
  as_buf_puts(&b, "");
  for (const unsigned char *p = (const unsigned char *)(path ? path : ""); *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
        strchr("-._~/", *p)) {
      as_buf_putc(&b, (char)*p);
    } else {
      as_buf_putc(&b, '%');
      as_buf_putc(&b, hex[*p >> 4]);
      as_buf_putc(&b, hex[*p & 15]);
    }
  }
  json_t *s = json_string(b.data ? b.data : "");
  as_buf_free(&b);
  return s;
}

static json_t *rp__physical(const char *path, uint32_t line, uint32_t col) {
  json_t *art = json_object();
  json_object_set_new(art, "uri", rp__uri(path));
  json_object_set_new(art, "uriBaseId", json_string("SRCROOT"));
  json_t *phys = json_object();
  json_object_set_new(phys, "artifactLocation", art);
  if (line) {
    json_t *region = json_object();
    json_object_set_new(region, "startLine", json_integer(line));
    if (col) json_object_set_new(region, "startColumn", json_integer(col));
    json_object_set_new(phys, "region", region);
  }
  return phys;
}

static json_t *rp__rule_json(const rp_rule *r) {
  json_t *o = json_object();
  json_object_set_new(o, "id", json_string(r->id));
  if (!r->name) return o; /* a rule met in the findings but unknown to this build */
  json_object_set_new(o, "name", json_string(r->name));
  json_object_set_new(o, "shortDescription", rp__text(r->short_desc));
  json_object_set_new(o, "fullDescription", rp__text(r->full_desc));
  json_t *help = rp__text(r->help);
  json_object_set_new(help, "markdown", json_string(r->help));
  json_object_set_new(o, "help", help);
  json_t *conf = json_object();
  json_object_set_new(conf, "level", json_string(r->level));
  json_object_set_new(o, "defaultConfiguration", conf);
  json_t *props = json_object();
  json_t *tags = json_array();
  if (strcmp(r->tag, "performance") != 0) json_array_append_new(tags, json_string("security"));
  json_array_append_new(tags, json_string(r->tag));
  json_object_set_new(props, "tags", tags);
  json_object_set_new(o, "properties", props);
  return o;
}

/* Index of id in rules, appending an id-only rule if it is not known. */
static size_t rp__rule_index(json_t *rules, const char *id) {
  for (size_t i = 0; i < json_array_size(rules); i++)
    if (strcmp(json_string_value(json_object_get(json_array_get(rules, i), "id")), id) == 0)
      return i;
  rp_rule unknown = {.id = id};
  /* A contract change (assay/change/KIND-WHAT): one rule per change kind,
   * described from its name. */
  char name[256] = "", shortd[512] = "";
  if (strncmp(id, "assay/change/", 13) == 0) {
    const char *ch = id + 13;
    size_t n = 0;
    bool up = true;
    for (const char *p = ch; *p && n < sizeof name - 1; p++) {
      if (*p == '.' || *p == '-') {
        up = true;
        continue;
      }
      name[n++] = up ? (char)toupper((unsigned char)*p) : *p;
      up = false;
    }
    name[n] = 0;
    snprintf(shortd, sizeof shortd, "Contract change: %s", ch);
    unknown = (rp_rule){id,
                        name,
                        shortd,
                        "A change of the behavioural contract (a C function or type, a protobuf "
                        "message, field or RPC, an HTTP operation or field) against the baseline, "
                        "classified breaking, potentially breaking or compatible (the result's "
                        "level and its contractClass property).",
                        "Breaking changes fail check: keep the old form for existing callers, or "
                        "version the API. If the change is intended, approve it in the policy "
                        "file by fingerprint, with a reason.",
                        "warning",
                        "contract"};
  }
  json_array_append_new(rules, rp__rule_json(&unknown));
  return json_array_size(rules) - 1;
}

static json_t *rp__result(const an_finding *f, const rp_options *opt, json_t *rules) {
  const char *rule_id = f->rule_id ? f->rule_id : "assay/unknown";
  json_t *r = json_object();
  json_object_set_new(r, "ruleId", json_string(rule_id));
  json_object_set_new(r, "ruleIndex", json_integer((json_int_t)rp__rule_index(rules, rule_id)));
  const char *level = f->state == AN_STATE_ABSENT ? "note" : "error";
  if (f->contract_class && f->state != AN_STATE_ABSENT)
    level = strcmp(f->contract_class, "breaking") == 0     ? "error"
            : strcmp(f->contract_class, "compatible") == 0 ? "note"
                                                           : "warning";
  json_object_set_new(r, "level", json_string(level));
  json_object_set_new(r, "message", rp__text(f->message));

  json_t *loc = json_object();
  json_object_set_new(loc, "physicalLocation", rp__physical(f->path, f->line, f->col));
  json_t *locs = json_array();
  json_array_append_new(locs, loc);
  json_object_set_new(r, "locations", locs);

  if (f->nsteps) {
    json_t *tlocs = json_array();
    for (uint32_t i = 0; i < f->nsteps; i++) {
      const an_step *s = &f->steps[i];
      json_t *l = json_object();
      json_object_set_new(l, "physicalLocation", rp__physical(s->path, s->line, s->col));
      if (s->function) {
        json_t *logical = json_object();
        json_object_set_new(logical, "fullyQualifiedName", json_string(s->function));
        json_object_set_new(logical, "kind", json_string("function"));
        json_t *ll = json_array();
        json_array_append_new(ll, logical);
        json_object_set_new(l, "logicalLocations", ll);
      }
      json_object_set_new(l, "message", rp__text(s->message));
      json_t *tl = json_object();
      if (s->service) {
        json_t *tp = json_object();
        json_object_set_new(tp, "service", json_string(s->service));
        json_object_set_new(tl, "properties", tp);
      }
      json_object_set_new(tl, "location", l);
      json_array_append_new(tlocs, tl);
    }
    json_t *tf = json_object();
    json_object_set_new(tf, "locations", tlocs);
    json_t *tfs = json_array();
    json_array_append_new(tfs, tf);
    json_t *cf = json_object();
    json_object_set_new(cf, "threadFlows", tfs);
    json_t *cfs = json_array();
    json_array_append_new(cfs, cf);
    json_object_set_new(r, "codeFlows", cfs);
  }

  json_t *pf = json_object();
  json_object_set_new(pf, "assayFingerprint/v1", rp__str(f->fingerprint));
  json_object_set_new(r, "partialFingerprints", pf);

  if (opt && opt->with_states && f->state != AN_STATE_NONE)
    json_object_set_new(r, "baselineState", json_string(an_state_name(f->state)));

  if (f->suppressed_reason) {
    /* An inline comment's origin is "path:line" in the finding's own file;
     * anything else is the policy file. */
    const char *o = f->suppressed_origin ? f->suppressed_origin : "";
    size_t pl = f->path ? strlen(f->path) : 0;
    bool in_source = pl && strncmp(o, f->path, pl) == 0 && o[pl] == ':' && o[pl + 1] &&
                     strspn(o + pl + 1, "0123456789") == strlen(o + pl + 1);
    json_t *sup = json_object();
    json_object_set_new(sup, "kind", json_string(in_source ? "inSource" : "external"));
    json_object_set_new(sup, "status", json_string("accepted"));
    json_object_set_new(sup, "justification", json_string(f->suppressed_reason));
    if (in_source) {
      json_t *sl = json_object();
      json_object_set_new(sl, "physicalLocation",
                          rp__physical(f->path, (uint32_t)strtoul(o + pl + 1, NULL, 10), 0));
      json_object_set_new(sup, "location", sl);
    } else {
      json_t *sp = json_object();
      json_object_set_new(sp, "policy", json_string(o));
      json_object_set_new(sup, "properties", sp);
    }
    json_t *sups = json_array();
    json_array_append_new(sups, sup);
    json_object_set_new(r, "suppressions", sups);
  }

  json_t *props = json_object();
  json_t *cats = json_array();
  for (uint32_t i = 0; i < f->ncategories; i++)
    json_array_append_new(cats, rp__str(f->categories[i]));
  json_object_set_new(props, "categories", cats);
  json_object_set_new(props, "sinkKind", json_string(ir_sink_kind_name(f->sink_kind)));
  json_object_set_new(props, "sourceSymbol", rp__str(f->source_symbol));
  json_object_set_new(props, "sinkSymbol", rp__str(f->sink_symbol));
  json_object_set_new(props, "service", rp__str(f->service));
  if (f->contract_class)
    json_object_set_new(props, "contractClass", json_string(f->contract_class));
  if (f->nservices > 1) {
    json_t *sv = json_array();
    for (uint32_t i = 0; i < f->nservices; i++)
      json_array_append_new(sv, rp__str(f->services[i]));
    json_object_set_new(props, "services", sv);
  }
  json_object_set_new(r, "properties", props);
  return r;
}

static size_t rp__perf_rule_index(json_t *rules, pf_verdict v) {
  const char *id = rp__perf_rules[v].id;
  for (size_t i = 0; i < json_array_size(rules); i++)
    if (strcmp(json_string_value(json_object_get(json_array_get(rules, i), "id")), id) == 0)
      return i;
  json_array_append_new(rules, rp__rule_json(&rp__perf_rules[v]));
  return json_array_size(rules) - 1;
}

/* A performance verdict: no file location (a benchmark is not a line of the
 * tree), a logical location named after the benchmark, the figures of the
 * decision as properties. */
static json_t *rp__perf_result(const pf_result *p, json_t *rules) {
  json_t *r = json_object();
  json_object_set_new(r, "ruleId", json_string(rp__perf_rules[p->verdict].id));
  json_object_set_new(r, "ruleIndex",
                      json_integer((json_int_t)rp__perf_rule_index(rules, p->verdict)));
  json_object_set_new(r, "level", json_string(rp__perf_rules[p->verdict].level));
  json_object_set_new(r, "message", rp__text(p->message));
  json_t *logical = json_object();
  json_object_set_new(logical, "name", json_string(p->name));
  json_object_set_new(logical, "fullyQualifiedName", json_string(p->name));
  json_object_set_new(logical, "kind", json_string("function"));
  json_t *ll = json_array();
  json_array_append_new(ll, logical);
  json_t *loc = json_object();
  json_object_set_new(loc, "logicalLocations", ll);
  json_t *locs = json_array();
  json_array_append_new(locs, loc);
  json_object_set_new(r, "locations", locs);
  char *key = as_sprintf("assay-perf-1\n%s\n%s", p->name, pf_unit_name(p->unit));
  char fp[65];
  as_sha256_hex(key, strlen(key), fp);
  free(key);
  json_t *pf = json_object();
  json_object_set_new(pf, "assayPerf/v1", json_string(fp));
  json_object_set_new(r, "partialFingerprints", pf);
  json_object_set_new(r, "properties", rp_perf_result_json(p));
  return r;
}

static json_t *rp__notification(const as_diag *d, json_t *rules) {
  json_t *n = json_object();
  json_object_set_new(n, "level", json_string(as_diag_level_name(d->level)));
  json_object_set_new(n, "message", rp__text(d->message));
  if (d->path) {
    json_t *loc = json_object();
    json_object_set_new(loc, "physicalLocation", rp__physical(d->path, d->line, d->col));
    json_t *locs = json_array();
    json_array_append_new(locs, loc);
    json_object_set_new(n, "locations", locs);
  }
  if (d->code && strcmp(d->code, "parse-error") == 0) {
    json_t *assoc = json_object();
    json_object_set_new(assoc, "id", json_string("assay/parse-error"));
    json_object_set_new(assoc, "index",
                        json_integer((json_int_t)rp__rule_index(rules, "assay/parse-error")));
    json_object_set_new(n, "associatedRule", assoc);
  }
  if (d->code) {
    json_t *props = json_object();
    json_object_set_new(props, "code", json_string(d->code));
    json_object_set_new(n, "properties", props);
  }
  return n;
}

int rp_write_sarif(const an_result *res, const rp_options *opt, FILE *out) {
  json_t *rules = json_array();
  for (size_t i = 0; i < RP_NRULES; i++)
    json_array_append_new(rules, rp__rule_json(&rp__rules[i]));

  json_t *results = json_array();
  for (size_t i = 0; i < res->nfindings; i++)
    json_array_append_new(results, rp__result(&res->findings[i], opt, rules));
  if (opt && opt->perf) {
    for (int v = 0; v < PF_VERDICT__COUNT; v++) /* all four, in a fixed order */
      rp__perf_rule_index(rules, (pf_verdict)v);
    for (size_t i = 0; i < opt->perf->nresults; i++)
      json_array_append_new(results, rp__perf_result(&opt->perf->results[i], rules));
  }

  json_t *notes = json_array();
  for (size_t i = 0; i < res->ndiags; i++)
    json_array_append_new(notes, rp__notification(&res->diags[i], rules));

  json_t *driver = json_object();
  json_object_set_new(driver, "name", json_string("Assay"));
  json_object_set_new(driver, "version",
                      json_string(opt && opt->tool_version ? opt->tool_version : "0"));
  json_object_set_new(driver, "informationUri", json_string("https://assay.dev"));
  json_object_set_new(driver, "rules", rules);
  json_t *tool = json_object();
  json_object_set_new(tool, "driver", driver);

  json_t *inv = json_object();
  json_object_set_new(inv, "executionSuccessful", json_true());
  json_object_set_new(inv, "toolExecutionNotifications", notes);
  json_t *invs = json_array();
  json_array_append_new(invs, inv);

  json_t *srcroot = json_object();
  json_object_set_new(srcroot, "description", rp__text("The root of the scanned tree"));
  json_t *bases = json_object();
  json_object_set_new(bases, "SRCROOT", srcroot);

  json_t *run = json_object();
  json_object_set_new(run, "tool", tool);
  json_object_set_new(run, "invocations", invs);
  json_object_set_new(run, "originalUriBaseIds", bases);
  json_object_set_new(run, "results", results);
  json_t *runs = json_array();
  json_array_append_new(runs, run);

  json_t *root = json_object();
  json_object_set_new(root, "$schema",
                      json_string("https://json.schemastore.org/sarif-2.1.0.json"));
  json_object_set_new(root, "version", json_string("2.1.0"));
  json_object_set_new(root, "runs", runs);

  int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(root);
  if (rc == 0 && fputc('\n', out) == EOF) rc = -1;
  if (fflush(out) != 0 || ferror(out)) rc = -1;
  return rc == 0 ? 0 : -1;
}
