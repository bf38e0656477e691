package assign

func F(body map[string]string) (string, error) {
	a, b := f()
	_, err := g(a)
	x, _ := body["email"]
	v, ok := x.(string)
	p, q = q, p
	u.Email, u.Name = body["email"], body["name"]
	s.count += 1
	total += amount
	msg := "a"
	msg = msg + b
	var k = body["k"]
	var m, n = 1, 2
	var z string
	const w = "c"
	u.Email = v
	body["x"] = v
	*ptr = v
	i++
	if ok {
		return x, err
	}
	return "", nil
}
