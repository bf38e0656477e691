package com.clinic.reminders;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class ReminderService {
    private static final Logger log = LoggerFactory.getLogger(ReminderService.class);
    private final Cache<String, Integer> attempts =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).build();
    private final ReminderQueue queue;

    public ReminderService(ReminderQueue queue) {
        this.queue = queue;
    }

    public void schedule(String email, String firstName) {
        Integer sent = attempts.get(email, key -> 0);
        // how many reminders went out to this address, not the address
        log.info("reminders sent so far: {}", sent);
        String greeting = String.format("Dear %s,", firstName);
        log.info("greeting {}", greeting); // expect: pii-to-log user.name.first
        String token = Base64.getUrlEncoder().encodeToString(email.getBytes(StandardCharsets.UTF_8));
        log.info("unsubscribe token {}", token); // expect: pii-to-log user.contact.email
        queue.enqueue(email, greeting);
        attempts.put(email, sent + 1);
    }
}
