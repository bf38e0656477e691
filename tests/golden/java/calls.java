package com.shop.users;

class Calls {
    void send(User user, UserRepository repo) {
        System.out.println(user.name);
        log.info("user {}", user.email, 3);
        repo.save(user);
        this.repo.save(user);
        getRepo().save(user);
        Optional.<String>empty().orElse("x");
        new java.util.ArrayList<String>(16).add(user);
        helper(user);
        super.flush(user);
        items[0].push(user);
        String.format("%s-%s", user.first, user.last);
    }
}
