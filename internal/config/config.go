// Package config reads the bot's configuration: a TOML file, then environment variables
// that override secrets and addresses, then validation that names the key at fault.
package config

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Config is the bot's whole configuration.
type Config struct {
	Knowledge    Knowledge    `toml:"knowledge"`
	Answers      Answers      `toml:"answers"`
	HTTP         HTTP         `toml:"http"`
	Log          Log          `toml:"log"`
	RateLimit    RateLimit    `toml:"ratelimit"`
	Conversation Conversation `toml:"conversation"`
	Discord      Discord      `toml:"discord"`
	Slack        Slack        `toml:"slack"`
	Store        Store        `toml:"store"`
	Review       Review       `toml:"review"`
}

// Knowledge says where the knowledge base comes from.
type Knowledge struct {
	Path string `toml:"path" env:"BOT_KB_PATH"` // a directory or file of TOML; empty means the embedded base
}

// Answers tunes the answer engine.
type Answers struct {
	MinConfidence float64 `toml:"min_confidence" env:"BOT_MIN_CONFIDENCE"`
}

// HTTP configures the one HTTP server that serves health, metrics and webhooks.
type HTTP struct {
	Addr            string   `toml:"addr" env:"BOT_HTTP_ADDR"`
	ShutdownTimeout Duration `toml:"shutdown_timeout" env:"BOT_SHUTDOWN_TIMEOUT"`
}

// Log configures logging.
type Log struct {
	Format string `toml:"format" env:"BOT_LOG_FORMAT"` // "text" or "json"
	Level  string `toml:"level" env:"BOT_LOG_LEVEL"`   // "debug", "info", "warn" or "error"
}

// RateLimit bounds how often one user may ask.
type RateLimit struct {
	PerMinute float64 `toml:"per_minute" env:"BOT_RATE_PER_MINUTE"` // questions a user may ask per minute, sustained
	Burst     int     `toml:"burst" env:"BOT_RATE_BURST"`           // questions a user may ask at once
}

// Conversation says how long the bot remembers a conversation, so that a follow-up
// ("where was that?") is read with the question before it.
type Conversation struct {
	// TTL is how long a conversation is remembered after its last message.
	TTL Duration `toml:"ttl" env:"BOT_CONVERSATION_TTL"`
}

// Discord configures the Discord adapter.
type Discord struct {
	Gateway      *bool  `toml:"gateway" env:"DISCORD_GATEWAY"`           // run the gateway; defaults to true when a token is set
	Interactions *bool  `toml:"interactions" env:"DISCORD_INTERACTIONS"` // serve POST /discord/interactions; defaults to true when a public key is set
	Token        string `toml:"token" env:"DISCORD_TOKEN"`
	AppID        string `toml:"app_id" env:"DISCORD_APP_ID"`
	PublicKey    string `toml:"public_key" env:"DISCORD_PUBLIC_KEY"`
	GuildID      string `toml:"guild_id" env:"DISCORD_GUILD_ID"`
	ShardID      int    `toml:"shard_id" env:"DISCORD_SHARD_ID"`
	ShardCount   int    `toml:"shard_count" env:"DISCORD_SHARD_COUNT"`
	// APIURL is the base of discordgo's REST calls: Discord's own, a REST rate-limit
	// proxy, or a test server.
	APIURL string `toml:"api_url" env:"DISCORD_API_URL"`
}

// Slack configures the Slack adapter.
type Slack struct {
	SocketMode    *bool  `toml:"socket_mode" env:"SLACK_SOCKET_MODE"` // run Socket Mode; defaults to true when an app token is set
	EventsAPI     *bool  `toml:"events_api" env:"SLACK_EVENTS_API"`   // serve the Events API endpoints; defaults to true when a signing secret is set
	BotToken      string `toml:"bot_token" env:"SLACK_BOT_TOKEN"`
	AppToken      string `toml:"app_token" env:"SLACK_APP_TOKEN"`
	SigningSecret string `toml:"signing_secret" env:"SLACK_SIGNING_SECRET"`
	APIURL        string `toml:"api_url" env:"SLACK_API_URL"`
	// ReplyDeadline is how long a reply may wait for Slack, retries included, before it
	// is dropped, logged and counted as lost.
	ReplyDeadline Duration `toml:"reply_deadline" env:"SLACK_REPLY_DEADLINE"`
}

