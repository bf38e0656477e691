package com.shop.analytics;

import java.io.IOException;

/** Negative file: warehouse stock events. */
public class Warehouse {
    private final MixpanelTracker tracker = new MixpanelTracker();

    public void low(int left) throws IOException {
        tracker.stock(left);
    }
}
