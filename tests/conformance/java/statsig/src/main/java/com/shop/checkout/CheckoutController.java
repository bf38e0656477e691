package com.shop.checkout;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CheckoutController {
    private final Experiments experiments = new Experiments();

    @PostMapping("/checkout")
    public String checkout(@RequestParam String userId, @RequestParam String email, @RequestParam String city) {
        if (experiments.seesNewPricing(userId, email)) {
            experiments.purchased(userId, 42.0, city);
        }
        return "ok";
    }
}
