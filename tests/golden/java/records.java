package app.dto;

public record User(@JsonProperty("e_mail") String email, int age) {
    static int created = 0;

    public User {
        if (age < 0) throw new IllegalArgumentException("age " + email);
    }

    public int age() {
        return 42;
    }
}

record Point(int x, int y) {
    Point(int x, int y) {
        this.x = x;
        this.y = y;
    }

    Point(int x) {
        this(x, 0);
    }
}
