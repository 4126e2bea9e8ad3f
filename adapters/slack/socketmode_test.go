package slack

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/testkit"
)

// gatedEngine is the real engine whose Answer waits for a gate, so a test can see that
// every envelope was acked before any answer was worked out.
// It records each question it is asked, as the engine receives it.
type gatedEngine struct {
	*answers.Engine
	gate  <-chan struct{}
	asked *askedLog
}

func (g gatedEngine) Answer(q string) answers.Reply {
	select {
	case <-g.gate:
	case <-time.After(5 * time.Second):
	}
	g.asked.add(q)
	return g.Engine.Answer(q)
}

func (g gatedEngine) AnswerIn(c answers.Context, q string) (answers.Reply, answers.Context) {
	select {
	case <-g.gate:
	case <-time.After(5 * time.Second):
	}
	g.asked.add(q)
	return g.Engine.AnswerIn(c, q)
}

func (g gatedEngine) AnswerID(id string) (answers.Reply, bool) {
	select {
	case <-g.gate:
	case <-time.After(5 * time.Second):
	}
	return g.Engine.AnswerID(id)
}

// socketHarness runs a SocketMode against slack-go's slacktest server.
type socketHarness struct {
	server *slacktest.Server
	rec    *recorder
	mu     sync.Mutex
	acks   map[string]bool
}

func newSocketHarness(t *testing.T) *socketHarness {
	t.Helper()
	log.SetOutput(io.Discard) // slacktest logs through the standard logger
	h := &socketHarness{rec: &recorder{}, acks: map[string]bool{}}
	h.server = slacktest.NewTestServer(func(c slacktest.Customize) {
		h.rec.routes(func(p string, f http.HandlerFunc) { c.Handle(p, f) })
	})
	h.server.Start()
	// slacktest blocks its websocket reader until someone takes each message the
	// client sends (our acks) off SeenFeed: drain it for the life of the test.
	done := make(chan struct{})
	go func() {
		for {
			select {
			case m := <-h.server.SeenFeed:
				var ack struct {
					EnvelopeID string `json:"envelope_id"`
				}
				if json.Unmarshal([]byte(m), &ack) == nil && ack.EnvelopeID != "" {
					h.mu.Lock()
					h.acks[ack.EnvelopeID] = true
					h.mu.Unlock()
				}
			case <-done:
				return
			}
		}
	}()
	t.Cleanup(func() { close(done); h.server.Stop() })
	return h
}

func (h *socketHarness) acked(id string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.acks[id]
}

func (h *socketHarness) send(t *testing.T, envelopeID, typ string, payload any) {
	t.Helper()
	h.server.SendToWebsocket(mustJSON(t, map[string]any{"envelope_id": envelopeID, "type": typ,
		"accepts_response_payload": typ != "events_api", "payload": payload}))
}

// runSocket starts a SocketMode and returns a stop function that waits for Run.
func runSocket(t *testing.T, h *socketHarness, e Engine, logger *slog.Logger) (*SocketMode, func() error) {
	t.Helper()
	return runSocketWithGrace(t, h, e, logger, 2*time.Second)
}

// runSocketWithGrace is runSocket with another shutdown grace period.
func runSocketWithGrace(t *testing.T, h *socketHarness, e Engine, logger *slog.Logger, grace time.Duration) (*SocketMode, func() error) {
	t.Helper()
	sm, err := NewSocketMode(e, SocketModeOptions{BotToken: testBotToken, AppToken: testAppToken,
		APIURL: h.server.GetAPIURL(), Logger: logger, PingInterval: time.Hour,
		Delivery:      Delivery{Backoff: 5 * time.Millisecond, Interval: time.Millisecond, Jitter: -1},
		ShutdownGrace: grace})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- sm.Run(ctx) }()
	stop := func() error {
		cancel()
		select {
		case err := <-errc:
			return err
		case <-time.After(5 * time.Second):
			t.Fatal("Run did not return after its context ended")
			return nil
		}
	}
	t.Cleanup(func() { cancel() })
	return sm, stop
}

