package app;

class Control {
    int run(List<User> users, String mode) throws IOException {
        int total = 0;
        if (users.isEmpty()) {
            return 0;
        } else if (mode == null) {
            total = -1;
        } else
            total += 2;
        for (User u : users) {
            log.info(u.email);
        }
        for (int i = 0, j = 1; i < users.size(); i++) {
            total = total * i;
        }
        while (total > 0) total--;
        do {
            total = next(total);
        } while (total < 10);
        try (BufferedWriter w = Files.newBufferedWriter(path); var r = new FileReader(p)) {
            w.write(users.get(0).email);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("failed " + e);
        } finally {
            close();
        }
        try {
            risky();
        } catch (Exception ex) {
            log.error("x", ex);
        }
        synchronized (this) {
            total = 5;
        }
        outer:
        for (User u : users) {
            break outer;
        }
        this.count += total;
        arr[i] = mode;
        arr[0] += mode;
        return total;
    }
}
