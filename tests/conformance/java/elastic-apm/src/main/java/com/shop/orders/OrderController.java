package com.shop.orders;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderController {
    private final OrderApm apm = new OrderApm();
    private final ItemLabels labels = new ItemLabels();

    @PostMapping("/orders")
    public String create(@RequestBody Buyer buyer, @RequestParam String deliveryAddress, @RequestParam String phone) {
        apm.identify(buyer);
        apm.delivery(deliveryAddress, phone);
        labels.count(2);
        return "created";
    }
}
