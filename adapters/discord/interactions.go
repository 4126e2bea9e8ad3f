package discord

import (
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/borderbot/borderbot/adapters"
)

// MaxBodyBytes is the largest interaction body the HTTP endpoint reads.
const MaxBodyBytes = 64 << 10

// MaxClockSkew is how far a request's signed timestamp may be from now.
const MaxClockSkew = 5 * time.Minute

// HandlerOptions configures the HTTP interactions endpoint; every field is optional.
type HandlerOptions struct {
	Logger  *slog.Logger      // where to log; nil means slog.Default()
	Now     func() time.Time  // the clock the timestamp is checked against; nil means time.Now
	Hooks   adapters.Hooks    // per-event hooks, for rate limits
	Metrics *adapters.Metrics // where events and lost replies are counted; nil counts nothing
	// Conversations keeps each /ask's context between questions; nil means an in-memory
	// store with adapters.DefaultConversationTTL.
	Conversations adapters.ConversationStore
	// Curator is told of every question answered and every 👍 or 👎; nil shows no
	// feedback buttons.
	Curator adapters.Curator
	// Pictures draws /timeline's and /map's pictures, sent as follow-ups; nil means text alone.
	Pictures Pictures
}

// interactionsHandler serves Discord's HTTP interactions.
type interactionsHandler struct {
	h    *handler
	key  ed25519.PublicKey
	now  func() time.Time
	rest *discordgo.Session // sends follow-ups, which need no token
}

// NewInteractionsHandler returns the handler for POST /discord/interactions, the
// Interactions Endpoint URL set in the Developer Portal: it verifies each request's
// Ed25519 signature with the application's public key and answers in the response.
func NewInteractionsHandler(engine Engine, publicKey ed25519.PublicKey, opts HandlerOptions) http.Handler {
	h := newHandler(engine, opts.Logger, opts.Hooks, opts.Metrics, opts.Conversations)
	h.curator = opts.Curator
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if len(publicKey) != ed25519.PublicKeySize {
		h.log.Error("interactions endpoint has no valid public key; every request will fail", "key_bytes", len(publicKey))
	}
	h.pics = opts.Pictures
	rest, _ := discordgo.New("") // it fails only on a login it is not asked to make
	return &interactionsHandler{h: h, key: publicKey, now: opts.Now, rest: rest}
}

// errBodyTooLong stops reading a body over MaxBodyBytes.
var errBodyTooLong = errors.New("discord: interaction body over 64 KiB")

// limitedBody reads at most MaxBodyBytes and remembers whether the body was longer.
type limitedBody struct {
	r       io.ReadCloser
	left    int64
	tooLong bool
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// Probe one byte to tell a body of exactly the limit from a longer one.
		var one [1]byte
		if n, _ := b.r.Read(one[:]); n > 0 {
			b.tooLong = true
			return 0, errBodyTooLong
		}
		return 0, io.EOF
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *limitedBody) Close() error { return b.r.Close() }

// ServeHTTP verifies, parses and answers one interaction.
func (ih *interactionsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	log := ih.h.log.With("remote", r.RemoteAddr)
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if len(ih.key) != ed25519.PublicKeySize {
		http.Error(w, "interactions endpoint is not configured", http.StatusInternalServerError)
		return
	}
	if r.ContentLength > MaxBodyBytes {
		log.Warn("interaction body too large", "bytes", r.ContentLength)
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return
	}
	body := &limitedBody{r: r.Body, left: MaxBodyBytes}
	r.Body = body
	// VerifyInteraction reads the body itself and puts it back for us to read again.
	ok := discordgo.VerifyInteraction(r, ih.key)
	if body.tooLong {
		log.Warn("interaction body too large")
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return
	}
	if !ok {
		log.Warn("interaction with a missing or bad signature")
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	ts, err := strconv.ParseInt(r.Header.Get("X-Signature-Timestamp"), 10, 64)
	if err != nil || absDuration(ih.now().Sub(time.Unix(ts, 0))) > MaxClockSkew {
		log.Warn("interaction with a stale or unreadable timestamp", "timestamp", r.Header.Get("X-Signature-Timestamp"))
		http.Error(w, "invalid request timestamp", http.StatusUnauthorized)
		return
	}
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return
	}
	var in discordgo.Interaction
	if err := json.Unmarshal(raw, &in); err != nil {
		log.Warn("malformed interaction", "error", err.Error())
		http.Error(w, "malformed interaction", http.StatusBadRequest)
		return
	}
	var resp any
	var withFiles *discordgo.InteractionResponse
	if in.Type == discordgo.InteractionPing {
		resp = discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}
	} else {
		ir := ih.h.interaction(r.Context(), &in)
		resp = wire(ir)
		if hasFiles(ir) {
			// A response to the HTTP request cannot carry files: hold the interaction
			// open, then send the answer as its follow-up (ih.sendFollowup).
			resp, withFiles = deferred(ir), ir
		}
	}
	out, err := json.Marshal(resp)
	if err != nil {
		log.Error("encode interaction response", "event_id", in.ID, "error", err.Error())
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if withFiles == nil {
		w.Write(out)
		return
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(out)))
	w.Write(out)
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	ih.sendFollowup(r.Context(), &in, withFiles)
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
