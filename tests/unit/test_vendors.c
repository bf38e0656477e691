/* test_vendors.c — the third-party SDK catalogue (analyses/data/models/vendors.tsv):
 * representative SDK calls of every category become third-party sinks with
 * their vendor and data arguments, near-misses do not, the file itself names
 * enough vendors in known categories, and a scan reports the flows. */
#include "check.h"
#include "analyses/scan.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const categories[] = {
    "error-tracking", "analytics", "email",         "payments", "crm",
    "messaging",      "llm",       "observability", "search"};
#define NCATEGORIES (sizeof categories / sizeof *categories)

static int category_index(const char *c) {
  for (size_t i = 0; i < NCATEGORIES; i++)
    if (strcmp(categories[i], c) == 0) return (int)i;
  return -1;
}

typedef struct probe_result {
  int fact, kind, from, to;
  char vendor[64];
} probe_result;

/* Lower nothing: build a unit of lang holding one call "callee(nargs args)"
 * (after a call to def_callee defining its receiver, when given), apply the
 * models and report the facts of the call. */
static probe_result probe_recv(const an_models *m, as_intern *strings, const char *lang,
                               const char *def_callee, const char *callee, int nargs) {
  ir_unit *u = ir_unit_new(strings, "svc/x", lang, "x");
  ir_func *fn = ir_add_func(u, "f", (ir_loc){1, 1});
  const char *args[8];
  for (int i = 0; i < nargs && i < 8; i++) {
    char name[16];
    snprintf(name, sizeof name, "a%d", i);
    args[i] = ir_str(u, name);
  }
  const char *obj = NULL;
  if (def_callee) {
    obj = ir_str(u, "recv");
    ir_emit(u, fn, IR_CALL, 0, obj, NULL, NULL, ir_str(u, def_callee), NULL, NULL, 0,
            (ir_loc){2, 1});
  }
  const char *dot = strrchr(callee, '.');
  if (!obj && dot && strncmp(callee, "new ", 4) != 0) obj = ir_str(u, "recv");
  ir_emit(u, fn, IR_CALL, 0, ir_str(u, "%t1"), obj, NULL, ir_str(u, callee), NULL, args,
          (uint32_t)nargs, (ir_loc){3, 1});
  an_models_apply(m, u);
  const ir_inst *in = &fn->insts[fn->ninsts - 1];
  probe_result r = {in->fact, in->sink_kind, in->fact_from, in->fact_to, ""};
  if (in->fact_vendor) snprintf(r.vendor, sizeof r.vendor, "%s", in->fact_vendor);
  ir_unit_delete(u);
  return r;
}

static probe_result probe(const an_models *m, as_intern *strings, const char *lang,
                          const char *callee, int nargs) {
  return probe_recv(m, strings, lang, NULL, callee, nargs);
}

typedef struct sdk_case {
  const char *lang, *callee; /* the callee as the frontend writes it (mixed case) */
  int nargs;
  const char *vendor, *category;
  int from, to; /* data arguments */
} sdk_case;

