package main

import "net/http"

var handler = func(w http.ResponseWriter, r *http.Request) { w.Write(nil) }

var (
	limit   = 10
	a, b    = pair()
	unset   int
)

func main() {
	http.HandleFunc("/charge", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(r.URL.Path))
	})
	f, g := func() {}, func(x int) int { return x }
	go func(email string) {
		inner := func() { log(email) }
		inner()
	}(user.Email)
	defer func() { recover() }()
	_ = f
	_ = g
}
