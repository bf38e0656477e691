package com.shop.orders;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderController {
    private final Mailer mailer = new Mailer();

    @PostMapping("/orders")
    public String placed(@RequestParam String email, @RequestParam String fullName, @RequestParam String phone) throws Exception {
        mailer.sendReceipt(email, fullName);
        mailer.addContact(email, phone);
        return "ok";
    }
}
