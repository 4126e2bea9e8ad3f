package discord

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/internal/testkit"
)

// Fake Discord: an httptest server that speaks Discord's REST API and gateway protocol
// well enough for discordgo, and records every REST call the bot makes.

const (
	fakeBotID = "1100000000000000001"
	fakeAppID = "app1"
	fakeGuild = "guild1"
)

// restCall is one REST request the bot made.
type restCall struct {
	Method, Path string
	Body         []byte
	ContentType  string
}

// gatewayConn is one websocket connection from the bot.
type gatewayConn struct {
	c       *websocket.Conn
	mu      sync.Mutex // serialises writes
	seq     int
	resumed bool // the connection began with RESUME rather than IDENTIFY
}

func (g *gatewayConn) write(v any) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.c.WriteJSON(v)
}

// dispatch sends an event (op 0) with the next sequence number.
func (g *gatewayConn) dispatch(t *testing.T, typ string, d any) {
	t.Helper()
	g.mu.Lock()
	g.seq++
	p := map[string]any{"op": 0, "t": typ, "s": g.seq, "d": d}
	err := g.c.WriteJSON(p)
	g.mu.Unlock()
	if err != nil {
		t.Fatalf("dispatch %s: %v", typ, err)
	}
}

type fakeDiscord struct {
	t          *testing.T
	srv        *httptest.Server
	mu         sync.Mutex
	calls      []restCall
	identifies chan map[string]any
	conns      chan *gatewayConn
	heartbeats atomic.Int32
	sent       atomic.Int32
	refuse     string // a channel whose messages the fake refuses with 403
}

