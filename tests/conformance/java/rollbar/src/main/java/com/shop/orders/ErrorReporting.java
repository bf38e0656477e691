package com.shop.orders;

import static com.rollbar.notifier.config.ConfigBuilder.withAccessToken;

import com.rollbar.notifier.Rollbar;
import java.util.HashMap;
import java.util.Map;

/** Rollbar's Java notifier. */
public class ErrorReporting {
    private final Rollbar rollbar = Rollbar.init(withAccessToken(System.getenv("ROLLBAR_ACCESS_TOKEN")).environment("production").build());

    public void orderFailed(Exception e, String email, String phone) {
        Map<String, Object> custom = new HashMap<>();
        custom.put("phone", phone);
        rollbar.error(e, custom, "order failed for " + email); // expect: pii-to-third-party user.contact.phone_number user.contact.email
    }

    public void lag(int seconds) {
        Map<String, Object> custom = new HashMap<>();
        custom.put("seconds", seconds);
        rollbar.warning("queue lag above threshold", custom);
    }
}