// Store says where the state several instances share is kept: in Redis when RedisURL
// is set, otherwise in this instance's memory.
type Store struct {
	// RedisURL is redis://[user:password@]host:port/db, or rediss:// for TLS.
	RedisURL string `toml:"redis_url" env:"BOT_REDIS_URL"`
	// RedisPrefix starts every key the bot writes in Redis, so that several bots (or a
	// staging and a production one) can share a server.
	RedisPrefix string `toml:"redis_prefix" env:"BOT_REDIS_PREFIX"`
	// PendingClaimAfter is how long a reply another instance acknowledged may go
	// untouched in Redis before this instance takes it as abandoned (that instance
	// died) and delivers it.
	PendingClaimAfter Duration `toml:"pending_claim_after" env:"BOT_PENDING_CLAIM_AFTER"`
}

// Review configures the curators' record: the questions the bot answered badly or not
// at all, and the votes on its answers. It is kept in a SQLite file at Path, or in Redis
// when the store's redis_url is set.
type Review struct {
	Enabled bool   `toml:"enabled" env:"BOT_REVIEW_ENABLED"` // record anything at all
	Secret  string `toml:"secret" env:"BOT_REVIEW_SECRET"`   // the HMAC key of user ids; empty means one made at random and kept in the store
	// Retention is how long a record is kept before it is deleted.
	Retention Duration `toml:"retention" env:"BOT_REVIEW_RETENTION"`
	Path      string   `toml:"path" env:"BOT_REVIEW_PATH"`   // the SQLite file, without Redis
	Token     string   `toml:"token" env:"BOT_REVIEW_TOKEN"` // opens GET /review; empty keeps it closed
}

// ReviewEnabled reports whether questions and votes are recorded for the curators.
func (c Config) ReviewEnabled() bool { return c.Review.Enabled }

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
		Answers:      Answers{MinConfidence: 0.5},
		HTTP:         HTTP{Addr: "127.0.0.1:8080", ShutdownTimeout: Duration{10 * time.Second}},
		Log:          Log{Format: "text", Level: "info"},
		RateLimit:    RateLimit{PerMinute: 20, Burst: 5},
		Conversation: Conversation{TTL: Duration{30 * time.Minute}},
		Discord:      Discord{ShardCount: 1, APIURL: "https://discord.com/api/v9/"},
		Slack:        Slack{APIURL: "https://slack.com/api/", ReplyDeadline: Duration{5 * time.Minute}},
		Store:        Store{RedisPrefix: "borderbot:", PendingClaimAfter: Duration{30 * time.Second}},
		Review:       Review{Enabled: true, Retention: Duration{30 * 24 * time.Hour}, Path: "borderbot-review.db"},
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

// Key is one configuration key: its TOML name (section.key) and the environment
// variable that overrides it, both read from the struct tags of Config, where alone
// they are written.
type Key struct {
	Name string // such as "http.addr"
	Env  string // such as "BOT_HTTP_ADDR"
	path []int  // the field's index path in Config
}

// String names the key and its variable, as messages show them: "http.addr (BOT_HTTP_ADDR)".
func (k Key) String() string { return k.Name + " (" + k.Env + ")" }

// Keys lists every configuration key, in the order Config declares them.
var Keys = keysOf(reflect.TypeFor[Config]())

func keysOf(t reflect.Type) []Key {
	var keys []Key
	for i := range t.NumField() {
		section := t.Field(i)
		for j := range section.Type.NumField() {
			f := section.Type.Field(j)
			keys = append(keys, Key{Name: section.Tag.Get("toml") + "." + f.Tag.Get("toml"), Env: f.Tag.Get("env"), path: []int{i, j}})
		}
	}
	return keys
}

