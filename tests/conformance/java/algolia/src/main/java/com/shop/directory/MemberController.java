package com.shop.directory;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class MemberController {
    private final MemberIndex members = new MemberIndex();
    private final TeamIndex teams = new TeamIndex();

    @PostMapping("/members")
    public String save(@RequestParam String id, @RequestParam String email, @RequestParam String phone) {
        members.save(id, email, phone);
        teams.sync();
        return "ok";
    }
}
