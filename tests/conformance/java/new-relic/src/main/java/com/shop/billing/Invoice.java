package com.shop.billing;

public class Invoice {
    private long total;
    private String email;
    private String iban;

    public long getTotal() { return total; }
    public String getEmail() { return email; }
    public String getIban() { return iban; }
}
