package main

import (
	"flag"
	"fmt"
	"os"
)

type Account struct {
	ID          int
	Username    string
	Email       string
	Phone       string
	HomeAddress string
	APIKey      string
}

func main() {
	id := flag.Int("id", 0, "account id")
	flag.Parse()
	acct, err := load(*id)
	if err != nil {
		fmt.Fprintln(os.Stderr, "load failed:", err)
		os.Exit(1)
	}
	show(acct)
}

func show(a *Account) {
	fmt.Printf("Account #%d\n", a.ID)
	fmt.Printf("  user:    %s\n", a.Username) // expect: pii-to-stdout user.account.username
	fmt.Println("  email:  ", a.Email)         // expect: pii-to-stdout user.contact.email
	fmt.Print("  phone:   ", a.Phone, "\n")    // expect: pii-to-stdout user.contact.phone_number
	fmt.Fprintf(os.Stdout, "  address: %s\n", a.HomeAddress) // expect: pii-to-stdout user.contact.address
	fmt.Fprintf(os.Stderr, "  api key: %s\n", a.APIKey)      // expect: pii-to-stdout user.authorization.credentials
	os.Stdout.WriteString("  has key: " + fmt.Sprint(a.APIKey != "") + "\n")
}

func load(id int) (*Account, error) {
	if id <= 0 {
		return nil, fmt.Errorf("bad id %d", id)
	}
	return &Account{ID: id}, nil
}
