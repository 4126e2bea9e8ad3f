// Package config reads the bot's configuration: a TOML file, then environment variables
// that override secrets and addresses, then validation that names the key at fault.
package config

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Config is the bot's whole configuration.
type Config struct {
	Knowledge Knowledge `toml:"knowledge"`
	Answers   Answers   `toml:"answers"`
	HTTP      HTTP      `toml:"http"`
	Log       Log       `toml:"log"`
	RateLimit RateLimit `toml:"ratelimit"`
	Discord   Discord   `toml:"discord"`
	Slack     Slack     `toml:"slack"`
}

// Knowledge says where the knowledge base comes from.
type Knowledge struct {
	Path string `toml:"path"` // a directory or file of TOML; empty means the embedded base
}

// Answers tunes the answer engine.
type Answers struct {
	MinConfidence float64 `toml:"min_confidence"`
}

// HTTP configures the one HTTP server that serves health, metrics and webhooks.
type HTTP struct {
	Addr            string   `toml:"addr"`
	ShutdownTimeout Duration `toml:"shutdown_timeout"`
}

// Log configures logging.
type Log struct {
	Format string `toml:"format"` // "text" or "json"
	Level  string `toml:"level"`  // "debug", "info", "warn" or "error"
}

// RateLimit bounds how often one user may ask.
type RateLimit struct {
	PerMinute float64 `toml:"per_minute"` // questions a user may ask per minute, sustained
	Burst     int     `toml:"burst"`      // questions a user may ask at once
}

// Discord configures the Discord adapter.
type Discord struct {
	Gateway      *bool  `toml:"gateway"`      // run the gateway; defaults to true when a token is set
	Interactions *bool  `toml:"interactions"` // serve POST /discord/interactions; defaults to true when a public key is set
	Token        string `toml:"token"`
	AppID        string `toml:"app_id"`
	PublicKey    string `toml:"public_key"`
	GuildID      string `toml:"guild_id"`
	ShardID      int    `toml:"shard_id"`
	ShardCount   int    `toml:"shard_count"`
}

// Slack configures the Slack adapter.
type Slack struct {
	SocketMode    *bool  `toml:"socket_mode"` // run Socket Mode; defaults to true when an app token is set
	EventsAPI     *bool  `toml:"events_api"`  // serve the Events API endpoints; defaults to true when a signing secret is set
	BotToken      string `toml:"bot_token"`
	AppToken      string `toml:"app_token"`
	SigningSecret string `toml:"signing_secret"`
	APIURL        string `toml:"api_url"`
}

// Duration is a time.Duration written in TOML as a string such as "10s".
type Duration struct{ time.Duration }

// UnmarshalText parses a duration such as "10s" or "1m30s".
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return err
	}
	d.Duration = v
	return nil
}

// MarshalText writes the duration as Go writes it.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Default returns the configuration used when nothing is set.
func Default() Config {
	return Config{
		Answers:   Answers{MinConfidence: 0.5},
		HTTP:      HTTP{Addr: "127.0.0.1:8080", ShutdownTimeout: Duration{10 * time.Second}},
		Log:       Log{Format: "text", Level: "info"},
		RateLimit: RateLimit{PerMinute: 20, Burst: 5},
		Discord:   Discord{ShardCount: 1},
		Slack:     Slack{APIURL: "https://slack.com/api/"},
	}
}

// Load reads the TOML file at path (none when path is empty) over the defaults, applies
// the environment through getenv, and validates the result.
func Load(path string, getenv func(string) string) (Config, error) {
	c := Default()
	if path != "" {
		md, err := toml.DecodeFile(path, &c)
		if err != nil {
			return c, fmt.Errorf("config %s: %w", path, err)
		}
		if und := md.Undecoded(); len(und) > 0 {
			keys := make([]string, len(und))
			for i, k := range und {
				keys[i] = k.String()
			}
			return c, fmt.Errorf("config %s: unknown key %s", path, strings.Join(keys, ", "))
		}
	}
	if err := c.applyEnv(getenv); err != nil {
		return c, err
	}
	return c, c.Validate()
}

