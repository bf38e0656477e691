package com.example.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

public class AccountService {
    private static final Logger logger = LoggerFactory.getLogger(AccountService.class);
    private final Logger audit = LoggerFactory.getLogger("audit");

    public void register(String email, String phoneNumber) {
        MDC.put("flow", "signup");
        logger.info("Registering {} with phone {}", email, phoneNumber); // expect: pii-to-log user.contact.email user.contact.phone_number
        audit.atInfo() // expect: pii-to-log user.contact.email
            .addKeyValue("email", email)
            .addKeyValue("channel", "web")
            .log("account registered");
        logger.atDebug().addArgument(phoneNumber).log("sms verification sent to {}"); // expect: pii-to-log user.contact.phone_number
        logger.atInfo().addKeyValue("step", 2).log("registration finished");
    }

    public void failed(String ssn, Exception cause) {
        logger.error("Identity check failed for ssn {}", ssn, cause); // expect: pii-to-log user.government_id.national_identification_number
        logger.error("Identity check failed", cause);
    }
}
