package testkit

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// RedisURLVar names the variable .ci/run sets to the URL of the redis-server it started
// for the tests.
const RedisURLVar = "BOT_TEST_REDIS_URL"

// RedisURL returns the URL of a real redis-server for the test: the one named by
// BOT_TEST_REDIS_URL, or else one the test starts itself and stops at its end. It skips
// the test, saying why, only where neither is there. Tests that share a server keep to
// keys of their own (a prefix per test).
func RedisURL(tb testing.TB) string {
	tb.Helper()
	if u := os.Getenv(RedisURLVar); u != "" {
		return u
	}
	return StartRedis(tb).URL()
}

// Redis is a redis-server the test started on a loopback port of its own, which it may
// stop and start again (on the same port) to see what the bot does without Redis.
type Redis struct {
	tb   testing.TB
	bin  string
	dir  string
	port int
	cmd  *exec.Cmd
}

// StartRedis starts a dedicated redis-server, with no persistence, stopped when the test
// ends. It skips the test, saying why, where no redis-server can be found.
func StartRedis(tb testing.TB) *Redis {
	tb.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		tb.Skipf("no redis-server on PATH and %s is not set: install Debian's redis-server (.ci/run does) to run this test", RedisURLVar)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	r := &Redis{tb: tb, bin: bin, dir: tb.TempDir(), port: port}
	r.Start()
	tb.Cleanup(r.Stop)
	return r
}

// URL is the server's redis:// URL, database 0.
func (r *Redis) URL() string { return fmt.Sprintf("redis://127.0.0.1:%d/0", r.port) }

// Addr is the server's host:port.
func (r *Redis) Addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(r.port)) }

// Start starts the server, if it is stopped, and waits until it takes connections.
func (r *Redis) Start() {
	r.tb.Helper()
	if r.cmd != nil {
		return
	}
	cmd := exec.Command(r.bin, "--bind", "127.0.0.1", "--port", strconv.Itoa(r.port), "--save", "",
		"--appendonly", "no", "--dir", r.dir, "--logfile", filepath.Join(r.dir, "redis.log"))
	if err := cmd.Start(); err != nil {
		r.tb.Fatalf("redis-server: %v", err)
	}
	r.cmd = cmd
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", r.Addr(), 100*time.Millisecond)
		if err == nil {
			_, werr := c.Write([]byte("PING\r\n"))
			buf := make([]byte, 7)
			c.SetReadDeadline(time.Now().Add(time.Second))
			n, _ := c.Read(buf)
			c.Close()
			if werr == nil && string(buf[:n]) == "+PONG\r\n" {
				return
			}
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(r.dir, "redis.log"))
			r.tb.Fatalf("redis-server on %s did not answer PING within 10s:\n%s", r.Addr(), log)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Stop kills the server, if it runs, and waits for it to exit.
func (r *Redis) Stop() {
	if r.cmd == nil {
		return
	}
	_ = r.cmd.Process.Kill()
	_ = r.cmd.Wait()
	r.cmd = nil
}
