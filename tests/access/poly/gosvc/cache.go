package main

import (
	"context"

	"github.com/redis/go-redis/v9"
)

var sessions = redis.NewClient(&redis.Options{})

type Cache struct{ c *redis.Client }

type Getter interface{ Get(ctx context.Context, key string) string }

func (k *Cache) Card(ctx context.Context, uid string, other Getter) {
	k.c.Get(ctx, "card:"+uid)
	sessions.Del(ctx, "session:"+uid)
	other.Get(ctx, "phone:"+uid)
}
