package com.example.accounts;

import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Negative file: checks on personal data, never the data. */
public class VerificationAudit {
    private static final Logger AUDIT = LoggerFactory.getLogger("verification");

    public void audit(SignupRequest req) {
        AUDIT.info("email present: {}", !req.getEmail().isEmpty());
        AUDIT.info("password length: {}", req.getPassword().length());
        AUDIT.debug("email digest: {}", DigestUtils.sha256Hex(req.getEmail()));
        AUDIT.atDebug().addKeyValue("roles", req.getRoles().size()).log("roles checked");
    }
}
