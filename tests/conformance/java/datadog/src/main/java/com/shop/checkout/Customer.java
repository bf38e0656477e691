package com.shop.checkout;

public class Customer {
    private long id;
    private String email;
    private String phone;

    public long getId() { return id; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
}
