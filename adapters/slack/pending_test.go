package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/adapters/redisstore"
	"github.com/borderbot/borderbot/internal/testkit"
)

// A reply read back from the pending store is the reply that was kept: the same
// blocks, thread, response URL and event, and the time it was first queued.
func TestPendingReplyRoundTrip(t *testing.T) {
	eng := testkit.Engine(t)
	r := &reply{ev: adapters.Event{Platform: platform, Kind: adapters.KindQuestion, ID: "Ev1", UserID: "W1", ChannelID: "C1", Name: nameMention},
		kind: replyRespond, channel: "C1", thread: "1.000100", user: "W1", url: "https://hooks.slack.com/x", mode: respondReplace,
		msg: replyMessage(eng.Answer("Why did Iran strike Pakistan?"), view{echo: true, share: true}), queued: time.Now().Round(0)}
	body, err := encodeReply(r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeReply(adapters.PendingReply{ID: "Ev1/1", Body: body, Ref: "1-0"})
	if err != nil {
		t.Fatal(err)
	}
	if got.ev != r.ev || got.kind != r.kind || got.channel != r.channel || got.thread != r.thread || got.user != r.user ||
		got.url != r.url || got.mode != r.mode || got.msg.text != r.msg.text || !got.queued.Equal(r.queued) {
		t.Errorf("read back %+v, want %+v", got, r)
	}
	want, _ := json.Marshal(r.msg.blocks)
	have, _ := json.Marshal(got.msg.blocks)
	if string(want) != string(have) || len(got.msg.blocks) == 0 {
		t.Errorf("blocks read back:\n%s\nwant:\n%s", have, want)
	}
	if !got.reclaimed || got.pending.Ref != "1-0" {
		t.Errorf("a reply read back is not marked reclaimed with its ref: %+v", got.pending)
	}
	if _, err := decodeReply(adapters.PendingReply{ID: "bad", Body: []byte("{")}); err == nil {
		t.Error("a corrupt body decoded")
	}
}

// The Events API acknowledges an event only once its reply is in the Redis stream: when
// the 200 comes, the stream holds the reply, though Slack has not taken it yet.
func TestEventIsAcknowledgedAfterItsReplyIsPending(t *testing.T) {
	url, prefix := testkit.RedisURL(t), fmt.Sprintf("test:%s:%d:", t.Name(), time.Now().UnixNano())
	st := openStore(t, url, prefix, nil)
	gate := make(chan struct{})
	// An answer that takes 300 ms: were the event acknowledged at once, the stream would
	// still be empty when the 200 comes.
	h := newHTTPHarnessWith(t, slowEngine{testkit.Engine(t)}, func(o *EventsOptions) {
		o.Delivery.Pending = st.Pending(redisstore.PendingOptions{}, nil)
	})
	h.rec.mu.Lock()
	h.rec.gate = gate
	h.rec.mu.Unlock()
	body := mustJSON(t, mention("EvAck", "W1", "CACK", "1.000001", "", "<@UBOT> Who is Trita Parsi?"))
	if status, _ := h.signed(t, "/slack/events", jsonType, body); status != 200 {
		t.Fatalf("status %d", status)
	}
	raw := rawRedis(t, url)
	ctx := context.Background()
	msgs, err := raw.XRange(ctx, prefix+"pending", "-", "+").Result()
	close(gate)
	if err != nil || len(msgs) != 1 || msgs[0].Values["id"] != "EvAck/1" {
		t.Fatalf("the stream when the event was acknowledged: %v, %v; want the reply EvAck/1", msgs, err)
	}
	testkit.WaitFor(t, 5*time.Second, "the reply to be delivered and removed", func() bool {
		return len(h.rec.postsTo("CACK")) == 1 && raw.XLen(ctx, prefix+"pending").Val() == 0
	})
	if n, _ := raw.Exists(ctx, prefix+"delivered:EvAck/1").Result(); n != 1 {
		t.Error("no delivered marker once the reply was delivered")
	}
}

// Two handlers on one Redis: the first is closed while its replies (a mention's post and
// a slash command's response) cannot reach Slack; it hands them over and reports
// nothing lost, and the second delivers each once.
func TestPendingRepliesAreHandedOverAtClose(t *testing.T) {
	url, prefix := testkit.RedisURL(t), fmt.Sprintf("test:%s:%d:", t.Name(), time.Now().UnixNano())
	reg := prometheus.NewRegistry()
	metrics := adapters.NewMetrics(reg, "test")
	opts := redisstore.PendingOptions{ClaimAfter: time.Hour} // only a handover can be claimed in time
	a := newHTTPHarness(t, func(o *EventsOptions) {
		o.Metrics = metrics
		o.Delivery.Pending = openStore(t, url, prefix, nil).Pending(opts, nil)
	})
	a.rec.mu.Lock()
	a.rec.fail500, a.rec.failResponsesBut = true, "\x00nothing"
	a.rec.mu.Unlock()
	mentionBody := mustJSON(t, mention("EvHand", "W1", "CHAND", "1.000001", "", "<@UBOT> Why did Iran strike Pakistan?"))
	if status, _ := a.signed(t, "/slack/events", jsonType, mentionBody); status != 200 {
		t.Fatalf("event: status %d", status)
	}
	command := form("command", "/ask", "text", "Who is Ali Vaez?", "user_id", "W2", "channel_id", "CHAND",
		"response_url", a.api.URL+"/response/hand", "trigger_id", "tr-hand", "team_id", "T1")
	if status, _ := a.signed(t, "/slack/commands", formType, command); status != 200 {
		t.Fatalf("command: status %d", status)
	}
	time.Sleep(100 * time.Millisecond) // both fail at least once
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if err := a.handler.Close(ctx); err != nil {
		t.Fatalf("Close with every reply handed over: %v", err)
	}
	if !strings.Contains(a.logs.String(), `msg="replies handed over at shutdown" platform=slack count=2`) {
		t.Errorf("no line says two replies were handed over:\n%s", a.logs.String())
	}
	if got := testkit.PlatformSample(t, reg, "bot_replies_lost_total", "slack"); got != 0 {
		t.Errorf("bot_replies_lost_total = %v for replies handed over", got)
	}
	if got := testkit.PlatformSample(t, reg, "bot_replies_handed_over_total", "slack"); got != 2 {
		t.Errorf("bot_replies_handed_over_total = %v, want 2", got)
	}

	a.rec.mu.Lock()
	a.rec.fail500, a.rec.failResponsesBut = false, ""
	a.rec.mu.Unlock()
	logger, logs := testLogger(0)
	b, err := NewEventsHandler(testkit.Engine(t), EventsOptions{SigningSecret: testSecret, BotToken: testBotToken, APIURL: a.api.URL + "/",
		Logger: logger, Delivery: Delivery{Backoff: 5 * time.Millisecond, Interval: time.Millisecond, Jitter: -1, Deadline: 5 * time.Second,
			Pending: openStore(t, url, prefix, nil).Pending(opts, nil), ClaimEvery: 20 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := b.Close(context.Background()); err != nil {
			t.Error(err)
		}
	}()
	testkit.WaitFor(t, 5*time.Second, "the other handler to deliver both", func() bool {
		return len(a.rec.postsTo("CHAND")) == 1 && len(a.rec.responsesTo("/response/hand")) == 1
	})
	time.Sleep(100 * time.Millisecond) // room for a wrong second delivery
	if ps, rs := a.rec.postsTo("CHAND"), a.rec.responsesTo("/response/hand"); len(ps) != 1 || len(rs) != 1 {
		t.Errorf("%d posts and %d responses, want one each", len(ps), len(rs))
	} else if !strings.Contains(ps[0].Metadata, "EvHand") || ps[0].ThreadTS != "1.000001" {
		t.Errorf("the claimed post lost its event or thread: %+v", ps[0])
	}
	if n := strings.Count(logs.String(), `msg="claimed reply delivered"`); n != 2 {
		t.Errorf("%d claimed replies delivered, want 2:\n%s", n, logs.String())
	}
}

// A claimed reply already marked delivered (its instance delivered it while it was
// being claimed) is dropped, not delivered again.
func TestClaimedReplyDeliveredAlreadyIsNotSentAgain(t *testing.T) {
	url, prefix := testkit.RedisURL(t), fmt.Sprintf("test:%s:%d:", t.Name(), time.Now().UnixNano())
	ctx := context.Background()
	opts := redisstore.PendingOptions{ClaimAfter: time.Hour}
	dead := openStore(t, url, prefix, nil).Pending(opts, nil)
	body, err := encodeReply(&reply{ev: adapters.Event{Platform: platform, ID: "EvTwice"}, kind: replyPost, channel: "CTWICE",
		msg: message{text: "hello"}, queued: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	p, err := dead.Add(ctx, adapters.PendingReply{ID: "EvTwice/1", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	// The reply is up for claiming, and its instance, slow but alive, delivers it and
	// marks it so (as its Done would) before the claimer looks.
	raw := rawRedis(t, url)
	raw.Set(ctx, prefix+"delivered:EvTwice/1", 1, time.Minute)
	if err := dead.Release(ctx, p); err != nil {
		t.Fatal(err)
	}
	h := newHTTPHarness(t, func(o *EventsOptions) {
		o.Delivery.Pending = openStore(t, url, prefix, nil).Pending(opts, nil)
		o.Delivery.ClaimEvery = 20 * time.Millisecond
	})
	testkit.WaitFor(t, 5*time.Second, "the claimed reply to be dropped", func() bool {
		return strings.Contains(h.logs.String(), "claimed reply was delivered already") && raw.XLen(ctx, prefix+"pending").Val() == 0
	})
	if ps := h.rec.postsTo("CTWICE"); len(ps) != 0 {
		t.Errorf("a reply marked delivered was posted again: %+v", ps)
	}
}

// openStore opens a Redis store for one handler and checks Redis answers.
func openStore(t *testing.T, url, prefix string, reg prometheus.Registerer) *redisstore.Store {
	t.Helper()
	st, err := redisstore.Open(url, redisstore.Options{Prefix: prefix, Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

func rawRedis(t *testing.T, url string) *redis.Client {
	t.Helper()
	opt, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	c := redis.NewClient(opt)
	t.Cleanup(func() { c.Close() })
	return c
}
