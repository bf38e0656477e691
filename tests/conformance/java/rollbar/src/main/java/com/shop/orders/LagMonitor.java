package com.shop.orders;

/** Negative file: queue lag warnings. */
public class LagMonitor {
    private final ErrorReporting errors = new ErrorReporting();

    public void check(int seconds) {
        if (seconds > 10) {
            errors.lag(seconds);
        }
    }
}
