package com.shop.notify;

/** Negative file: stock alerts to the ops topic. */
public class StockMonitor {
    private final Notifier notifier = new Notifier();

    public void low(String sku, int left) {
        notifier.stockAlert(sku, left);
    }
}
