package redisstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
)

// maxTxTries bounds how many times Update runs its transaction when other instances
// keep changing the key underneath it; OpTimeout bounds it as well.
const maxTxTries = 50

// txBackoff is the longest first wait before Update tries again; it doubles with each
// try, up to 32 times.
const txBackoff = 200 * time.Microsecond

// Conversations keeps each conversation's context in Redis, as JSON under
// prefix+"conv:"+key.String(), expiring its TTL after the last write, so that a
// follow-up that reaches another instance is read with the conversation. Update is
// WATCH, GET, MULTI, SET … EX ttl (PX below a second), EXEC, retried when the key
// changed. While Redis is unreachable, local answers: each instance then remembers only
// the conversations it carried. Successful writes are copied to local as well, so that an outage finds the
// conversations this instance took part in.
type Conversations struct {
	s       *Store
	ttl     time.Duration
	local   adapters.ConversationStore
	corrupt atomic.Bool // a corrupt value has been logged
}

// Conversations returns the shared conversation store; ttl is how long a conversation
// is remembered after its last message, local the store used while Redis is down.
func (s *Store) Conversations(ttl time.Duration, local adapters.ConversationStore) *Conversations {
	if ttl <= 0 {
		ttl = adapters.DefaultConversationTTL
	}
	return &Conversations{s: s, ttl: ttl, local: local}
}

// stored is a context as it is kept in Redis.
type stored struct {
	Question string   `json:"question,omitempty"`
	Person   string   `json:"person,omitempty"`
	Given    []string `json:"given,omitempty"`
	Settled  string   `json:"settled,omitempty"`
}

func (cv *Conversations) key(k adapters.ConversationKey) string {
	return cv.s.prefix + "conv:" + k.String()
}

// decode reads a stored value; a corrupt one is the empty Context, logged once.
func (cv *Conversations) decode(k adapters.ConversationKey, b []byte) answers.Context {
	var v stored
	if err := json.Unmarshal(b, &v); err != nil {
		if cv.corrupt.CompareAndSwap(false, true) {
			cv.s.log.Warn("corrupt conversation in redis, read as a new conversation (logged once)",
				"platform", string(k.Platform), "conversation", k.ID, "error", err.Error())
		}
		return answers.Context{}
	}
	return answers.Context{Question: v.Question, Person: v.Person, Given: v.Given, Settled: v.Settled}
}

func encode(c answers.Context) ([]byte, error) {
	return json.Marshal(stored{Question: c.Question, Person: c.Person, Given: c.Given, Settled: c.Settled})
}

// get reads key with cmd (the client, or the connection of a transaction).
func (cv *Conversations) get(ctx context.Context, cmd redis.Cmdable, k adapters.ConversationKey) (answers.Context, error) {
	b, err := cmd.Get(ctx, cv.key(k)).Bytes()
	if errors.Is(err, redis.Nil) {
		return answers.Context{}, nil
	}
	if err != nil {
		return answers.Context{}, err
	}
	return cv.decode(k, b), nil
}

// Get returns the context under key, or the empty Context.
func (cv *Conversations) Get(ctx context.Context, key adapters.ConversationKey) (answers.Context, error) {
	var c answers.Context
	ok := cv.s.call(ctx, opConversation, func(ctx context.Context) error {
		var err error
		c, err = cv.get(ctx, cv.s.client, key)
		return err
	})
	if !ok {
		return cv.local.Get(ctx, key)
	}
	return c, nil
}

// Put stores c under key for the TTL.
func (cv *Conversations) Put(ctx context.Context, key adapters.ConversationKey, c answers.Context) error {
	b, err := encode(c)
	if err != nil {
		return err
	}
	ok := cv.s.call(ctx, opConversation, func(ctx context.Context) error {
		return cv.s.client.Set(ctx, cv.key(key), b, cv.ttl).Err()
	})
	if !ok {
		return cv.local.Put(ctx, key, c)
	}
	_ = cv.local.Put(ctx, key, c) // kept in step for an outage later
	return nil
}

// errContended is Update giving up on a key other instances kept changing.
var errContended = errors.New("conversation changed underneath every try")

// Update stores what fn returns from the context under key, atomically across every
// instance: fn runs again when another instance changed the key between the read and
// the write.
func (cv *Conversations) Update(ctx context.Context, key adapters.ConversationKey, fn func(answers.Context) answers.Context) error {
	var next answers.Context
	contended := false
	ok := cv.s.call(ctx, opConversation, func(ctx context.Context) error {
		rk := cv.key(key)
		tx := func(tx *redis.Tx) error {
			c, err := cv.get(ctx, tx, key)
			if err != nil {
				return err
			}
			next = fn(c)
			b, err := encode(next)
			if err != nil {
				return err
			}
			_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
				p.Set(ctx, rk, b, cv.ttl)
				return nil
			})
			return err
		}
		for try := range maxTxTries {
			err := cv.s.client.Watch(ctx, tx, rk)
			if !errors.Is(err, redis.TxFailedErr) {
				return err
			}
			// Another instance wrote first: wait a random while, growing with each try,
			// so that contenders retrying in step do not keep failing one another.
			wait := time.NewTimer(rand.N(txBackoff << min(try, 5)))
			select {
			case <-ctx.Done():
				wait.Stop()
				return ctx.Err()
			case <-wait.C:
			}
		}
		contended = true // Redis answered: this is no outage
		return nil
	})
	if !ok {
		return cv.local.Update(ctx, key, fn)
	}
	if contended {
		return fmt.Errorf("redis conversation %s: %w", key, errContended)
	}
	_ = cv.local.Put(ctx, key, next)
	return nil
}
