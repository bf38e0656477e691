package com.shop.accounts;

import io.opentelemetry.api.trace.Span;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccountController {
    private final AccountTelemetry telemetry = new AccountTelemetry();
    private final AccountStore store = new AccountStore();

    @PostMapping("/accounts/verify")
    public String verify(@RequestBody Account account, @RequestParam String nationalId,
                         @RequestHeader("User-Agent") String userAgent) {
        telemetry.tagCurrent(account);
        telemetry.verify(account, nationalId);
        Span.current().setAttribute("user_agent.original", userAgent); // expect: pii-to-third-party user.device
        store.save(account);
        return "ok";
    }
}
