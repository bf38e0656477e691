/* test_link.c — the link module's name rules: route templates of every
 * framework normalise to one form, request field names compare across
 * naming conventions. (Matching itself is tested end to end on the corpora:
 * tests/cli/mesh.sh and tests/cli/link_ambiguous.sh.) */
#include "analyses/link.h"
#include "check.h"

static const char *norm(const char *p) {
  static char out[256];
  an_link_normalise_path(p, out, sizeof out);
  return out;
}

int main(void) {
  CHECK_STR(norm("/users/<int:user_id>"), "/users/{}"); /* Flask */
  CHECK_STR(norm("/users/<user_id>/card/"), "/users/{}/card");
  CHECK_STR(norm("/users/:id"), "/users/{}");  /* Express */
  CHECK_STR(norm("/users/{id}"), "/users/{}"); /* Spring, FastAPI, Go 1.22 */
  CHECK_STR(norm("/files/{path...}"), "/files/{}");
  CHECK_STR(norm("/users/{}?expand=1"), "/users/{}"); /* a client's query string */
  CHECK_STR(norm("users//list/"), "/users/list");
  CHECK_STR(norm("/"), "/");
  CHECK_STR(norm(""), "/");
  CHECK_STR(norm("/a:b/c"), "/a:b/c"); /* ':' inside a segment is literal */
  char tiny[4];
  an_link_normalise_path("/users/long", tiny, sizeof tiny);
  CHECK(strlen(tiny) < sizeof tiny);

  CHECK(an_link_same_key("card_number", "cardNumber"));
  CHECK(an_link_same_key("CardNumber", "card-number"));
  CHECK(an_link_same_key("Email", "email"));
  CHECK(!an_link_same_key("email", "emails"));
  CHECK(!an_link_same_key("e_mail2", "email"));
  CHECK(!an_link_same_key(NULL, "email"));
  CHECK(an_link_same_key("_id", "id"));

  CHECK_STR(an_protocol_name(AN_PROTO_GRPC), "grpc");
  CHECK_STR(an_link_state_name(AN_LINK_AMBIGUOUS), "ambiguous");
  CHECK(an_links_nclients(NULL) == 0 && an_links_nendpoints(NULL) == 0);
  an_links_delete(NULL);
  return CHECK_DONE();
}
