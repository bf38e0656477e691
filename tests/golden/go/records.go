package models

type Card struct {
	CardNumber string `json:"card_number,omitempty"`
	Expiry, CVC string `json:"-"`
	Email       string `json:",omitempty" db:"email"`
	Holder      string `db:"holder" json:"holder_name"`
	Legacy      string "json:\"legacy_id\""
	*Base
	sync.Mutex
	Plain int
}

type Alias = Card

type ID int

func local() {
	type inner struct {
		Phone string `json:"phone"`
	}
}
