// Package testkit holds what the tests of several packages share: the real answer engine,
// a log sink safe for concurrent writers, the request signatures Slack and Discord send,
// and a look-up of one metric series.
package testkit

import (
	"bytes"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/knowledge"
)

var (
	engineOnce sync.Once
	engine     *answers.Engine
	engineErr  error
)

// Engine returns the real answer engine over the embedded knowledge base, built once
// per test binary, with the default options.
func Engine(tb testing.TB) *answers.Engine {
	tb.Helper()
	engineOnce.Do(func() {
		var b *knowledge.Base
		if b, engineErr = knowledge.Embedded(); engineErr == nil {
			engine, engineErr = answers.New(b, answers.Options{})
		}
	})
	if engineErr != nil {
		tb.Fatalf("answer engine: %v", engineErr)
	}
	return engine
}

// LogBuffer is a log sink safe for concurrent writers.
type LogBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p to the buffer.
func (l *LogBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// String returns everything written so far.
func (l *LogBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// SlackHeaders returns the headers Slack sends with a body signed with secret at ts.
func SlackHeaders(secret string, body []byte, ts time.Time) http.Header {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + stamp + ":"))
	mac.Write(body)
	h := http.Header{}
	h.Set("X-Slack-Request-Timestamp", stamp)
	h.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return h
}

// DiscordHeaders returns the headers Discord sends with an interaction body signed with
// key at ts; a nil key leaves the signature out.
func DiscordHeaders(key ed25519.PrivateKey, body []byte, ts time.Time) http.Header {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("X-Signature-Timestamp", stamp)
	if key != nil {
		h.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, append([]byte(stamp), body...))))
	}
	return h
}

// WaitFor polls cond until it holds, failing the test once timeout has passed.
func WaitFor(tb testing.TB, timeout time.Duration, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Golden compares v, as indented JSON, with the golden file at path; with update set it
// rewrites the file first, for when a change of rendering is meant.
func Golden(tb testing.TB, path string, v any, update bool) {
	tb.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	got = append(got, '\n')
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s differs from the rendering (run go test -update if the change is meant):\n%s", path, got)
	}
}

// PlatformSample returns, from what g gathers, the value of the metric name's series
// whose platform label is platform: a counter's or a gauge's value, a histogram's count
// of observations. It is -1 when there is no such series.
func PlatformSample(tb testing.TB, g prometheus.Gatherer, name, platform string) float64 {
	tb.Helper()
	families, err := g.Gather()
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() != "platform" || l.GetValue() != platform {
					continue
				}
				switch {
				case m.GetHistogram() != nil:
					return float64(m.GetHistogram().GetSampleCount())
				case m.GetGauge() != nil:
					return m.GetGauge().GetValue()
				default:
					return m.GetCounter().GetValue()
				}
			}
		}
	}
	return -1
}
