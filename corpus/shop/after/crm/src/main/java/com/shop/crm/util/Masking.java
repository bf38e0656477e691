package com.shop.crm.util;

/** Shows the end of a value and hides the rest. */
public final class Masking {
    private Masking() {
    }

    /** "+44 7700 900123" becomes "***********0123". */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() <= 4) {
            return "****";
        }
        int keep = phone.length() - 4;
        return "*".repeat(keep) + phone.substring(keep);
    }
}
