package com.shop.signup;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.TrackMessage;
import java.util.HashMap;
import java.util.Map;

/** Segment's analytics-java client, built once. */
public class Tracking {
    private final Analytics analytics = Analytics.builder(System.getenv("SEGMENT_WRITE_KEY")).build();

    public void identify(String userId, String email, String firstName) {
        Map<String, Object> traits = new HashMap<>();
        traits.put("email", email);
        traits.put("firstName", firstName);
        analytics.enqueue(IdentifyMessage.builder().userId(userId).traits(traits)); // expect: pii-to-third-party user.contact.email user.name.first user.unique_id
    }

    public void signedUp(String userId, String phone) {
        Map<String, Object> props = new HashMap<>();
        props.put("phone", phone);
        analytics.enqueue(TrackMessage.builder("Signed Up").userId(userId).properties(props)); // expect: pii-to-third-party user.contact.phone_number user.unique_id
    }

    public void planViewed(String plan) {
        Map<String, Object> props = new HashMap<>();
        props.put("plan", plan);
        analytics.enqueue(TrackMessage.builder("Plan Viewed").anonymousId("server").properties(props));
    }
}
