package com.shop.checkout;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CheckoutController {
    private final Flags flags = new Flags();

    @PostMapping("/checkout")
    public String checkout(@RequestParam String key, @RequestParam String fullName) {
        if (flags.newCheckout(key, fullName)) {
            flags.converted(key, fullName);
        }
        return "ok";
    }
}
