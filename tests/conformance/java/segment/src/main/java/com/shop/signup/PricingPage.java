package com.shop.signup;

/** Negative file: plan views are anonymous. */
public class PricingPage {
    private final Tracking tracking = new Tracking();

    public void viewed(String plan) {
        tracking.planViewed(plan);
    }
}
