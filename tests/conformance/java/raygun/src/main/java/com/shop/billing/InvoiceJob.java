package com.shop.billing;

/** Sends invoices; failures go to Raygun. */
public class InvoiceJob {
    private final ErrorReporting errors = new ErrorReporting();

    public void send(String email, String billingAddress) {
        try {
            throw new IllegalStateException("smtp refused");
        } catch (IllegalStateException e) {
            errors.invoiceFailed(e, email, billingAddress);
        }
    }
}
