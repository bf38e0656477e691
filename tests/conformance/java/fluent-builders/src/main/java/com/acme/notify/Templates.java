package com.acme.notify;

import org.json.JSONObject;

/** Negative file: templates are built from constants only. */
public final class Templates {
    private Templates() {}

    public static String welcome(String locale) {
        return new JSONObject().put("template", "welcome").put("locale", locale).toString();
    }

    public static String footer() {
        return new StringBuilder().append("Acme ").append(2024).toString();
    }
}
