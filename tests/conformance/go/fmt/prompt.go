package main

import (
	"bufio"
	"fmt"
	"os"
)

func confirmDelete(email string) bool {
	fmt.Printf("Delete the account of %s? [y/N] ", email) // expect: pii-to-stdout user.contact.email
	answer, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	os.Stderr.Write([]byte("deleting " + email + "\n")) // expect: pii-to-stdout user.contact.email
	return answer == "y\n"
}
