package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/borderbot/borderbot/adapters"
)

// DefaultEventTimeout bounds the handling of one gateway event, the reply included.
const DefaultEventTimeout = 10 * time.Second

// GatewayOptions configures a Gateway; only Token is required.
type GatewayOptions struct {
	Token        string            // the bot token (DISCORD_TOKEN), without or with the "Bot " prefix
	AppID        string            // the application ID; empty means learn it from READY
	GuildID      string            // register commands on this guild only (instant); empty means globally
	Logger       *slog.Logger      // where to log; nil means slog.Default()
	ShardID      int               // this shard, from 0
	ShardCount   int               // the number of shards; 0 or 1 means no sharding
	Hooks        adapters.Hooks    // per-event hooks, for rate limits
	Metrics      *adapters.Metrics // where events and lost replies are counted; nil counts nothing
	EventTimeout time.Duration     // bounds one event's handling and reply; zero means DefaultEventTimeout
	// Conversations keeps each reply chain's, DM's, thread's and /ask's context between
	// messages; nil means an in-memory store with adapters.DefaultConversationTTL.
	Conversations adapters.ConversationStore
	// Curator is told of every question answered and every 👍 or 👎; nil shows no
	// feedback buttons.
	Curator adapters.Curator
	// Pictures draws /timeline's and /map's pictures, attached to the response; nil means text alone.
	Pictures Pictures
}

// Gateway serves the bot over a Discord gateway connection with discordgo.
type Gateway struct {
	h       *handler
	opts    GatewayOptions
	session *discordgo.Session

	ready   atomic.Bool
	started atomic.Bool

	mu       sync.Mutex
	base     context.Context // the context events are handled in, detached from Run's cancellation
	stopping bool
	inflight sync.WaitGroup

	threads channelKinds
}

// channelKinds remembers which channels are threads, as Discord said when asked: a
// channel's type never changes. It forgets them all when it holds maxChannelKinds.
type channelKinds struct {
	mu     sync.Mutex
	thread map[string]bool
}

// maxChannelKinds bounds the channels whose kind a gateway remembers.
const maxChannelKinds = 10_000

// NewGateway returns a Gateway that answers with engine; Run connects it.
func NewGateway(engine Engine, opts GatewayOptions) (*Gateway, error) {
	if engine == nil {
		return nil, errors.New("discord: new gateway: no engine")
	}
	token := strings.TrimSpace(opts.Token)
	if token == "Bot" || strings.HasPrefix(token, "Bot ") {
		token = strings.TrimSpace(token[len("Bot"):])
	}
	if token == "" {
		return nil, errors.New("discord: new gateway: no bot token (DISCORD_TOKEN)")
	}
	if opts.ShardCount < 0 || opts.ShardID < 0 || (opts.ShardCount > 1 && opts.ShardID >= opts.ShardCount) {
		return nil, fmt.Errorf("discord: new gateway: shard %d of %d is out of range", opts.ShardID, opts.ShardCount)
	}
	if opts.EventTimeout <= 0 {
		opts.EventTimeout = DefaultEventTimeout
	}
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("discord: new gateway: %w", err)
	}
	s.Identify.Intents = Intents
	s.StateEnabled = false // READY, which holds the bot's user, is kept all the same
	s.ShardID, s.ShardCount = opts.ShardID, max(opts.ShardCount, 1)
	g := &Gateway{h: newHandler(engine, opts.Logger, opts.Hooks, opts.Metrics, opts.Conversations), opts: opts, session: s, base: context.Background()}
	g.h.curator = opts.Curator
	g.h.isThread = g.isThread
	g.h.pics = opts.Pictures
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		g.ready.Store(true)
		g.h.log.Info("gateway ready", "shard", opts.ShardID, "guilds", len(r.Guilds))
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) { g.ready.Store(true) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) { g.ready.Store(false) })
	s.AddHandler(g.onInteraction)
	s.AddHandler(g.onMessage)
	return g, nil
}

// Ready reports whether the gateway is connected, for a readiness probe.
func (g *Gateway) Ready() bool { return g.ready.Load() }

// Run connects to the gateway, registers the commands, and answers interactions and
// messages until ctx is done; then it disconnects and waits for the events in flight.
// discordgo reconnects by itself after a lost connection. Run may be called once.
func (g *Gateway) Run(ctx context.Context) error {
	if !g.started.CompareAndSwap(false, true) {
		return errors.New("discord: gateway: Run called twice")
	}
	g.mu.Lock()
	g.base = context.WithoutCancel(ctx)
	g.mu.Unlock()

	if err := g.session.Open(); err != nil {
		return fmt.Errorf("discord: open gateway: %w", err)
	}
	g.ready.Store(true)
	appID, botID := g.opts.AppID, g.botID()
	if appID == "" {
		appID = g.readyAppID()
	}
	g.h.log.Info("connected to gateway", "app_id", appID, "bot_user_id", botID, "guild_id", g.opts.GuildID)
	if err := RegisterCommands(ctx, g.session, appID, g.opts.GuildID); err != nil {
		// The commands registered last time still work; keep serving.
		g.h.log.Error("registering commands failed", "error", err.Error())
	} else {
		g.h.log.Info("commands registered", "count", len(Commands()), "guild_id", g.opts.GuildID)
	}

	<-ctx.Done()
	g.ready.Store(false)
	err := g.session.Close()
	g.mu.Lock()
	g.stopping = true
	g.mu.Unlock()
	g.inflight.Wait()
	g.h.log.Info("gateway closed")
	if err != nil {
		return fmt.Errorf("discord: close gateway: %w", err)
	}
	return nil
}

