package com.example.payments;

public class Payment {
    private String cardNumber;
    private String cvv;
    private String cardholderName;
    private String billingAddress;
    private String iban;
    private long amountCents;

    public String getCardNumber() { return cardNumber; }
    public String getCvv() { return cvv; }
    public String getCardholderName() { return cardholderName; }
    public String getBillingAddress() { return billingAddress; }
    public String getIban() { return iban; }
    public long getAmountCents() { return amountCents; }
}