// KeyOf returns the key of a field of c, given a pointer to it (&c.HTTP.Addr); it
// panics if field is not one, which is a programming error.
func (c *Config) KeyOf(field any) Key {
	p := reflect.ValueOf(field).Pointer()
	v := reflect.ValueOf(c).Elem()
	for _, k := range Keys {
		if v.FieldByIndex(k.path).Addr().Pointer() == p {
			return k
		}
	}
	panic(fmt.Sprintf("config: %T is not a field of Config", field))
}

// portVar is the variable platforms such as Cloud Run and Heroku set to the port to
// listen on; it is honoured, on every interface, when BOT_HTTP_ADDR is not set.
const portVar = "PORT"

// applyEnv applies every variable that is set; a variable set to the empty string (or
// white space) counts as not set.
func (c *Config) applyEnv(getenv func(string) string) error {
	if getenv == nil {
		getenv = os.Getenv
	}
	v := reflect.ValueOf(c).Elem()
	for _, k := range Keys {
		s := strings.TrimSpace(getenv(k.Env))
		if s == "" {
			continue
		}
		if err := set(v.FieldByIndex(k.path), s); err != nil {
			return fmt.Errorf("environment variable %s: %s: %q is not a valid value", k.Env, k.Name, s)
		}
	}
	addr := c.KeyOf(&c.HTTP.Addr)
	if port := strings.TrimSpace(getenv(portVar)); port != "" && strings.TrimSpace(getenv(addr.Env)) == "" {
		if _, err := strconv.ParseUint(port, 10, 16); err != nil {
			return fmt.Errorf("environment variable %s: %q is not a port", portVar, port)
		}
		c.HTTP.Addr = ":" + port
	}
	return nil
}

// set assigns one field from its string form.
func set(f reflect.Value, s string) error {
	switch p := f.Addr().Interface().(type) {
	case *string:
		*p = s
	case *bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return err
		}
		*p = b
	case **bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return err
		}
		*p = &b
	case *int:
		n, err := strconv.Atoi(s)
		if err != nil {
			return err
		}
		*p = n
	case *float64:
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return err
		}
		*p = x
	case *Duration:
		return p.UnmarshalText([]byte(s))
	default:
		return fmt.Errorf("no way to set a %s", f.Type())
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

