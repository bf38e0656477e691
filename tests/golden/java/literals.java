package app;

class Literals {
    void run(User u) {
        String a = "plain \"quoted\" \n";
        String b = """
            Hello,
              text block
            """;
        char ch = 'x';
        long n = 0x1F + 10L - 1.5e3;
        boolean f = true && !false || n > 3;
        Object z = null;
        String s = "Dear " + u.first + " " + u.last + ", total " + (n * 2) + "!";
        String t = (String) u.email;
        int[] xs = {1, n};
        String[] ys = new String[] {u.email, "x"};
        int[] zs = new int[5];
        String q = n > 0 ? u.email : "none";
        int neg = -n;
        boolean isUser = u instanceof User;
        Class<?> k = String.class;
        String e = "";
    }
}
