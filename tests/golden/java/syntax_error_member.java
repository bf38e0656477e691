package app;

public class Members {
    private final Logger log = LoggerFactory.getLogger(Members.class);

    void broken(User u) {
        log.info("before {}", u.getName());
        int x = (1 + ;
        log.info("inside {}", u.getEmail());
    }

    public void register(User u) {
        log.info("new user {}", u.getEmail());
    }
}
