package control

func F(items []Item, m map[string]string, ch chan string) {
	if err := check(); err != nil {
		log(err)
	} else if x := other(); x {
		log(x)
	} else {
		log(2)
	}
	for i := 0; i < n; i++ {
		use(i)
	}
	for k, v := range m {
		log(k, v)
	}
	for _, it := range items {
		log(it.Email)
	}
	for cond() {
		step()
	}
	for {
		break
	}
	switch x := kind(); x {
	case "a", other():
		one()
	default:
		two()
	}
	switch v := val.(type) {
	case string:
		use(v)
	case nil:
	}
	select {
	case msg := <-ch:
		use(msg)
	case ch <- "x":
	default:
		idle()
	}
	ch <- items[0].Email
	got := <-ch
	use(got)
loop:
	for range ch {
		continue loop
	}
	{
		inner()
	}
}
