#include <stdio.h>
#include <string.h>
#include <syslog.h>

#include "user.h"

int authenticate(const struct user *u, const char *password)
{
    openlog("authd", LOG_PID | LOG_NDELAY, LOG_AUTH);
    syslog(LOG_INFO, "login attempt for %s", u->username); /* expect: pii-to-log user.account.username */
    if (strcmp(u->password, password) != 0) {
        syslog(LOG_WARNING, "bad password '%s' for %s", password, u->email); /* expect: pii-to-log user.authorization.password user.contact.email */
        syslog(LOG_NOTICE, "failed login, uid %d", u->uid);
        closelog();
        return -1;
    }
    syslog(LOG_AUTH | LOG_INFO, "login ok, uid %d", u->uid);
    closelog();
    return 0;
}

void notify_sms(const char *phone, const char *code)
{
    char msg[160];
    snprintf(msg, sizeof msg, "sending code to %s", phone);
    syslog(LOG_DEBUG, "%s", msg); /* expect: pii-to-log user.contact.phone_number */
    syslog(LOG_DEBUG, "code length %zu", strlen(code));
}
