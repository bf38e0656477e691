package com.example.tools;

import java.util.ArrayList;
import java.util.List;

/** Negative file: prints progress, never a user's data. */
public class UserDirectory {
    private final List<UserRecord> users = new ArrayList<>();

    public List<UserRecord> findAll() {
        System.out.println("Loading users...");
        System.out.println("Loaded " + users.size() + " users");
        return users;
    }

    public UserRecord firstIncomplete() {
        for (UserRecord u : users) {
            if (u.getEmail() == null || u.getEmail().isEmpty()) {
                System.out.println("found an incomplete record: " + (u.getPhoneNumber() != null));
                return u;
            }
        }
        return null;
    }
}
