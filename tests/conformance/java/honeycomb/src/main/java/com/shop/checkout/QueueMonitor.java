package com.shop.checkout;

/** Negative file: only the queue's depth is reported. */
public class QueueMonitor {
    private final Honey honey = new Honey(System.getenv("HONEYCOMB_API_KEY"));

    public void tick(int depth) {
        honey.queueDepth(depth);
    }
}
