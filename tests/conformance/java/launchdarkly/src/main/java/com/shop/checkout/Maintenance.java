package com.shop.checkout;

/** Negative file: an operational flag for a service context. */
public class Maintenance {
    private final Flags flags = new Flags();

    public boolean active() {
        return flags.maintenance();
    }
}
