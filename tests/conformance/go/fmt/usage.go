package main

import (
	"crypto/sha256"
	"fmt"
	"os"
)

// Negative file: usage text, counts and digests.
func usage(accounts []*Account) {
	fmt.Println("usage: usercli -id N")
	fmt.Printf("%d accounts\n", len(accounts))
	for _, a := range accounts {
		fmt.Printf("%d %x\n", a.ID, sha256.Sum256([]byte(a.Email)))
	}
	fmt.Fprintln(os.Stderr, "done")
}
