package main

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/borderbot/borderbot/internal/config"
)

// chromiumVar names a Chromium (or Chrome) binary for the browser test; otherwise it
// is looked for on PATH under its usual names.
const chromiumVar = "BOT_TEST_CHROMIUM"

// artifactsVar names the directory the browser test saves its screenshots in; .ci/run
// sets it. Otherwise they go to a temporary directory, named in the test's log.
const artifactsVar = "BOT_TEST_ARTIFACTS"

// findChromium returns the path of a headless-capable Chromium. It skips the test, saying
// why, where there is none, except under CI, which installs Debian's chromium and must
// not skip this test.
func findChromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv(chromiumVar); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("no chromium on PATH under CI: .ci/run installs Debian's chromium; or set %s", chromiumVar)
	}
	t.Skipf("no chromium on PATH and %s is not set: install Debian's chromium (.ci/run does) to run this test", chromiumVar)
	return ""
}

// TestReviewPageInChromium drives headless Chromium against the real server: the page
// is 401 without the token; the login form takes the token and sets a cookie the page's
// scripts cannot read; the page shows the groups, the chart with its bars and the vote
// table, at a phone's width, and asks nothing of any other host. It saves screenshots.
func TestReviewPageInChromium(t *testing.T) {
	chromium := findChromium(t)
	const token = "review-token-for-the-browser-test"
	today := time.Now().UTC().Truncate(24 * time.Hour)
	shift := today.Sub(time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)) // the fixture's last day is today
	path := loadFixture(t, shift)
	ts := startServer(t, nil, serverSetup{cfg: func(c *config.Config) {
		c.Review.Enabled, c.Review.Path, c.Review.Token = true, path, token
	}})

	res, err := http.Get(ts.base + "/review")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("GET /review without the token: %d, want 401", res.StatusCode)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Flag("headless", "new"), chromedp.WindowSize(390, 844))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()

	dir := os.Getenv(artifactsVar)
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "borderbot-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shot := func(name string, full bool) {
		t.Helper()
		take := chromedp.CaptureScreenshot()
		if full {
			take = chromedp.FullScreenshot(85)
		}
		b, err := chromedp.Run(ctx, take)
		if err != nil || len(b) == 0 {
			t.Fatalf("screenshot %s: %d bytes, %v", name, len(b), err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s (%d bytes)", p, len(b))
	}
	eval := func(expr string) float64 {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[float64](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}

	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("chromium: %v", err)
		}
	}
	must(chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(ts.base+"/review"),
		chromedp.WaitVisible(chromedp.ID("token")),
	))
	loginTitle, err := chromedp.Run(ctx, chromedp.Title())
	must(err)
	shot("review-login.png", false)
	must(chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("token"), token),
		chromedp.Submit(chromedp.ID("token")),
		chromedp.WaitVisible(chromedp.ID("chart")),
	))
	heading, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	must(err)
	cookie, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.cookie`))
	must(err)
	groups := int(eval(`document.querySelectorAll('.group').length`))
	bars := int(eval(`[...document.querySelectorAll('#chart rect')].filter(r => r.getAttribute('height') > 0).length`))
	tallest := eval(`Math.max(...[...document.querySelectorAll('#chart rect')].map(r => r.getBoundingClientRect().height))`)
	voteRows := int(eval(`document.querySelectorAll('#votes tbody tr').length`))
	overflow := eval(`document.documentElement.scrollWidth - document.documentElement.clientWidth`)
	requested, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[location.href, ...performance.getEntriesByType('resource').map(e => e.name)]`))
	must(err)
	shot("review-phone.png", false) // what a phone shows first: the filters and the chart
	must(chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(1), chromedp.EmulateMobile)))
	shot("review-phone-full.jpg", true)
	must(chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)))
	shot("review-desktop.jpg", true)

	if overflow > 0 {
		t.Errorf("at a phone's width the page is %.0f px too wide", overflow)
	}
	if !strings.Contains(loginTitle, "Sign in") {
		t.Errorf("the page without the token is titled %q, want the login form", loginTitle)
	}
	if heading != "Review" || groups < 10 || voteRows < 10 {
		t.Errorf("the page shows heading %q, %d groups, %d vote rows; want the fixture's", heading, groups, voteRows)
	}
	if bars < 14 || tallest < 40 {
		t.Errorf("the chart has %d bars drawn, the tallest %.0f px high: not readable at a glance", bars, tallest)
	}
	if cookie != "" {
		t.Errorf("the page's scripts can read the cookie %q: it must be HttpOnly", cookie)
	}
	for _, u := range requested {
		if !strings.HasPrefix(u, ts.base) && !strings.HasPrefix(u, "data:") {
			t.Errorf("the page asked another host for %s", u)
		}
	}
}
