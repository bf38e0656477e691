package com.shop.checkout;

import datadog.trace.api.Trace;
import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.util.GlobalTracer;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CheckoutController {
    private final Tracer tracer = GlobalTracer.get();
    private final Pricing pricing = new Pricing();

    @PostMapping("/checkout")
    @Trace(operationName = "checkout.request")
    public String checkout(@RequestBody Customer customer, @RequestParam String shippingAddress, @RequestParam String phone) {
        CheckoutTracing.tagCustomer(customer);
        CheckoutTracing.tagShipping(shippingAddress);
        Span span = tracer.buildSpan("checkout.contact").start();
        span.setTag("customer.phone", phone); // expect: pii-to-third-party user.contact.phone_number
        span.finish();
        return "total=" + pricing.total(3);
    }
}
