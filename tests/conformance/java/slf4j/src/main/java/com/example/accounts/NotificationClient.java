package com.example.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class NotificationClient {
    private final Logger trace;
    private final String endpoint;

    public NotificationClient(String endpoint) {
        this.endpoint = endpoint;
        this.trace = LoggerFactory.getLogger(getClass());
    }

    public void sendWelcome(Customer customer) {
        trace.trace("POST {} for {}", endpoint, customer.getFirstName()); // expect: pii-to-log user.name.first
        trace.info("welcome mail queued for customer {}", customer.getCustomerId()); // expect: pii-to-log user.unique_id
        if (customer.getDateOfBirth() == null) {
            trace.warn("customer {} {} has no birth date", customer.getFirstName(), customer.getLastName()); // expect: pii-to-log user.name.first user.name.last
        }
    }

    public static class Customer {
        private String firstName;
        private String lastName;
        private String customerId;
        private String dateOfBirth;

        public String getFirstName() { return firstName; }
        public String getLastName() { return lastName; }
        public String getCustomerId() { return customerId; }
        public String getDateOfBirth() { return dateOfBirth; }
    }
}
