package com.acme.crm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Customer {
    @Id
    private Long id;
    private String taxId;
    private String birthDate;
    private String segment;

    public Long getId() { return id; }
    public String getSegment() { return segment; }
}
