package com.shop.accounts;

import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import io.sentry.protocol.User;

/** Sends failures to Sentry with who was affected. */
public class ErrorReporter {

    public static void init(String dsn) {
        Sentry.init(options -> {
            options.setDsn(dsn);
            options.setTracesSampleRate(0.2);
        });
    }

    public void signupFailed(Customer customer, Exception error) {
        User user = new User();
        user.setEmail(customer.getEmail());
        user.setUsername(customer.getUsername());
        Sentry.setUser(user); // expect: pii-to-third-party user.contact.email user.account.username
        Sentry.setExtra("phone", customer.getPhone()); // expect: pii-to-third-party user.contact.phone_number
        Sentry.captureException(error);
    }

    public void paymentFailed(Customer customer, String reason) {
        Sentry.withScope(scope -> {
            scope.setTag("plan", customer.getPlan());
            scope.setExtra("billing_address", customer.getBillingAddress()); // expect: pii-to-third-party user.contact.address
            Sentry.captureMessage("payment failed for " + customer.getEmail(), SentryLevel.ERROR); // expect: pii-to-third-party user.contact.email
        });
    }

    public void trail(Customer customer) {
        Breadcrumb crumb = new Breadcrumb();
        crumb.setCategory("auth");
        crumb.setMessage("login " + customer.getEmail());
        Sentry.addBreadcrumb(crumb); // expect: pii-to-third-party user.contact.email
    }
}
