package com.shop.billing;

/** Negative file: provider outages. */
public class SmtpHealth {
    private final ErrorReporting errors = new ErrorReporting();

    public void down() {
        errors.providerDown("smtp");
    }
}
