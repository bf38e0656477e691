package com.shop.directory;

public class MemberRecord {
    private String objectID;
    private String email;
    private String phone;

    public String getObjectID() { return objectID; }
    public void setObjectID(String objectID) { this.objectID = objectID; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
}
