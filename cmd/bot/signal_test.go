package main

import (
	"bufio"
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
	bin := filepath.Join(t.TempDir(), "bot")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	fake := newFakeSlack(t)
	cmd := exec.Command(bin, "serve")
	cmd.Env = []string{
		"SLACK_SIGNING_SECRET=" + testSigningSecret, "SLACK_BOT_TOKEN=" + testBotToken,
		"SLACK_API_URL=" + fake.url(), "BOT_HTTP_ADDR=127.0.0.1:0", "BOT_SHUTDOWN_TIMEOUT=5s",
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	addrRe := regexp.MustCompile(`http_addr=(\S+)`)
	var log []string
	var addr string
	for addr == "" {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("bot exited before serving:\n%s", strings.Join(log, "\n"))
			}
			log = append(log, l)
			if m := addrRe.FindStringSubmatch(l); m != nil {
				addr = m[1]
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("bot did not say where it listens:\n%s", strings.Join(log, "\n"))
		}
	}
	testkit.WaitFor(t, 5*time.Second, "/readyz 200", func() bool {
		res, err := http.Get("http://" + addr + "/readyz")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == http.StatusOK
	})

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() {
		for l := range lines {
			log = append(log, l)
		}
		exited <- cmd.Wait()
	}()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v\n%s", err, strings.Join(log, "\n"))
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("still running 10 s after SIGTERM:\n%s", strings.Join(log, "\n"))
	}
	all := strings.Join(log, "\n")
	for _, want := range []string{"stopping: finishing replies in flight", "msg=stopped"} {
		if !strings.Contains(all, want) {
			t.Errorf("log lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, testBotToken) || strings.Contains(all, testSigningSecret) {
		t.Error("the log shows a secret")
	}
}
