package com.acme.crm;

public class Segment {
    private String code;
    private int size;
}
