package app;

class Lambdas {
    private final Runnable init = () -> log.info("init");

    void run(List<User> users) {
        users.forEach(u -> log.info(u.email));
        users.stream().map((User u) -> u.email).filter(e -> e != null).forEach(System.out::println);
        Comparator<User> c = (a, b) -> {
            return a.name.compareTo(b.name);
        };
        Runnable r = new Runnable() {
            private String tag = "t";

            @Override
            public void run() {
                log.info(users);
            }

            void other(String s) {
                System.out.println(s);
            }
        };
        Supplier<Supplier<String>> nested = () -> () -> "deep";
    }
}
