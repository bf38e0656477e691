package com.example.accounts;

import java.util.List;

public class SignupRequest {
    private String email;
    private String password;
    private String phoneNumber;
    private List<String> roles;

    public String getEmail() { return email; }
    public String getPassword() { return password; }
    public String getPhoneNumber() { return phoneNumber; }
    public List<String> getRoles() { return roles; }
}
