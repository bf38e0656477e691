package com.shop.accounts;

public class Customer {
    private final long id;
    private final String email;
    private final String phone;
    private final String username;
    private final String billingAddress;
    private final String plan;

    public Customer(long id, String email, String phone, String username, String billingAddress, String plan) {
        this.id = id;
        this.email = email;
        this.phone = phone;
        this.username = username;
        this.billingAddress = billingAddress;
        this.plan = plan;
    }

    public long getId() { return id; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getUsername() { return username; }
    public String getBillingAddress() { return billingAddress; }
    public String getPlan() { return plan; }
}