/* At least two calls a category, across the languages. */
static const sdk_case cases[] = {
    /* error-tracking */
    {"python", "sentry_sdk.capture_message", 1, "sentry", "error-tracking", 0, 255},
    {"python", "sentry_sdk.set_context", 2, "sentry", "error-tracking", 1, 255},
    {"javascript", "Sentry.captureException", 1, "sentry", "error-tracking", 0, 255},
    {"typescript", "Sentry.setUser", 1, "sentry", "error-tracking", 0, 255},
    {"go", "sentry.CaptureMessage", 1, "sentry", "error-tracking", 0, 255},
    {"java", "Sentry.captureException", 1, "sentry", "error-tracking", 0, 255},
    {"c", "sentry_capture_event", 1, "sentry", "error-tracking", 0, 255},
    {"c", "sentry_value_new_message_event", 3, "sentry", "error-tracking", 2, 255},
    {"c", "sentry_set_extra", 2, "sentry", "error-tracking", 1, 255},
    {"python", "bugsnag.notify", 1, "bugsnag", "error-tracking", 0, 255},
    {"javascript", "Honeybadger.notify", 2, "honeybadger", "error-tracking", 0, 255},
    /* analytics */
    {"python", "analytics.track", 3, "segment", "analytics", 0, 255},
    {"python", "analytics.identify", 2, "segment", "analytics", 0, 255},
    {"python", "posthog.capture", 3, "posthog", "analytics", 0, 255},
    {"python", "mp.people_set", 2, "mixpanel", "analytics", 0, 255},
    {"python", "rudder_analytics.track", 3, "rudderstack", "analytics", 0, 255},
    {"javascript", "mixpanel.track", 2, "mixpanel", "analytics", 0, 255},
    {"javascript", "amplitude.track", 2, "amplitude", "analytics", 0, 255},
    {"typescript", "this.analytics.identify", 1, "segment", "analytics", 0, 255},
    {"javascript", "gtag", 3, "google-analytics", "analytics", 1, 255},
    {"go", "mp.Track", 2, "mixpanel", "analytics", 1, 255},
    {"java", "analytics.enqueue", 1, "segment", "analytics", 0, 255},
    /* email */
    {"python", "sg.send", 1, "sendgrid", "email", 0, 255},
    {"python", "ses_client.send_email", 0, "amazon-ses", "email", 0, 255},
    {"python", "resend.Emails.send", 1, "resend", "email", 0, 255},
    {"python", "postmark.emails.send", 0, "postmark", "email", 0, 255},
    {"javascript", "sgMail.send", 1, "sendgrid", "email", 0, 255},
    {"javascript", "new SendEmailCommand", 1, "amazon-ses", "email", 0, 255},
    {"javascript", "mg.messages.create", 2, "mailgun", "email", 1, 255},
    {"go", "sesClient.SendEmail", 2, "amazon-ses", "email", 1, 255},
    {"java", "sesClient.sendEmail", 1, "amazon-ses", "email", 0, 255},
    /* payments */
    {"python", "stripe.Customer.create", 0, "stripe", "payments", 0, 255},
    {"python", "stripe.checkout.Session.create", 0, "stripe", "payments", 0, 255},
    {"python", "stripe.Customer.modify", 1, "stripe", "payments", 1, 255},
    {"python", "gateway.transaction.sale", 1, "braintree", "payments", 0, 255},
    {"javascript", "stripe.customers.create", 1, "stripe", "payments", 0, 255},
    {"javascript", "this.stripe.customers.update", 2, "stripe", "payments", 1, 255},
    {"javascript", "plaidClient.linkTokenCreate", 1, "plaid", "payments", 0, 255},
    {"go", "sc.V1Customers.Create", 2, "stripe", "payments", 1, 255},
    {"java", "PaymentIntent.create", 1, "stripe", "payments", 0, 255},
    /* crm */
    {"python", "hubspot.crm.contacts.basic_api.create", 0, "hubspot", "crm", 0, 255},
    {"python", "zenpy_client.tickets.create", 1, "zendesk", "crm", 0, 255},
    {"python", "sf.Contact.create", 1, "salesforce", "crm", 0, 255},
    {"python", "client.persons.create_person", 1, "pipedrive", "crm", 0, 255},
    {"javascript", "hubspotClient.crm.contacts.basicApi.create", 1, "hubspot", "crm", 0, 255},
    {"java", "zendesk.createTicket", 1, "zendesk", "crm", 0, 255},
    /* messaging */
    {"python", "twilio_client.messages.create", 0, "twilio", "messaging", 0, 255},
    {"python", "client.chat_postMessage", 0, "slack", "messaging", 0, 255},
    {"javascript", "pusher.trigger", 3, "pusher", "messaging", 2, 255},
    {"javascript", "web.chat.postMessage", 1, "slack", "messaging", 0, 255},
    {"go", "api.PostMessage", 2, "slack", "messaging", 1, 255},
    {"java", "Message.creator", 3, "twilio", "messaging", 0, 255},
    /* llm */
    {"python", "client.chat.completions.create", 0, "openai", "llm", 0, 255},
    {"python", "groq_client.chat.completions.create", 0, "groq", "llm", 0, 255},
    {"python", "anthropic_client.messages.create", 0, "anthropic", "llm", 0, 255},
    {"python", "co.chat", 0, "cohere", "llm", 0, 255},
    {"python", "model.generate_content", 1, "google-gemini", "llm", 0, 255},
    {"python", "client.chat.complete", 0, "mistral", "llm", 0, 255},
    {"javascript", "openai.chat.completions.create", 1, "openai", "llm", 0, 255},
    {"javascript", "anthropic.messages.create", 1, "anthropic", "llm", 0, 255},
    {"javascript", "replicate.run", 2, "replicate", "llm", 1, 255},
    {"go", "client.CreateChatCompletion", 2, "openai", "llm", 1, 255},
    {"java", "client.getChatCompletions", 2, "azure-openai", "llm", 1, 255},
    /* observability */
    {"python", "newrelic.agent.add_custom_attribute", 2, "new-relic", "observability", 1, 255},
    {"javascript", "tracer.setUser", 1, "datadog", "observability", 0, 255},
    {"go", "tracer.SetUser", 3, "datadog", "observability", 1, 255},
    {"java", "NewRelic.addCustomParameter", 2, "new-relic", "observability", 1, 255},
    {"python", "span.set_attribute", 2, "opentelemetry", "observability", 1, 255},
    {"javascript", "span.setAttributes", 1, "opentelemetry", "observability", 0, 255},
    {"go", "span.SetAttributes", 1, "opentelemetry", "observability", 0, 255},
    {"java", "span.setAttribute", 2, "opentelemetry", "observability", 1, 255},
    {"python", "elasticapm.set_user_context", 0, "elastic-apm", "observability", 0, 255},
    {"go", "tx.Context.SetUserEmail", 1, "elastic-apm", "observability", 0, 255},
    {"python", "beeline.add_context_field", 2, "honeycomb", "observability", 1, 255},
    {"java", "oneAgentSdk.addCustomRequestAttribute", 2, "dynatrace", "observability", 1, 255},
    {"python", "root_span.set_tag", 2, "datadog", "observability", 1, 255},
    {"javascript", "datadogRum.setUser", 1, "datadog", "observability", 0, 255},
    /* error-tracking, analytics and email additions */
    {"javascript", "TrackJS.addMetadata", 2, "trackjs", "error-tracking", 1, 255},
    {"javascript", "hj", 3, "hotjar", "analytics", 1, 255},
    {"javascript", "pendo.initialize", 1, "pendo", "analytics", 0, 255},
    {"javascript", "braze.logCustomEvent", 2, "braze", "analytics", 0, 255},
    {"python", "statsig.log_event", 1, "statsig", "analytics", 0, 255},
    {"go", "ldClient.BoolVariation", 3, "launchdarkly", "analytics", 1, 255},
    {"python", "client.lists.add_list_member", 2, "mailchimp", "email", 1, 255},
    {"go", "client.SendMailV31", 1, "mailjet", "email", 0, 255},
    {"python", "sns.publish", 0, "amazon-sns", "messaging", 0, 255},
    {"javascript", "new PublishCommand", 1, "amazon-sns", "messaging", 0, 255},
    {"python", "bedrock_runtime.converse", 0, "aws-bedrock", "llm", 0, 255},
    /* search */
    {"python", "products_index.save_objects", 1, "algolia", "search", 0, 255},
    {"javascript", "index.saveObject", 1, "algolia", "search", 0, 255},
    {"go", "es.Index", 2, "elasticsearch", "search", 1, 255},
    {"java", "esClient.index", 1, "elasticsearch", "search", 0, 255},
    {"go", "osClient.Index", 2, "opensearch", "search", 1, 255},
};

