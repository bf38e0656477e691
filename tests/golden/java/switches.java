package app;

class Switches {
    String pick(Kind kind, User u) {
        String label = switch (kind) {
            case A -> "a";
            case B -> u.email;
            case C -> {
                String x = u.name;
                yield x;
            }
            default -> throw new IllegalStateException("bad " + kind);
        };
        switch (kind) {
            case A:
                log.info(u.phone);
                break;
            default:
                label = "d";
        }
        Object o = u;
        if (o instanceof User v && v.active) {
            return v.email;
        }
        return label;
    }
}
