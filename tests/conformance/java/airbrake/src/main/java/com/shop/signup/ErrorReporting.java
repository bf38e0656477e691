package com.shop.signup;

import io.airbrake.javabrake.Config;
import io.airbrake.javabrake.Notifier;

/** javabrake's notifier. */
public class ErrorReporting {
    private final Notifier notifier;

    public ErrorReporting() {
        Config config = new Config();
        config.projectId = Integer.parseInt(System.getenv("AIRBRAKE_PROJECT_ID"));
        config.projectKey = System.getenv("AIRBRAKE_PROJECT_KEY");
        this.notifier = new Notifier(config);
    }

    public void signupFailed(String email) {
        notifier.report(new IllegalStateException("signup rejected for " + email)); // expect: pii-to-third-party user.contact.email
    }

    public void timeout(int seconds) {
        notifier.report(new IllegalStateException("mail provider took " + seconds + "s"));
    }
}
