package com.shop.billing;

import com.newrelic.api.agent.Trace;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class InvoiceController {
    private final BillingTelemetry telemetry = new BillingTelemetry();
    private final BatchMetrics metrics = new BatchMetrics();

    @PostMapping("/invoices")
    @Trace(dispatcher = true)
    public String create(@RequestBody Invoice invoice, @RequestParam String phone) {
        telemetry.annotate(invoice);
        telemetry.traceContact(phone);
        metrics.batch(1);
        try {
            return "created";
        } catch (RuntimeException e) {
            telemetry.refundFailed(e, invoice);
            throw e;
        }
    }
}