// Env lists the environment variables the bot reads, and the key each overrides.
var Env = []struct{ Name, Key string }{
	{"BOT_KB_PATH", "knowledge.path"},
	{"BOT_MIN_CONFIDENCE", "answers.min_confidence"},
	{"BOT_HTTP_ADDR", "http.addr"},
	{"BOT_SHUTDOWN_TIMEOUT", "http.shutdown_timeout"},
	{"BOT_LOG_FORMAT", "log.format"},
	{"BOT_LOG_LEVEL", "log.level"},
	{"BOT_RATE_PER_MINUTE", "ratelimit.per_minute"},
	{"BOT_RATE_BURST", "ratelimit.burst"},
	{"DISCORD_TOKEN", "discord.token"},
	{"DISCORD_APP_ID", "discord.app_id"},
	{"DISCORD_PUBLIC_KEY", "discord.public_key"},
	{"DISCORD_GUILD_ID", "discord.guild_id"},
	{"DISCORD_SHARD_ID", "discord.shard_id"},
	{"DISCORD_SHARD_COUNT", "discord.shard_count"},
	{"SLACK_BOT_TOKEN", "slack.bot_token"},
	{"SLACK_APP_TOKEN", "slack.app_token"},
	{"SLACK_SIGNING_SECRET", "slack.signing_secret"},
	{"SLACK_API_URL", "slack.api_url"},
}

func (c *Config) applyEnv(getenv func(string) string) error {
	if getenv == nil {
		getenv = os.Getenv
	}
	for _, e := range Env {
		v := strings.TrimSpace(getenv(e.Name))
		if v == "" {
			continue
		}
		if err := c.set(e.Key, v); err != nil {
			return fmt.Errorf("environment variable %s: %w", e.Name, err)
		}
	}
	return nil
}

// set assigns one key from its string form.
func (c *Config) set(key, v string) error {
	str := map[string]*string{
		"knowledge.path": &c.Knowledge.Path, "http.addr": &c.HTTP.Addr,
		"log.format": &c.Log.Format, "log.level": &c.Log.Level,
		"discord.token": &c.Discord.Token, "discord.app_id": &c.Discord.AppID,
		"discord.public_key": &c.Discord.PublicKey, "discord.guild_id": &c.Discord.GuildID,
		"slack.bot_token": &c.Slack.BotToken, "slack.app_token": &c.Slack.AppToken,
		"slack.signing_secret": &c.Slack.SigningSecret, "slack.api_url": &c.Slack.APIURL,
	}
	if p, ok := str[key]; ok {
		*p = v
		return nil
	}
	var err error
	switch key {
	case "answers.min_confidence":
		c.Answers.MinConfidence, err = strconv.ParseFloat(v, 64)
	case "http.shutdown_timeout":
		err = c.HTTP.ShutdownTimeout.UnmarshalText([]byte(v))
	case "ratelimit.per_minute":
		c.RateLimit.PerMinute, err = strconv.ParseFloat(v, 64)
	case "ratelimit.burst":
		c.RateLimit.Burst, err = strconv.Atoi(v)
	case "discord.shard_id":
		c.Discord.ShardID, err = strconv.Atoi(v)
	case "discord.shard_count":
		c.Discord.ShardCount, err = strconv.Atoi(v)
	default:
		return fmt.Errorf("no such key %s", key)
	}
	if err != nil {
		return fmt.Errorf("%s: %q is not a valid value", key, v)
	}
	return nil
}

// DiscordGateway reports whether the Discord gateway adapter should run.
func (c Config) DiscordGateway() bool { return enabled(c.Discord.Gateway, c.Discord.Token) }

// DiscordInteractions reports whether the Discord HTTP interactions endpoint should run.
func (c Config) DiscordInteractions() bool {
	return enabled(c.Discord.Interactions, c.Discord.PublicKey)
}

