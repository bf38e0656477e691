package com.acme.crm;

public class Lead {
    private String email;
    private String phone;
    private String company;

    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getCompany() { return company; }
}