static void test_calls(const an_models *m, as_intern *strings) {
  int per_category[NCATEGORIES] = {0};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const sdk_case *c = &cases[i];
    probe_result r = probe(m, strings, c->lang, c->callee, c->nargs);
    check_count_++;
    if (r.fact != IR_FACT_SINK || r.kind != IR_SINK_THIRD_PARTY || strcmp(r.vendor, c->vendor) ||
        r.from != c->from || r.to != c->to) {
      fprintf(stderr,
              "%s %s: fact %d kind %d vendor '%s' args %d..%d; expected third-party '%s' %d..%d\n",
              c->lang, c->callee, r.fact, r.kind, r.vendor, r.from, r.to, c->vendor, c->from,
              c->to);
      check_failures_++;
    }
    CHECK_STR(an_models_vendor_category(m, c->vendor), c->category);
    int k = category_index(c->category);
    CHECK(k >= 0);
    if (k >= 0) per_category[k]++;
  }
  for (size_t k = 0; k < NCATEGORIES; k++)
    CHECK(per_category[k] >= 2);
  CHECK(an_models_vendor_category(m, "no-such-vendor") == NULL);
}

/* Calls that look like an SDK's but are not. */
static void test_near_misses(const an_models *m, as_intern *strings) {
  static const struct {
    const char *lang, *callee;
  } misses[] = {
      {"python", "track"},
      {"python", "capture"},
      {"python", "create"},
      {"python", "send_email_to_stripe_team"},
      {"python", "notifications.send_email_to_stripe_team"},
      {"python", "tracker.track"},
      {"python", "user.track"},
      {"python", "events.capture"},
      {"python", "stripe_helpers.create"},
      {"python", "analytics_track"},
      {"python", "client.messages.create"}, /* Twilio's and Anthropic's shape: not guessed */
      {"python", "notifier.notify"},        /* airbrake only when made by pybrake.Notifier */
      {"javascript", "track"},
      {"javascript", "capture"},
      {"javascript", "create"},
      {"javascript", "sendEmailToStripeTeam"},
      {"javascript", "events.track"},
      {"typescript", "repo.customers.create"},
      {"go", "Track"},
      {"go", "Create"},
      {"go", "client.Enqueue"},
      {"go", "sendEmailToStripeTeam"},
      {"java", "create"},
      {"java", "order.track"},
      {"java", "sendEmailToStripeTeam"},
      {"c", "capture_event"},
      {"c", "send_email_to_stripe_team"},
      {"c", "sentry_init"},
      {"python", "index.search"},    /* reading an index sends a query, not documents */
      {"python", "settings.update"}, /* a dict's update stays Python's mutate-receiver */
      {"javascript", "element.setAttribute"},
      {"javascript", "span.setAttribute"}, /* bare: also the DOM's; only spans known by their maker */
      {"go", "client.Index"},
      {"java", "list.index"},
  };
  for (size_t i = 0; i < sizeof misses / sizeof *misses; i++) {
    probe_result r = probe(m, strings, misses[i].lang, misses[i].callee, 1);
    check_count_++;
    if ((r.fact == IR_FACT_SINK && r.kind == IR_SINK_THIRD_PARTY) || r.vendor[0]) {
      fprintf(stderr, "%s %s: a third-party sink (vendor '%s'), expected none\n", misses[i].lang,
              misses[i].callee, r.vendor);
      check_failures_++;
    }
  }
  /* Python models go to Python units only: analytics.track in C is nothing. */
  CHECK_INT(probe(m, strings, "c", "analytics.track", 1).fact, IR_FACT_NONE);
  /* The receiver rule: notify on what pybrake.Notifier made is Airbrake's. */
  probe_result r = probe_recv(m, strings, "python", "pybrake.Notifier", "notifier.notify", 1);
  CHECK_INT(r.kind, IR_SINK_THIRD_PARTY);
  CHECK_STR(r.vendor, "airbrake");
  /* Java chains: client.chat().completions().create(p) is <expr>.create on
   * <expr>.completions; the same call on another receiver is nothing. */
  r = probe_recv(m, strings, "java", "<expr>.completions", "<expr>.create", 1);
  CHECK_INT(r.kind, IR_SINK_THIRD_PARTY);
  CHECK_STR(r.vendor, "openai");
  r = probe_recv(m, strings, "java", "client.messages", "<expr>.create", 1);
  CHECK_STR(r.vendor, "anthropic");
  r = probe_recv(m, strings, "java", "client.getCustomersApi", "<expr>.createCustomer", 1);
  CHECK_STR(r.vendor, "square");
  r = probe_recv(m, strings, "java", "gateway.transaction", "<expr>.sale", 1);
  CHECK_STR(r.vendor, "braintree");
  /* Search services are known by the client or index that made the receiver:
   * the same method names on anything else are other calls. */
  r = probe_recv(m, strings, "python", "elasticsearch.Elasticsearch", "client.index", 1);
  CHECK_STR(r.vendor, "elasticsearch");
  r = probe_recv(m, strings, "python", "opensearchpy.OpenSearch", "client.bulk", 1);
  CHECK_STR(r.vendor, "opensearch");
  r = probe_recv(m, strings, "python", "dict", "client.update", 1);
  CHECK(r.kind != IR_SINK_THIRD_PARTY && r.vendor[0] == 0);
  r = probe_recv(m, strings, "go", "client.Index", "<expr>.AddDocuments", 1);
  CHECK_STR(r.vendor, "meilisearch");
  r = probe_recv(m, strings, "javascript", "<expr>.documents", "<expr>.create", 1);
  CHECK_STR(r.vendor, "typesense");
  r = probe_recv(m, strings, "javascript", "trace.getActiveSpan", "span2.setAttribute", 2);
  CHECK_STR(r.vendor, "opentelemetry");
  r = probe_recv(m, strings, "javascript", "document.createElement", "el.setAttribute", 2);
  CHECK(r.kind != IR_SINK_THIRD_PARTY && r.vendor[0] == 0);
  r = probe_recv(m, strings, "python", "libhoney.new_event", "ev.add", 1);
  CHECK_STR(r.vendor, "honeycomb");
  r = probe_recv(m, strings, "python", "set", "seen.add", 1);
  CHECK(r.kind != IR_SINK_THIRD_PARTY && r.vendor[0] == 0);
  r = probe_recv(m, strings, "java", "<expr>.builder", "<expr>.create", 1);
  CHECK(r.kind != IR_SINK_THIRD_PARTY && r.vendor[0] == 0);
  r = probe(m, strings, "java", "<expr>.create", 1);
  CHECK(r.kind != IR_SINK_THIRD_PARTY && r.vendor[0] == 0);
}

