/* test_catalogue.c — word splitting, the built-in catalogue, user rules and
 * the errors of malformed catalogue text. */
#include "analyses/catalogue.h"
#include "check.h"

#include <stdlib.h>

/* The words of name joined by single spaces (a static buffer). */
static const char *split(const char *name) {
  static char out[512];
  char *words[32];
  size_t n = an_split_words(name, words, 32);
  out[0] = 0;
  for (size_t i = 0; i < n; i++) {
    if (i) strcat(out, " ");
    strcat(out, words[i]);
    free(words[i]);
  }
  return out;
}

static void test_split(void) {
  CHECK_STR(split("user_email"), "user email");
  CHECK_STR(split("userEmailAddr"), "user email addr");
  CHECK_STR(split("UserEmail"), "user email");
  CHECK_STR(split("user-email"), "user email");
  CHECK_STR(split("USER_EMAIL"), "user email");
  CHECK_STR(split("SSN_number"), "ssn number");
  CHECK_STR(split("HTTPServerName"), "http server name");
  CHECK_STR(split("parseHTTPResponse"), "parse http response");
  CHECK_STR(split("userIDs"), "user ids");
  CHECK_STR(split("address2"), "address 2");
  CHECK_STR(split("ipv4Address"), "ipv 4 address");
  CHECK_STR(split("cvv2"), "cvv 2");
  CHECK_STR(split("x2y"), "x 2 y");
  CHECK_STR(split("request.headers.x-forwarded-for"), "request headers x forwarded for");
  CHECK_STR(split("__init__"), "init");
  CHECK_STR(split("entry->user_email"), "entry user email");
  CHECK_STR(split(""), "");
  CHECK_STR(split("--"), "");
  CHECK_STR(split("filename"), "filename");

  /* at most max words are written */
  char *words[2];
  CHECK_INT(an_split_words("a_b_c_d", words, 2), 2);
  CHECK_STR(words[0], "a");
  CHECK_STR(words[1], "b");
  free(words[0]);
  free(words[1]);
}

static void test_builtin(void) {
  an_catalogue *c = an_catalogue_new_default();
  CHECK(an_catalogue_pattern_count(c) >= 60);
  static const struct {
    const char *name, *category;
  } cases[] = {
      /* contact */
      {"email", "user.contact.email"},
      {"userEmail", "user.contact.email"},
      {"user_email", "user.contact.email"},
      {"EMAIL_ADDRESS", "user.contact.email"},
      {"e-mail", "user.contact.email"},
      {"phone", "user.contact.phone_number"},
      {"phoneNumber", "user.contact.phone_number"},
      {"mobile_number", "user.contact.phone_number"},
      {"msisdn", "user.contact.phone_number"},
      {"street_address", "user.contact.address.street"},
      {"addressLine1", "user.contact.address.street"},
      {"billing_address", "user.contact.address"},
      {"city", "user.contact.address.city"},
      {"zipCode", "user.contact.address.postal_code"},
      {"postal_code", "user.contact.address.postal_code"},
      {"country", "user.contact.address.country"},
      /* names */
      {"first_name", "user.name.first"},
      {"lastName", "user.name.last"},
      {"surname", "user.name.last"},
      {"fullName", "user.name"},
      {"username", "user.account.username"},
      /* government ids */
      {"SSN", "user.government_id.national_identification_number"},
      {"social_security_number", "user.government_id.national_identification_number"},
      {"passportNumber", "user.government_id.passport_number"},
      {"drivers_license", "user.government_id.drivers_license_number"},
      /* financial */
      {"iban", "user.financial.bank_account"},
      {"bank_account_number", "user.financial.bank_account"},
      {"card_number", "user.financial.credit_card"},
      {"cardNumber", "user.financial.credit_card"},
      {"cvv2", "user.financial.credit_card"},
      /* health */
      {"diagnosis", "user.health_and_medical"},
      {"medical_record_number", "user.health_and_medical.record_id"},
      {"bloodType", "user.health_and_medical"},
      /* location */
      {"lat", "user.location.precise"},
      {"longitude", "user.location.precise"},
      {"gps_position", "user.location.precise"},
      /* demographic */
      {"date_of_birth", "user.demographic.date_of_birth"},
      {"dob", "user.demographic.date_of_birth"},
      {"birthDate", "user.demographic.date_of_birth"},
      /* credentials */
      {"password", "user.authorization.password"},
      {"api_key", "user.authorization.credentials"},
      {"accessToken", "user.authorization.credentials"},
      {"client_secret", "user.authorization.credentials"},
      /* online identifiers */
      {"ip_address", "user.device.ip_address"},
      {"remoteAddr", "user.device.ip_address"},
      {"ipv4", "user.device.ip_address"},
      {"ipv4_address", "user.device.ip_address"},
      {"mac_address", "user.device.device_id"},
      {"deviceId", "user.device.device_id"},
      {"user_agent", "user.device"},
      {"user_id", "user.unique_id"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *got = an_catalogue_classify(c, cases[i].name);
    if (!got || strcmp(got, cases[i].category) != 0)
      fprintf(stderr, "  classify(\"%s\")\n", cases[i].name);
    CHECK_STR(got, cases[i].category);
  }
  static const char *const none[] = {
      "passwordHash",
      "password_hash",
      "email_template",
      "emailEnabled",
      "user_id_hash",
      "filename",
      "hostname",
      "count",
      "name",
      "token",
      "ip_version",
      "card_type",
      "zip_file",
      "memory_address",
      "phone_prefix",
      "token_type",
      "access_token_type",
      "isMobile",
      "",
      "__",
  };
  for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
    const char *got = an_catalogue_classify(c, none[i]);
    if (got) fprintf(stderr, "  classify(\"%s\") == \"%s\", expected NULL\n", none[i], got);
    CHECK(got == NULL);
  }
  /* a name longer than the classifier's stack buffers */
  char longname[400];
  memset(longname, 'x', sizeof longname);
  memcpy(longname + 300, "_credit_card_", 13);
  longname[sizeof longname - 1] = 0;
  CHECK_STR(an_catalogue_classify(c, longname), "user.financial.credit_card");
  an_catalogue_delete(c);
}

