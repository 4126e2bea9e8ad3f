package review

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	_ "embed"
	"encoding/hex"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/borderbot/borderbot/adapters"
)

// SessionCookie is the name of the cookie the login form sets.
const SessionCookie = "borderbot_review"

// sessionLife is how long a login lasts.
const sessionLife = 12 * time.Hour

//go:embed page.html
var pageHTML string

var pageTemplate = template.Must(template.New("review").Funcs(template.FuncMap{
	"pct": func(x float64) int { return int(100*x + 0.5) },
}).Parse(pageHTML))

// Handler serves the review page, GET /review, to those who hold the token: as
// "Authorization: Bearer <token>", or through the login form (POST /review/login), which
// sets an HttpOnly, SameSite=Strict cookie. Everyone else gets 401 and the form.
type Handler struct {
	Store Store
	Token string
	Title func(id string) string // names an entry; nil leaves titles out
	Log   *slog.Logger
	Now   func() time.Time // nil means time.Now
}

// Routes registers GET /review and POST /review/login on mux.
func (h *Handler) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /review", h.ServePage)
	mux.HandleFunc("POST /review/login", h.ServeLogin)
}

func (h *Handler) now() time.Time {
	if h.Now != nil {
		return h.Now()
	}
	return time.Now()
}

func (h *Handler) log() *slog.Logger {
	if h.Log != nil {
		return h.Log
	}
	return slog.New(slog.DiscardHandler)
}

// equal compares two secrets in constant time, whatever their lengths.
func equal(a, b string) bool {
	x, y := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
	return subtle.ConstantTimeCompare(x[:], y[:]) == 1
}

// session is the cookie's value for the token: an HMAC of it, so the token itself is
// never stored in the browser.
func (h *Handler) session() string {
	m := hmac.New(sha256.New, []byte(h.Token))
	m.Write([]byte("borderbot review session"))
	return hex.EncodeToString(m.Sum(nil))
}

// authorised reports whether the request carries the token or the login's cookie.
func (h *Handler) authorised(r *http.Request) bool {
	if h.Token == "" {
		return false
	}
	if auth := r.Header.Get("Authorization"); auth != "" {
		scheme, token, ok := strings.Cut(auth, " ")
		return ok && strings.EqualFold(scheme, "Bearer") && equal(strings.TrimSpace(token), h.Token)
	}
	c, err := r.Cookie(SessionCookie)
	return err == nil && equal(c.Value, h.session())
}

func secureHeaders(w http.ResponseWriter) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Frame-Options", "DENY")
}

// pageData is what the template shows.
type pageData struct {
	Login     bool
	Failed    bool
	Report    Report
	Chart     chart
	Since     string
	Platform  string
	Outcome   string
	Sinces    []string
	Platforms []string
	Outcomes  []Outcome
	Words     map[Outcome]string
}

// ServePage shows the review page, or 401 and the login form.
func (h *Handler) ServePage(w http.ResponseWriter, r *http.Request) {
	secureHeaders(w)
	if !h.authorised(r) {
		h.login(w, false)
		return
	}
	q := r.URL.Query()
	now := h.now()
	sinceText := q.Get("since")
	if sinceText == "" {
		sinceText = "30d"
	}
	since, err := ParseSince(sinceText, now)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	f := Filter{Platform: adapters.Platform(q.Get("platform")), Outcome: Outcome(q.Get("outcome"))}
	if f.Outcome != "" && !f.Outcome.Valid() {
		http.Error(w, "unknown outcome", http.StatusBadRequest)
		return
	}
	records, err := h.Store.Records(r.Context(), since)
	if err != nil {
		h.log().Error("review page: read records", "error", err.Error())
		http.Error(w, "cannot read the review store", http.StatusInternalServerError)
		return
	}
	days, err := h.Store.Days(r.Context(), since)
	if err != nil {
		h.log().Error("review page: read daily counts", "error", err.Error())
		http.Error(w, "cannot read the review store", http.StatusInternalServerError)
		return
	}
	rep := Build(records, days, since, now, f, h.Title)
	if q.Get("format") == "json" {
		w.Header().Set("Content-Type", "application/json")
		rep.WriteJSON(w)
		return
	}
	data := pageData{Report: rep, Chart: newChart(rep.Days), Since: sinceText, Platform: string(f.Platform), Outcome: string(f.Outcome),
		Sinces: []string{"1d", "7d", "30d", "90d"}, Platforms: []string{"discord", "slack"}, Outcomes: Outcomes, Words: outcomeWords}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, data); err != nil {
		h.log().Error("review page: render", "error", err.Error())
		http.Error(w, "cannot render the review page", http.StatusInternalServerError)
		return
	}
	if _, err := buf.WriteTo(w); err != nil {
		h.log().Warn("review page: render", "error", err.Error())
	}
}

