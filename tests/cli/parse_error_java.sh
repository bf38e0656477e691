#!/usr/bin/env bash
# parse_error_java.sh — a Java file with a syntax error in one method is
# analysed around it and the scan goes on (exit 0): the error is reported at
# its exact line:col (tree-sitter recovers from "(1 + ;" by inserting ')'
# after the next statement: two diagnostics), the leak in the broken file's
# other method is found at its exact line, and the log call the recovery
# took into the broken statement (line 9) is not analysed. The good file of
# the same service yields its exact findings, one per Java library model
# exercised (log, stdout, file, cookie, external, db-write, exception,
# response), and its sanitised line none; Models.java covers more of
# analyses/data/models/java.tsv the same way.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: parse_error_java.sh ASSAY_BINARY REPO_ROOT}
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-pejava.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"
fail=0

J="$T/src/svc/src/main/java/com/acme"
mkdir -p "$J"
printf '<project/>\n' >"$T/src/svc/pom.xml"
cat >"$J/Broken.java" <<'JAVA'
package com.acme;

class Broken {
    private static final Logger log = LoggerFactory.getLogger(Broken.class);

    void f(Form form) {
        String mail = form.getEmail();
        int x = (1 + ;
        log.info("inside {}", mail);
    }

    void g(Form form) {
        log.warn("signup {}", form.getEmail());
    }
}
JAVA
cat >"$J/Good.java" <<'JAVA'
package com.acme;

public class Good {
    @PostMapping("/signup")
    public Object handle(Form form, HttpServletResponse response) throws Exception {
        String contact = form.getEmail();
        logger.warn("signup {}", contact);
        System.err.println(contact);
        try (PrintWriter out = new PrintWriter("audit.txt")) {
            out.println(contact);
        }
        response.addCookie(new Cookie("who", contact));
        restTemplate.postForObject("https://api.example.com/v1", contact, String.class);
        PreparedStatement ps = conn.prepareStatement("insert into t values (?)");
        ps.setString(1, contact);
        if (contact.endsWith(".invalid")) throw new IllegalStateException("bad " + contact);
        log.info("key {}", DigestUtils.sha256Hex(contact));
        return Map.of("contact", contact);
    }
}
JAVA
cat >"$J/Models.java" <<'JAVA'
package com.acme;

public class Models {
    private static final java.util.logging.Logger LOGGER = java.util.logging.Logger.getLogger("m");

    @GET
    @Path("/m")
    public String all(Form form) throws Exception {
        String mail = form.getEmail();
        LOGGER.severe("m " + mail);
        Files.writeString(Path.of("out.txt"), mail);
        jdbcTemplate.update("insert into t (e) values (?)", mail);
        customerRepo.saveAll(List.of(mail));
        this.em.persist(mail);
        webClient.post().uri("https://x.example.com").bodyValue(mail).retrieve();
        HttpRequest.BodyPublishers.ofString(mail);
        PreparedStatement query = connection.prepareStatement("update t set e = ?");
        query.setObject(1, mail);
        response.addHeader("Set-Cookie", ResponseCookie.from("m", mail).build().toString());
        String masked = redact(mail);
        System.out.printf("%s%n", masked);
        return mail;
    }
}
JAVA

"$ASSAY" scan "$T/src" --format json --output "$T/out.json" 2>"$T/err.txt"
rc=$?
if [ "$rc" -ne 0 ]; then
  echo "FAIL: scan exit $rc (want 0)"; sed 's/^/  | /' "$T/err.txt" | head; fail=1
fi
for want in "assay: svc/src/main/java/com/acme/Broken.java:8:22: parse-error: syntax error near ';'; the rest of the file is analysed" \
  "assay: svc/src/main/java/com/acme/Broken.java:9:36: parse-error: missing ')'; the rest of the file is analysed"; do
  if ! grep -qxF "$want" "$T/err.txt"; then
    echo "FAIL: stderr lacks: $want"; sed 's/^/  | /' "$T/err.txt"
    fail=1
  fi
done

python3 - "$T/out.json" <<'PYEOF' || fail=1
import json, sys
out = json.load(open(sys.argv[1]))
ok = True
broken = "svc/src/main/java/com/acme/Broken.java"
got_d = [(d["file"], d["line"], d["col"], d["code"], d["message"]) for d in out.get("diagnostics", [])
         if d["code"] == "parse-error"]
want_d = [(broken, 8, 22, "parse-error", "syntax error near ';'; the rest of the file is analysed"),
          (broken, 9, 36, "parse-error", "missing ')'; the rest of the file is analysed")]
if got_d != want_d:
    print("FAIL: diagnostics %r, want %r" % (got_d, want_d))
    ok = False
good = "svc/src/main/java/com/acme/Good.java"
models = "svc/src/main/java/com/acme/Models.java"
want = sorted([
    (broken, 13, "log"),
    (good, 7, "log"), (good, 8, "stdout"), (good, 10, "file"), (good, 12, "cookie"),
    (good, 13, "external"), (good, 15, "db-write"), (good, 16, "exception"),
    (good, 18, "response"),
    (models, 10, "log"), (models, 11, "file"), (models, 12, "db-write"),
    (models, 13, "db-write"), (models, 14, "db-write"), (models, 15, "external"),
    (models, 16, "external"), (models, 18, "db-write"), (models, 19, "cookie"),
    (models, 22, "response"),
])
got = sorted((f["file"], f["line"], f["sink"]) for f in out.get("findings", []))
cats = set(c for f in out.get("findings", []) for c in f["categories"])
if got != want:
    print("FAIL: findings\n  got  %r\n  want %r" % (got, want))
    ok = False
if cats != {"user.contact.email"}:
    print("FAIL: categories %r" % sorted(cats))
    ok = False
if ok:
    print("ok   java parse errors reported; %d findings of the broken and good files" % len(got))
sys.exit(0 if ok else 1)
PYEOF

exit $fail
