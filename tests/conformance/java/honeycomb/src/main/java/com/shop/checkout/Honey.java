package com.shop.checkout;

import io.honeycomb.libhoney.Event;
import io.honeycomb.libhoney.HoneyClient;
import io.honeycomb.libhoney.LibHoney;
import java.util.Map;

/** Wide events to Honeycomb with libhoney-java. */
public class Honey {
    private final HoneyClient honeyClient;

    public Honey(String writeKey) {
        this.honeyClient = LibHoney.create(LibHoney.options().setWriteKey(writeKey).setDataset("checkout").build());
    }

    public void orderEvent(Order order, long durationMs) {
        Event event = honeyClient.createEvent();
        event.addField("duration_ms", durationMs);
        event.addField("customer.email", order.getEmail()); // expect: pii-to-third-party user.contact.email
        event.addFields(Map.of("customer.phone", order.getPhone())); // expect: pii-to-third-party user.contact.phone_number
        event.send();
    }

    public void addressCheck(String shippingAddress) {
        honeyClient.send(Map.of("shipping.address", shippingAddress)); // expect: pii-to-third-party user.contact.address
    }

    public void queueDepth(int depth) {
        Event event = honeyClient.createEvent();
        event.addField("queue.depth", depth);
        event.addField("queue", "orders");
        event.send();
    }
}
