package main

import (
	"bytes"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// TestHealthcheck runs `bot healthcheck` against the real server and against servers
// that answer otherwise, or not at all.
func TestHealthcheck(t *testing.T) {
	s := startServer(t, nil, serverSetup{})
	addr := strings.TrimPrefix(s.base, "http://")
	if code, out, errOut := runBot(t, "", nil, "healthcheck", "--addr", addr); code != 0 || !strings.Contains(out, "200") {
		t.Errorf("against the running bot: exit %d %q %q", code, out, errOut)
	}
	// The configured address, where it listens on every interface, is asked on loopback.
	_, port, _ := net.SplitHostPort(addr)
	if code, _, errOut := runBot(t, "", map[string]string{"BOT_HTTP_ADDR": "0.0.0.0:" + port}, "healthcheck"); code != 0 {
		t.Errorf("with BOT_HTTP_ADDR=0.0.0.0:%s: exit %d %s", port, code, errOut)
	}
	if code, _, errOut := runBot(t, "", map[string]string{"PORT": port}, "healthcheck"); code != 0 {
		t.Errorf("with PORT=%s: exit %d %s", port, code, errOut)
	}

	sick := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "not well", http.StatusServiceUnavailable)
	}))
	defer sick.Close()
	if code, _, errOut := runBot(t, "", nil, "healthcheck", "--addr", strings.TrimPrefix(sick.URL, "http://")); code != 1 || !strings.Contains(errOut, "503") {
		t.Errorf("against a 503: exit %d %q, want 1 naming the status", code, errOut)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	if code, _, _ := runBot(t, "", nil, "healthcheck", "--addr", closed); code != 1 {
		t.Errorf("against nothing listening: exit %d, want 1", code)
	}
	if code, _, _ := runBot(t, "", nil, "healthcheck", "--addr", "no-port"); code != 2 {
		t.Errorf("a bad --addr: exit %d, want 2", code)
	}
}

// TestConsoleNoPromptWithoutATerminal: with standard input from /dev/null (a character
// device, but no terminal) the console prints no prompt, only its greeting.
func TestConsoleNoPromptWithoutATerminal(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	var out, errOut bytes.Buffer
	if code := run(nil, null, &out, &errOut, func(string) string { return "" }); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if strings.Contains(out.String(), "> ") {
		t.Errorf("a prompt was printed with standard input from /dev/null:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "Ask me about") {
		t.Errorf("no greeting:\n%s", out.String())
	}
}
