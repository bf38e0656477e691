package com.shop.support;

import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class TicketController {
    private final TicketIndex index;

    public TicketController(TicketIndex index) {
        this.index = index;
    }

    @PostMapping("/tickets")
    public String create(@RequestParam String id, @RequestParam String subject, @RequestParam String email) throws IOException {
        index.indexTicket(id, subject, email);
        return "created";
    }
}
