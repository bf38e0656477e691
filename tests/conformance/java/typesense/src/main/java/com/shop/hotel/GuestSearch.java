package com.shop.hotel;

import java.util.HashMap;
import java.util.Map;
import org.typesense.api.Client;
import org.typesense.api.Configuration;

/** Guests in Typesense (typesense-java). */
public class GuestSearch {
    private final Client client;

    public GuestSearch(Configuration configuration) {
        this.client = new Client(configuration);
    }

    public void indexGuest(String id, String email) throws Exception {
        Map<String, Object> doc = new HashMap<>();
        doc.put("id", id);
        doc.put("email", email);
        client.collections("guests").documents().create(doc); // expect: pii-to-third-party user.contact.email
    }

    public void upsertPhone(String id, String phone) throws Exception {
        Map<String, Object> doc = new HashMap<>();
        doc.put("id", id);
        doc.put("phone", phone);
        client.collections("guests").documents().upsert(doc); // expect: pii-to-third-party user.contact.phone_number
    }

    public void indexRoom(String id, int rate) throws Exception {
        Map<String, Object> doc = new HashMap<>();
        doc.put("id", id);
        doc.put("rate", rate);
        client.collections("rooms").documents().upsert(doc);
    }
}
