package com.shop.checkout;

import com.statsig.sdk.Statsig;
import com.statsig.sdk.StatsigUser;
import java.util.Map;

/** Statsig's Java server SDK. */
public class Experiments {

    public boolean seesNewPricing(String userId, String email) {
        StatsigUser user = new StatsigUser(userId);
        user.setEmail(email);
        return Statsig.checkGateSync(user, "new_pricing"); // expect: pii-to-third-party user.contact.email user.unique_id
    }

    public void purchased(String userId, double total, String city) {
        StatsigUser user = new StatsigUser(userId);
        Statsig.logEvent(user, "purchase", total, Map.of("city", city)); // expect: pii-to-third-party user.contact.address.city user.unique_id
    }

    public boolean regionEnabled(String region) {
        StatsigUser service = new StatsigUser("checkout-service");
        return Statsig.checkGateSync(service, "region_" + region);
    }
}
