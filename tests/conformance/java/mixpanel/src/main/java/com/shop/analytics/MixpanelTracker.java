package com.shop.analytics;

import com.mixpanel.mixpanelapi.ClientDelivery;
import com.mixpanel.mixpanelapi.MessageBuilder;
import com.mixpanel.mixpanelapi.MixpanelAPI;
import java.io.IOException;
import org.json.JSONObject;

/** Mixpanel messages built with MessageBuilder, delivered in batches. */
public class MixpanelTracker {
    private final MessageBuilder messages = new MessageBuilder(System.getenv("MIXPANEL_TOKEN"));
    private final MixpanelAPI mixpanel = new MixpanelAPI();

    public void profile(String distinctId, String email) throws IOException {
        JSONObject props = new JSONObject();
        props.put("$email", email);
        JSONObject update = messages.set(distinctId, props); // expect: pii-to-third-party user.contact.email
        ClientDelivery delivery = new ClientDelivery();
        delivery.addMessage(update);
        mixpanel.deliver(delivery);
    }

    public void purchase(String distinctId, String city) throws IOException {
        JSONObject props = new JSONObject();
        props.put("city", city);
        mixpanel.sendMessage(messages.event(distinctId, "Purchase", props)); // expect: pii-to-third-party user.contact.address.city
    }

    public void stock(int left) throws IOException {
        JSONObject props = new JSONObject();
        props.put("left", left);
        mixpanel.sendMessage(messages.event("warehouse-1", "Stock Low", props));
    }
}
