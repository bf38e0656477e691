package com.shop.orders;

public class Buyer {
    private String id;
    private String email;
    private String username;
    private String tier;

    public String getId() { return id; }
    public String getEmail() { return email; }
    public String getUsername() { return username; }
    public String getTier() { return tier; }
}
