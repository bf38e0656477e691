package com.acme.crm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class CustomerAudit {
    private static final Logger log = LoggerFactory.getLogger(CustomerAudit.class);

    public void created(Customer customer, Segment segment) {
        log.info("created {}", customer); // expect: pii-to-log user.government_id.national_identification_number user.demographic.date_of_birth
        log.info("in segment {}", segment);
        log.info("segment of the customer: {}", customer.getSegment());
    }
}
