package main

import (
	"log"
	"net/http"
	"os"
)

type User struct {
	ID       int64
	Email    string
	Phone    string
	Password string
}

var auditLog = log.New(os.Stderr, "audit: ", log.LstdFlags|log.Lshortfile)

func signupHandler(w http.ResponseWriter, r *http.Request) {
	email := r.FormValue("email")
	log.Printf("signup attempt for %s", email) // expect: pii-to-log user.contact.email
	log.Println("signup form parsed")
	if r.FormValue("password") == "" {
		log.Printf("empty password for %s", r.FormValue("email")) // expect: pii-to-log user.contact.email
		http.Error(w, "password required", http.StatusBadRequest)
		return
	}
	auditLog.Printf("account created, phone=%s", r.FormValue("phone")) // expect: pii-to-log user.contact.phone_number
	w.WriteHeader(http.StatusCreated)
}

func resetPassword(u *User, newPassword string) {
	auditLog.Println("password reset for user", u.ID)
	log.Print("new password: ", newPassword) // expect: pii-to-log user.authorization.password
	if u.Email == "" {
		log.Fatalf("user without email: %s", u.Phone) // expect: pii-to-log user.contact.phone_number
	}
}

func main() {
	log.SetFlags(log.LstdFlags | log.LUTC)
	http.HandleFunc("/signup", signupHandler)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
