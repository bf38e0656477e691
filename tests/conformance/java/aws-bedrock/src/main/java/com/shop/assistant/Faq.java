package com.shop.assistant;

/** Negative file: FAQ answers from a fixed prompt. */
public class Faq {
    private final Assistant assistant = new Assistant();

    public String shipping() {
        return assistant.faq("shipping").toString();
    }
}
