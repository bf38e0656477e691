package com.shop.bookings;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class BookingController {
    private final Analytics analytics = new Analytics();

    @PostMapping("/bookings")
    public String book(@RequestParam String userId, @RequestParam String city) {
        analytics.booking(userId, city, 2);
        return "ok";
    }
}
