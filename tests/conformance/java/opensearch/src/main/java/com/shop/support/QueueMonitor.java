package com.shop.support;

import java.io.IOException;

/** Negative file: queue sizes only. */
public class QueueMonitor {
    private final TicketIndex index;

    public QueueMonitor(TicketIndex index) {
        this.index = index;
    }

    public void tick(int open) throws IOException {
        index.indexQueueSize(open);
    }
}
