package users

import "log"

type User struct {
	Email string `json:"email"`
}

func broken(u User) {
	log.Printf("before %s", u.Name)
	if u.Email != "" {
		log.Printf("inside %s", u.Email)
}

func Register(u User) {
	log.Printf("new user %s", u.Email)
}

func (s *Service) After(u User) {
	x := := 1
	log.Printf("after %s", u.Email)
}
