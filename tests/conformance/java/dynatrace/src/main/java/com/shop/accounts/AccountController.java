package com.shop.accounts;

import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccountController {
    private final Tracing tracing = new Tracing();
    private final BuildInfo buildInfo = new BuildInfo();

    @PutMapping("/accounts")
    public String update(@RequestBody Account account, @RequestParam String phone) {
        tracing.tagAccount(account);
        tracing.tagContact(phone);
        buildInfo.tag("2024.06.1");
        return "ok";
    }
}
