package com.shop.analytics;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PurchaseController {
    private final ProductAnalytics analytics = new ProductAnalytics();

    @PostMapping("/purchase")
    public String purchase(@RequestParam String distinctId, @RequestParam String email, @RequestParam String city) {
        analytics.identify(distinctId, email);
        analytics.purchased(distinctId, city);
        return "ok";
    }
}
