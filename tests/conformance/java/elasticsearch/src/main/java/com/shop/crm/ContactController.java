package com.shop.crm;

import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ContactController {
    private final ContactSearch search = new ContactSearch(System.getenv("ELASTIC_URL"));

    @PostMapping("/contacts")
    public String save(@RequestBody Contact contact, @RequestParam String phone) throws IOException {
        search.indexContact(contact);
        search.updatePhone(contact.getId(), phone);
        return "ok";
    }
}
