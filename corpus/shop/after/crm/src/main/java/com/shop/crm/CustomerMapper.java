package com.shop.crm;

/** Conversions between request bodies, entities and what the API shows. */
public final class CustomerMapper {
    private CustomerMapper() {
    }

    /** What GET /customers/{id}/view shows: no phone number. */
    public record View(long id, String email, String tier) {
    }

    public static Customer toEntity(SignupRequest request) {
        Customer customer = new Customer();
        customer.setEmail(request.getEmail().trim().toLowerCase());
        customer.setPhoneNumber(request.getPhoneNumber());
        customer.setTier(request.isMarketingOptIn() ? "newsletter" : "standard");
        return customer;
    }

    public static View toView(Customer customer) {
        return new View(customer.getId(), customer.getEmail(), customer.getTier());
    }
}
