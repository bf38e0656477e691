package com.shop.orders;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

@Slf4j
@RequiredArgsConstructor
public class OrderService {
    private final OrderRepository orders;

    public void place(Order order) {
        log.info("Placing order {} for {}", order.getId(), order.getCustomerEmail()); // expect: pii-to-log user.contact.email
        log.debug("Order has {} lines", order.getLines().size());
        orders.save(order);
        log.info("Shipping to {}", order.getShippingAddress()); // expect: pii-to-log user.contact.address
    }

    public void cancel(Order order, String reason) {
        log.warn("Order {} cancelled: {}", order.getId(), reason);
        log.atInfo().addKeyValue("phone", order.getPhone()).log("cancellation sms"); // expect: pii-to-log user.contact.phone_number
    }
}
