package com.shop.payments;

public class Payer {
    private String id;
    private String email;
    private String name;
    private String iban;

    public String getId() { return id; }
    public String getEmail() { return email; }
    public String getName() { return name; }
    public String getIban() { return iban; }
}
