#ifndef USER_H
#define USER_H

struct user {
    int uid;
    char username[64];
    char email[128];
    char phone[32];
    char password[64];
};

int authenticate(const struct user *u, const char *password);

#endif
