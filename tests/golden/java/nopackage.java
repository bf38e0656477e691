class Top {
    void f() {
    }
}
