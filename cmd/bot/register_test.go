package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/borderbot/borderbot/adapters/discord"
)

// TestRegisterThroughDiscordAPIURL runs `bot discord register` against a fake Discord
// named by DISCORD_API_URL, and checks the commands as Discord receives them.
func TestRegisterThroughDiscordAPIURL(t *testing.T) {
	var mu sync.Mutex
	var got []map[string]any
	var path, auth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		path, auth = r.Method+" "+r.URL.Path, r.Header.Get("Authorization")
		_ = json.Unmarshal(body, &got)
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	defer srv.Close()
	t.Cleanup(func() {
		if _, err := discord.UseAPIURL(discord.DefaultAPIURL); err != nil {
			t.Error(err)
		}
	})
	env := map[string]string{"DISCORD_TOKEN": "tok", "DISCORD_APP_ID": "app9", "DISCORD_GUILD_ID": "g9",
		"DISCORD_API_URL": srv.URL + "/proxy/api/v9/"}
	code, out, errOut := runBot(t, "", env, "discord", "register")
	if code != 0 || !strings.Contains(out, "registered 7 commands on guild g9") {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	mu.Lock()
	defer mu.Unlock()
	if path != "PUT /proxy/api/v9/applications/app9/guilds/g9/commands" || auth != "Bot tok" {
		t.Errorf("registered with %s, Authorization %q", path, auth)
	}
	names := []string{}
	for _, c := range got {
		names = append(names, c["name"].(string))
		if it, ctx := c["integration_types"], c["contexts"]; len(it.([]any)) != 2 || len(ctx.([]any)) != 3 {
			t.Errorf("%v: integration_types %v, contexts %v", c["name"], it, ctx)
		}
	}
	if strings.Join(names, ",") != "ask,quote,experts,timeline,about,map,Check against the article" {
		t.Errorf("registered %v", names)
	}
	if code, _, errOut := runBot(t, "", map[string]string{"DISCORD_TOKEN": "tok", "DISCORD_APP_ID": "a", "DISCORD_API_URL": "discord.com"}, "discord", "register"); code != 2 || !strings.Contains(errOut, "DISCORD_API_URL") {
		t.Errorf("a bad DISCORD_API_URL: exit %d, %s", code, errOut)
	}
}
