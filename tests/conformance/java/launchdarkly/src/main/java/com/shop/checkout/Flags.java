package com.shop.checkout;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.LDClient;

/** LaunchDarkly's Java server-side SDK. */
public class Flags {
    private final LDClient client = new LDClient(System.getenv("LAUNCHDARKLY_SDK_KEY"));

    public boolean newCheckout(String key, String fullName) {
        LDContext context = LDContext.builder(key).name(fullName).build();
        return client.boolVariation("new-checkout", context, false); // expect: pii-to-third-party user.name
    }

    public void converted(String key, String fullName) {
        client.track("checkout-completed", LDContext.builder(key).name(fullName).build()); // expect: pii-to-third-party user.name
    }

    public boolean betaPricing(String key, String email) {
        LDContext context = LDContext.builder(key).set("email", email).build();
        return client.boolVariation("beta-pricing", context, false); // expect: pii-to-third-party user.contact.email
    }

    public boolean maintenance() {
        return client.boolVariation("maintenance-mode", LDContext.create("checkout-service"), false);
    }
}
