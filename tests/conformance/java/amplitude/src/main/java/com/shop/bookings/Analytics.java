package com.shop.bookings;

import com.amplitude.Amplitude;
import com.amplitude.Event;
import org.json.JSONObject;

/** Amplitude's Java SDK: the shared instance. */
public class Analytics {
    private final Amplitude amplitude = Amplitude.getInstance();

    public Analytics() {
        amplitude.init(System.getenv("AMPLITUDE_API_KEY"));
    }

    public void booking(String userId, String city, int nights) {
        Event event = new Event("Booking Made", userId);
        JSONObject props = new JSONObject();
        props.put("nights", nights);
        props.put("city", city);
        event.eventProperties = props;
        amplitude.logEvent(event); // expect: pii-to-third-party user.contact.address.city user.unique_id
    }

    public void inventory(int roomsLeft) {
        Event event = new Event("Inventory Sampled", null, "server-1");
        JSONObject props = new JSONObject();
        props.put("rooms_left", roomsLeft);
        event.eventProperties = props;
        amplitude.logEvent(event);
    }
}
