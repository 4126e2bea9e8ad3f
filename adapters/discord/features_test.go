package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"image/png"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/borderbot/borderbot/adapters/pictures"
	"github.com/borderbot/borderbot/internal/testkit"
)

// Tests of the message command, the pictures and the map button, through the HTTP
// endpoint and the gateway, against the fake Discord.

// drawnPictures returns a cache of the pictures drawn once for the package's tests, as
// bot serve draws them at start: drawing the map takes seconds under the race detector.
func drawnPictures(t *testing.T) *pictures.Cache {
	t.Helper()
	drawn.once.Do(func() {
		drawn.cache = pictures.NewCache(testkit.Engine(t))
		drawn.err = drawn.cache.Warm(context.Background())
	})
	if drawn.err != nil {
		t.Fatal(drawn.err)
	}
	return drawn.cache
}

var drawn struct {
	once  sync.Once
	cache *pictures.Cache
	err   error
}

// newPictureEndpoint is an interactions handler that draws pictures.
func newPictureEndpoint(t *testing.T) *endpoint {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	key, err := ParsePublicKey(hex.EncodeToString(pub))
	if err != nil {
		t.Fatal(err)
	}
	logs := &testkit.LogBuffer{}
	engine := testkit.Engine(t)
	h := NewInteractionsHandler(engine, key, HandlerOptions{Logger: testLogger(logs), Now: func() time.Time { return fixedNow },
		Pictures: drawnPictures(t)})
	return &endpoint{h: h, priv: priv, logs: logs}
}

// messageCommand is the message command on a message, as Discord sends it: in a server
// where the app is installed, or, installed by the user, in a group DM.
func messageCommand(id, content string, userInstall bool) map[string]any {
	target := map[string]any{"id": "target-" + id, "channel_id": "chan1", "content": content,
		"author": user("someone"), "timestamp": "2024-01-20T10:00:00.000000+00:00"}
	in := map[string]any{
		"id": id, "application_id": "app1", "type": 2, "token": "tok-" + id, "version": 1,
		"data": map[string]any{"id": "cmd-check", "name": CommandCheck, "type": 3, "target_id": "target-" + id,
			"resolved": map[string]any{"messages": map[string]any{"target-" + id: target}}},
	}
	if userInstall {
		in["channel_id"], in["user"], in["context"] = "groupdm1", user("user1"), 2
		in["authorizing_integration_owners"] = map[string]any{"1": "user1"}
	} else {
		in["guild_id"], in["channel_id"], in["member"], in["context"] = "guild1", "chan1", map[string]any{"user": user("user1")}, 0
		in["authorizing_integration_owners"] = map[string]any{"0": "guild1"}
	}
	return in
}

