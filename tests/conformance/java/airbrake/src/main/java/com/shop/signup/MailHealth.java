package com.shop.signup;

/** Negative file: provider timeouts. */
public class MailHealth {
    private final ErrorReporting errors = new ErrorReporting();

    public void check(int seconds) {
        if (seconds > 2) {
            errors.timeout(seconds);
        }
    }
}
