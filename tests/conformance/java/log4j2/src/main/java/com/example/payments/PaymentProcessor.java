package com.example.payments;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

public class PaymentProcessor {
    private static final Logger logger = LogManager.getLogger();
    private static final Logger FRAUD = LogManager.getLogger("fraud");

    public Receipt charge(Payment payment) {
        logger.info("Charging {} cents", payment.getAmountCents());
        logger.debug("Card number {}", payment.getCardNumber()); // expect: pii-to-log user.financial.credit_card
        if (payment.getCvv() == null) {
            logger.error("Missing CVV for card holder {}", payment.getCardholderName()); // expect: pii-to-log user.name
        }
        FRAUD.log(Level.WARN, "Risky payment from {}", payment.getBillingAddress()); // expect: pii-to-log user.contact.address
        FRAUD.printf(Level.INFO, "iban=%s", payment.getIban()); // expect: pii-to-log user.financial.bank_account
        logger.atWarn().withThrowable(new IllegalStateException("declined")).log("Declined card {}", payment.getCardNumber()); // expect: pii-to-log user.financial.credit_card
        logger.info("Payment processed");
        return new Receipt(payment.getAmountCents());
    }
}
