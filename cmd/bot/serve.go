package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/redis/go-redis/v9"
	slackapi "github.com/slack-go/slack"
	"golang.org/x/term"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/adapters/console"
	"github.com/borderbot/borderbot/adapters/discord"
	"github.com/borderbot/borderbot/adapters/pictures"
	"github.com/borderbot/borderbot/adapters/redisstore"
	"github.com/borderbot/borderbot/adapters/slack"
	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/config"
	"github.com/borderbot/borderbot/review"
	reviewredis "github.com/borderbot/borderbot/review/redisstore"
	reviewsqlite "github.com/borderbot/borderbot/review/sqlitestore"
)

func cmdServe(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "serve", "bot [serve] [flags]",
		"Runs every adapter the configuration enables: the Discord gateway (DISCORD_TOKEN), the Discord\ninteractions endpoint (DISCORD_PUBLIC_KEY), Slack Socket Mode (SLACK_APP_TOKEN) and the Slack\nEvents API (SLACK_SIGNING_SECRET), with /healthz, /readyz and /metrics on the HTTP server.\nWith none enabled it runs the console on standard input.")
	var c common
	c.register(fs, e)
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, eng, err := c.load(e)
	if err != nil {
		return err
	}
	if !cfg.AnyPlatform() {
		prompt := ""
		if isTerminal(e.stdin) {
			prompt = "> "
		}
		return console.RunWithPictures(ctx, eng, pictures.NewCache(eng), os.TempDir(), e.stdin, e.stdout, prompt)
	}
	log := cfg.Logger(e.stderr)
	srv, err := newServer(cfg, eng, log, prometheus.NewRegistry())
	if err != nil {
		return usageError{err}
	}
	srv.warmPictures = true
	return srv.run(ctx, nil)
}

// runner is an adapter that holds a connection open until its context ends.
type runner interface {
	Run(ctx context.Context) error
	Ready() bool
}

// server is every enabled adapter and the HTTP server they share.
type server struct {
	cfg     config.Config
	log     *slog.Logger
	mux     *http.ServeMux
	runners map[string]runner
	events  *slack.EventsHandler // nil unless the Slack Events API is enabled
	store   *redisstore.Store    // nil unless [store] redis_url is set
	// conversations is this instance's memory of the conversations: the one store of
	// every adapter's, or, with Redis, what answers while Redis is down.
	conversations *adapters.MemoryConversations
	pictures      *pictures.Cache // the timeline and the map, drawn once
	warmPictures  bool            // draw them at start, in the background
	ready         map[string]func() bool
	// recorder writes the curators' record to reviews; both nil when [review] enabled
	// is false.
	recorder *review.Recorder
	reviews  review.Store
	httpUp   bool
	mu       sync.Mutex
}