// SlackSocketMode reports whether the Slack Socket Mode adapter should run.
func (c Config) SlackSocketMode() bool { return enabled(c.Slack.SocketMode, c.Slack.AppToken) }

// SlackEventsAPI reports whether the Slack Events API endpoints should run.
func (c Config) SlackEventsAPI() bool { return enabled(c.Slack.EventsAPI, c.Slack.SigningSecret) }

// AnyPlatform reports whether any platform adapter is enabled.
func (c Config) AnyPlatform() bool {
	return c.DiscordGateway() || c.DiscordInteractions() || c.SlackSocketMode() || c.SlackEventsAPI()
}

func enabled(explicit *bool, secret string) bool {
	if explicit != nil {
		return *explicit
	}
	return secret != ""
}

// Validate checks every value and that each enabled adapter has what it needs.
func (c Config) Validate() error {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if c.Answers.MinConfidence <= 0 || c.Answers.MinConfidence > 1 {
		fail("answers.min_confidence: %v is not in (0, 1]", c.Answers.MinConfidence)
	}
	if _, _, err := net.SplitHostPort(c.HTTP.Addr); err != nil {
		fail("http.addr: %q is not host:port", c.HTTP.Addr)
	}
	if c.HTTP.ShutdownTimeout.Duration <= 0 {
		fail("http.shutdown_timeout: must be positive")
	}
	if c.Log.Format != "text" && c.Log.Format != "json" {
		fail("log.format: %q is not text or json", c.Log.Format)
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(c.Log.Level)); err != nil {
		fail("log.level: %q is not debug, info, warn or error", c.Log.Level)
	}
	if c.RateLimit.PerMinute <= 0 {
		fail("ratelimit.per_minute: must be positive")
	}
	if c.RateLimit.Burst < 1 {
		fail("ratelimit.burst: must be at least 1")
	}
	if c.DiscordGateway() && c.Discord.Token == "" {
		fail("discord.gateway is on but discord.token (DISCORD_TOKEN) is not set")
	}
	if c.DiscordInteractions() && c.Discord.PublicKey == "" {
		fail("discord.interactions is on but discord.public_key (DISCORD_PUBLIC_KEY) is not set")
	}
	if c.Discord.ShardCount < 1 || c.Discord.ShardID < 0 || c.Discord.ShardID >= c.Discord.ShardCount {
		fail("discord.shard_id %d and shard_count %d: need 0 <= shard_id < shard_count", c.Discord.ShardID, c.Discord.ShardCount)
	}
	if c.SlackSocketMode() {
		if c.Slack.AppToken == "" {
			fail("slack.socket_mode is on but slack.app_token (SLACK_APP_TOKEN) is not set")
		} else if !strings.HasPrefix(c.Slack.AppToken, "xapp-") {
			fail("slack.app_token (SLACK_APP_TOKEN) must start with xapp-")
		}
	}
	if c.SlackSocketMode() || c.SlackEventsAPI() {
		if c.Slack.BotToken == "" {
			fail("slack is enabled but slack.bot_token (SLACK_BOT_TOKEN) is not set")
		} else if !strings.HasPrefix(c.Slack.BotToken, "xoxb-") {
			fail("slack.bot_token (SLACK_BOT_TOKEN) must start with xoxb-")
		}
	}
	if c.SlackEventsAPI() && c.Slack.SigningSecret == "" {
		fail("slack.events_api is on but slack.signing_secret (SLACK_SIGNING_SECRET) is not set")
	}
	if !strings.HasPrefix(c.Slack.APIURL, "http://") && !strings.HasPrefix(c.Slack.APIURL, "https://") {
		fail("slack.api_url: %q is not an http(s) URL", c.Slack.APIURL)
	}
	if len(errs) > 0 {
		return fmt.Errorf("config: %w", errors.Join(errs...))
	}
	return nil
}

// Logger builds the slog logger the configuration asks for, writing to w.
func (c Config) Logger(w io.Writer) *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(c.Log.Level))
	opts := &slog.HandlerOptions{Level: lvl}
	if c.Log.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
