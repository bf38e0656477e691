package com.shop.analytics;

import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CheckoutController {
    private final MixpanelTracker tracker = new MixpanelTracker();

    @PostMapping("/checkout")
    public String checkout(@RequestParam String distinctId, @RequestParam String email, @RequestParam String city) throws IOException {
        tracker.profile(distinctId, email);
        tracker.purchase(distinctId, city);
        return "ok";
    }
}
