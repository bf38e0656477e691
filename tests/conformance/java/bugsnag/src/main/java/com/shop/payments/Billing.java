package com.shop.payments;

import com.bugsnag.Bugsnag;
import com.bugsnag.Report;

/** Reports carry who was billed. */
public class Billing {
    private final Bugsnag bugsnag = new Bugsnag(System.getenv("BUGSNAG_API_KEY"));

    public void declined(Exception error, Payer payer) {
        bugsnag.notify(error, (Report report) -> {
            report.setUser(payer.getId(), payer.getEmail(), payer.getName()); // expect: pii-to-third-party user.contact.email
            report.addToTab("billing", "iban", payer.getIban()); // expect: pii-to-third-party user.financial.bank_account
            return true;
        });
    }
}
