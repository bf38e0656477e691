package store

type Store struct {
	db *sql.DB
}

func (s *Store) Save(c Card) error {
	s.helper(c.Number)
	return s.db.Exec("x", c)
}

func (Store) Ping() {}

func (t *Tree[K]) Len() int { return t.n }

func helper(x string) string {
	return x
}
