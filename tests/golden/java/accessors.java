package app;

class Accessors {
    // getters and setters are lowered as field loads and stores
    void copy(SignupRequest req, Customer customer) {
        customer.setEmail(req.getEmail());
        String card = req.getCardNumber();
        boolean ok = req.isActive();
        String ssn = req.getSSN();
        String u = req.getURL();
        new Builder().setName(req.getName()).setPhone(card);
        setTier("gold");
        String t = getTier();
        // not accessors: arguments, lowercase after the prefix, bare prefix
        req.getAttribute("email");
        req.setEmail(a, b);
        req.getaway();
        req.get();
        req.issue();
        map.set(1);
    }
}