/* The file itself: every model is a third-party sink with a lowercase vendor
 * and a known category, one category per vendor, and enough vendors. */
static void test_file(const an_models *dflt) {
  FILE *f = fopen("analyses/data/models/vendors.tsv", "r");
  CHECK(f != NULL);
  if (!f) return;
  char *text = NULL;
  size_t cap = 0, len = 0;
  char line[2048];
  char *vendors[256], *vendor_cat[256];
  size_t nvendors = 0;
  int lineno = 0, models = 0;
  bool seen_lang[5] = {false};
  static const char *const langs[] = {"python", "javascript", "go", "java", "c"};
  while (fgets(line, sizeof line, f)) {
    lineno++;
    size_t n = strlen(line);
    if (len + n + 1 > cap) {
      cap = (len + n + 1) * 2;
      text = realloc(text, cap);
    }
    memcpy(text + len, line, n + 1);
    len += n;
    char *hash = strchr(line, '#');
    if (hash) *hash = 0;
    char *fields[16];
    int nf = 0;
    for (char *t = strtok(line, " \t\r\n"); t && nf < 16; t = strtok(NULL, " \t\r\n"))
      fields[nf++] = t;
    if (nf == 0) continue;
    models++;
    const char *vendor = NULL, *category = NULL;
    for (int i = 3; i < nf; i++) {
      if (strncmp(fields[i], "vendor=", 7) == 0) vendor = fields[i] + 7;
      if (strncmp(fields[i], "category=", 9) == 0) category = fields[i] + 9;
    }
    bool ok = nf >= 5 && strcmp(fields[1], "sink-third-party") == 0 && vendor && category &&
              category_index(category) >= 0;
    for (const char *c = vendor; ok && *c; c++)
      ok = islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '-';
    for (size_t i = 0; i < 5; i++)
      if (strcmp(fields[0], langs[i]) == 0) seen_lang[i] = true;
    check_count_++;
    if (!ok) {
      fprintf(stderr, "vendors.tsv:%d: not 'LANG sink-third-party PATTERN vendor=v category=c'\n",
              lineno);
      check_failures_++;
      continue;
    }
    size_t v = 0;
    while (v < nvendors && strcmp(vendors[v], vendor) != 0)
      v++;
    if (v == nvendors && nvendors < 256) {
      vendors[nvendors] = strdup(vendor);
      vendor_cat[nvendors] = strdup(category);
      nvendors++;
    } else if (v < nvendors && strcmp(vendor_cat[v], category) != 0) {
      fprintf(stderr, "vendors.tsv:%d: %s is '%s' here but '%s' before\n", lineno, vendor, category,
              vendor_cat[v]);
      check_failures_++;
    }
  }
  fclose(f);
  fprintf(stderr, "vendors.tsv: %d models, %zu vendors\n", models, nvendors);
  CHECK(nvendors >= 70);
  for (size_t i = 0; i < 5; i++)
    CHECK(seen_lang[i]);
  /* Every category has vendors, and the built-in models agree with the file. */
  for (size_t k = 0; k < NCATEGORIES; k++) {
    int count = 0;
    for (size_t v = 0; v < nvendors; v++)
      count += strcmp(vendor_cat[v], categories[k]) == 0;
    CHECK(count >= 2);
  }
  for (size_t v = 0; v < nvendors; v++)
    CHECK_STR(an_models_vendor_category(dflt, vendors[v]), vendor_cat[v]);
  /* The file loads on its own. */
  an_models *alone = an_models_new_empty();
  char err[256] = "";
  CHECK_INT(an_models_add_text(alone, text ? text : "", "vendors.tsv", err, sizeof err), 0);
  CHECK((int)an_models_count(alone) >= models);
  an_models_delete(alone);
  for (size_t v = 0; v < nvendors; v++) {
    free(vendors[v]);
    free(vendor_cat[v]);
  }
  free(text);
}

