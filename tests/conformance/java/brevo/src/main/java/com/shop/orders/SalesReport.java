package com.shop.orders;

/** Negative file: the daily sales report. */
public class SalesReport {
    private final Mailer mailer = new Mailer();

    public void send(int orders) throws Exception {
        mailer.sendReport(orders);
    }
}
