package com.example.payments;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Negative file: a receipt logs its amount and a reference. */
public class Receipt {
    private static final Logger LOG = LogManager.getLogger(Receipt.class);
    private final long amountCents;
    private final String reference;

    public Receipt(long amountCents) {
        this.amountCents = amountCents;
        this.reference = java.util.UUID.randomUUID().toString();
        LOG.info("Receipt {} for {} cents", reference, amountCents);
        LOG.traceEntry();
    }
}