// botID is the bot's own user ID, from READY.
func (g *Gateway) botID() string {
	st := g.session.State
	st.RLock()
	defer st.RUnlock()
	if st.User == nil {
		return ""
	}
	return st.User.ID
}

// readyAppID is the application ID from READY, or the bot's user ID, which equals it for bots.
func (g *Gateway) readyAppID() string {
	st := g.session.State
	st.RLock()
	defer st.RUnlock()
	if st.Application != nil && st.Application.ID != "" {
		return st.Application.ID
	}
	if st.User != nil {
		return st.User.ID
	}
	return ""
}

// begin counts an event in flight, or reports false when the gateway is stopping.
func (g *Gateway) begin() (context.Context, context.CancelFunc, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.stopping {
		return nil, nil, false
	}
	g.inflight.Add(1)
	ctx, cancel := context.WithTimeout(g.base, g.opts.EventTimeout)
	return ctx, cancel, true
}

// guard recovers a panic in a gateway event handler so it cannot crash the bot.
func (g *Gateway) guard(kind, id string) {
	if p := recover(); p != nil {
		g.h.log.Error("panic in a gateway handler", "event", kind, "event_id", id,
			"panic", fmt.Sprint(p), "stack", string(debug.Stack()))
	}
}

// serve runs fn for one gateway event, counted in flight, bounded by the event timeout,
// and with a panic outside the lifecycle (in sending, say) recovered; it does nothing
// once the gateway is stopping.
func (g *Gateway) serve(what, id string, fn func(ctx context.Context)) {
	ctx, cancel, ok := g.begin()
	if !ok {
		return
	}
	defer g.inflight.Done()
	defer cancel()
	defer g.guard(what, id)
	fn(ctx)
}

// onInteraction answers one INTERACTION_CREATE with an interaction callback.
func (g *Gateway) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	if ic == nil || ic.Interaction == nil || ic.Type == discordgo.InteractionPing {
		return
	}
	g.serve("interaction", ic.ID, func(ctx context.Context) {
		resp := g.h.interaction(ctx, ic.Interaction)
		endpoint := discordgo.EndpointInteractionResponse(ic.ID, ic.Token)
		var err error
		if hasFiles(resp) {
			err = g.h.respondWithFiles(ctx, s, ic.Interaction, resp) // multipart, with the files
		} else {
			_, err = s.RequestWithBucketID("POST", endpoint, wire(resp), endpoint, discordgo.WithContext(ctx))
		}
		if err != nil {
			g.h.lc.Undelivered(ctx, interactionEvent(ic.Interaction), err)
		}
	})
}

// onMessage replies to one MESSAGE_CREATE that mentions the bot or is a direct message.
func (g *Gateway) onMessage(s *discordgo.Session, mc *discordgo.MessageCreate) {
	if mc == nil || mc.Message == nil {
		return
	}
	g.serve("message", mc.ID, func(ctx context.Context) {
		send, next := g.h.message(ctx, mc.Message, g.botID())
		if send == nil {
			return
		}
		sent, err := s.ChannelMessageSendComplex(mc.ChannelID, send, discordgo.WithContext(ctx))
		if err != nil {
			g.h.lc.Undelivered(ctx, messageEvent(mc.Message), err)
			return
		}
		g.h.keepReply(ctx, sent.ID, next)
	})
}

// isThread reports whether a channel is a thread, asking Discord the first time (the
// bot requests no guild intents, so the gateway does not say). When Discord cannot say,
// the channel is taken for no thread, and asked about again next time.
func (g *Gateway) isThread(ctx context.Context, channelID string) bool {
	g.threads.mu.Lock()
	thread, known := g.threads.thread[channelID]
	g.threads.mu.Unlock()
	if known {
		return thread
	}
	ch, err := g.session.Channel(channelID, discordgo.WithContext(ctx))
	thread = err == nil && ch.IsThread()
	var refused *discordgo.RESTError
	if err != nil {
		g.h.log.Debug("could not tell whether a channel is a thread", "channel_id", channelID, "error", err.Error())
		// A refusal (no access, say) will not change: remember it, so as not to ask at
		// every message. Anything else (a 429, a 5xx, no network) is asked again.
		if !errors.As(err, &refused) || refused.Response == nil || refused.Response.StatusCode < 400 ||
			refused.Response.StatusCode >= 500 || refused.Response.StatusCode == http.StatusTooManyRequests {
			return false
		}
	}
	g.threads.mu.Lock()
	defer g.threads.mu.Unlock()
	if g.threads.thread == nil || len(g.threads.thread) >= maxChannelKinds {
		g.threads.thread = map[string]bool{}
	}
	g.threads.thread[channelID] = thread
	return thread
}
