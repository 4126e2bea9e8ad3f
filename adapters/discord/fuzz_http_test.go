package discord

import (
	"crypto/ed25519"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/internal/testkit"
)

// FuzzInteractionsHandler sends any body, correctly signed, to the interactions endpoint:
// whatever Discord (or an attacker holding a leaked key) sends, the handler answers with
// a status and, for a 200, a well-formed interaction response; it never panics.
func FuzzInteractionsHandler(f *testing.F) {
	for _, s := range []string{
		`{"type":1}`,
		`{"id":"1","type":2,"data":{"name":"ask","options":[{"name":"question","type":3,"value":"why did iran strike"}]}}`,
		`{"id":"2","type":4,"data":{"name":"ask","options":[{"name":"question","type":3,"value":"kerm","focused":true}]}}`,
		`{"id":"3","type":3,"data":{"custom_id":"ask:iran-strike","component_type":2}}`,
		`{"id":"4","type":2,"data":{"name":"quote","options":[{"name":"expert","type":3,"value":7}]}}`,
		`{"type":2,"data":null}`, `{"type":99}`, `{`, `null`, `[]`, ``,
	} {
		f.Add([]byte(s))
	}
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		f.Fatal(err)
	}
	h := NewInteractionsHandler(testkit.Engine(f), pub, HandlerOptions{
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return fixedNow }, Hooks: adapters.Hooks{},
	})
	f.Fuzz(func(t *testing.T, body []byte) {
		w := (&endpoint{h: h}).do(request(priv, fixedNow, body))
		switch w.Code {
		case http.StatusOK:
			var resp struct {
				Type int `json:"type"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
				t.Fatalf("200 with a body that is not JSON: %q", w.Body)
			}
			switch resp.Type {
			case 1, 4, 7, 8:
			default:
				t.Fatalf("200 with response type %d: %s", resp.Type, w.Body)
			}
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
		default:
			t.Fatalf("status %d for a signed body: %s", w.Code, w.Body)
		}
	})
}
