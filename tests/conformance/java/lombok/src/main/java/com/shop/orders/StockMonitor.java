package com.shop.orders;

import lombok.extern.slf4j.Slf4j;

/** Negative file: stock levels are not personal. */
@Slf4j
public class StockMonitor {
    public void check(String sku, int onHand, int reserved) {
        log.info("SKU {} on hand {} reserved {}", sku, onHand, reserved);
        if (onHand < reserved) {
            log.warn("SKU {} oversold by {}", sku, reserved - onHand);
        }
    }
}
