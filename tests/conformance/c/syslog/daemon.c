/* Negative file: the daemon logs its own state. */
#include <syslog.h>
#include <unistd.h>

void daemon_started(int workers)
{
    openlog("authd", LOG_PID, LOG_DAEMON);
    syslog(LOG_INFO, "started with %d workers, pid %d", workers, (int)getpid());
    syslog(LOG_NOTICE, "listening");
}
