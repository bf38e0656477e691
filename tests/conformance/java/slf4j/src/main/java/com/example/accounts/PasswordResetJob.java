package com.example.accounts;

import java.util.List;

import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Negative file: what is logged are counts, durations and digests. */
public class PasswordResetJob {
    private static final Logger JOB_LOG = LoggerFactory.getLogger(PasswordResetJob.class);

    public void run(List<SignupRequest> pending, long startedAt) {
        JOB_LOG.info("Resetting {} passwords", pending.size());
        for (SignupRequest r : pending) {
            JOB_LOG.debug("reset for {}", DigestUtils.sha256Hex(r.getEmail()));
            JOB_LOG.debug("has phone: {}", r.getPhoneNumber() != null);
        }
        JOB_LOG.atInfo().addKeyValue("tookMs", System.currentTimeMillis() - startedAt).log("reset done");
    }
}
