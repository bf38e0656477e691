package com.shop.hotel;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class BookingController {
    private final GuestSearch search;

    public BookingController(GuestSearch search) {
        this.search = search;
    }

    @PostMapping("/bookings")
    public String book(@RequestParam String guestId, @RequestParam String email, @RequestParam String phone) throws Exception {
        search.indexGuest(guestId, email);
        search.upsertPhone(guestId, phone);
        return "booked";
    }
}
