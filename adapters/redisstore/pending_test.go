package redisstore_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/adapters/redisstore"
	"github.com/borderbot/borderbot/internal/testkit"
)

// Both stores are PendingStores.
var (
	_ adapters.PendingStore = (*redisstore.Pending)(nil)
	_ adapters.PendingStore = (*adapters.MemoryPending)(nil)
)

// rawClient is a plain client on the test Redis, to look at what the store wrote.
func rawClient(t testing.TB, url string) *redis.Client {
	t.Helper()
	opt, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	c := redis.NewClient(opt)
	t.Cleanup(func() { c.Close() })
	return c
}

func reply(i int) adapters.PendingReply {
	return adapters.PendingReply{ID: fmt.Sprintf("Ev%04d/1", i), Body: []byte(fmt.Sprintf(`{"n":%d}`, i))}
}

// What both stores promise: Add gives a reply back, Done forgets it, and one instance's
// own replies are never claimed back by itself while it holds them.
func TestPendingConformance(t *testing.T) {
	url := testkit.RedisURL(t)
	stores := map[string]func(t *testing.T) adapters.PendingStore{
		"memory": func(*testing.T) adapters.PendingStore { return adapters.NewMemoryPending() },
		"redis": func(t *testing.T) adapters.PendingStore {
			return instance(t, url, prefix(t), redisstore.Options{}).Pending(redisstore.PendingOptions{ClaimAfter: time.Minute}, nil)
		},
	}
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			var added []adapters.PendingReply
			for i := range 3 {
				r, err := st.Add(ctx, reply(i))
				if err != nil {
					t.Fatal(err)
				}
				if r.ID != reply(i).ID || string(r.Body) != string(reply(i).Body) {
					t.Fatalf("Add returned %+v, want the reply given", r)
				}
				added = append(added, r)
			}
			if got, err := st.Claim(ctx); err != nil || len(got) != 0 {
				t.Fatalf("Claim of the instance's own fresh replies: %v, %v; want none", got, err)
			}
			for _, r := range added {
				if err := st.Done(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			if got, err := st.Claim(ctx); err != nil || len(got) != 0 {
				t.Fatalf("Claim after Done: %v, %v; want none", got, err)
			}
		})
	}
}

// Add writes one entry to prefix+"pending" and makes it this consumer's at once; Done
// acknowledges and deletes it and marks the reply delivered: nothing stays behind.
func TestPendingAddDoneLeavesNothing(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	ctx := context.Background()
	raw := rawClient(t, url)
	st := instance(t, url, p, redisstore.Options{}).Pending(redisstore.PendingOptions{Consumer: "a"}, nil)
	r, err := st.Add(ctx, reply(1))
	if err != nil {
		t.Fatal(err)
	}
	if r.Ref == "" {
		t.Fatal("Add kept the reply locally although Redis answers")
	}
	if n := raw.XLen(ctx, p+"pending").Val(); n != 1 {
		t.Errorf("XLEN %spending = %d after Add, want 1", p, n)
	}
	pend, err := raw.XPending(ctx, p+"pending", "replies").Result()
	if err != nil || pend.Count != 1 || pend.Consumers["a"] != 1 {
		t.Errorf("XPENDING after Add: %+v, %v; want one entry, consumer a's", pend, err)
	}
	if done, _ := st.Delivered(ctx, r.ID); done {
		t.Error("Delivered before Done")
	}
	if err := st.Done(ctx, r); err != nil {
		t.Fatal(err)
	}
	if n := raw.XLen(ctx, p+"pending").Val(); n != 0 {
		t.Errorf("XLEN = %d after Done, want 0", n)
	}
	if pend, _ := raw.XPending(ctx, p+"pending", "replies").Result(); pend.Count != 0 {
		t.Errorf("XPENDING after Done: %+v, want nothing", pend)
	}
	if done, err := st.Delivered(ctx, r.ID); err != nil || !done {
		t.Errorf("Delivered after Done: %v, %v", done, err)
	}
	if ttl := raw.PTTL(ctx, p+"delivered:"+r.ID).Val(); ttl <= 0 || ttl > redisstore.DefaultDeliveredTTL {
		t.Errorf("the delivered marker's TTL is %v, want up to %v", ttl, redisstore.DefaultDeliveredTTL)
	}
}

