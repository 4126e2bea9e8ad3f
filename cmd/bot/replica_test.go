package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/borderbot/borderbot/internal/testkit"
)

// replicas are two real `bot serve` processes on one Redis, behind a round-robin proxy
// that says which instance it chose in X-Backend.
type replicas struct {
	t     *testing.T
	bins  [2]*binary
	logs  [2]*testkit.LogBuffer
	proxy *httptest.Server
}

func startReplicas(t *testing.T, fake *fakeSlack, redisURL string, env ...string) *replicas {
	t.Helper()
	env = append([]string{"BOT_REDIS_URL=" + redisURL, "BOT_REDIS_PREFIX=" + testPrefix(t)}, env...)
	r := &replicas{t: t}
	var targets [2]*url.URL
	for i := range r.bins {
		b := startBinary(t, fake, "5s", env...)
		r.bins[i], r.logs[i] = b, &testkit.LogBuffer{}
		go func() { // keep reading its log, or it blocks on a full pipe
			for l := range b.lines {
				fmt.Fprintln(r.logs[i], l)
			}
		}()
		targets[i] = &url.URL{Scheme: "http", Host: b.addr}
	}
	var next atomic.Int64
	r.proxy = httptest.NewServer(&httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			i := int(next.Add(1) % 2)
			pr.SetURL(targets[i])
			pr.Out.Header.Set("X-Test-Backend", fmt.Sprint(i))
		},
		ModifyResponse: func(res *http.Response) error {
			res.Header.Set("X-Backend", res.Request.Header.Get("X-Test-Backend"))
			return nil
		},
	})
	t.Cleanup(r.proxy.Close)
	return r
}

