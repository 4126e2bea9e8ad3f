package redisstore_test

import (
	"context"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/borderbot/borderbot/adapters/redisstore"
	"github.com/borderbot/borderbot/adapters/slack"
	"github.com/borderbot/borderbot/internal/testkit"
)

// breakMode is what a breakingProxy does to the next command it sees.
type breakMode int

const (
	passThrough  breakMode = iota
	dropRequest            // close the connection before the command reaches Redis
	dropResponse           // let the command reach Redis, then close before its reply
)

// breakingProxy stands between a store and Redis and breaks one connection on demand,
// as a Redis restart or a load balancer's idle timeout breaks one under a call.
type breakingProxy struct {
	ln       net.Listener
	upstream string

	mu   sync.Mutex
	next breakMode
}

// newBreakingProxy listens on a free local port and forwards to upstream until the test ends.
func newBreakingProxy(t *testing.T, upstream string) *breakingProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &breakingProxy{ln: ln, upstream: upstream}
	t.Cleanup(func() { ln.Close() })
	go p.serve()
	return p
}

// breakNext makes the next command on any connection meet m.
func (p *breakingProxy) breakNext(m breakMode) {
	p.mu.Lock()
	p.next = m
	p.mu.Unlock()
}

// take returns what the next command meets, and resets it.
func (p *breakingProxy) take() breakMode {
	p.mu.Lock()
	defer p.mu.Unlock()
	m := p.next
	p.next = passThrough
	return m
}

// serve accepts connections until the listener closes.
func (p *breakingProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		go p.pipe(c)
	}
}

// pipe forwards one client connection, chunk by chunk, breaking it when told to.
func (p *breakingProxy) pipe(c net.Conn) {
	defer c.Close()
	up, err := net.Dial("tcp", p.upstream)
	if err != nil {
		return
	}
	defer up.Close()
	swallow := make(chan struct{}, 1) // set: the next reply is read from Redis and dropped
	go func() {
		buf := make([]byte, 64<<10)
		for {
			n, err := up.Read(buf)
			if err != nil {
				c.Close()
				return
			}
			select {
			case <-swallow:
				c.Close()
				return
			default:
			}
			if _, err := c.Write(buf[:n]); err != nil {
				return
			}
		}
	}()
	buf := make([]byte, 64<<10)
	for {
		n, err := c.Read(buf)
		if err != nil {
			return
		}
		switch p.take() {
		case dropRequest:
			return
		case dropResponse:
			swallow <- struct{}{}
		}
		if _, err := up.Write(buf[:n]); err != nil {
			return
		}
	}
}

// A connection that breaks under one claim, before or after the claim reaches Redis,
// neither doubles nor loses the event: the claim is retried on a fresh connection, the
// other instance still sees it, and the store does not go degraded for everyone else.
func TestEventsClaimSurvivesABrokenConnection(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	addr := strings.TrimPrefix(url, "redis://")
	if i := strings.IndexByte(addr, '/'); i >= 0 {
		addr = addr[:i]
	}
	proxy := newBreakingProxy(t, addr)
	var logs testkit.LogBuffer
	s := instance(t, "redis://"+proxy.ln.Addr().String(), p, redisstore.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	mine := s.Events(10*time.Minute, slack.NewMemoryEvents(0, 0, nil))
	other := instance(t, url, p, redisstore.Options{}).Events(10*time.Minute, slack.NewMemoryEvents(0, 0, nil))
	ctx := context.Background()

	for _, tc := range []struct {
		name string
		mode breakMode
	}{
		{"the request is lost", dropRequest},
		{"the reply is lost", dropResponse},
	} {
		id := "Ev-" + strings.ReplaceAll(tc.name, " ", "-")
		proxy.breakNext(tc.mode)
		first, err := mine.Claim(ctx, id)
		if err != nil || !first {
			t.Errorf("%s: the first claim of %s: first %v, %v; want true (else the event is lost)", tc.name, id, first, err)
		}
		if first, _ := other.Claim(ctx, id); first {
			t.Errorf("%s: the other instance claimed %s first too: a retry of it there is answered twice", tc.name, id)
		}
		if !s.Healthy() {
			t.Errorf("%s: one broken connection made the store degraded: %s", tc.name, s.Status())
		}
	}
	if strings.Contains(logs.String(), "redis unreachable") {
		t.Errorf("a broken connection was logged as Redis unreachable:\n%s", logs.String())
	}
}
