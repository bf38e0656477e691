package com.shop.analytics;

/** Negative file: flag exposures for a service account. */
public class FlagReporter {
    private final ProductAnalytics analytics = new ProductAnalytics();

    public void seen(String flag) {
        analytics.flagSeen(flag);
    }
}
