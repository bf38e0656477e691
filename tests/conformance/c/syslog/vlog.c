#include <stdarg.h>
#include <syslog.h>

#include "user.h"

static void log_event(int prio, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsyslog(prio, fmt, ap);
    va_end(ap);
}

void on_password_reset(const struct user *u)
{
    log_event(LOG_INFO, "password reset for %s", u->email); /* todo: pii-to-log user.contact.email (a variadic wrapper: what is passed in ... does not reach the va_list that va_start makes and vsyslog logs) */
    log_event(LOG_INFO, "password reset done");
}