// newServer builds the adapters the configuration enables, without connecting anything.
// tune, for tests, adjusts the Slack Events API options the configuration does not
// cover (retries, backoff, reply timeout, HTTP client).
func newServer(cfg config.Config, eng *answers.Engine, log *slog.Logger, reg *prometheus.Registry, tune ...func(*slack.EventsOptions)) (*server, error) {
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	metrics := adapters.NewMetrics(reg, buildVersion())
	s := &server{cfg: cfg, log: log, mux: http.NewServeMux(), runners: map[string]runner{}, ready: map[string]func() bool{},
		conversations: adapters.NewMemoryConversations(cfg.Conversation.TTL.Duration, adapters.DefaultConversationBytes, nil)}
	reg.MustRegister(s.conversations.Collectors()...)
	var limiter adapters.Limiter = adapters.NewUserLimiter(cfg.RateLimit.PerMinute, cfg.RateLimit.Burst, nil)
	var seen slack.EventStore // nil: the Slack adapter's own memory
	var conversations adapters.ConversationStore = s.conversations
	delivery := slack.Delivery{Deadline: cfg.Slack.ReplyDeadline.Duration} // replies pending in this instance's memory
	if cfg.Store.RedisURL != "" {
		setRedisLogger.Do(func() { redis.SetLogger(redisLogger{log}) })
		st, err := redisstore.Open(cfg.Store.RedisURL, redisstore.Options{Prefix: cfg.Store.RedisPrefix, Logger: log, Registerer: reg})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", cfg.KeyOf(&cfg.Store.RedisURL), err)
		}
		s.store = st
		limiter = st.Limiter(cfg.RateLimit.PerMinute, cfg.RateLimit.Burst, limiter)
		seen = st.Events(slack.DefaultSeenTTL, slack.NewMemoryEvents(slack.DefaultSeenTTL, slack.DefaultSeenBytes, nil))
		// A follow-up in a thread or DM may reach another instance than the message
		// before it: the conversation is read from Redis.
		conversations = st.Conversations(s.conversations.TTL(), s.conversations)
		// A reply acknowledged but not delivered (a shutdown, a crash, a long
		// Retry-After) waits in a Redis stream until this instance or another delivers it.
		claimAfter := cfg.Store.PendingClaimAfter.Duration
		delivery.Pending = st.Pending(redisstore.PendingOptions{ClaimAfter: claimAfter}, adapters.NewMemoryPending())
		// Often enough to keep this instance's replies fresh, and to take a reply
		// handed over at shutdown within a second.
		delivery.ClaimEvery = min(claimAfter/3, time.Second)
		// Ready once Redis has answered: an instance that never reached it would
		// answer every retry again. An outage later degrades it without taking it
		// out of the load balancer (see serveReady).
		s.ready["redis"] = st.Reached
	}
	delivery.Seen = seen
	hooks := adapters.Hooks{Before: adapters.RateLimit(limiter, metrics, log)}
	var curator adapters.Curator // nil: no feedback buttons, nothing recorded
	if cfg.ReviewEnabled() {
		st, err := openReviewStore(cfg)
		if err != nil {
			return nil, err
		}
		rec, err := review.NewRecorder(review.Options{Store: st, Engine: eng, Secret: []byte(cfg.Review.Secret),
			Retention: cfg.Review.Retention.Duration, Logger: log})
		if err != nil {
			st.Close()
			return nil, err
		}
		reg.MustRegister(rec.Collectors()...)
		s.recorder, s.reviews, curator = rec, st, rec
	}
	if cfg.Review.Token != "" {
		if s.reviews == nil {
			return nil, fmt.Errorf("%s is set but %s is false: the page would have nothing to show", cfg.KeyOf(&cfg.Review.Token), cfg.KeyOf(&cfg.Review.Enabled))
		}
		(&review.Handler{Store: s.reviews, Token: cfg.Review.Token, Title: entryTitle(eng), Log: log}).Routes(s.mux)
	}
	s.pictures = pictures.NewCache(eng)
	pics := s.pictures

	if (cfg.DiscordGateway() || cfg.DiscordInteractions()) && cfg.Discord.APIURL != discord.DefaultAPIURL {
		if _, err := discord.UseAPIURL(cfg.Discord.APIURL); err != nil {
			return nil, fmt.Errorf("%s: %w", cfg.KeyOf(&cfg.Discord.APIURL), err)
		}
	}
	if cfg.DiscordGateway() {
		discordgo.Logger = discordLogger(log)
		g, err := discord.NewGateway(eng, discord.GatewayOptions{
			Token: cfg.Discord.Token, AppID: cfg.Discord.AppID, GuildID: cfg.Discord.GuildID, Logger: log,
			ShardID: cfg.Discord.ShardID, ShardCount: cfg.Discord.ShardCount, Hooks: hooks, Metrics: metrics,
			Conversations: conversations, Curator: curator, Pictures: pics,
		})
		if err != nil {
			return nil, fmt.Errorf("discord gateway: %w", err)
		}
		s.runners["discord gateway"] = g
	}
	if cfg.DiscordInteractions() {
		key, err := discord.ParsePublicKey(cfg.Discord.PublicKey)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", cfg.KeyOf(&cfg.Discord.PublicKey), err)
		}
		s.mux.Handle("POST /discord/interactions", discord.NewInteractionsHandler(eng, key, discord.HandlerOptions{Logger: log, Hooks: hooks, Metrics: metrics,
			Conversations: conversations, Curator: curator, Pictures: pics}))
		s.ready["discord interactions"] = s.httpReady
	}
	if cfg.SlackSocketMode() {
		sm, err := slack.NewSocketMode(eng, slack.SocketModeOptions{
			BotToken: cfg.Slack.BotToken, AppToken: cfg.Slack.AppToken, APIURL: cfg.Slack.APIURL, Logger: log,
			Hooks: hooks, Metrics: metrics, ShutdownGrace: cfg.HTTP.ShutdownTimeout.Duration,
			Delivery:      delivery,
			Conversations: conversations, Curator: curator, Pictures: pics,
		})
		if err != nil {
			return nil, fmt.Errorf("slack socket mode: %w", err)
		}
		s.runners["slack socket mode"] = sm
	}
	if cfg.SlackEventsAPI() {
		opts := slack.EventsOptions{
			SigningSecret: cfg.Slack.SigningSecret, BotToken: cfg.Slack.BotToken, APIURL: cfg.Slack.APIURL,
			Logger: log, Hooks: hooks, Metrics: metrics,
			Delivery:      delivery,
			Conversations: conversations, Curator: curator, Pictures: pics,
		}
		for _, f := range tune {
			f(&opts)
		}
		eh, err := slack.NewEventsHandler(eng, opts)
		if err != nil {
			return nil, fmt.Errorf("slack events api: %w", err)
		}
		eh.Routes(s.mux)
		s.events = eh
		s.ready["slack events api"] = func() bool { return s.httpReady() && eh.Ready() }
	}
	for name, r := range s.runners {
		s.ready[name] = r.Ready
	}

	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	s.mux.HandleFunc("GET /readyz", s.serveReady)
	s.mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	return s, nil
}

