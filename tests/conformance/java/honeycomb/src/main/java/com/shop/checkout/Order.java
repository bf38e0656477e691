package com.shop.checkout;

public class Order {
    private String email;
    private String phone;
    private int items;

    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public int getItems() { return items; }
}
