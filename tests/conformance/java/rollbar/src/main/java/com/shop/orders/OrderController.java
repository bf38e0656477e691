package com.shop.orders;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderController {
    private final ErrorReporting errors = new ErrorReporting();

    @PostMapping("/orders")
    public String create(@RequestParam String email, @RequestParam String phone) {
        try {
            return place(phone);
        } catch (IllegalStateException e) {
            errors.orderFailed(e, email, phone);
            return "failed";
        }
    }

    private String place(String phone) {
        if (phone.isEmpty()) {
            throw new IllegalStateException("no phone");
        }
        return "created";
    }
}
