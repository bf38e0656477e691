package com.acme.pay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class Receipts {
    private static final Logger LOG = LoggerFactory.getLogger(Receipts.class);

    static String lastFour(String cardNumber) {
        return cardNumber.substring(cardNumber.length() - 4);
    }

    public void receipt(String cardNumber, String email) {
        LOG.info("charged card ending {}", cardNumber.substring(cardNumber.length() - 4));
        LOG.info("charged card ****{}", lastFour(cardNumber));
        LOG.info("receipt sent to {}***", email.substring(0, 2));
        LOG.info("receipt sent to {}", email); // expect: pii-to-log user.contact.email
        LOG.info("card {}", cardNumber.substring(6)); // expect: pii-to-log user.financial.credit_card
        LOG.info("card {}", cardNumber.replaceAll("\\d(?=\\d{4})", "*"));
        LOG.info("mail {}", email.replace("@", "*")); // expect: pii-to-log user.contact.email
    }
}
