package com.shop.orders;

import co.elastic.apm.api.ElasticApm;
import co.elastic.apm.api.Transaction;

/** Elastic APM's public API on the current transaction. */
public class OrderApm {

    public void identify(Buyer buyer) {
        Transaction transaction = ElasticApm.currentTransaction();
        transaction.setUser(buyer.getId(), buyer.getEmail(), buyer.getUsername()); // expect: pii-to-third-party user.contact.email user.account.username
        transaction.setLabel("buyer.tier", buyer.getTier());
    }

    public void delivery(String deliveryAddress, String phone) {
        ElasticApm.currentTransaction().addCustomContext("delivery_address", deliveryAddress); // expect: pii-to-third-party user.contact.address
        ElasticApm.currentSpan().setLabel("contact.phone", phone); // expect: pii-to-third-party user.contact.phone_number
    }
}
