package com.shop.assistant;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DraftController {
    private final Assistant assistant = new Assistant();

    @PostMapping("/draft")
    public String draft(@RequestParam String fullName, @RequestParam String subject) {
        assistant.draftReply(fullName, subject);
        return "drafted";
    }
}
