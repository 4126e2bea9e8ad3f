package main

import (
	"bufio"
	"bytes"
	"errors"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/borderbot/borderbot/internal/testkit"
)

// TestServeStopsGracefullyOnSIGTERM runs the real binary as an operator would, with the
// Slack Events API enabled against a fake Slack, and checks that SIGTERM stops it cleanly:
// it says it is stopping, stops, and exits 0.
func TestServeStopsGracefullyOnSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	fake := newFakeSlack(t)
	b := startBinary(t, fake, "5s")
	code, all := b.terminate()
	if code != 0 {
		t.Fatalf("exit %d after SIGTERM:\n%s", code, all)
	}
	for _, want := range []string{"stopping: finishing replies in flight", "msg=stopped"} {
		if !strings.Contains(all, want) {
			t.Errorf("log lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, testBotToken) || strings.Contains(all, testSigningSecret) {
		t.Error("the log shows a secret")
	}
}

// TestServeExitsNonZeroWhenRepliesAreLost: SIGTERM while a reply is still waiting for a
// Slack that hangs. When the shutdown timeout ends, the reply is logged and counted as
// lost, and the process exits 1, so that the orchestrator can tell.
func TestServeExitsNonZeroWhenRepliesAreLost(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	fake := newFakeSlack(t)
	fake.failNext("CPENDING", faultHang)
	b := startBinary(t, fake, "500ms")
	body := mentionBody(t, "EvPending", "W1", "CPENDING", "1705400000.000700", "Who is Ali Vaez?")
	req, err := http.NewRequest(http.MethodPost, "http://"+b.addr+"/slack/events", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = testkit.SlackHeaders(testSigningSecret, body, time.Now())
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("event: %v %v", res, err)
	}
	res.Body.Close()
	testkit.WaitFor(t, 5*time.Second, "the post to hang", func() bool { return fake.attemptsTo("CPENDING") > 0 })
	code, all := b.terminate()
	if code != 1 {
		t.Errorf("exit %d with a reply lost at shutdown, want 1:\n%s", code, all)
	}
	for _, want := range []string{"reply lost at shutdown", "event_id=EvPending", `msg="replies lost at shutdown" platform=slack count=1`} {
		if !strings.Contains(all, want) {
			t.Errorf("log lacks %q:\n%s", want, all)
		}
	}
}

// binary is the real bot binary serving the Slack Events API against a fake Slack.
type binary struct {
	t     *testing.T
	cmd   *exec.Cmd
	addr  string
	lines chan string
	log   []string
}

// startBinary builds and starts `bot serve` with the given shutdown timeout, and more
// environment variables, and waits until it is ready.
func startBinary(t *testing.T, fake *fakeSlack, shutdown string, env ...string) *binary {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "bot")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve")
	cmd.Env = []string{
		"SLACK_SIGNING_SECRET=" + testSigningSecret, "SLACK_BOT_TOKEN=" + testBotToken,
		"SLACK_API_URL=" + fake.url(), "BOT_HTTP_ADDR=127.0.0.1:0", "BOT_SHUTDOWN_TIMEOUT=" + shutdown,
		"BOT_REVIEW_PATH=" + filepath.Join(t.TempDir(), "review.db"),
	}
	cmd.Env = append(cmd.Env, env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	b := &binary{t: t, cmd: cmd, lines: make(chan string, 100)}
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			b.lines <- sc.Text()
		}
		close(b.lines)
	}()
	addrRe := regexp.MustCompile(`http_addr=(\S+)`)
	for b.addr == "" {
		select {
		case l, ok := <-b.lines:
			if !ok {
				t.Fatalf("bot exited before serving:\n%s", strings.Join(b.log, "\n"))
			}
			b.log = append(b.log, l)
			if m := addrRe.FindStringSubmatch(l); m != nil {
				b.addr = m[1]
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("bot did not say where it listens:\n%s", strings.Join(b.log, "\n"))
		}
	}
	testkit.WaitFor(t, 5*time.Second, "/readyz 200", func() bool {
		res, err := http.Get("http://" + b.addr + "/readyz")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == http.StatusOK
	})
	return b
}

// terminate sends SIGTERM and returns the exit status and the whole log.
func (b *binary) terminate() (int, string) {
	b.t.Helper()
	if err := b.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		b.t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() {
		for l := range b.lines {
			b.log = append(b.log, l)
		}
		exited <- b.cmd.Wait()
	}()
	select {
	case err := <-exited:
		all := strings.Join(b.log, "\n")
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), all
		}
		if err != nil {
			b.t.Fatalf("wait: %v\n%s", err, all)
		}
		return 0, all
	case <-time.After(10 * time.Second):
		b.t.Fatalf("still running 10 s after SIGTERM:\n%s", strings.Join(b.log, "\n"))
	}
	return -1, ""
}
