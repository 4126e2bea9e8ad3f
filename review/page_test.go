package review_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/borderbot/borderbot/review"
)

const token = "a-review-token-of-some-length"

func pageServer(t *testing.T) *httptest.Server {
	t.Helper()
	st := openSQLite(t)
	ctx := context.Background()
	now := time.Now().UTC()
	for i, r := range []review.Record{
		{ID: "a", Time: now.Add(-2 * time.Hour), Platform: "slack", Outcome: review.NearMiss, Question: "how much did the missiles cost?",
			Confidence: 0.4, Nearest: []review.Nearest{{ID: "iran-strike", Score: 0.6}}},
		{ID: "b", Time: now.Add(-time.Hour), Platform: "discord", Outcome: review.NearMiss, Question: "what did the missiles cost",
			Confidence: 0.5, Nearest: []review.Nearest{{ID: "iran-strike", Score: 0.5}}},
		{ID: "vote:1", Time: now.Add(-time.Hour), Platform: "slack", Outcome: review.VotedDown, Shown: "iran-strike", Question: "<script>alert(1)</script>"},
	} {
		if err := st.Add(ctx, r); err != nil {
			t.Fatal(i, err)
		}
	}
	st.Count(ctx, review.Day{Date: now.Format(time.DateOnly), Platform: "slack", Class: review.ClassAnswered, Count: 5})
	mux := http.NewServeMux()
	(&review.Handler{Store: st, Token: token, Title: func(id string) string { return "Title of " + id }}).Routes(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, c *http.Client, u string, header http.Header) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func TestPageNeedsTheToken(t *testing.T) {
	srv := pageServer(t)
	c := srv.Client()
	for name, h := range map[string]http.Header{
		"nothing":       nil,
		"wrong bearer":  {"Authorization": {"Bearer not-the-token"}},
		"basic":         {"Authorization": {"Basic " + token}},
		"forged cookie": {"Cookie": {review.SessionCookie + "=" + token}},
	} {
		res, body := get(t, c, srv.URL+"/review", h)
		if res.StatusCode != http.StatusUnauthorized || !strings.Contains(body, `name="token"`) || strings.Contains(body, "missiles") {
			t.Errorf("%s: %d, want 401 with the login form and no record:\n%s", name, res.StatusCode, body)
		}
	}
	res, body := get(t, c, srv.URL+"/review", http.Header{"Authorization": {"Bearer " + token}})
	if res.StatusCode != 200 || !strings.Contains(body, "how much did the missiles cost?") || !strings.Contains(body, `<svg id="chart"`) {
		t.Fatalf("with the bearer token: %d\n%s", res.StatusCode, body)
	}
	if strings.Contains(body, "<script>") {
		t.Error("a question's markup reached the page unescaped")
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	// No external requests: nothing on the page names another site.
	if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*"(https?:)?//`).FindString(body); m != "" {
		t.Errorf("the page loads from elsewhere: %s", m)
	}
	res, body = get(t, c, srv.URL+"/review?format=json&outcome=near_miss", http.Header{"Authorization": {"Bearer " + token}})
	var rep review.Report
	if err := json.Unmarshal([]byte(body), &rep); err != nil || res.StatusCode != 200 {
		t.Fatalf("json: %d %v\n%s", res.StatusCode, err, body)
	}
	if len(rep.Groups) != 1 || rep.Groups[0].Count != 2 || rep.Groups[0].Action != review.AddDetail || rep.Votes != 0 {
		t.Errorf("near-misses grouped as %+v", rep.Groups)
	}
}

func TestLoginSetsAStrictHttpOnlyCookie(t *testing.T) {
	srv := pageServer(t)
	c := srv.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	post := func(form url.Values, h http.Header) *http.Response {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/review/login", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for k, v := range h {
			req.Header[k] = v
		}
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	if res := post(url.Values{"token": {"wrong"}}, nil); res.StatusCode != 401 || len(res.Cookies()) > 0 {
		t.Errorf("wrong token: %d, cookies %v", res.StatusCode, res.Cookies())
	}
	if res := post(url.Values{"token": {token}}, http.Header{"Sec-Fetch-Site": {"cross-site"}}); res.StatusCode != 403 {
		t.Errorf("a login form sent from another site: %d, want 403", res.StatusCode)
	}
	if res := post(url.Values{"token": {token}}, http.Header{"Origin": {"https://evil.example"}}); res.StatusCode != 403 {
		t.Errorf("a login form from another origin: %d, want 403", res.StatusCode)
	}
	res := post(url.Values{"token": {token}}, http.Header{"Sec-Fetch-Site": {"same-origin"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/review" {
		t.Fatalf("right token: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, ck := range res.Cookies() {
		if ck.Name == review.SessionCookie {
			cookie = ck
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || cookie.Value == token || cookie.Path != "/review" {
		t.Fatalf("session cookie %+v: want HttpOnly, SameSite=Strict, on /review, not the token itself", cookie)
	}
	r, body := get(t, c, srv.URL+"/review", http.Header{"Cookie": {cookie.String()}})
	if r.StatusCode != 200 || !strings.Contains(body, "what did the missiles cost") {
		t.Errorf("with the cookie: %d", r.StatusCode)
	}
}

func TestClosedWithoutAToken(t *testing.T) {
	mux := http.NewServeMux()
	(&review.Handler{Store: openSQLite(t)}).Routes(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, h := range []http.Header{nil, {"Authorization": {"Bearer "}}} {
		if res, _ := get(t, srv.Client(), srv.URL+"/review", h); res.StatusCode != 401 {
			t.Errorf("a handler without a token answered %d", res.StatusCode)
		}
	}
}
