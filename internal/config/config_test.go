package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func noEnv(string) string { return "" }

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestExampleFileIsTheDefaults(t *testing.T) {
	got, err := Load("../../config.example.toml", noEnv)
	if err != nil {
		t.Fatalf("config.example.toml: %v", err)
	}
	if want := Default(); !reflect.DeepEqual(got, want) {
		t.Errorf("config.example.toml differs from the defaults:\n got %+v\nwant %+v", got, want)
	}
	if got.AnyPlatform() {
		t.Error("the defaults enable a platform")
	}
}

func TestEnvironmentOverridesTheFile(t *testing.T) {
	path := write(t, "[http]\naddr = \"127.0.0.1:9000\"\n[slack]\nbot_token = \"xoxb-file\"\nsocket_mode = false\n")
	c, err := Load(path, envOf(map[string]string{
		"BOT_HTTP_ADDR": "0.0.0.0:8081", "DISCORD_TOKEN": "tok", "SLACK_BOT_TOKEN": "xoxb-env",
		"SLACK_APP_TOKEN": "xapp-1", "BOT_SHUTDOWN_TIMEOUT": "3s", "DISCORD_SHARD_COUNT": "2",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.HTTP.Addr != "0.0.0.0:8081" || c.Slack.BotToken != "xoxb-env" || c.HTTP.ShutdownTimeout.Duration != 3*time.Second || c.Discord.ShardCount != 2 {
		t.Errorf("environment not applied: %+v", c)
	}
	if !c.DiscordGateway() || c.DiscordInteractions() {
		t.Error("a token alone should enable the gateway and nothing else of Discord")
	}
	if c.SlackSocketMode() {
		t.Error("socket_mode = false in the file should win over an app token")
	}
}

func TestLoadNamesTheKeyAtFault(t *testing.T) {
	tests := []struct {
		name, file string
		env        map[string]string
		want       string
	}{
		{"unknown key", "[http]\nadress = \"x\"\n", nil, "http.adress"},
		{"unknown table", "[discrod]\ntoken = \"x\"\n", nil, "discrod"},
		{"bad duration", "[http]\nshutdown_timeout = \"soon\"\n", nil, "soon"},
		{"bad format", "[log]\nformat = \"xml\"\n", nil, "log.format"},
		{"bad level", "[log]\nlevel = \"loud\"\n", nil, "log.level"},
		{"bad address", "[http]\naddr = \"8080\"\n", nil, "http.addr"},
		{"redis url not redis", "", map[string]string{"BOT_REDIS_URL": "http://:hunter2@localhost:6379"}, "store.redis_url (BOT_REDIS_URL)"},
		{"confidence out of range", "[answers]\nmin_confidence = 2.0\n", nil, "answers.min_confidence"},
		{"gateway without token", "[discord]\ngateway = true\n", nil, "DISCORD_TOKEN"},
		{"interactions without key", "[discord]\ninteractions = true\n", nil, "DISCORD_PUBLIC_KEY"},
		{"socket mode without bot token", "", map[string]string{"SLACK_APP_TOKEN": "xapp-1"}, "SLACK_BOT_TOKEN"},
		{"events api without secret", "[slack]\nevents_api = true\nbot_token = \"xoxb-1\"\n", nil, "SLACK_SIGNING_SECRET"},
		{"app token in the bot token's place", "", map[string]string{"SLACK_APP_TOKEN": "xapp-1", "SLACK_BOT_TOKEN": "xapp-2"}, "xoxb-"},
		{"bad env number", "", map[string]string{"BOT_RATE_BURST": "lots"}, "BOT_RATE_BURST"},
		{"shard out of range", "[discord]\nshard_id = 2\nshard_count = 2\n", nil, "shard_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := write(t, tt.file)
			_, err := Load(path, envOf(tt.env))
			if err == nil {
				t.Fatal("loaded a bad configuration")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not name %q", err, tt.want)
			}
		})
	}
}

func TestNoFileMeansDefaults(t *testing.T) {
	c, err := Load("", noEnv)
	if err != nil || !reflect.DeepEqual(c, Default()) {
		t.Errorf("Load(\"\") = %+v, %v", c, err)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.toml"), noEnv); err == nil {
		t.Error("a missing config file was accepted")
	}
}

func write(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "bot.toml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestEveryKeyHasOneNameAndOneVariable: the keys come from Config's struct tags alone;
// every field has a TOML name and an environment variable, each used once.
func TestEveryKeyHasOneNameAndOneVariable(t *testing.T) {
	names, envs := map[string]bool{}, map[string]bool{}
	for _, k := range Keys {
		if k.Name == "" || strings.HasSuffix(k.Name, ".") || k.Env == "" {
			t.Errorf("key %+v lacks a TOML name or a variable", k)
		}
		if names[k.Name] || envs[k.Env] {
			t.Errorf("%s is named twice", k)
		}
		names[k.Name], envs[k.Env] = true, true
	}
	for _, want := range []string{"DISCORD_GATEWAY", "DISCORD_INTERACTIONS", "SLACK_SOCKET_MODE", "SLACK_EVENTS_API", "SLACK_REPLY_DEADLINE"} {
		if !envs[want] {
			t.Errorf("no key is set by %s", want)
		}
	}
	example, err := os.ReadFile("../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Keys {
		if !strings.Contains(string(example), "env "+k.Env) {
			t.Errorf("config.example.toml does not name %s", k.Env)
		}
	}
	c := Default()
	if got := c.KeyOf(&c.Slack.SigningSecret).String(); got != "slack.signing_secret (SLACK_SIGNING_SECRET)" {
		t.Errorf("KeyOf(&c.Slack.SigningSecret) = %q", got)
	}
}

func TestSwitchesPortAndEmptyVariables(t *testing.T) {
	c, err := Load("", envOf(map[string]string{
		"DISCORD_TOKEN": "tok", "DISCORD_GATEWAY": "false", "DISCORD_PUBLIC_KEY": "ab", "DISCORD_INTERACTIONS": "true",
		"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "SLACK_EVENTS_API": "0",
		"SLACK_APP_TOKEN": "xapp-1", "SLACK_SOCKET_MODE": "1", "PORT": "9090", "SLACK_REPLY_DEADLINE": "2m",
		"BOT_CONVERSATION_TTL": "5m",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.DiscordGateway() || !c.DiscordInteractions() || c.SlackEventsAPI() || !c.SlackSocketMode() {
		t.Errorf("switches not applied: gateway %v interactions %v events %v socket %v",
			c.DiscordGateway(), c.DiscordInteractions(), c.SlackEventsAPI(), c.SlackSocketMode())
	}
	if c.HTTP.Addr != ":9090" || c.Slack.ReplyDeadline.Duration != 2*time.Minute || c.Conversation.TTL.Duration != 5*time.Minute {
		t.Errorf("PORT, SLACK_REPLY_DEADLINE or BOT_CONVERSATION_TTL not applied: %q %v %v", c.HTTP.Addr, c.Slack.ReplyDeadline, c.Conversation.TTL)
	}

	// BOT_HTTP_ADDR wins over PORT; an empty variable is the same as an unset one.
	path := write(t, "[http]\naddr = \"127.0.0.1:7000\"\n[slack]\nsocket_mode = false\n")
	c, err = Load(path, envOf(map[string]string{"BOT_HTTP_ADDR": "127.0.0.1:7001", "PORT": "9090",
		"SLACK_SOCKET_MODE": "", "BOT_LOG_LEVEL": "  ", "SLACK_APP_TOKEN": "xapp-1", "SLACK_BOT_TOKEN": "xoxb-1"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.HTTP.Addr != "127.0.0.1:7001" || c.SlackSocketMode() || c.Log.Level != "info" {
		t.Errorf("addr %q, socket mode %v, level %q: an empty variable changed something, or PORT beat BOT_HTTP_ADDR",
			c.HTTP.Addr, c.SlackSocketMode(), c.Log.Level)
	}
	for env, bad := range map[string]string{"PORT": "http", "SLACK_EVENTS_API": "maybe", "SLACK_REPLY_DEADLINE": "soon",
		"BOT_CONVERSATION_TTL": "10ms"} {
		if _, err := Load("", envOf(map[string]string{env: bad})); err == nil || !strings.Contains(err.Error(), env) {
			t.Errorf("%s=%s: error %v does not name the variable", env, bad, err)
		}
	}
}

func TestRedisURLPasswordIsNotShown(t *testing.T) {
	_, err := Load("", envOf(map[string]string{"BOT_REDIS_URL": "http://:hunter2@localhost:6379"}))
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("error %v: want one that hides the password", err)
	}
	c, err := Load("", envOf(map[string]string{"BOT_REDIS_URL": "rediss://:pw@redis.internal:6380/1"}))
	if err != nil || c.Store.RedisURL != "rediss://:pw@redis.internal:6380/1" || c.Store.RedisPrefix != "borderbot:" {
		t.Errorf("a TLS URL: %+v, %v", c.Store, err)
	}
}
