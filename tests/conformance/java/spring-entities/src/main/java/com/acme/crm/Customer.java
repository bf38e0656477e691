package com.acme.crm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;

@Entity
public class Customer {
    @Id
    private Long id;
    private String taxId;
    private LocalDate birthDate;
    private String tier;

    public Long getId() { return id; }
    public String getTier() { return tier; }
}
