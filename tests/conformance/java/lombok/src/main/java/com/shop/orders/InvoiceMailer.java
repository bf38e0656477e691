package com.shop.orders;

import lombok.extern.log4j.Log4j2;

@Log4j2
public class InvoiceMailer {
    public void mail(Order order) {
        log.info("Mailing invoice to {}", order.getCustomerEmail()); // expect: pii-to-log user.contact.email
        log.info("Invoice for order {} mailed", order.getId());
    }
}
