package com.shop.billing;

import com.mindscapehq.raygun4java.core.RaygunClient;
import com.mindscapehq.raygun4java.core.messages.RaygunIdentifier;
import java.util.List;
import java.util.Map;

/** raygun4java's client. */
public class ErrorReporting {
    private final RaygunClient raygunClient = new RaygunClient(System.getenv("RAYGUN_API_KEY"));

    public void invoiceFailed(Exception error, String email, String billingAddress) {
        RaygunIdentifier user = new RaygunIdentifier(email);
        raygunClient.setUser(user); // expect: pii-to-third-party user.contact.email
        raygunClient.send(error, List.of("billing"), Map.of("billingAddress", billingAddress)); // expect: pii-to-third-party user.contact.address
    }

    public void providerDown(String name) {
        raygunClient.send(new IllegalStateException(name + " unavailable"), List.of("outage"), Map.of("provider", name));
    }
}
