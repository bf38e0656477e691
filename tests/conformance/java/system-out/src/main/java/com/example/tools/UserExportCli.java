package com.example.tools;

import java.util.List;

public class UserExportCli {
    public static void main(String[] args) {
        UserDirectory directory = new UserDirectory();
        List<UserRecord> users = directory.findAll();
        System.out.println("Exporting " + users.size() + " users");
        for (UserRecord user : users) {
            System.out.println(user.getUsername() + "," + user.getEmail()); // expect: pii-to-stdout user.account.username user.contact.email
            System.out.printf("  phone=%s%n", user.getPhoneNumber()); // expect: pii-to-stdout user.contact.phone_number
            System.out.print(user.getPassportNumber()); // expect: pii-to-stdout user.government_id.passport_number
        }
        System.err.println("Skipped user without email: " + directory.firstIncomplete().getUsername()); // expect: pii-to-stdout user.account.username
        System.out.println("done");
    }

    static void debugDump(String ssn, String salary) {
        System.err.format("ssn=%s salary=%s%n", ssn, salary); // expect: pii-to-stdout user.government_id.national_identification_number user.financial
    }
}
