package com.acme.crm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CustomerController {
    private static final Logger log = LoggerFactory.getLogger(CustomerController.class);
    private final CustomerRepository customers;
    private final TierRepository tiers;

    public CustomerController(CustomerRepository customers, TierRepository tiers) {
        this.customers = customers;
        this.tiers = tiers;
    }

    @GetMapping("/customers/{id}")
    public Customer get(@PathVariable long id) {
        return customers.findById(id).orElseThrow(); // expect: pii-to-response user.government_id.national_identification_number user.demographic.date_of_birth
    }

    @GetMapping("/customers/{id}/audit")
    public String audit(@PathVariable long id) {
        Customer customer = customers.getReferenceById(id);
        log.info("audited {}", customer); // expect: pii-to-log user.government_id.national_identification_number user.demographic.date_of_birth
        log.info("tier {}", customer.getTier());
        return "ok";
    }

    @GetMapping("/tiers/{code}")
    public Tier tier(@PathVariable String code) {
        Tier tier = tiers.getReferenceById(code);
        log.info("tier looked up {}", tier);
        return tier;
    }
}