func (s *server) httpReady() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.httpUp
}

// serveReady answers 200 when every enabled adapter is connected or listening, and 503
// naming those that are not.
func (s *server) serveReady(w http.ResponseWriter, _ *http.Request) {
	var down []string
	for name, ok := range s.ready {
		if !ok() {
			down = append(down, name)
		}
	}
	sort.Strings(down)
	if len(down) > 0 {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "not ready: %v\n", down)
	} else {
		fmt.Fprintln(w, "ready")
	}
	// Redis lost after it was reached degrades the bot (de-duplication at least once,
	// rate limits per instance) but it still answers: it says so and stays ready, so that
	// an outage of Redis does not take every instance out of the load balancer at once.
	if s.store != nil {
		if st := s.store.Status(); st != "" {
			fmt.Fprintf(w, "degraded: %s\n", st)
		}
	}
}

// run listens, starts every adapter, and serves until ctx ends or an adapter fails; then
// it stops taking new events and waits, up to the shutdown timeout, for replies in
// flight. listening, if set, is told the HTTP server's address once it listens.
func (s *server) run(ctx context.Context, listening func(addr string)) error {
	ln, err := net.Listen("tcp", s.cfg.HTTP.Addr)
	if err != nil {
		return usageError{fmt.Errorf("%s: %w", s.cfg.KeyOf(&s.cfg.HTTP.Addr), err)}
	}
	httpSrv := &http.Server{
		Handler: s.mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 10 * time.Second, IdleTimeout: 60 * time.Second,
		ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	var names []string
	for name := range s.runners {
		names = append(names, name)
	}
	for name := range s.ready {
		if _, ok := s.runners[name]; !ok {
			names = append(names, name)
		}
	}
	s.log.Info("serving", "version", buildVersion(), "http_addr", ln.Addr().String(), "adapters", names)

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Draw the pictures now, in the background, so that no one waits for them later:
	// in Discord's theme and in Slack's, for the platforms that run. (The tests' servers,
	// timed and short-lived, draw them on first use.)
	var themes []pictures.Theme
	if s.cfg.DiscordGateway() || s.cfg.DiscordInteractions() {
		themes = append(themes, discord.PictureTheme)
	}
	if s.cfg.SlackSocketMode() || s.cfg.SlackEventsAPI() {
		themes = append(themes, slack.PictureTheme)
	}
	if s.warmPictures {
		go func() {
			start := time.Now()
			if err := s.pictures.Warm(runCtx, themes...); err != nil {
				s.log.Error("pictures not drawn", "error", err.Error())
				return
			}
			s.log.Debug("pictures drawn", "duration", time.Since(start))
		}()
	}
	if s.store != nil {
		defer func() { cancel(); s.store.Close() }()
		pingCtx, pingDone := context.WithTimeout(runCtx, 5*time.Second)
		if err := s.store.Ping(pingCtx); err != nil {
			s.log.Warn("redis not reachable at start-up: /readyz is 503 until it answers", "error", err.Error())
		}
		pingDone()
		go s.store.Watch(runCtx)
	}
	recDone := make(chan struct{})
	recCtx, recStop := context.WithCancel(context.WithoutCancel(ctx))
	if s.recorder != nil {
		// The recorder outlives the adapters, to write what their last events asked.
		go func() {
			defer close(recDone)
			s.recorder.Run(recCtx)
		}()
		defer func() {
			recStop()
			<-recDone
			if err := s.reviews.Close(); err != nil {
				s.log.Warn("review store did not close", "error", err.Error())
			}
		}()
	} else {
		recStop()
		close(recDone)
	}
	errs := make(chan error, len(s.runners)+2)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := httpSrv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			errs <- fmt.Errorf("http server: %w", err)
		}
	}()
	s.mu.Lock()
	s.httpUp = true
	s.mu.Unlock()
	if listening != nil {
		listening(ln.Addr().String())
	}
	if s.events != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.startSlackEvents(runCtx); err != nil && runCtx.Err() == nil {
				errs <- fmt.Errorf("slack events api: %w", err)
			}
		}()
	}
	for name, r := range s.runners {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := r.Run(runCtx); err != nil && (runCtx.Err() == nil || errors.Is(err, slack.ErrRepliesLost)) {
				errs <- fmt.Errorf("%s: %w", name, err)
			}
		}()
	}

	var failure error
	select {
	case <-ctx.Done():
		s.log.Info("stopping: finishing replies in flight", "timeout", s.cfg.HTTP.ShutdownTimeout.Duration)
	case failure = <-errs:
		s.log.Error("stopping: an adapter failed", "error", failure.Error())
	}
	s.mu.Lock()
	s.httpUp = false
	s.mu.Unlock()

	stopCtx, stopDone := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.HTTP.ShutdownTimeout.Duration)
	defer stopDone()
	if err := httpSrv.Shutdown(stopCtx); err != nil {
		s.log.Warn("http server did not stop in time", "error", err.Error())
	}
	if s.events != nil {
		if err := s.events.Close(stopCtx); err != nil && failure == nil {
			failure = err
		}
	}
	// The gateway and the socket close, after finishing their own replies within the
	// shutdown timeout, which each bounds itself; they get a little more to report.
	cancel()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(s.cfg.HTTP.ShutdownTimeout.Duration + 2*time.Second):
		if failure == nil {
			failure = errors.New("adapters did not stop within the shutdown timeout; replies in flight may be lost")
		}
	}
	if failure == nil {
		select {
		case failure = <-errs: // replies an adapter lost at shutdown
		default:
		}
	}
	if failure != nil {
		s.log.Error("stopped", "error", failure.Error())
		return failure
	}
	s.log.Info("stopped")
	return nil
}

