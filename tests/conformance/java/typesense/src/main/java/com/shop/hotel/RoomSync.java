package com.shop.hotel;

/** Negative file: room rates. */
public class RoomSync {
    private final GuestSearch search;

    public RoomSync(GuestSearch search) {
        this.search = search;
    }

    public void sync() throws Exception {
        search.indexRoom("101", 120);
        search.indexRoom("102", 80);
    }
}
