package com.shop.checkout;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CheckoutController {
    private final Honey honey = new Honey(System.getenv("HONEYCOMB_API_KEY"));

    @PostMapping("/checkout")
    public String checkout(@RequestBody Order order, @RequestParam String shippingAddress) {
        honey.orderEvent(order, 12L);
        honey.addressCheck(shippingAddress);
        return "ok";
    }
}