func TestSocketModeEndToEnd(t *testing.T) {
	h := newSocketHarness(t)
	eng := testkit.Engine(t)
	gate := make(chan struct{})
	logger, logs := testLogger(slog.LevelInfo)
	defer func() {
		if t.Failed() {
			t.Log(logs.String())
		}
	}()
	asked := &askedLog{}
	sm, stop := runSocket(t, h, gatedEngine{Engine: eng, gate: gate, asked: asked}, logger)
	testkit.WaitFor(t, 5*time.Second, "the socket to connect", sm.Ready)

	suggestion := eng.Answer("").Suggestions[0]
	respURL := h.server.GetAPIURL() + "response/"

	// Events API envelopes.
	h.send(t, "env-mention", "events_api", mention("Ev1", "W1", "C1", "100.000100", "", "<@UBOT> Why did Iran strike Pakistan?"))
	h.send(t, "env-thread", "events_api", mention("Ev2", "W1", "C2", "200.000200", "150.000150", "<@UBOT|borderbot> Why did Iran strike Pakistan?"))
	h.send(t, "env-dm", "events_api", callback("Ev3", map[string]any{"type": "message", "channel_type": "im",
		"channel": "D1", "user": "W1", "text": "what is the weather on Mars?", "ts": "300.000300"}))
	h.send(t, "env-dm-thread", "events_api", callback("Ev4", map[string]any{"type": "message", "channel_type": "im",
		"channel": "D2", "user": "W1", "text": "Why did Iran strike Pakistan?", "ts": "310.000310", "thread_ts": "305.000305"}))
	h.send(t, "env-own", "events_api", callback("Ev5", map[string]any{"type": "message", "channel_type": "im",
		"channel": "D3", "user": testBotUser, "bot_id": "BBOT", "text": "an answer the bot posted", "ts": "400.000400"}))
	h.send(t, "env-bot", "events_api", mention("Ev6", "", "C3", "410.000410", "", "<@UBOT> from another bot"))
	h.send(t, "env-edit", "events_api", callback("Ev7", map[string]any{"type": "message", "subtype": "message_changed",
		"channel_type": "im", "channel": "D4", "ts": "420.000420",
		"message": map[string]any{"type": "message", "user": "W1", "text": "edited question", "ts": "419.000419"}}))
	h.send(t, "env-ping", "events_api", mention("Ev8", "W1", "C5", "500.000500", "",
		"<@UBOT> <!channel> <!here> <@W999> what is the weather on Mars?"))
	h.send(t, "env-empty", "events_api", mention("Ev9", "W1", "C6", "600.000600", "", "<@UBOT>"))
	// A slash command and a pressed suggestion button.
	h.send(t, "env-cmd", "slash_commands", map[string]any{"command": "/ask", "text": "<!here> what is the weather on Mars?",
		"user_id": "W1", "channel_id": "C7", "response_url": respURL + "cmd", "trigger_id": "tr-cmd"})
	h.send(t, "env-button", "interactive", blockAction("tr-btn", "W1", "C8", "suggest:0", suggestion.ID, respURL+"btn",
		map[string]any{"type": "message", "message_ts": "700.000700", "thread_ts": "690.000690", "channel_id": "C8"}))
	// Envelopes the bot cannot read, or does not handle: acked all the same.
	h.send(t, "env-bad", "events_api", map[string]any{"type": "event_callback", "event": "not an object"})
	h.send(t, "env-weird", "no_such_type", map[string]any{})

	all := []string{"env-mention", "env-thread", "env-dm", "env-dm-thread", "env-own", "env-bot", "env-edit",
		"env-ping", "env-empty", "env-cmd", "env-button", "env-bad", "env-weird"}
	// Answers wait on the gate, so these acks prove the bot acks before it answers.
	testkit.WaitFor(t, 5*time.Second, "every envelope to be acked", func() bool {
		for _, id := range all {
			if !h.acked(id) {
				return false
			}
		}
		return true
	})
	if ps, rs := h.rec.snapshot(); len(ps)+len(rs) != 0 {
		t.Fatalf("the bot replied before the gate opened: %v %v", ps, rs)
	}
	close(gate)

	testkit.WaitFor(t, 5*time.Second, "the replies", func() bool {
		ps, rs := h.rec.snapshot()
		return len(ps) >= 7 && len(rs) >= 1
	})
	time.Sleep(100 * time.Millisecond) // let any reply that should not exist arrive

	expect := []struct{ channel, thread string }{
		{"C1", "100.000100"}, // the mention is the thread
		{"C2", "150.000150"}, // a mention in a thread is answered in that thread
		{"D1", ""},           // a DM is answered in the DM
		{"D2", "305.000305"}, // a DM thread is answered in that thread
		{"C5", "500.000500"},
		{"C6", "600.000600"},
		{"C8", "690.000690"}, // a pressed suggestion is answered in its thread
	}
	for _, e := range expect {
		ps := h.rec.postsTo(e.channel)
		if len(ps) != 1 {
			t.Errorf("%s: got %d posts, want 1", e.channel, len(ps))
			continue
		}
		p := ps[0]
		if p.Method != "chat.postMessage" || p.ThreadTS != e.thread {
			t.Errorf("%s: posted %s in thread %q, want chat.postMessage in thread %q", e.channel, p.Method, p.ThreadTS, e.thread)
		}
		if p.LinkNames != "false" {
			t.Errorf("%s: link_names = %q, want false", e.channel, p.LinkNames)
		}
		if !strings.Contains(p.Blocks, "The New Arab") || !strings.Contains(p.Blocks, "Giorgio Cafiero") {
			t.Errorf("%s: blocks name no source: %s", e.channel, p.Blocks)
		}
		assertInert(t, e.channel+" blocks", p.Blocks)
		assertInert(t, e.channel+" text", p.Text)
	}
	for _, ch := range []string{"D3", "C3", "D4"} {
		if ps := h.rec.postsTo(ch); len(ps) != 0 {
			t.Errorf("%s: the bot replied to its own, a bot's or an edited message: %v", ch, ps)
		}
	}
	if ps, _ := h.rec.snapshot(); len(ps) != len(expect) {
		t.Errorf("got %d posts, want %d: %+v", len(ps), len(expect), ps)
	}

	// Slack's markup never reaches the engine, and the echo shows no raw id.
	ping := h.rec.postsTo("C5")[0].Blocks
	if strings.Contains(ping, "W999") || strings.Contains(ping, "channel") || !strings.Contains(ping, "*You asked:* what is the weather on Mars?") {
		t.Errorf("the echoed question shows markup or ids: %s", ping)
	}
	if !strings.Contains(h.rec.postsTo("C6")[0].Blocks, "How to ask") {
		t.Errorf("an empty mention did not get the help text: %s", h.rec.postsTo("C6")[0].Blocks)
	}
	if !strings.Contains(h.rec.postsTo("C8")[0].Blocks, suggestion.Question) {
		t.Errorf("the pressed suggestion %q was not answered: %s", suggestion.Question, h.rec.postsTo("C8")[0].Blocks)
	}

	cmd := h.rec.responsesTo("/response/cmd")
	if len(cmd) != 1 {
		t.Fatalf("/ask: got %d responses, want 1", len(cmd))
	}
	if cmd[0].Body["response_type"] != "ephemeral" {
		t.Errorf("/ask answered with response_type %v, want ephemeral", cmd[0].Body["response_type"])
	}
	assertInert(t, "/ask response", cmd[0].Raw)
	if strings.Contains(cmd[0].Raw, "here") || !strings.Contains(cmd[0].Raw, "*You asked:* what is the weather on Mars?") {
		t.Errorf("/ask did not echo the question without its ping: %s", cmd[0].Raw)
	}
	if n := asked.count("what is the weather on Mars?"); n != 3 {
		t.Errorf("/ask <!here> …: the engine was asked %q %d times in all, want 3 (the DM, the mention with pings, /ask): %q", "what is the weather on Mars?", n, asked.all())
	}

	if err := stop(); err != nil {
		t.Errorf("Run: %v", err)
	}
	if sm.Ready() {
		t.Error("still ready after Run returned")
	}
	out := logs.String()
	if strings.Contains(out, testBotToken) || strings.Contains(out, testAppToken) {
		t.Error("a token was logged")
	}
	if strings.Contains(out, "weather on Mars") {
		t.Error("message text was logged at info level")
	}
	if !strings.Contains(out, "event_id=Ev1") || !strings.Contains(out, "outcome=") {
		t.Errorf("the log does not name events and outcomes:\n%s", out)
	}
}