// An instance that dies leaves its replies pending: another claims them once they have
// been idle for ClaimAfter, not before, and gets each as it was added.
func TestPendingClaimedAfterIdle(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	ctx := context.Background()
	const after = 300 * time.Millisecond
	dead := instance(t, url, p, redisstore.Options{}).Pending(redisstore.PendingOptions{ClaimAfter: after, Consumer: "dead"}, nil)
	alive := instance(t, url, p, redisstore.Options{}).Pending(redisstore.PendingOptions{ClaimAfter: after, Consumer: "alive"}, nil)
	// Idle time runs from each reply's delivery, the first of which is just after this.
	added := time.Now()
	for i := range 5 {
		if _, err := dead.Add(ctx, reply(i)); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := alive.Claim(ctx); len(got) != 0 {
		t.Fatalf("claimed %d fresh replies of a live instance", len(got))
	}
	var got []adapters.PendingReply
	testkit.WaitFor(t, 5*time.Second, "the dead instance's replies to be claimed", func() bool {
		c, err := alive.Claim(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, c...)
		return len(got) == 5
	})
	// Redis measures idle time in whole milliseconds from the entry's delivery, which
	// it truncates: a claim may come up to a millisecond before ClaimAfter by our clock.
	if took := time.Since(added); took < after-time.Millisecond {
		t.Errorf("claimed after %v, before ClaimAfter (%v)", took, after)
	}
	for i, r := range got {
		if r.ID != reply(i).ID || string(r.Body) != string(reply(i).Body) || r.Ref == "" {
			t.Errorf("claimed %d: %+v, want %+v with a Ref", i, r, reply(i))
		}
	}
	if c, _ := alive.Claim(ctx); len(c) != 0 {
		t.Errorf("claimed again what this instance holds: %v", c)
	}
	for _, r := range got {
		if err := alive.Done(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if n := rawClient(t, url).XLen(ctx, p+"pending").Val(); n != 0 {
		t.Errorf("XLEN = %d once the claimed replies are done", n)
	}
}

// A live instance waiting long for Slack keeps its replies: its own Claim touches them,
// so another instance never finds them idle.
func TestPendingLiveInstanceKeepsItsReplies(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	ctx := context.Background()
	const after = 300 * time.Millisecond
	a := instance(t, url, p, redisstore.Options{}).Pending(redisstore.PendingOptions{ClaimAfter: after, Consumer: "a"}, nil)
	b := instance(t, url, p, redisstore.Options{}).Pending(redisstore.PendingOptions{ClaimAfter: after, Consumer: "b"}, nil)
	r, err := a.Add(ctx, reply(1))
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() { // a's claim loop, a third of ClaimAfter apart as the bot runs it
		for {
			select {
			case <-stop:
				return
			case <-time.After(after / 3):
			}
			_, _ = a.Claim(ctx)
		}
	}()
	for end := time.Now().Add(5 * after); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		if got, _ := b.Claim(ctx); len(got) != 0 {
			t.Fatalf("b claimed a reply a is still delivering: %v", got)
		}
	}
	if err := a.Done(ctx, r); err != nil {
		t.Fatal(err)
	}
}

// A reply released at shutdown is claimed by the next Claim of another instance, at
// once, without waiting for ClaimAfter.
func TestPendingReleasedIsClaimedAtOnce(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	ctx := context.Background()
	opts := redisstore.PendingOptions{ClaimAfter: time.Hour}
	a := instance(t, url, p, redisstore.Options{}).Pending(opts, nil)
	b := instance(t, url, p, redisstore.Options{}).Pending(opts, nil)
	r, err := a.Add(ctx, reply(7))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Release(ctx, r); err != nil {
		t.Fatal(err)
	}
	got, err := b.Claim(ctx)
	if err != nil || len(got) != 1 || got[0].ID != r.ID {
		t.Fatalf("Claim after Release: %v, %v; want %s", got, err, r.ID)
	}
	// The instance that released it does not take it back with its own Claim.
	if again, _ := a.Claim(ctx); len(again) != 0 {
		t.Errorf("the releasing instance claimed it again: %v", again)
	}
}

// Three instances claim 300 abandoned replies at once: each is claimed by exactly one.
func TestPendingClaimedOnceAcrossInstances(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	ctx := context.Background()
	const after, n = 200 * time.Millisecond, 300
	dead := instance(t, url, p, redisstore.Options{}).Pending(redisstore.PendingOptions{ClaimAfter: after}, nil)
	for i := range n {
		if _, err := dead.Add(ctx, reply(i)); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(after + 50*time.Millisecond)
	var mu sync.Mutex
	claims := map[string]int{}
	var wg sync.WaitGroup
	for range 3 {
		st := instance(t, url, p, redisstore.Options{}).Pending(redisstore.PendingOptions{ClaimAfter: after}, nil)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 10 {
				got, err := st.Claim(ctx)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				for _, r := range got {
					claims[r.ID]++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(claims) != n {
		t.Errorf("%d of %d replies claimed", len(claims), n)
	}
	for id, c := range claims {
		if c != 1 {
			t.Errorf("%s claimed %d times", id, c)
		}
	}
}

// A reply claimed after it was delivered (the instance died between Slack and Done,
// or Done came late) is known as delivered.
func TestPendingDeliveredIsSharedAcrossInstances(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	ctx := context.Background()
	a := instance(t, url, p, redisstore.Options{}).Pending(redisstore.PendingOptions{}, nil)
	b := instance(t, url, p, redisstore.Options{}).Pending(redisstore.PendingOptions{}, nil)
	r, _ := a.Add(ctx, reply(3))
	if err := a.Done(ctx, r); err != nil {
		t.Fatal(err)
	}
	if done, err := b.Delivered(ctx, r.ID); err != nil || !done {
		t.Errorf("the other instance: Delivered = %v, %v", done, err)
	}
	if done, _ := b.Delivered(ctx, "EvNever/1"); done {
		t.Error("a reply never delivered reads as delivered")
	}
}

// The stream is trimmed: even replies never done do not make it grow without bound.
func TestPendingStreamIsTrimmed(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	ctx := context.Background()
	st := instance(t, url, p, redisstore.Options{}).Pending(redisstore.PendingOptions{MaxLen: 100}, nil)
	for i := range 1000 {
		if _, err := st.Add(ctx, reply(i)); err != nil {
			t.Fatal(err)
		}
	}
	// MAXLEN ~ trims whole nodes of the stream (100 entries by default), never below MaxLen.
	if n := rawClient(t, url).XLen(ctx, p+"pending").Val(); n < 100 || n > 300 {
		t.Errorf("XLEN = %d after 1,000 adds with MaxLen 100, want about 100", n)
	}
}

// While Redis is down, replies are kept in the local store and counted as fallbacks;
// they cannot be handed over. Once Redis is back, replies go to the stream again.
func TestPendingFallsBackWhileRedisIsDown(t *testing.T) {
	srv := testkit.StartRedis(t)
	reg := prometheus.NewRegistry()
	s := instance(t, srv.URL(), prefix(t), redisstore.Options{Registerer: reg, ProbeEvery: 50 * time.Millisecond, OpTimeout: 100 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx)
	local := adapters.NewMemoryPending()
	st := s.Pending(redisstore.PendingOptions{}, local)

	srv.Stop()
	r, err := st.Add(ctx, reply(1))
	if err != nil || r.Ref != "" || local.Len() != 1 {
		t.Fatalf("Add while Redis is down: %+v, %v, %d local; want it kept locally", r, err, local.Len())
	}
	if n := fallbacks(t, reg, "pending"); n < 1 {
		t.Errorf("bot_store_fallbacks_total{op=pending} = %v, want 1 at least", n)
	}
	if got, err := st.Claim(ctx); err != nil || len(got) != 0 {
		t.Errorf("Claim while Redis is down: %v, %v", got, err)
	}
	if err := st.Release(ctx, r); !errors.Is(err, adapters.ErrNotHandedOver) {
		t.Errorf("Release of a local reply: %v, want ErrNotHandedOver", err)
	}

	srv.Start()
	testkit.WaitFor(t, 5*time.Second, "the store to find Redis again", s.Healthy)
	r, err = st.Add(ctx, reply(2))
	if err != nil || r.Ref == "" {
		t.Fatalf("Add once Redis is back: %+v, %v; want it in the stream", r, err)
	}
	if err := st.Done(ctx, r); err != nil {
		t.Fatal(err)
	}
}

// One reply's round trips, as every Slack reply makes them: Add (XADD and XREADGROUP in
// a script) before the acknowledgement, Done (MULTI, SET PX, XACK, XDEL, EXEC) after.
func BenchmarkPendingAdd(b *testing.B) {
	st := benchStore(b).Pending(redisstore.PendingOptions{}, nil)
	ctx := context.Background()
	refs := make([]adapters.PendingReply, 0, b.N)
	body := make([]byte, 2048) // a rendered answer's size
	b.ResetTimer()
	for i := range b.N {
		r, err := st.Add(ctx, adapters.PendingReply{ID: fmt.Sprintf("Ev%d/1", i), Body: body})
		if err != nil || r.Ref == "" {
			b.Fatal(r, err)
		}
		refs = append(refs, r)
	}
	b.StopTimer()
	for _, r := range refs {
		_ = st.Done(ctx, r)
	}
}

func BenchmarkPendingDone(b *testing.B) {
	st := benchStore(b).Pending(redisstore.PendingOptions{}, nil)
	ctx := context.Background()
	refs := make([]adapters.PendingReply, 0, b.N)
	body := make([]byte, 2048)
	for i := range b.N {
		r, err := st.Add(ctx, adapters.PendingReply{ID: fmt.Sprintf("Ev%d/1", i), Body: body})
		if err != nil {
			b.Fatal(err)
		}
		refs = append(refs, r)
	}
	b.ResetTimer()
	for _, r := range refs {
		if err := st.Done(ctx, r); err != nil {
			b.Fatal(err)
		}
	}
}

// An instance slow to stop releases a reply another instance has claimed meanwhile:
// the release leaves it with its new owner, for no third instance to take.
func TestPendingReleaseLeavesAClaimedReplyAlone(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	ctx := context.Background()
	opts := redisstore.PendingOptions{ClaimAfter: 200 * time.Millisecond}
	slow := instance(t, url, p, redisstore.Options{}).Pending(opts, nil)
	owner := instance(t, url, p, redisstore.Options{}).Pending(opts, nil)
	third := instance(t, url, p, redisstore.Options{}).Pending(opts, nil)
	r, err := slow.Add(ctx, reply(9))
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if got, _ := owner.Claim(ctx); len(got) != 1 {
		t.Fatalf("the idle reply was not claimed: %v", got)
	}
	if err := slow.Release(ctx, r); err != nil {
		t.Errorf("Release of a reply another instance holds: %v, want nil (it is not lost)", err)
	}
	if got, _ := third.Claim(ctx); len(got) != 0 {
		t.Errorf("a third instance claimed the reply its owner holds: %v", got)
	}
}
