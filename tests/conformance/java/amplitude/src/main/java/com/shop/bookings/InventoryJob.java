package com.shop.bookings;

/** Negative file: inventory samples from the server. */
public class InventoryJob {
    private final Analytics analytics = new Analytics();

    public void run(int roomsLeft) {
        analytics.inventory(roomsLeft);
    }
}