// post sends a signed Slack event to base, with a retry number when retry > 0, and
// returns the status and the instance that answered (for the proxy).
func postEvent(t *testing.T, base string, body []byte, retry int) (int, string) {
	req, err := http.NewRequest(http.MethodPost, base+"/slack/events", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = testkit.SlackHeaders(testSigningSecret, body, time.Now())
	if retry > 0 {
		req.Header.Set("X-Slack-Retry-Num", fmt.Sprint(retry))
		req.Header.Set("X-Slack-Retry-Reason", "http_timeout")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Errorf("POST %s: %v", base, err)
		return 0, ""
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode, res.Header.Get("X-Backend")
}

// send sends events first..first+n through the proxy, 20 at a time; one in five is
// retried on the instance the proxy did not choose.
func (r *replicas) send(prefix string, first, n int) (retried int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 20)
	for i := first; i < first+n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			body := mentionBody(r.t, fmt.Sprintf("Ev%s%04d", prefix, i), fmt.Sprintf("W%s%04d", prefix, i),
				fmt.Sprintf("C%s%04d", prefix, i), "1705400600.000100", "Who is Ali Vaez?")
			code, backend := postEvent(r.t, r.proxy.URL, body, 0)
			if code != http.StatusOK {
				r.t.Errorf("event %d: status %d", i, code)
				return
			}
			if i%5 == 0 {
				other := r.bins[0]
				if backend == "0" {
					other = r.bins[1]
				}
				if code, _ := postEvent(r.t, "http://"+other.addr, body, 1); code != http.StatusOK {
					r.t.Errorf("retry %d: status %d", i, code)
				}
				mu.Lock()
				retried++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return retried
}

// count waits until every event of the range has an answer, then reports the lost and
// the doubled.
func countAnswers(t *testing.T, fake *fakeSlack, prefix string, first, n int) (lost, doubled int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		lost, doubled = 0, 0
		for i := first; i < first+n; i++ {
			switch c := len(fake.postsTo(fmt.Sprintf("C%s%04d", prefix, i))); {
			case c == 0:
				lost++
			case c > 1:
				doubled++
			}
		}
		if lost == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // room for a wrong second answer
	doubled = 0
	for i := first; i < first+n; i++ {
		if len(fake.postsTo(fmt.Sprintf("C%s%04d", prefix, i))) > 1 {
			doubled++
		}
	}
	return lost, doubled
}

func (r *replicas) readyz(i int) (int, string) {
	res, err := http.Get("http://" + r.bins[i].addr + "/readyz")
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestReplicas runs two real binaries on one real Redis behind a round-robin proxy, as
// an operator would: Slack events with one in five retried on the other instance are
// answered once; a thread whose turns alternate between the instances is followed; one
// user's questions spread over both get one instance's limit; Redis stopped mid-run
// leaves both answering, degraded, and they recover by themselves.
// With -load it sends 1,000 events at first instead of 200.
func TestReplicas(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary twice; skipped with -short")
	}
	redis := testkit.StartRedis(t)
	fake := newFakeSlack(t)
	const perMinute, burst = 600, 3 // one question every 100 ms
	r := startReplicas(t, fake, redis.URL(), fmt.Sprint("BOT_RATE_PER_MINUTE=", perMinute), fmt.Sprint("BOT_RATE_BURST=", burst))

	n := 200
	if *loadFull {
		n = 1000
	}
	start := time.Now()
	retried := r.send("RA", 0, n)
	lost, doubled := countAnswers(t, fake, "RA", 0, n)
	t.Logf("replicas: %d events through round robin, %d retried on the other instance, answered in %v: %d lost, %d doubled",
		n, retried, time.Since(start).Round(time.Millisecond), lost, doubled)
	if lost+doubled > 0 {
		t.Errorf("%d lost, %d doubled, want none", lost, doubled)
	}

	// A conversation whose turns alternate between the instances: the mention is answered
	// in a thread by instance 0, the follow-up in that thread goes to instance 1, which
	// can only read it with the first question through Redis.
	const first, follow, thread = "What did Pakistan target in its strikes?", "where was that?", "1705400650.000100"
	if code, _ := postEvent(t, "http://"+r.bins[0].addr, mentionBody(t, "EvRC1", "WCONV", "CRCONV", thread, first), 0); code != http.StatusOK {
		t.Fatalf("mention on instance 0: %d", code)
	}
	testkit.WaitFor(t, 10*time.Second, "the answer in CRCONV", func() bool { return len(fake.postsTo("CRCONV")) == 1 })
	if p := fake.postsTo("CRCONV")[0]; p.ThreadTS != thread {
		t.Fatalf("the mention was answered with thread_ts %q, want %q", p.ThreadTS, thread)
	}
	inThread := threadMentionBody(t, "EvRC2", "WCONV", "CRCONV", "1705400650.000200", thread, follow)
	if code, _ := postEvent(t, "http://"+r.bins[1].addr, inThread, 0); code != http.StatusOK {
		t.Fatalf("follow-up on instance 1: %d", code)
	}
	testkit.WaitFor(t, 10*time.Second, "the follow-up's answer in CRCONV", func() bool { return len(fake.postsTo("CRCONV")) == 2 })
	if p := fake.postsTo("CRCONV")[1]; p.ThreadTS != thread || !strings.Contains(p.Blocks, "Saravan") || strings.Contains(p.Blocks, "I don't know") {
		t.Errorf("the follow-up on the other instance was not read with the thread: %+v", p)
	}

	// One user, 100 questions through the proxy over about two seconds, each in a channel
	// of its own so that Slack's pacing per channel does not slow the answers.
	start = time.Now()
	for i := range 100 {
		body := mentionBody(t, fmt.Sprintf("EvRL%03d", i), "WRATE", fmt.Sprintf("CRL%03d", i), "1705400700.000100", "Who is Ali Vaez?")
		if code, _ := postEvent(t, r.proxy.URL, body, 0); code != http.StatusOK {
			t.Fatalf("question %d: %d", i, code)
		}
		time.Sleep(20 * time.Millisecond)
	}
	elapsed := time.Since(start)
	want := burst + int(elapsed/(100*time.Millisecond))
	time.Sleep(time.Second)
	answered := 0
	for i := range 100 {
		for _, p := range fake.postsTo(fmt.Sprintf("CRL%03d", i)) {
			if p.Method == "chat.postMessage" {
				answered++
			}
		}
	}
	t.Logf("replicas: one user's 100 questions over %v across both: %d answered, the limit is %d", elapsed.Round(time.Millisecond), answered, want)
	if answered < want-1 || answered > want+1 {
		t.Errorf("%d answered, want %d ±1 (one bucket for both instances)", answered, want)
	}

	// Redis stops mid-run: both keep answering, and say they are degraded.
	redis.Stop()
	r.send("RD", 0, 50)
	lost, _ = countAnswers(t, fake, "RD", 0, 50)
	if lost > 0 {
		t.Errorf("%d of 50 events lost while Redis was down", lost)
	}
	for i := range r.bins {
		if code, body := r.readyz(i); code != http.StatusOK || !strings.Contains(body, "degraded") {
			t.Errorf("instance %d's /readyz while Redis is down: %d %q", i, code, body)
		}
	}
	redis.Start()
	for i := range r.bins {
		testkit.WaitFor(t, 10*time.Second, "the instance to find Redis again", func() bool {
			code, body := r.readyz(i)
			return code == http.StatusOK && !strings.Contains(body, "degraded")
		})
	}
	r.send("RU", 0, 50)
	lost, doubled = countAnswers(t, fake, "RU", 0, 50)
	t.Logf("replicas: after Redis came back, 50 events: %d lost, %d doubled", lost, doubled)
	if lost+doubled > 0 {
		t.Errorf("after Redis came back: %d lost, %d doubled", lost, doubled)
	}
	for i := range r.bins {
		if n := strings.Count(r.logs[i].String(), "msg=\"redis unreachable"); n != 1 {
			t.Errorf("instance %d logged Redis unreachable %d times, want once", i, n)
		}
	}
	if t.Failed() {
		t.Logf("instance 0's log:\n%s", tail(r.logs[0].String(), 4000))
	}
}