func TestCheckMessageCommand(t *testing.T) {
	ep := newPictureEndpoint(t)
	tests := []struct {
		name, content string
		titles        []string // the findings, one embed each
	}{
		{"contradicted", "Pakistan's strike killed Iranian soldiers.", []string{"No"}},
		{"confirmed", "Pakistan struck Iran on 18 January", []string{"Yes"}},
		{"confirmed by its count", "Pakistan killed seven people", []string{"Yes"}},
		{"partly", "Iran's strike on 16 January killed seven children", []string{"Partly"}},
		{"not in the article, and a contradiction", "The missiles cost a billion dollars. Iran hit the Pakistani army.",
			[]string{"The article does not say", "No"}},
		{"markup cut, a question answered", "<@123> <:flag_ir:55> dozens of children died?? why did Iran strike Pakistan?",
			[]string{"No", "Answer"}},
	}
	for i, tt := range tests {
		for _, userInstall := range []bool{false, true} {
			r := ep.post(t, messageCommand("c"+string(rune('a'+i)), tt.content, userInstall))
			if r.Type != 4 || r.Data.Flags&64 == 0 {
				t.Errorf("%s: not a private reply: %s", tt.name, r.raw)
				continue
			}
			var got []string
			for _, e := range r.Data.Embeds {
				got = append(got, e.Title)
				if e.Footer == nil || !strings.Contains(e.Footer.Text, "The New Arab") {
					t.Errorf("%s: an embed without the source: %s", tt.name, r.raw)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.titles, "|") {
				t.Errorf("%s (user install %v): findings %q, want %q: %s", tt.name, userInstall, got, tt.titles, r.raw)
			}
			if b := r.buttons(); len(b) != 1 || b[0] != shareCheckID {
				t.Errorf("%s: buttons %v, want the share button", tt.name, b)
			}
		}
	}

	t.Run("quote with the fact", func(t *testing.T) {
		r := ep.post(t, messageCommand("cq", "Parsi said it was an unforced error on Tehran's part, true?", false))
		if len(r.Data.Embeds) == 0 || len(r.Data.Embeds[0].Fields) == 0 || !strings.Contains(r.Data.Embeds[0].Fields[0].Value, "unforced error") {
			t.Errorf("no verbatim quote: %s", r.raw)
		}
	})
	t.Run("only chatter", func(t *testing.T) {
		r := ep.post(t, messageCommand("cz", "lol thanks 👍 see you", false))
		if r.Type != 4 || r.Data.Flags&64 == 0 || len(r.Data.Embeds) != 0 || !strings.Contains(r.Data.Content, "nothing in that message to check") {
			t.Errorf("chatter: %s", r.raw)
		}
	})
	t.Run("share", func(t *testing.T) {
		private := ep.post(t, messageCommand("cs", "Pakistan's strike killed Iranian soldiers.", false))
		var shown map[string]any
		if err := json.Unmarshal([]byte(private.raw), &shown); err != nil {
			t.Fatal(err)
		}
		msg := shown["data"].(map[string]any)
		msg["id"], msg["channel_id"] = "ephemeral1", "chan1"
		press := button("cs2", shareCheckID)
		press["message"], press["channel_id"] = msg, "chan1"
		r := ep.post(t, press)
		if r.Type != 4 || r.Data.Flags&64 != 0 || len(r.Data.Embeds) != 1 || r.Data.Embeds[0].Title != "No" {
			t.Fatalf("shared check: %s", r.raw)
		}
		if !strings.Contains(r.Data.Content, "<@user2> shared") || len(r.buttons()) != 0 {
			t.Errorf("shared check does not say who shared it, or keeps the button: %s", r.raw)
		}
		if r.Data.AllowedMentions == nil || len(r.Data.AllowedMentions.Parse) != 0 {
			t.Errorf("shared check may ping: %s", r.raw)
		}
	})
}

// multipartCall is a multipart request the bot made: its JSON payload and its files.
type multipartCall struct {
	payload map[string]any
	files   map[string][]byte
}

func parseMultipart(t *testing.T, c restCall) multipartCall {
	t.Helper()
	mt, params, err := mime.ParseMediaType(c.ContentType)
	if err != nil || mt != "multipart/form-data" {
		t.Fatalf("%s %s: Content-Type %q, want multipart/form-data", c.Method, c.Path, c.ContentType)
	}
	out := multipartCall{files: map[string][]byte{}}
	mr := multipart.NewReader(bytes.NewReader(c.Body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		if p.FormName() == "payload_json" {
			if err := json.Unmarshal(b, &out.payload); err != nil {
				t.Fatalf("payload_json: %v", err)
			}
			continue
		}
		out.files[p.FileName()] = b
	}
	return out
}

// checkPicture checks a message payload with one picture: the embed shows the attached
// PNG, which has its alt text and decodes to the picture's size.
func checkPicture(t *testing.T, m multipartCall, name string) map[string]any {
	t.Helper()
	data := m.payload
	if d, ok := data["data"].(map[string]any); ok {
		data = d
	}
	embeds, _ := data["embeds"].([]any)
	if len(embeds) == 0 {
		t.Fatalf("no embed: %v", m.payload)
	}
	e := embeds[0].(map[string]any)
	if img, _ := e["image"].(map[string]any); img == nil || img["url"] != "attachment://"+name {
		t.Errorf("the embed does not show %s: %v", name, e["image"])
	}
	atts, _ := data["attachments"].([]any)
	if len(atts) != 1 {
		t.Fatalf("attachments %v", data["attachments"])
	}
	a := atts[0].(map[string]any)
	if a["filename"] != name || len(a["description"].(string)) < 100 {
		t.Errorf("attachment %v: want %s with its alt text", a, name)
	}
	img, err := png.Decode(bytes.NewReader(m.files[name]))
	if err != nil {
		t.Fatalf("%s: %v (files %d)", name, err, len(m.files))
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() < 400 {
		t.Errorf("%s is %v", name, b)
	}
	return e
}

func TestPicturesOverHTTPAreFollowUps(t *testing.T) {
	f := newFakeDiscord(t)
	useFakeEndpoints(t, f.srv.URL)
	ep := newPictureEndpoint(t)

	// /timeline: the interaction is deferred, and the picture follows through its webhook.
	r := ep.post(t, command("t1", "timeline"))
	if r.Type != 5 || r.Data == nil || r.Data.Flags&64 != 0 {
		t.Fatalf("/timeline over HTTP: %s, want a public deferred response (5)", r.raw)
	}
	call := f.waitCall(t, http.MethodPost, "/webhooks/app1/tok-t1")
	e := checkPicture(t, parseMultipart(t, call), "timeline-dark.png")
	if !strings.Contains(e["description"].(string), "16 January 2024") {
		t.Errorf("the timeline's text is gone: %v", e["description"])
	}

	// An answer about a place has a map button; one about a person has none.
	ans := ep.post(t, command("t2", "ask", opt("question", 3, "Where did Pakistan strike in Iran?")))
	if b := ans.buttons(); !strings.Contains(strings.Join(b, " "), "map:pakistan-strike") {
		t.Fatalf("no map button under an answer about Saravan: %v", b)
	}
	if b := ep.post(t, command("t3", "ask", opt("question", 3, "Who is Ali Vaez?"))).buttons(); strings.Contains(strings.Join(b, " "), "map:") {
		t.Errorf("a map button under an answer about a person: %v", b)
	}
	press := ep.post(t, button("t4", "map:pakistan-strike"))
	if press.Type != 5 {
		t.Fatalf("map button: %s", press.raw)
	}
	m := parseMultipart(t, f.waitCall(t, http.MethodPost, "/webhooks/app1/tok-t4"))
	e = checkPicture(t, m, "map-dark.png")
	if d := e["description"].(string); !strings.Contains(d, "Saravan") || !strings.Contains(d, "18 January 2024") || strings.Contains(d, "Kerman") {
		t.Errorf("the map for Pakistan's strike should list Saravan alone: %s", d)
	}
}

func TestPicturesOverTheGatewayAreAttached(t *testing.T) {
	f := newFakeDiscord(t)
	useFakeEndpoints(t, f.srv.URL)
	engine := testkit.Engine(t)
	gw, err := NewGateway(engine, GatewayOptions{Token: "test-token", GuildID: fakeGuild, Logger: testLogger(&testkit.LogBuffer{}),
		Pictures: drawnPictures(t)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- gw.Run(ctx) }()
	defer func() { cancel(); <-done }()
	conn := <-f.conns

	conn.dispatch(t, "INTERACTION_CREATE", command("g1", "map"))
	m := parseMultipart(t, f.waitCall(t, http.MethodPost, "/interactions/g1/tok-g1/callback"))
	if m.payload["type"] != float64(4) {
		t.Errorf("/map callback type %v, want 4", m.payload["type"])
	}
	e := checkPicture(t, m, "map-dark.png")
	for _, p := range engine.Places() {
		if !strings.Contains(e["description"].(string), p.Name) {
			t.Errorf("/map does not list %s", p.Name)
		}
	}

	conn.dispatch(t, "INTERACTION_CREATE", messageCommand("g2", "Iran hit the Pakistani army.", true))
	chk := decodeCallback(t, f.waitCall(t, http.MethodPost, "/interactions/g2/tok-g2/callback"))
	if chk.Type != 4 || chk.Data.Flags&64 == 0 || len(chk.Data.Embeds) != 1 || chk.Data.Embeds[0].Title != "No" {
		t.Errorf("message command over the gateway: %s", chk.raw)
	}
	// Nothing was posted to a channel: a user-installed app answers only the interaction.
	if n := len(f.callsTo("/channels/")); n != 0 {
		t.Errorf("%d channel messages: %v", n, f.paths())
	}
}

func TestUseAPIURL(t *testing.T) {
	for _, bad := range []string{"", "discord.com/api", "ftp://x/", "http://"} {
		if _, err := UseAPIURL(bad); err == nil {
			t.Errorf("UseAPIURL(%q) accepted", bad)
		}
	}
	restore, err := UseAPIURL("http://proxy.internal:8080/api/v9")
	if err != nil {
		t.Fatal(err)
	}
	if got := discordgo.EndpointWebhookToken("app1", "tok"); got != "http://proxy.internal:8080/api/v9/webhooks/app1/tok" {
		t.Errorf("follow-ups go to %s", got)
	}
	if got := discordgo.EndpointApplicationGuildCommands("app1", "g1"); got != "http://proxy.internal:8080/api/v9/applications/app1/guilds/g1/commands" {
		t.Errorf("registration goes to %s", got)
	}
	restore()
	if discordgo.EndpointAPI != DefaultAPIURL {
		t.Errorf("restored to %s, want %s", discordgo.EndpointAPI, DefaultAPIURL)
	}
}