// Validate checks every value and that each enabled adapter has what it needs; each
// message names the key at fault and its environment variable.
func (c Config) Validate() error {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	key := func(field any) Key { return c.KeyOf(field) }
	if c.Answers.MinConfidence <= 0 || c.Answers.MinConfidence > 1 {
		fail("%s: %v is not in (0, 1]", key(&c.Answers.MinConfidence), c.Answers.MinConfidence)
	}
	if _, _, err := net.SplitHostPort(c.HTTP.Addr); err != nil {
		fail("%s: %q is not host:port", key(&c.HTTP.Addr), c.HTTP.Addr)
	}
	if c.HTTP.ShutdownTimeout.Duration <= 0 {
		fail("%s: must be positive", key(&c.HTTP.ShutdownTimeout))
	}
	if c.Log.Format != "text" && c.Log.Format != "json" {
		fail("%s: %q is not text or json", key(&c.Log.Format), c.Log.Format)
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(c.Log.Level)); err != nil {
		fail("%s: %q is not debug, info, warn or error", key(&c.Log.Level), c.Log.Level)
	}
	if c.RateLimit.PerMinute <= 0 {
		fail("%s: must be positive", key(&c.RateLimit.PerMinute))
	}
	if c.RateLimit.Burst < 1 {
		fail("%s: must be at least 1", key(&c.RateLimit.Burst))
	}
	if c.Conversation.TTL.Duration < time.Second {
		fail("%s: %v is too short; a conversation needs a second at least", key(&c.Conversation.TTL), c.Conversation.TTL.Duration)
	}
	if c.DiscordGateway() && c.Discord.Token == "" {
		fail("%s is on but %s is not set", key(&c.Discord.Gateway), key(&c.Discord.Token))
	}
	if c.DiscordInteractions() && c.Discord.PublicKey == "" {
		fail("%s is on but %s is not set", key(&c.Discord.Interactions), key(&c.Discord.PublicKey))
	}
	if c.Discord.ShardCount < 1 || c.Discord.ShardID < 0 || c.Discord.ShardID >= c.Discord.ShardCount {
		fail("%s %d and %s %d: need 0 <= shard_id < shard_count", key(&c.Discord.ShardID), c.Discord.ShardID,
			key(&c.Discord.ShardCount), c.Discord.ShardCount)
	}
	if c.SlackSocketMode() {
		if c.Slack.AppToken == "" {
			fail("%s is on but %s is not set", key(&c.Slack.SocketMode), key(&c.Slack.AppToken))
		} else if !strings.HasPrefix(c.Slack.AppToken, "xapp-") {
			fail("%s must start with xapp-", key(&c.Slack.AppToken))
		}
	}
	if c.SlackSocketMode() || c.SlackEventsAPI() {
		if c.Slack.BotToken == "" {
			fail("slack is enabled but %s is not set", key(&c.Slack.BotToken))
		} else if !strings.HasPrefix(c.Slack.BotToken, "xoxb-") {
			fail("%s must start with xoxb-", key(&c.Slack.BotToken))
		}
	}
	if c.SlackEventsAPI() && c.Slack.SigningSecret == "" {
		fail("%s is on but %s is not set", key(&c.Slack.EventsAPI), key(&c.Slack.SigningSecret))
	}
	if !strings.HasPrefix(c.Discord.APIURL, "http://") && !strings.HasPrefix(c.Discord.APIURL, "https://") {
		fail("%s: %q is not an http(s) URL", key(&c.Discord.APIURL), c.Discord.APIURL)
	}
	if !strings.HasPrefix(c.Slack.APIURL, "http://") && !strings.HasPrefix(c.Slack.APIURL, "https://") {
		fail("%s: %q is not an http(s) URL", key(&c.Slack.APIURL), c.Slack.APIURL)
	}
	if c.Slack.ReplyDeadline.Duration < time.Second {
		fail("%s: %v is too short; a reply needs a second at least", key(&c.Slack.ReplyDeadline), c.Slack.ReplyDeadline.Duration)
	}
	if u := c.Store.RedisURL; u != "" && !strings.HasPrefix(u, "redis://") && !strings.HasPrefix(u, "rediss://") && !strings.HasPrefix(u, "unix://") {
		fail("%s: %q is not a redis://, rediss:// or unix:// URL", key(&c.Store.RedisURL), redactURL(u))
	}
	if c.Store.RedisPrefix == "" {
		fail("%s: must not be empty", key(&c.Store.RedisPrefix))
	}
	if c.Store.PendingClaimAfter.Duration < 100*time.Millisecond {
		fail("%s: %v is too short; an instance needs a tenth of a second at least to show it is alive", key(&c.Store.PendingClaimAfter), c.Store.PendingClaimAfter.Duration)
	}
	if c.ReviewEnabled() {
		if c.Review.Retention.Duration < time.Hour {
			fail("%s: %v is too short; keep records an hour at least", key(&c.Review.Retention), c.Review.Retention.Duration)
		}
		if c.Store.RedisURL == "" && strings.TrimSpace(c.Review.Path) == "" {
			fail("%s: must not be empty while the review is enabled without Redis", key(&c.Review.Path))
		}
	}
	if t := c.Review.Token; t != "" && len(t) < 16 {
		fail("%s: must be 16 characters or more", key(&c.Review.Token))
	}
	if len(errs) > 0 {
		return fmt.Errorf("config: %w", errors.Join(errs...))
	}
	return nil
}

// redactURL hides the password of a URL, for messages.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
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
