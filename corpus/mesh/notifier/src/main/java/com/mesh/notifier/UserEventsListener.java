package com.mesh.notifier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
public class UserEventsListener {
    private static final Logger log = LoggerFactory.getLogger(UserEventsListener.class);

    @KafkaListener(topics = "user-events", groupId = "notifier")
    public void onUserEvent(UserEvent event) {
        log.info("welcome text message to {}", event.getPhone());
    }
}
