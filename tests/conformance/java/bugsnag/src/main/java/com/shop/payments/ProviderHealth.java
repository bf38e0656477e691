package com.shop.payments;

/** Negative file: provider latency. */
public class ProviderHealth {
    private final ErrorReporting errors = new ErrorReporting();

    public void check(double seconds) {
        if (seconds > 1.0) {
            errors.slow(seconds);
        }
    }
}
