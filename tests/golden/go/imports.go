package svc

import "fmt"
import (
	"github.com/gin-gonic/gin"
	chi "github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"gopkg.in/yaml.v3"
	"github.com/redis/go-redis/v9"
	"github.com/mattn/go-sqlite3"
	_ "github.com/lib/pq"
	. "strings"
	st "example.com/shop/payments/internal/store"
	"example.com/shop/payments/internal/store"
	"v2"
)

func F() {
	st.SaveCard(fmt.Sprint(1))
}
