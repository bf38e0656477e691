package com.shop.checkout;

import io.opentracing.Span;
import io.opentracing.util.GlobalTracer;

/** Negative file: span tags are counts and fixed labels. */
public class Pricing {

    public long total(int items) {
        Span span = GlobalTracer.get().activeSpan();
        span.setTag("cart.items", items);
        span.setTag("currency", "EUR");
        span.setTag("pricing.version", 3);
        return items * 1250L;
    }
}
