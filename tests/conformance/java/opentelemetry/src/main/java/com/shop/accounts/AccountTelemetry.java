package com.shop.accounts;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

/** Spans of the account service, exported by the OpenTelemetry SDK. */
public class AccountTelemetry {
    private static final AttributeKey<String> EMAIL = AttributeKey.stringKey("enduser.email");
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("accounts");

    public void tagCurrent(Account account) {
        Span span = Span.current();
        span.setAttribute("enduser.id", account.getId());
        span.setAttribute(EMAIL, account.getEmail()); // expect: pii-to-third-party user.contact.email
        Span.current().addEvent("account.loaded", Attributes.of(AttributeKey.stringKey("phone"), account.getPhone())); // expect: pii-to-third-party user.contact.phone_number
    }

    public void verify(Account account, String nationalId) {
        Span span = tracer.spanBuilder("account.verify").startSpan();
        try {
            span.setAttribute("verification.national_id", nationalId); // expect: pii-to-third-party user.government_id.national_identification_number
        } finally {
            span.end();
        }
    }
}
