package com.shop.payments;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PaymentController {
    private final ErrorReporting errors = new ErrorReporting();
    private final Billing billing = new Billing();

    @PostMapping("/pay")
    public String pay(@RequestBody Payer payer, @RequestParam String email) {
        RuntimeException declined = new RuntimeException("declined");
        errors.paymentFailed(declined, payer.getId(), email, payer.getIban());
        billing.declined(declined, payer);
        return "declined";
    }
}
