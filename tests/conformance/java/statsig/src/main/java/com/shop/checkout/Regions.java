package com.shop.checkout;

/** Negative file: a gate for the service itself. */
public class Regions {
    private final Experiments experiments = new Experiments();

    public boolean euEnabled() {
        return experiments.regionEnabled("eu");
    }
}
