package com.shop.crm;

import com.shop.crm.util.Masking;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/customers")
public class CustomerController {
    private static final Logger log = LoggerFactory.getLogger(CustomerController.class);

    private final CustomerService customerService;

    public CustomerController(CustomerService customerService) {
        this.customerService = customerService;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> register(@Valid @RequestBody SignupRequest request) {
        Customer saved = this.customerService.register(request);
        return ResponseEntity.created(URI.create("/customers/" + saved.getId()))
                .body(Map.of("id", saved.getId(), "tier", saved.getTier()));
    }

    @GetMapping("/{id}")
    public Map<String, Object> profile(@PathVariable long id) {
        log.debug("profile requested for customer {}", id);
        Customer customer = customerService.find(id);
        return Map.of(
                "id", customer.getId(),
                "email", customer.getEmail(),
                "phone", Masking.maskPhone(customer.getPhoneNumber()));
    }

    @GetMapping("/{id}/view")
    public CustomerMapper.View view(@PathVariable long id) {
        return CustomerMapper.toView(customerService.find(id));
    }
}
