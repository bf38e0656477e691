package com.shop.checkout;

import io.opentracing.Span;
import io.opentracing.util.GlobalTracer;

/** Tags the active span of a request (dd-java-agent with the OpenTracing API). */
public final class CheckoutTracing {

    private CheckoutTracing() {}

    public static void tagCustomer(Customer customer) {
        Span span = GlobalTracer.get().activeSpan();
        if (span == null) {
            return;
        }
        span.setTag("customer.id", customer.getId());
        span.setTag("customer.email", customer.getEmail()); // expect: pii-to-third-party user.contact.email
    }

    public static void tagShipping(String shippingAddress) {
        GlobalTracer.get().activeSpan().setTag("shipping.address", shippingAddress); // expect: pii-to-third-party user.contact.address
    }
}