func TestSocketModeRefusesBadBotToken(t *testing.T) {
	h := newSocketHarness(t)
	sm, err := NewSocketMode(testkit.Engine(t), SocketModeOptions{BotToken: "xoxb-wrong", AppToken: testAppToken,
		APIURL: h.server.GetAPIURL(), PingInterval: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = sm.Run(ctx)
	if err == nil || !strings.Contains(err.Error(), "SLACK_BOT_TOKEN") || !strings.Contains(err.Error(), "invalid_auth") {
		t.Fatalf("Run = %v, want an error naming SLACK_BOT_TOKEN and invalid_auth", err)
	}
	if strings.Contains(err.Error(), "xoxb-wrong") {
		t.Error("the error shows the token")
	}
}

func TestNewSocketModeChecksTokens(t *testing.T) {
	for _, tc := range []struct {
		name, bot, app, want string
	}{
		{"no app token", testBotToken, "", "SLACK_APP_TOKEN is empty"},
		{"bot token as app token", testBotToken, testBotToken, "SLACK_APP_TOKEN is not an app-level token"},
		{"no bot token", "", testAppToken, "SLACK_BOT_TOKEN is empty"},
		{"app token as bot token", testAppToken, testAppToken, "SLACK_BOT_TOKEN is an app-level token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewSocketMode(testkit.Engine(t), SocketModeOptions{BotToken: tc.bot, AppToken: tc.app})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// TestSocketModeCountsRepliesLostAtShutdown: a reply still waiting for a Slack that does
// not answer when the grace period ends is logged and counted as lost, and Run says so.
func TestSocketModeCountsRepliesLostAtShutdown(t *testing.T) {
	h := newSocketHarness(t)
	gate := make(chan struct{})
	defer close(gate)
	h.rec.mu.Lock()
	h.rec.gate = gate // every post waits
	h.rec.mu.Unlock()
	logger, logs := testLogger(slog.LevelInfo)
	sm, stop := runSocketWithGrace(t, h, testkit.Engine(t), logger, 200*time.Millisecond)
	testkit.WaitFor(t, 5*time.Second, "the socket to connect", sm.Ready)
	h.send(t, "env-lost", "events_api", mention("EvLostSM", "W1", "CLOST", "100.000100", "", "<@UBOT> Who is Ali Vaez?"))
	testkit.WaitFor(t, 5*time.Second, "the envelope to be acked", func() bool { return h.acked("env-lost") })
	time.Sleep(100 * time.Millisecond) // the post is under way, held at the gate
	err := stop()
	if !errors.Is(err, ErrRepliesLost) || !strings.Contains(err.Error(), "1 still waiting") {
		t.Errorf("Run returned %v, want one reply lost at shutdown", err)
	}
	if l := logs.String(); !strings.Contains(l, "reply lost at shutdown") || !strings.Contains(l, "event_id=EvLostSM") {
		t.Errorf("the lost reply is not logged with its event id:\n%s", l)
	}
}
