package com.shop.orders;

import java.util.List;

import lombok.Data;

@Data
public class Order {
    private String id;
    private String customerEmail;
    private String shippingAddress;
    private String phone;
    private List<String> lines;

    public String getId() { return id; }
    public String getCustomerEmail() { return customerEmail; }
    public String getShippingAddress() { return shippingAddress; }
    public String getPhone() { return phone; }
    public List<String> getLines() { return lines; }
}
