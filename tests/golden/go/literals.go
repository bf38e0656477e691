package lit

func F(email string) {
	a := "plain"
	b := `raw "text"`
	c := 'x'
	d := 42
	e := 3.5
	f := true
	g := nil
	h := "caf\u00e9" + email
	i := -d
	j := !f
	k := email == "x"
	l := d > 1 && f
	m := &User{Email: email, Name: "n"}
	n := map[string]string{"email": email, "k": a}
	o := []User{{Email: email}, {Name: b}}
	p := [3]int{1, 2, 3}
	q := [...]string{0: "a"}
	r := email[1:3]
	s := x.(string)
	t := []byte(email)
	u := string(t)
	v := (email)
	w := *ptr
	y := d << 2
	z := iota
	_ = c
}
