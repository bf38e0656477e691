package com.shop.payments;

import com.bugsnag.Bugsnag;

/** Bugsnag's Java notifier. */
public class ErrorReporting {
    private final Bugsnag bugsnag = new Bugsnag(System.getenv("BUGSNAG_API_KEY"));

    public void paymentFailed(Exception error, String accountId, String email, String iban) {
        bugsnag.notify(new RuntimeException("payment failed for " + email)); // expect: pii-to-third-party user.contact.email
    }

    public void slow(double seconds) {
        bugsnag.notify(new RuntimeException("provider slow: " + seconds + "s"));
    }
}
