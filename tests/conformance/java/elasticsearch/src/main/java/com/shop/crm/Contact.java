package com.shop.crm;

public class Contact {
    private String id;
    private String fullName;
    private String email;

    public String getId() { return id; }
    public String getFullName() { return fullName; }
    public String getEmail() { return email; }
}
