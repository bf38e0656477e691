package com.shop.notify;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class VerifyController {
    private final Notifier notifier = new Notifier();

    @PostMapping("/verify")
    public String verify(@RequestParam String phone, @RequestParam String orderId, @RequestParam String email) {
        notifier.smsCode(phone, "123456");
        notifier.orderPlaced(orderId, email);
        return "sent";
    }
}
