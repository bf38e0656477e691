package com.example.payments;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

public class RefundService {
    private final Logger log;

    public RefundService() {
        this.log = LogManager.getFormatterLogger(RefundService.class);
    }

    public void refund(String email, long amountCents) {
        log.info("Refunding %d cents to %s", amountCents, email); // expect: pii-to-log user.contact.email
        log.info("Refund of %d cents queued", amountCents);
        Logger root = LogManager.getRootLogger();
        root.fatal("Refund failed for %s", email); // expect: pii-to-log user.contact.email
    }
}
