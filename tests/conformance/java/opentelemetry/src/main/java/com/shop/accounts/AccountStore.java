package com.shop.accounts;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

/** Negative file: database spans carry the system, the table and counts. */
public class AccountStore {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("accounts.db");

    public void save(Account account) {
        Span span = tracer.spanBuilder("db.update").startSpan();
        span.setAttribute("db.system", "postgresql");
        span.setAttribute("db.sql.table", "accounts");
        span.setAttribute("db.rows", 1L);
        span.addEvent("committed");
        span.end();
    }
}
