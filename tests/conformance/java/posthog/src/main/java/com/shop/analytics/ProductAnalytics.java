package com.shop.analytics;

import com.posthog.java.PostHog;
import java.util.HashMap;
import java.util.Map;

/** PostHog's Java client. */
public class ProductAnalytics {
    private final PostHog posthog = new PostHog.Builder(System.getenv("POSTHOG_API_KEY")).host("https://eu.i.posthog.com").build();

    public void identify(String distinctId, String email) {
        Map<String, Object> props = new HashMap<>();
        props.put("email", email);
        posthog.identify(distinctId, props); // expect: pii-to-third-party user.contact.email
    }

    public void purchased(String distinctId, String city) {
        Map<String, Object> props = new HashMap<>();
        props.put("city", city);
        posthog.capture(distinctId, "purchase completed", props); // expect: pii-to-third-party user.contact.address.city
    }

    public void flagSeen(String flag) {
        Map<String, Object> props = new HashMap<>();
        props.put("$feature_flag", flag);
        posthog.capture("service-account", "$feature_flag_called", props);
    }
}
