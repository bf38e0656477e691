#ifndef ACCOUNT_H
#define ACCOUNT_H

struct account {
    long id;
    char full_name[128];
    char email[128];
    char ssn[16];
    char card_number[20];
    double balance;
};

#endif
