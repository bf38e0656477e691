package com.example.tools;

public class UserRecord {
    private String username;
    private String email;
    private String phoneNumber;
    private String passportNumber;

    public String getUsername() { return username; }
    public String getEmail() { return email; }
    public String getPhoneNumber() { return phoneNumber; }
    public String getPassportNumber() { return passportNumber; }
}