func newFakeDiscord(t *testing.T) *fakeDiscord {
	f := &fakeDiscord{t: t, identifies: make(chan map[string]any, 4), conns: make(chan *gatewayConn, 4)}
	mux := http.NewServeMux()
	mux.HandleFunc("/gateway-ws/", f.gateway)
	mux.HandleFunc("/api/v9/", f.rest)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

// rest answers the REST calls the bot makes and records them.
func (f *fakeDiscord) rest(w http.ResponseWriter, r *http.Request) {
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
	}
	path := strings.TrimPrefix(r.URL.Path, "/api/v9")
	if r.Method == http.MethodGet && path == "/gateway" {
		fmt.Fprintf(w, `{"url":"ws://%s/gateway-ws"}`, r.Host)
		return
	}
	// An interaction's follow-up is authorised by its token, in the path.
	if r.Header.Get("Authorization") != "Bot test-token" && !strings.HasPrefix(path, "/webhooks/") {
		f.t.Errorf("%s %s with Authorization %q", r.Method, path, r.Header.Get("Authorization"))
	}
	f.mu.Lock()
	f.calls = append(f.calls, restCall{r.Method, path, body, r.Header.Get("Content-Type")})
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == http.MethodPut && strings.HasPrefix(path, "/applications/"+fakeAppID+"/") && strings.HasSuffix(path, "/commands"):
		w.Write(body) // Discord echoes the commands, with IDs we don't need
	case r.Method == http.MethodPost && strings.HasPrefix(path, "/interactions/") && strings.HasSuffix(path, "/callback"):
		w.WriteHeader(http.StatusNoContent)
	case r.Method == http.MethodPost && strings.HasPrefix(path, "/webhooks/"):
		fmt.Fprintf(w, `{"id":"followup%d","channel_id":"chan1","content":""}`, f.sent.Add(1))
	case r.Method == http.MethodPost && f.refuse != "" && path == "/channels/"+f.refuse+"/messages":
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `{"message":"Missing Access","code":50001}`)
	case r.Method == http.MethodGet && strings.HasPrefix(path, "/channels/hidden"):
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `{"message":"Missing Access","code":50001}`)
	case r.Method == http.MethodGet && strings.HasPrefix(path, "/channels/") && strings.Count(path, "/") == 2:
		// A channel whose id starts with "thread" is a public thread, "hidden" one the bot
		// may not look at, others text channels.
		id, typ := strings.TrimPrefix(path, "/channels/"), discordgo.ChannelTypeGuildText
		if strings.HasPrefix(id, "thread") {
			typ = discordgo.ChannelTypeGuildPublicThread
		}
		fmt.Fprintf(w, `{"id":%q,"type":%d,"guild_id":%q}`, id, typ, fakeGuild)
	case r.Method == http.MethodPost && strings.HasPrefix(path, "/channels/") && strings.HasSuffix(path, "/messages"):
		n := f.sent.Add(1)
		fmt.Fprintf(w, `{"id":"sent%d","channel_id":%q,"content":""}`, n, strings.Split(path, "/")[2])
	default:
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"message":"Unknown","code":0}`)
	}
}

var upgrader = websocket.Upgrader{}

// gateway speaks the gateway protocol: HELLO, IDENTIFY or RESUME, READY or RESUMED,
// heartbeat acknowledgements; the test dispatches events on the connection.
func (f *fakeDiscord) gateway(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("v") != "9" || r.URL.Query().Get("encoding") != "json" {
		f.t.Errorf("gateway URL %s lacks v=9&encoding=json", r.URL)
	}
	c, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		f.t.Errorf("upgrade: %v", err)
		return
	}
	defer c.Close()
	g := &gatewayConn{c: c}
	if err := g.write(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 500}}); err != nil {
		return
	}
	var first struct {
		Op int            `json:"op"`
		D  map[string]any `json:"d"`
	}
	if err := c.ReadJSON(&first); err != nil {
		f.t.Errorf("reading IDENTIFY: %v", err)
		return
	}
	switch first.Op {
	case 2:
		f.identifies <- first.D
		g.seq = 1
		g.write(map[string]any{"op": 0, "t": "READY", "s": 1, "d": map[string]any{
			"v": 9, "session_id": "session1",
			"user":        map[string]any{"id": fakeBotID, "username": "borderbot", "bot": true},
			"application": map[string]any{"id": fakeAppID, "flags": 0},
			"guilds":      []any{map[string]any{"id": fakeGuild, "unavailable": true}},
		}})
	case 6:
		if first.D["session_id"] != "session1" {
			f.t.Errorf("RESUME with session %v", first.D["session_id"])
		}
		g.resumed = true
		g.seq = 100
		g.write(map[string]any{"op": 0, "t": "RESUMED", "s": g.seq, "d": map[string]any{}})
	default:
		f.t.Errorf("first message op %d, want IDENTIFY (2) or RESUME (6)", first.Op)
		return
	}
	f.conns <- g
	for {
		var m struct {
			Op int `json:"op"`
		}
		if err := c.ReadJSON(&m); err != nil {
			return
		}
		if m.Op == 1 {
			f.heartbeats.Add(1)
			if g.write(map[string]any{"op": 11}) != nil {
				return
			}
		}
	}
}

// waitCall waits for a REST call matching method and path.
func (f *fakeDiscord) waitCall(t *testing.T, method, path string) restCall {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		f.mu.Lock()
		for _, c := range f.calls {
			if c.Method == method && c.Path == path {
				f.mu.Unlock()
				return c
			}
		}
		f.mu.Unlock()
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no %s %s; calls: %v", method, path, f.paths())
	return restCall{}
}

func (f *fakeDiscord) paths() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, c := range f.calls {
		out = append(out, c.Method+" "+c.Path)
	}
	return out
}

// callsTo returns the calls that send something (every method but GET) to a path
// under prefix.
func (f *fakeDiscord) callsTo(prefix string) []restCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []restCall
	for _, c := range f.calls {
		if c.Method != http.MethodGet && strings.HasPrefix(c.Path, prefix) {
			out = append(out, c)
		}
	}
	return out
}

// useFakeEndpoints points discordgo's package-global endpoints at the fake for the
// test's duration, as DISCORD_API_URL does. Tests that call it must not run in parallel.
func useFakeEndpoints(t *testing.T, base string) {
	restore, err := UseAPIURL(base + "/api/v9/")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(restore)
}

// sentMessage is a channel message as the bot posted it.
type sentMessage struct {
	Embeds []struct {
		Title       string `json:"title"`
		Description string `json:"description"`
		Footer      *struct {
			Text string `json:"text"`
		} `json:"footer"`
	} `json:"embeds"`
	Components       []json.RawMessage `json:"components"`
	MessageReference *struct {
		MessageID string `json:"message_id"`
		ChannelID string `json:"channel_id"`
	} `json:"message_reference"`
	AllowedMentions *struct {
		Parse       []string `json:"parse"`
		RepliedUser bool     `json:"replied_user"`
	} `json:"allowed_mentions"`
}

func messageCreate(id, guildID, channelID, authorID string, bot bool, content string, mentionIDs ...string) map[string]any {
	mentions := []any{}
	for _, m := range mentionIDs {
		mentions = append(mentions, map[string]any{"id": m, "username": "x", "bot": m == fakeBotID})
	}
	m := map[string]any{
		"id": id, "channel_id": channelID, "type": 0, "content": content, "timestamp": "2024-01-20T10:00:00+00:00",
		"author":   map[string]any{"id": authorID, "username": "someone", "bot": bot},
		"mentions": mentions, "mention_roles": []any{}, "mention_everyone": false,
	}
	if guildID != "" {
		m["guild_id"] = guildID
	}
	return m
}

// TestGatewayEndToEnd drives the real discordgo Session against the fake Discord.
func TestGatewayEndToEnd(t *testing.T) {
	f := newFakeDiscord(t)
	useFakeEndpoints(t, f.srv.URL)
	engine := testkit.Engine(t)
	logs := &testkit.LogBuffer{}
	gw, err := NewGateway(engine, GatewayOptions{Token: "test-token", GuildID: fakeGuild, Logger: testLogger(logs)})
	if err != nil {
		t.Fatal(err)
	}
	if gw.Ready() {
		t.Error("ready before Run")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- gw.Run(ctx) }()

	// IDENTIFY carries the token and exactly the two unprivileged intents.
	var id map[string]any
	select {
	case id = <-f.identifies:
	case err := <-done:
		t.Fatalf("Run returned before IDENTIFY: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("no IDENTIFY")
	}
	if id["token"] != "Bot test-token" {
		t.Errorf("IDENTIFY token %v", id["token"])
	}
	if got := int(id["intents"].(float64)); got != int(discordgo.IntentsGuildMessages|discordgo.IntentsDirectMessages) {
		t.Errorf("IDENTIFY intents %d, want %d", got, discordgo.IntentsGuildMessages|discordgo.IntentsDirectMessages)
	}
	conn := <-f.conns

	// The commands are registered on the guild with one bulk overwrite, the app ID learnt from READY.
	reg := f.waitCall(t, http.MethodPut, "/applications/app1/guilds/guild1/commands")
	var cmds []discordgo.ApplicationCommand
	if err := json.Unmarshal(reg.Body, &cmds); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
	}
	if strings.Join(names, ",") != "ask,quote,experts,timeline,about,map,Check against the article" {
		t.Errorf("registered %v", names)
	}
	// Every command as Discord receives it: installable on a server and on a user's
	// account, usable in servers, the bot's DM and private channels; the check is a
	// message command, without a description.
	var raw []map[string]any
	if err := json.Unmarshal(reg.Body, &raw); err != nil {
		t.Fatal(err)
	}
	for _, c := range raw {
		if got := fmt.Sprint(c["integration_types"]); got != "[0 1]" {
			t.Errorf("%v: integration_types %s, want [0 1] (guild and user install)", c["name"], got)
		}
		if got := fmt.Sprint(c["contexts"]); got != "[0 1 2]" {
			t.Errorf("%v: contexts %s, want [0 1 2] (guild, bot DM, private channel)", c["name"], got)
		}
	}
	if check := raw[len(raw)-1]; check["type"] != float64(3) || (check["description"] != nil && check["description"] != "") {
		t.Errorf("the check command: type %v, description %q; want 3 (message) and none", check["type"], check["description"])
	}
	if q := cmds[0].Options[0]; q.Name != "question" || !q.Required || !q.Autocomplete {
		t.Errorf("/ask question option: %+v", q)
	}
	testkit.WaitFor(t, 5*time.Second, "Ready()", gw.Ready)

	help := engine.Answer("")
	entryID := help.Suggestions[0].ID

	// Interactions: /ask, an autocomplete, a button press.
	conn.dispatch(t, "INTERACTION_CREATE", command("i1", "ask", opt("question", 3, help.Suggestions[0].Question)))
	conn.dispatch(t, "INTERACTION_CREATE", autocomplete("i2", "ask", "question", "strike"))
	conn.dispatch(t, "INTERACTION_CREATE", button("i3", "ask:"+entryID))

	ask := decodeCallback(t, f.waitCall(t, http.MethodPost, "/interactions/i1/tok-i1/callback"))
	if ask.Type != 4 || len(ask.Data.Embeds) != 1 || ask.Data.Embeds[0].Footer == nil ||
		!strings.Contains(ask.Data.Embeds[0].Footer.Text, "The New Arab") || !strings.Contains(ask.Data.Embeds[0].Footer.Text, "Giorgio Cafiero") {
		t.Errorf("/ask callback: %s", ask.raw)
	}
	if ask.Data.AllowedMentions == nil || ask.Data.AllowedMentions.Parse == nil || len(ask.Data.AllowedMentions.Parse) != 0 {
		t.Errorf("/ask callback allows mentions: %s", ask.raw)
	}
	ac := decodeCallback(t, f.waitCall(t, http.MethodPost, "/interactions/i2/tok-i2/callback"))
	if ac.Type != 8 || len(ac.Data.Choices) == 0 || len(ac.Data.Choices) > 25 {
		t.Errorf("autocomplete callback: %s", ac.raw)
	}
	btn := decodeCallback(t, f.waitCall(t, http.MethodPost, "/interactions/i3/tok-i3/callback"))
	want, _ := engine.AnswerID(entryID)
	if btn.Type != 7 || len(btn.Data.Embeds) != 1 || btn.Data.Embeds[0].Title != want.Title {
		t.Errorf("button callback: %s", btn.raw)
	}

	// Messages: the bot's own, another bot's, one that does not mention it, then a
	// mention, a DM, an @everyone question and an empty mention.
	conn.dispatch(t, "MESSAGE_CREATE", messageCreate("m-own", fakeGuild, "chan1", fakeBotID, true, "<@1100000000000000001> talking to myself", fakeBotID))
	conn.dispatch(t, "MESSAGE_CREATE", messageCreate("m-bot", fakeGuild, "chan1", "otherbot", true, "<@1100000000000000001> When did Iran strike Pakistan?", fakeBotID))
	conn.dispatch(t, "MESSAGE_CREATE", messageCreate("m-none", fakeGuild, "chan1", "user1", false, ""))
	conn.dispatch(t, "MESSAGE_CREATE", messageCreate("m1", fakeGuild, "chan1", "user1", false, "<@1100000000000000001> When did Iran strike Pakistan?", fakeBotID))
	conn.dispatch(t, "MESSAGE_CREATE", messageCreate("m2", "", "dm1", "user2", false, "Who is Ali Vaez?"))
	everyone := messageCreate("m3", fakeGuild, "chan1", "user3", false, "<@!1100000000000000001> @everyone <@&1300000000000000001> <@1200000000000000009> when did Iran strike Pakistan?", fakeBotID, "1200000000000000009")
	everyone["mention_everyone"] = true
	everyone["mention_roles"] = []any{"1300000000000000001"}
	conn.dispatch(t, "MESSAGE_CREATE", everyone)
	conn.dispatch(t, "MESSAGE_CREATE", messageCreate("m4", fakeGuild, "chan1", "user4", false, "<@1100000000000000001>", fakeBotID))

	testkit.WaitFor(t, 5*time.Second, "four replies", func() bool { return len(f.callsTo("/channels/")) >= 4 })
	replies := map[string]sentMessage{}
	for _, c := range f.callsTo("/channels/") {
		var m sentMessage
		if err := json.Unmarshal(c.Body, &m); err != nil {
			t.Fatalf("%s: %v", c.Body, err)
		}
		if m.MessageReference == nil {
			t.Fatalf("reply without a message reference: %s", c.Body)
		}
		if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(m.AllowedMentions.Parse) != 0 || m.AllowedMentions.RepliedUser {
			t.Errorf("reply to %s allows mentions: %s", m.MessageReference.MessageID, c.Body)
		}
		wantPath := "/channels/" + m.MessageReference.ChannelID + "/messages"
		if c.Path != wantPath {
			t.Errorf("reply to %s posted to %s, want %s", m.MessageReference.MessageID, c.Path, wantPath)
		}
		replies[m.MessageReference.MessageID] = m
	}
	for _, id := range []string{"m1", "m2", "m3"} {
		m, ok := replies[id]
		if !ok || len(m.Embeds) != 1 || m.Embeds[0].Footer == nil || !strings.Contains(m.Embeds[0].Footer.Text, "The New Arab") {
			t.Errorf("reply to %s: %+v", id, m)
		}
	}
	if m := replies["m1"]; len(m.Embeds) == 1 && m.Embeds[0].Title == "I don't know" {
		t.Errorf("the mention was not answered; was the mention left in the question?")
	}
	if m := replies["m4"]; len(m.Embeds) != 1 || m.Embeds[0].Title != "How to ask" || len(m.Components) == 0 {
		t.Errorf("empty mention got %+v, want the help text with buttons", m)
	}

	// A dropped connection is resumed, as discordgo does, and events are answered after it.
	conn.c.Close()
	var again *gatewayConn
	select {
	case again = <-f.conns:
	case <-time.After(5 * time.Second):
		t.Fatal("discordgo did not reconnect")
	}
	if !again.resumed {
		t.Error("reconnection did not RESUME the session")
	}
	testkit.WaitFor(t, 5*time.Second, "Ready() after resuming", gw.Ready)
	again.dispatch(t, "INTERACTION_CREATE", command("i4", "timeline"))
	if tl := decodeCallback(t, f.waitCall(t, http.MethodPost, "/interactions/i4/tok-i4/callback")); tl.Type != 4 {
		t.Errorf("/timeline after resuming: %s", tl.raw)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if gw.Ready() {
		t.Error("still ready after Run returned")
	}

	// Nothing was sent for the bot's own message, another bot's, or one without a mention.
	if n := len(f.callsTo("/channels/")); n != 4 {
		t.Errorf("%d channel messages, want 4 (m1, m2, m3, m4): %v", n, f.paths())
	}
	for _, id := range []string{"m-own", "m-bot", "m-none"} {
		if _, ok := replies[id]; ok {
			t.Errorf("replied to %s", id)
		}
	}
	if f.heartbeats.Load() == 0 {
		t.Error("no heartbeat was sent")
	}
	if l := logs.String(); strings.Contains(l, "test-token") || strings.Contains(l, "Who is Ali Vaez") {
		t.Errorf("logs hold the token or message text:\n%s", l)
	}
}

// decodeCallback decodes an interaction callback the bot posted.
func decodeCallback(t *testing.T, c restCall) wireResponse {
	t.Helper()
	var r wireResponse
	if err := json.Unmarshal(c.Body, &r); err != nil {
		t.Fatalf("callback %s: %v", c.Body, err)
	}
	r.raw = string(c.Body)
	return r
}

func TestNewGatewayValidates(t *testing.T) {
	engine := testkit.Engine(t)
	for _, tc := range []struct {
		name string
		opts GatewayOptions
	}{
		{"no token", GatewayOptions{}},
		{"blank token", GatewayOptions{Token: "Bot  "}},
		{"shard out of range", GatewayOptions{Token: "t", ShardID: 2, ShardCount: 2}},
		{"negative shard", GatewayOptions{Token: "t", ShardID: -1}},
	} {
		if _, err := NewGateway(engine, tc.opts); err == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
	if _, err := NewGateway(nil, GatewayOptions{Token: "t"}); err == nil {
		t.Error("nil engine accepted")
	}
}

// TestRegisterCommandsGlobal checks that without a guild the overwrite is global.
func TestRegisterCommandsGlobal(t *testing.T) {
	f := newFakeDiscord(t)
	useFakeEndpoints(t, f.srv.URL)
	s, _ := discordgo.New("Bot test-token")
	if err := RegisterCommands(context.Background(), s, fakeAppID, ""); err != nil {
		t.Fatal(err)
	}
	f.waitCall(t, http.MethodPut, "/applications/app1/commands")
	if err := RegisterCommands(context.Background(), s, "", ""); err == nil {
		t.Error("no app ID accepted")
	}
	f.mu.Lock()
	f.calls = nil
	f.mu.Unlock()
	if err := RegisterCommands(context.Background(), s, "missing", "nowhere"); err == nil || !strings.Contains(err.Error(), "guild nowhere") {
		t.Errorf("a 404 gave %v", err)
	}
}

func TestRegisterWithToken(t *testing.T) {
	f := newFakeDiscord(t)
	useFakeEndpoints(t, f.srv.URL)
	if err := Register(context.Background(), "Bot test-token", fakeAppID, fakeGuild); err != nil {
		t.Fatal(err)
	}
	f.waitCall(t, http.MethodPut, "/applications/app1/guilds/guild1/commands")
	if err := Register(context.Background(), " ", fakeAppID, ""); err == nil {
		t.Error("no token accepted")
	}
}

// TestGatewayCountsUndeliveredReplies: when Discord refuses a reply, the loss is logged
// with the event id and reported to Hooks.After as failed, so that it is counted.
func TestGatewayCountsUndeliveredReplies(t *testing.T) {
	f := newFakeDiscord(t)
	f.refuse = "dm-locked"
	useFakeEndpoints(t, f.srv.URL)
	logs := &testkit.LogBuffer{}
	var mu sync.Mutex
	var outcomes []string
	hooks := adapters.Hooks{After: func(_ context.Context, ev adapters.Event, outcome adapters.Outcome, _ time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		outcomes = append(outcomes, ev.ID+"/"+outcome.String())
	}}
	conn := runGateway(t, f, testkit.Engine(t), GatewayOptions{Logger: testLogger(logs), Hooks: hooks})

	conn.dispatch(t, "MESSAGE_CREATE", messageCreate("m-lost", "", "dm-locked", "user1", false, "Who is Ali Vaez?"))
	conn.dispatch(t, "MESSAGE_CREATE", messageCreate("m-ok", "", "dm-open", "user1", false, "Who is Ali Vaez?"))
	f.waitCall(t, http.MethodPost, "/channels/dm-open/messages")
	testkit.WaitFor(t, 5*time.Second, "the failed outcome", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return slices.Contains(outcomes, "m-lost/failed")
	})
	mu.Lock()
	got := strings.Join(outcomes, " ")
	mu.Unlock()
	if strings.Contains(got, "m-ok/failed") || !strings.Contains(got, "m-ok/answered") {
		t.Errorf("outcomes %q: the delivered reply is misreported", got)
	}
	if l := logs.String(); !strings.Contains(l, "reply lost") || !strings.Contains(l, "event_id=m-lost") {
		t.Errorf("the lost reply is not logged with its event id:\n%s", l)
	}
}

// runGateway runs a Gateway with engine against the fake until the test ends, and
// returns its connection once the gateway is ready.
func runGateway(t *testing.T, f *fakeDiscord, engine Engine, opts GatewayOptions) *gatewayConn {
	t.Helper()
	opts.Token, opts.GuildID = "test-token", fakeGuild
	gw, err := NewGateway(engine, opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- gw.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	var conn *gatewayConn
	select {
	case conn = <-f.conns:
	case <-time.After(5 * time.Second):
		t.Fatal("no gateway connection")
	}
	testkit.WaitFor(t, 5*time.Second, "Ready()", gw.Ready)
	return conn
}
