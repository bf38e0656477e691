package com.shop.crm;

import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {
    private static final Logger log = LoggerFactory.getLogger(CustomerService.class);

    private final CustomerRepository customerRepository;
    private final PasswordEncoder passwordEncoder;

    public CustomerService(CustomerRepository customerRepository, PasswordEncoder passwordEncoder) {
        this.customerRepository = customerRepository;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional
    public Customer register(SignupRequest request) {
        if (request.getEmail() == null || !request.getEmail().contains("@")) {
            throw new IllegalArgumentException("invalid email address: " + request.getEmail());
        }
        log.info("new signup from {}", request.getEmail());
        log.debug("signup lookup key {}", DigestUtils.sha256Hex(request.getPhoneNumber()));

        Customer customer = CustomerMapper.toEntity(request);
        customer.setPasswordHash(passwordEncoder.encode(request.getPassword()));
        Customer saved = customerRepository.save(customer);
        log.info("customer {} registered", saved.getId());
        return saved;
    }

    public Customer find(long id) {
        return customerRepository.findById(id).orElseThrow(() -> new CustomerNotFoundException(id));
    }
}

interface CustomerRepository extends JpaRepository<Customer, Long> {
    Optional<Customer> findByEmail(String email);
}

class CustomerNotFoundException extends RuntimeException {
    CustomerNotFoundException(long id) {
        super("customer " + id + " not found");
    }
}