/* ---- end to end ------------------------------------------------------------ */

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
  if (!f) abort();
  fputs(text, f);
  fclose(f);
}

static void test_scan(void) {
  snprintf(root, sizeof root, "/tmp/assay-vendors-XXXXXX");
  if (!mkdtemp(root)) abort();
  write_file("svc/requirements.txt", "segment-analytics-python\nsentry-sdk\n");
  write_file("svc/app/__init__.py", "");
  write_file("svc/app/signup.py",
             "import sentry_sdk\n"
             "import segment.analytics as analytics\n"
             "\n"
             "\n"
             "def register(user, plan):\n"
             "    analytics.track(user.id, \"signup\", {\"email\": user.email})\n" /* 6 */
             "    analytics.track(user.id, \"signup\", {\"plan\": plan})\n"        /* 7: no */
             "    try:\n"
             "        charge(plan)\n"
             "    except ValueError:\n"
             "        sentry_sdk.capture_message(f\"failed for {user.phone}\")\n" /* 11 */
             "    sentry_sdk.capture_message(\"signup done\")\n"                  /* 12: no */
             "\n"
             "\n"
             "def charge(plan):\n"
             "    return plan\n");
  an_catalogue *cat = an_catalogue_new_default();
  an_models *models = an_models_new_default();
  an_scan_options o = {root, NULL, cat, models};
  an_result *res = an_result_new();
  an_scan_info info;
  char err[512];
  CHECK_INT(an_scan(&o, res, &info, err, sizeof err), 0);
  an_result_sort(res);
  as_buf b = {0};
  for (size_t i = 0; i < res->nfindings; i++) {
    const an_finding *f = &res->findings[i];
    as_buf_printf(&b, "%s:%u %s %s\n", f->path, f->line, f->rule_id,
                  f->ncategories ? f->categories[0] : "-");
  }
  CHECK_STR(b.data ? b.data : "",
            "svc/app/signup.py:6 assay/pii-to-third-party user.contact.email\n"
            "svc/app/signup.py:11 assay/pii-to-third-party user.contact.phone_number\n");
  as_buf_free(&b);
  for (size_t i = 0; i < res->nfindings; i++) {
    const an_finding *f = &res->findings[i];
    CHECK_INT(f->sink_kind, IR_SINK_THIRD_PARTY);
    const char *want = f->line == 6 ? "reaches a third party (segment) through analytics.track"
                                    : "reaches a third party (sentry) through "
                                      "sentry_sdk.capture_message";
    check_count_++;
    if (!strstr(f->message, want)) {
      fprintf(stderr, "message '%s' lacks '%s'\n", f->message, want);
      check_failures_++;
    }
  }
  an_result_delete(res);
  an_models_delete(models);
  an_catalogue_delete(cat);
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  if (system(cmd) != 0) abort();
}

int main(void) {
  an_models *m = an_models_new_default();
  as_intern *strings = as_intern_new();
  test_calls(m, strings);
  test_near_misses(m, strings);
  test_file(m);
  as_intern_delete(strings);
  an_models_delete(m);
  test_scan();
  return CHECK_DONE();
}
