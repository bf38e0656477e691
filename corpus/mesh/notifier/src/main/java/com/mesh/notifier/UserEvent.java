package com.mesh.notifier;

public class UserEvent {
    private long userId;
    private String phone;

    public long getUserId() {
        return userId;
    }

    public String getPhone() {
        return phone;
    }
}
