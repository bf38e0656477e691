BLOCKED_DOMAINS = ("@mailinator.com", "@example.invalid")
