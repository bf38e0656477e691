package com.shop.marketplace;

import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SellerController {
    private final SellerSearch search = new SellerSearch();
    private final ListingSearch listings = new ListingSearch();

    @PutMapping("/sellers")
    public String update(@RequestParam String id, @RequestParam String email, @RequestParam String phone) {
        search.indexSeller(id, email);
        search.updatePhone(id, phone);
        listings.reindex();
        return "ok";
    }
}
