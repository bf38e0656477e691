package app;

class Broken {
    void f( {
        x = 1;
    }
}
