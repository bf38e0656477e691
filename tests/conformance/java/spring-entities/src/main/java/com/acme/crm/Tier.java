package com.acme.crm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Tier {
    @Id
    private String code;
    private int discountPercent;
}
