package handlers

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
)

func Send(w http.ResponseWriter, u *User, repo Repo) {
	fmt.Println(u.Email)
	log.Printf("user %s", u.Email)
	repo.Save(u)
	getRepo().Save(u)
	json.NewEncoder(w).Encode(u)
	h.store.db.Exec("INSERT INTO t VALUES (?)", u.Email, args...)
	fmt.Fprintf(os.Stderr, "x %s\n", u.Name)
	os.Stdout.Write([]byte(u.Email))
	res := client.Get(url)
	fn()(u)
	items[0].Push(u)
	total := len(u.Email)
	b := make([]byte, 0)
	defer f.Close()
	go notify(u.Email)
	_ = res
	_ = total
	_ = b
}
