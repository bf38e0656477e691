package com.shop.accounts;

public class Account {
    private String email;
    private String tier;

    public String getEmail() { return email; }
    public String getTier() { return tier; }
}