static void test_precedence(void) {
  an_catalogue *c = an_catalogue_new_empty();
  char err[256] = "";
  CHECK_INT(an_catalogue_classify(c, "email") == NULL, 1);
  CHECK_INT(an_catalogue_pattern_count(c), 0);
  const char *text = "# a comment line\n"
                     "pattern\tcard\tuser.financial\n"
                     "pattern\tcredit card\tuser.financial.credit_card   # trailing comment\n"
                     "pattern\tholder\tuser.name\n"
                     "\n"
                     "pattern\tcard\t\tuser.payment\r\n"
                     "pattern\tcvv\tuser.financial.credit_card\n";
  CHECK_INT(an_catalogue_add_text(c, text, "t.tsv", err, sizeof err), 0);
  CHECK_INT(an_catalogue_pattern_count(c), 5);
  /* most words wins, wherever it is in the name */
  CHECK_STR(an_catalogue_classify(c, "holderCreditCard"), "user.financial.credit_card");
  /* tie on word count: the earliest line wins */
  CHECK_STR(an_catalogue_classify(c, "card"), "user.financial");
  CHECK_STR(an_catalogue_classify(c, "card_holder"), "user.financial");
  CHECK_STR(an_catalogue_classify(c, "holder_card"), "user.financial");
  /* words must be consecutive and whole */
  CHECK(an_catalogue_classify(c, "credit_score_card") != NULL);
  CHECK_STR(an_catalogue_classify(c, "credit_score_card"), "user.financial");
  CHECK(an_catalogue_classify(c, "cards") == NULL);
  CHECK(an_catalogue_classify(c, "discard") == NULL);
  an_catalogue_delete(c);
}

