package com.shop.billing;

import com.newrelic.api.agent.NewRelic;
import java.util.HashMap;
import java.util.Map;

/** Custom attributes and events sent with the New Relic Java agent API. */
public class BillingTelemetry {

    public void annotate(Invoice invoice) {
        NewRelic.addCustomParameter("invoice.total", invoice.getTotal());
        NewRelic.addCustomParameter("customer.email", invoice.getEmail()); // expect: pii-to-third-party user.contact.email
        NewRelic.setUserId(invoice.getEmail()); // expect: pii-to-third-party user.contact.email
    }

    public void refundFailed(Throwable error, Invoice invoice) {
        Map<String, String> params = new HashMap<>();
        params.put("iban", invoice.getIban());
        NewRelic.noticeError(error, params); // expect: pii-to-third-party user.financial.bank_account
    }

    public void traceContact(String phone) {
        NewRelic.getAgent().getTracedMethod().addCustomAttribute("contact.phone", phone); // expect: pii-to-third-party user.contact.phone_number
    }
}
