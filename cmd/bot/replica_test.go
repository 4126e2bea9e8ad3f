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
	fake  *fakeSlack
	env   []string // every instance's environment, for a restart
	bins  [2]*binary
	logs  [2]*testkit.LogBuffer
	proxy *httptest.Server
}

func startReplicas(t *testing.T, fake *fakeSlack, redisURL string, env ...string) *replicas {
	t.Helper()
	env = append([]string{"BOT_REDIS_URL=" + redisURL, "BOT_REDIS_PREFIX=" + testPrefix(t)}, env...)
	r := &replicas{t: t, fake: fake, env: env}
	var targets [2]*url.URL
	for i := range r.bins {
		r.bins[i], r.logs[i] = r.start()
		targets[i] = &url.URL{Scheme: "http", Host: r.bins[i].addr}
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

// start starts one more instance on the replicas' Redis, as a restart would, and keeps
// reading its log.
func (r *replicas) start() (*binary, *testkit.LogBuffer) {
	b := startBinary(r.t, r.fake, "5s", r.env...)
	log := &testkit.LogBuffer{}
	go func() { // keep reading its log, or it blocks on a full pipe
		for l := range b.lines {
			fmt.Fprintln(log, l)
		}
	}()
	return b, log
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

// kill ends an instance with SIGKILL, as a crash or an OOM kill would: nothing it holds
// is handed over.
func (b *binary) kill() {
	b.t.Helper()
	if err := b.cmd.Process.Kill(); err != nil {
		b.t.Fatal(err)
	}
	_, _ = b.cmd.Process.Wait()
}

// channelsOf names the channels of events 0..n-1 of prefix, as the helpers make them.
func channelsOf(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("C%s%04d", prefix, i)
	}
	return out
}

// sendTo sends events 0..n-1 of prefix to one instance, as if the load balancer had
// chosen it for each, and returns once each is acknowledged.
func sendTo(t *testing.T, b *binary, prefix string, n int) {
	t.Helper()
	for i := range n {
		body := mentionBody(t, fmt.Sprintf("Ev%s%04d", prefix, i), fmt.Sprintf("W%s%04d", prefix, i),
			fmt.Sprintf("C%s%04d", prefix, i), "1705400800.000100", "Who is Ali Vaez?")
		if code, _ := postEvent(t, "http://"+b.addr, body, 0); code != http.StatusOK {
			t.Fatalf("event %s%d: status %d", prefix, i, code)
		}
	}
}

// checkEventIDs checks that each channel's one post answers the channel's event.
func checkEventIDs(t *testing.T, fake *fakeSlack, prefix string, n int) (last time.Time) {
	t.Helper()
	for i, ch := range channelsOf(prefix, n) {
		for _, p := range fake.postsTo(ch) {
			if want := fmt.Sprintf("Ev%s%04d", prefix, i); p.EventID != want {
				t.Errorf("%s: a post answering %q, want %q", ch, p.EventID, want)
			}
			if p.At.After(last) {
				last = p.At
			}
		}
	}
	return last
}

// TestReplicasHandOverPendingAtShutdown: one instance gets SIGTERM while its replies
// wait out a long Retry-After (the fake Slack answers chat.postMessage with 429 and
// Retry-After: 3 for four seconds, the shutdown timeout is one). It hands them over
// through the Redis stream and exits 0; the other instance delivers each exactly once,
// long before [store] pending_claim_after (a minute) would have let it take them.
// Then the other instance stops the same way with replies of its own pending, and the
// next start delivers them.
func TestReplicasHandOverPendingAtShutdown(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary three times; skipped with -short")
	}
	redis := testkit.StartRedis(t)
	fake := newFakeSlack(t)
	// Claimed after a minute's silence, a reply could only be delivered in time here
	// because it was handed over.
	r := startReplicas(t, fake, redis.URL(), "BOT_SHUTDOWN_TIMEOUT=1s", "BOT_PENDING_CLAIM_AFTER=1m")

	const n, retryAfter = 20, 3
	fake.throttle(time.Now().Add(4*time.Second), retryAfter, channelsOf("PS", n)...)
	sendTo(t, r.bins[0], "PS", n)
	testkit.WaitFor(t, 10*time.Second, "instance 0 to try every reply", func() bool {
		for _, ch := range channelsOf("PS", n) {
			if fake.attemptsTo(ch) == 0 {
				return false
			}
		}
		return true
	})
	stopped := time.Now()
	code, rest := r.bins[0].terminate()
	log0 := r.logs[0].String() + rest
	if code != 0 {
		t.Errorf("instance 0 exited %d with every reply handed over, want 0", code)
	}
	if !strings.Contains(log0, fmt.Sprintf(`msg="replies handed over at shutdown" platform=slack count=%d`, n)) ||
		strings.Contains(log0, "replies lost at shutdown") {
		t.Errorf("instance 0 did not hand its %d replies over:\n%s", n, tail(log0, 3000))
	}
	lost, doubled := countAnswers(t, fake, "PS", 0, n)
	last := checkEventIDs(t, fake, "PS", n)
	claimed := strings.Count(r.logs[1].String(), `msg="claimed reply delivered"`)
	t.Logf("handover: %d replies pending under Retry-After: %d at SIGTERM, instance 0 exited %d; instance 1 delivered %d, the last %v after the SIGTERM: %d lost, %d doubled",
		n, retryAfter, code, claimed, last.Sub(stopped).Round(time.Millisecond), lost, doubled)
	if lost+doubled > 0 {
		t.Errorf("%d lost, %d doubled, want none", lost, doubled)
	}
	if claimed != n {
		t.Errorf("instance 1 delivered %d claimed replies, want %d", claimed, n)
	}
	if res, err := http.Get("http://" + r.bins[1].addr + "/metrics"); err != nil {
		t.Error(err)
	} else {
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if got := metricIn(string(body), `bot_replies_claimed_total{platform="slack"}`); got != n {
			t.Errorf("instance 1's bot_replies_claimed_total = %v, want %d", got, n)
		}
	}

	// The next start: instance 1, alone now, stops with replies pending; a new instance
	// on the same Redis delivers them.
	const m = 10
	fake.throttle(time.Now().Add(4*time.Second), retryAfter, channelsOf("PR", m)...)
	sendTo(t, r.bins[1], "PR", m)
	testkit.WaitFor(t, 10*time.Second, "instance 1 to try every reply", func() bool {
		for _, ch := range channelsOf("PR", m) {
			if fake.attemptsTo(ch) == 0 {
				return false
			}
		}
		return true
	})
	code, rest = r.bins[1].terminate()
	if log1 := r.logs[1].String() + rest; code != 0 || !strings.Contains(log1, fmt.Sprintf(`msg="replies handed over at shutdown" platform=slack count=%d`, m)) {
		t.Errorf("instance 1 exited %d, want 0 with its %d replies handed over:\n%s", code, m, tail(log1, 3000))
	}
	if len(fake.snapshot()) != n {
		t.Fatalf("a reply was posted before the next start: %d posts", len(fake.snapshot()))
	}
	_, nextLog := r.start()
	restarted := time.Now() // ready
	lost, doubled = countAnswers(t, fake, "PR", 0, m)
	last = checkEventIDs(t, fake, "PR", m)
	t.Logf("restart: %d replies pending at SIGTERM of the last instance; the next start delivered them %v after it was ready: %d lost, %d doubled",
		m, last.Sub(restarted).Round(time.Millisecond), lost, doubled)
	if lost+doubled > 0 {
		t.Errorf("after the restart: %d lost, %d doubled, want none", lost, doubled)
	}
	if got := strings.Count(nextLog.String(), `msg="claimed reply delivered"`); got != m {
		t.Errorf("the next start delivered %d claimed replies, want %d", got, m)
	}
	if t.Failed() {
		t.Logf("instance 1's log:\n%s", tail(r.logs[1].String(), 4000))
		t.Logf("the next start's log:\n%s", tail(nextLog.String(), 4000))
	}
}

// TestReplicasClaimPendingAfterCrash: one instance is killed (SIGKILL) while replies
// are pending: some waiting out Slack's Retry-After, some posted already but with
// Slack's answer still to come. The other instance claims them once they have been idle
// for [store] pending_claim_after, posts the ones Slack never got, finds the others in
// their threads and does not post them again: each reply is delivered exactly once.
func TestReplicasClaimPendingAfterCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary twice; skipped with -short")
	}
	redis := testkit.StartRedis(t)
	fake := newFakeSlack(t)
	const claimAfter = 2 * time.Second
	r := startReplicas(t, fake, redis.URL(), fmt.Sprint("BOT_PENDING_CLAIM_AFTER=", claimAfter))

	const n, landed = 10, 5
	fake.throttle(time.Now().Add(3*time.Second), 2, channelsOf("PK", n)...)
	for _, ch := range channelsOf("PL", landed) {
		fake.failNext(ch, faultLandHang)
	}
	sendTo(t, r.bins[0], "PK", n)
	sendTo(t, r.bins[0], "PL", landed)
	testkit.WaitFor(t, 10*time.Second, "instance 0 to try every reply", func() bool {
		for _, ch := range channelsOf("PK", n) {
			if fake.attemptsTo(ch) == 0 {
				return false
			}
		}
		for _, ch := range channelsOf("PL", landed) {
			if len(fake.postsTo(ch)) == 0 {
				return false
			}
		}
		return true
	})
	killed := time.Now()
	r.bins[0].kill()

	lost, doubled := countAnswers(t, fake, "PK", 0, n)
	lostL, doubledL := countAnswers(t, fake, "PL", 0, landed)
	var first time.Time
	for _, ch := range channelsOf("PK", n) {
		for _, p := range fake.postsTo(ch) {
			if first.IsZero() || p.At.Before(first) {
				first = p.At
			}
		}
	}
	last := checkEventIDs(t, fake, "PK", n)
	checkEventIDs(t, fake, "PL", landed)
	log1 := r.logs[1].String()
	claimed := strings.Count(log1, `msg="claimed a reply another instance left undelivered"`)
	found := strings.Count(log1, `msg="an ambiguous post had landed; not posting it again"`)
	t.Logf("crash: %d replies waiting for Slack and %d posted without an answer at SIGKILL; instance 1 claimed %d, the first delivered %v and the last %v after the kill (claim after %v), %d found in their threads: %d+%d lost, %d+%d doubled",
		n, landed, claimed, first.Sub(killed).Round(time.Millisecond), last.Sub(killed).Round(time.Millisecond), claimAfter, found,
		lost, lostL, doubled, doubledL)
	if lost+doubled+lostL+doubledL > 0 {
		t.Errorf("%d+%d lost, %d+%d doubled, want none", lost, lostL, doubled, doubledL)
	}
	if claimed != n+landed || found != landed {
		t.Errorf("instance 1 claimed %d replies and found %d posted, want %d and %d", claimed, found, n+landed, landed)
	}
	// Instance 0 touched its replies at most a third of claimAfter before it died.
	if d := first.Sub(killed); d < claimAfter*2/3-200*time.Millisecond {
		t.Errorf("the first claimed reply was delivered %v after the kill, before the replies could have been idle for %v", d, claimAfter)
	}
	if t.Failed() {
		t.Logf("instance 1's log:\n%s", tail(log1, 4000))
	}
}