static void test_user_extension(void) {
  an_catalogue *c = an_catalogue_new_default();
  size_t before = an_catalogue_pattern_count(c);
  char err[256] = "";
  CHECK(an_catalogue_classify(c, "loyaltyNumber") == NULL);
  CHECK_STR(an_catalogue_classify(c, "email_draft"), "user.contact.email");
  CHECK_STR(an_catalogue_classify(c, "employeeSsn"),
            "user.government_id.national_identification_number");
  const char *text = "pattern\tloyalty number\tuser.unique_id\n"
                     "pattern\temployeeSSN\tuser.custom.employee_ssn\n"
                     "exclude\temail draft\n";
  CHECK_INT(an_catalogue_add_text(c, text, "policy.yml", err, sizeof err), 0);
  CHECK_INT(an_catalogue_pattern_count(c), before + 2);
  CHECK_STR(an_catalogue_classify(c, "loyaltyNumber"), "user.unique_id");
  CHECK_STR(an_catalogue_classify(c, "customer_loyalty_number"), "user.unique_id");
  /* the user's two-word pattern beats the built-in one-word "ssn" */
  CHECK_STR(an_catalogue_classify(c, "employee_ssn"), "user.custom.employee_ssn");
  /* the exclusion wins over the built-in "email" */
  CHECK(an_catalogue_classify(c, "email_draft") == NULL);
  CHECK(an_catalogue_classify(c, "emailDraftId") == NULL);
  CHECK_STR(an_catalogue_classify(c, "email"), "user.contact.email");

  /* from a file */
  char path[] = "/tmp/assay-test-catalogue-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fputs("pattern\tbadge number\tuser.unique_id\n", f);
  fclose(f);
  CHECK_INT(an_catalogue_add_file(c, path, err, sizeof err), 0);
  CHECK_STR(an_catalogue_classify(c, "badgeNumber"), "user.unique_id");
  remove(path);
  CHECK_INT(an_catalogue_add_file(c, "/nonexistent/cat.tsv", err, sizeof err), -1);
  CHECK_STR(err, "/nonexistent/cat.tsv: No such file or directory");
  an_catalogue_delete(c);
}

static void test_errors(void) {
  static const struct {
    const char *text, *message;
  } cases[] = {
      {"pattern\temail\tuser.contact.email\nmatch\temail\n", "u.tsv:2: unknown directive 'match'"},
      {"pattern\temail\n", "u.tsv:1: missing category"},
      {"# c\n\npattern\n", "u.tsv:3: missing words"},
      {"exclude\n", "u.tsv:1: missing words"},
      {"pattern\t--\tuser.contact.email\n", "u.tsv:1: empty words '--'"},
      {"exclude\t__\n", "u.tsv:1: empty words '__'"},
      {"pattern\temail\tUser.Contact\n",
       "u.tsv:1: bad category 'User.Contact' (expected a dotted lowercase name like "
       "user.contact.email)"},
      {"pattern\temail\temail\n",
       "u.tsv:1: bad category 'email' (expected a dotted lowercase name like user.contact.email)"},
      {"pattern\temail\tuser..email\n",
       "u.tsv:1: bad category 'user..email' (expected a dotted lowercase name like "
       "user.contact.email)"},
      {"pattern\temail\tuser.contact.email\textra\n",
       "u.tsv:1: too many fields (pattern WORDS CATEGORY)"},
      {"exclude\temail\tuser.contact.email\n", "u.tsv:1: too many fields (exclude WORDS)"},
      {"pattern email user.contact.email\n", "u.tsv:1: fields must be separated by tabs"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    an_catalogue *c = an_catalogue_new_empty();
    char err[256] = "";
    CHECK_INT(an_catalogue_add_text(c, cases[i].text, "u.tsv", err, sizeof err), -1);
    CHECK_STR(err, cases[i].message);
    /* nothing is added, not even the valid lines before the bad one */
    CHECK_INT(an_catalogue_pattern_count(c), 0);
    CHECK(an_catalogue_classify(c, "email") == NULL);
    an_catalogue_delete(c);
  }
  /* a failed text leaves an existing catalogue as it was */
  an_catalogue *c = an_catalogue_new_default();
  size_t before = an_catalogue_pattern_count(c);
  char err[64];
  CHECK_INT(an_catalogue_add_text(c, "exclude\temail\nbogus\n", "x", err, sizeof err), -1);
  CHECK_STR(err, "x:2: unknown directive 'bogus'");
  CHECK_INT(an_catalogue_pattern_count(c), before);
  CHECK_STR(an_catalogue_classify(c, "email"), "user.contact.email");
  /* a short buffer truncates, and NULL err is allowed */
  char tiny[8];
  CHECK_INT(an_catalogue_add_text(c, "bogus\n", "origin", tiny, sizeof tiny), -1);
  CHECK_STR(tiny, "origin:");
  CHECK_INT(an_catalogue_add_text(c, "bogus\n", "origin", NULL, 0), -1);
  an_catalogue_delete(c);
  an_catalogue_delete(NULL);
}

int main(void) {
  test_split();
  test_builtin();
  test_precedence();
  test_user_extension();
  test_errors();
  return CHECK_DONE();
}