// openReviewStore opens where the curators' record is kept: Redis with [store]
// redis_url, the SQLite file of [review] path otherwise.
func openReviewStore(cfg config.Config) (review.Store, error) {
	if cfg.Store.RedisURL != "" {
		st, err := reviewredis.Open(cfg.Store.RedisURL, cfg.Store.RedisPrefix, cfg.Review.Retention.Duration)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", cfg.KeyOf(&cfg.Store.RedisURL), err)
		}
		return st, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	st, err := reviewsqlite.Open(ctx, cfg.Review.Path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cfg.KeyOf(&cfg.Review.Path), err)
	}
	return st, nil
}

// entryTitle names an entry by its title, for the review.
func entryTitle(eng *answers.Engine) func(id string) string {
	return func(id string) string {
		if r, ok := eng.AnswerID(id); ok {
			return r.Title
		}
		return ""
	}
}

// startSlackEvents calls auth.test until it succeeds. A failure that is not Slack
// refusing the token (a 5xx, a timeout, no network) is retried with a capped backoff,
// so that a Slack outage at start-up keeps /readyz at 503 instead of ending the process.
func (s *server) startSlackEvents(ctx context.Context) error {
	wait := 500 * time.Millisecond
	for {
		err := s.events.Start(ctx)
		var refused slackapi.SlackErrorResponse
		if err == nil || errors.As(err, &refused) || ctx.Err() != nil {
			return err
		}
		s.log.Warn("auth.test failed, retrying", "platform", "slack", "error", err.Error(), "wait", wait)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 30*time.Second)
	}
}