// login answers 401 with the login form.
func (h *Handler) login(w http.ResponseWriter, failed bool) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("WWW-Authenticate", `Bearer realm="review"`)
	w.WriteHeader(http.StatusUnauthorized)
	pageTemplate.Execute(w, pageData{Login: true, Failed: failed})
}

// ServeLogin checks the token the form sent and, when it is right, sets the session
// cookie and sends the browser to the page. A form sent from another site is refused.
func (h *Handler) ServeLogin(w http.ResponseWriter, r *http.Request) {
	secureHeaders(w)
	if !sameOrigin(r) {
		http.Error(w, "cross-site request refused", http.StatusForbidden)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if err := r.ParseForm(); err != nil || h.Token == "" || !equal(r.PostForm.Get("token"), h.Token) {
		h.log().Warn("review login refused", "remote", r.RemoteAddr)
		h.login(w, true)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: h.session(), Path: "/review", MaxAge: int(sessionLife.Seconds()),
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https"})
	http.Redirect(w, r, "/review", http.StatusSeeOther)
}

// sameOrigin reports whether a form was sent from this site: by the browser's
// Sec-Fetch-Site, or else its Origin, which must name this host; a client that sends
// neither (curl) is no browser that another site could drive.
func sameOrigin(r *http.Request) bool {
	if s := r.Header.Get("Sec-Fetch-Site"); s != "" {
		return s == "same-origin" || s == "none"
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && u.Host == r.Host
}

// chart is the questions per day as bars of an SVG, each day's answered, near-miss and
// not-answered stacked.
type chart struct {
	Width, Height int
	Bars          []bar
	Max           int
	Labels        []label
}

type bar struct {
	X, W                            int
	Day                             DayTotal
	Answered, NearMiss, NotAnswered rect
}

type rect struct{ Y, H int }

type label struct {
	X      int
	Text   string
	Anchor string // start, or end for a label at the right edge
}

// newChart lays out the days' bars in a 600 by 200 box.
func newChart(days []DayTotal) chart {
	c := chart{Width: 600, Height: 200}
	for _, d := range days {
		c.Max = max(c.Max, d.Total())
	}
	if len(days) == 0 {
		return c
	}
	slot := c.Width / len(days)
	if slot < 1 {
		slot = 1
	}
	scale := func(n int) int {
		if c.Max == 0 {
			return 0
		}
		return n * (c.Height - 20) / c.Max
	}
	every := max(1, len(days)/6)
	for i, d := range days {
		b := bar{X: i * slot, W: max(1, slot-slot/5), Day: d}
		y := c.Height - 16
		for _, part := range []struct {
			n int
			r *rect
		}{{d.Answered, &b.Answered}, {d.NearMiss, &b.NearMiss}, {d.NotAnswered, &b.NotAnswered}} {
			h := scale(part.n)
			y -= h
			*part.r = rect{Y: y, H: h}
		}
		c.Bars = append(c.Bars, b)
		if i%every == 0 {
			l := label{X: i * slot, Text: d.Date[5:], Anchor: "start"}
			if l.X > c.Width-40 {
				l.X, l.Anchor = c.Width, "end"
			}
			c.Labels = append(c.Labels, l)
		}
	}
	return c
}