// redisLogger sends go-redis's own log lines (a failed dial, say) to slog at debug:
// the store logs once, itself, when Redis becomes unreachable and when it is back.
type redisLogger struct{ log *slog.Logger }

// setRedisLogger sets go-redis's logger, which is one for the whole process, once.
var setRedisLogger sync.Once

func (l redisLogger) Printf(ctx context.Context, format string, v ...any) {
	l.log.Debug(fmt.Sprintf(format, v...), "store", "redis", "library", "go-redis")
}

// discordLogger sends discordgo's own log lines to slog.
func discordLogger(log *slog.Logger) func(msgL, caller int, format string, a ...any) {
	levels := map[int]slog.Level{
		discordgo.LogError: slog.LevelError, discordgo.LogWarning: slog.LevelWarn,
		discordgo.LogInformational: slog.LevelInfo, discordgo.LogDebug: slog.LevelDebug,
	}
	return func(msgL, _ int, format string, a ...any) {
		log.Log(context.Background(), levels[msgL], fmt.Sprintf(format, a...), "platform", "discord", "library", "discordgo")
	}
}

func cmdDiscord(ctx context.Context, e env, args []string) error {
	if len(args) == 0 || args[0] != "register" {
		fmt.Fprint(e.stderr, "Usage: bot discord register [flags]\n")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return nil
		}
		return usageError{fmt.Errorf("discord: unknown or missing subcommand (register)")}
	}
	fs := newFlags(e, "discord register", "bot discord register [flags]",
		"Registers the slash commands /ask, /quote, /experts, /timeline, /about and /map and the\nmessage command Check against the article with one bulk overwrite: on DISCORD_GUILD_ID when it is set (instantly), otherwise globally. Needs\nDISCORD_TOKEN and DISCORD_APP_ID.")
	var c common
	c.register(fs, e)
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	cfg, err := config.Load(c.configPath, e.getenv)
	if err != nil {
		return usageError{err}
	}
	if cfg.Discord.Token == "" || cfg.Discord.AppID == "" {
		return usageError{fmt.Errorf("discord register needs %s and %s", cfg.KeyOf(&cfg.Discord.Token), cfg.KeyOf(&cfg.Discord.AppID))}
	}
	if cfg.Discord.APIURL != discord.DefaultAPIURL {
		if _, err := discord.UseAPIURL(cfg.Discord.APIURL); err != nil {
			return usageError{fmt.Errorf("%s: %w", cfg.KeyOf(&cfg.Discord.APIURL), err)}
		}
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := discord.Register(ctx, cfg.Discord.Token, cfg.Discord.AppID, cfg.Discord.GuildID); err != nil {
		return fmt.Errorf("discord register: %w", err)
	}
	where := "globally (may take up to an hour to appear)"
	if cfg.Discord.GuildID != "" {
		where = "on guild " + cfg.Discord.GuildID
	}
	fmt.Fprintf(e.stdout, "registered %d commands %s\n", len(discord.Commands()), where)
	return nil
}

// isTerminal reports whether r is a terminal, where a person types; /dev/null, a pipe
// or a file is not, though /dev/null is a character device too.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
