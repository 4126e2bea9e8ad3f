package slack

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/borderbot/borderbot/internal/testkit"
)

// The turns of the conversation tests: a question, and a follow-up that only the
// question before it explains.
const (
	firstTurn  = "What did Pakistan target in its strikes?"
	followTurn = "where was that?"
	followWord = "Saravan" // what the follow-up's answer must name
)

// checkFollowUp fails unless blocks answer the follow-up from its conversation.
func checkFollowUp(t *testing.T, what, blocks string) {
	t.Helper()
	if !strings.Contains(blocks, followWord) || strings.Contains(blocks, "I don't know") {
		t.Errorf("%s: %q was not answered from the conversation (want %s): %s", what, followTurn, followWord, blocks)
	}
}

// checkAlone fails unless blocks answer the follow-up without a conversation: the bot
// does not know what "that" is.
func checkAlone(t *testing.T, what, blocks string) {
	t.Helper()
	if !strings.Contains(blocks, "I don't know") {
		t.Errorf("%s: %q was answered from a conversation it is not part of: %s", what, followTurn, blocks)
	}
}

// threadPosts returns the posts to channel in thread.
func threadPosts(rc *recorder, channel, thread string) []post {
	var out []post
	for _, p := range rc.postsTo(channel) {
		if p.ThreadTS == thread {
			out = append(out, p)
		}
	}
	return out
}

// waitPosts waits until channel's thread holds n posts and returns the last.
func waitPosts(t *testing.T, rc *recorder, channel, thread string, n int) post {
	t.Helper()
	testkit.WaitFor(t, 5*time.Second, "the reply in "+channel+" "+thread, func() bool {
		return len(threadPosts(rc, channel, thread)) >= n
	})
	ps := threadPosts(rc, channel, thread)
	return ps[len(ps)-1]
}

// TestEventsAPIConversations drives threads, DMs, /ask and a pressed suggestion over
// the signed Events API endpoints: a follow-up is read with its own conversation's
// question, and with no other.
func TestEventsAPIConversations(t *testing.T) {
	h := newHTTPHarness(t, nil)
	event := func(body map[string]any) {
		t.Helper()
		if status, out := h.signed(t, "/slack/events", jsonType, mustJSON(t, body)); status != 200 {
			t.Fatalf("status %d: %s", status, out)
		}
	}
	dm := func(id, channel, ts, text string) map[string]any {
		return callback(id, map[string]any{"type": "message", "channel_type": "im", "channel": channel, "user": "W1", "text": text, "ts": ts})
	}

	// A mention is answered in its thread; a follow-up mention in that thread is read
	// with it.
	event(mention("EvT1", "W1", "C1", "100.000100", "", "<@UBOT> "+firstTurn))
	if p := waitPosts(t, h.rec, "C1", "100.000100", 1); !strings.Contains(p.Blocks, followWord) {
		t.Fatalf("the first question was not answered: %s", p.Blocks)
	}
	event(mention("EvT2", "W1", "C1", "101.000100", "100.000100", "<@UBOT> "+followTurn))
	checkFollowUp(t, "a follow-up in the thread", waitPosts(t, h.rec, "C1", "100.000100", 2).Blocks)
	// Another thread of the channel, and the same thread ts in another channel, are
	// other conversations.
	event(mention("EvT3", "W1", "C1", "200.000200", "", "<@UBOT> "+followTurn))
	checkAlone(t, "a new thread", waitPosts(t, h.rec, "C1", "200.000200", 1).Blocks)
	event(mention("EvT4", "W1", "C2", "102.000100", "100.000100", "<@UBOT> "+followTurn))
	checkAlone(t, "another channel", waitPosts(t, h.rec, "C2", "100.000100", 1).Blocks)

	// A DM is one conversation; another DM is another.
	event(dm("EvD1", "D1", "300.000300", firstTurn))
	waitPosts(t, h.rec, "D1", "", 1)
	event(dm("EvD2", "D1", "301.000300", followTurn))
	checkFollowUp(t, "a follow-up in the DM", waitPosts(t, h.rec, "D1", "", 2).Blocks)
	event(dm("EvD3", "D2", "302.000300", followTurn))
	checkAlone(t, "another DM", waitPosts(t, h.rec, "D2", "", 1).Blocks)

	// /ask by one user in one channel is one conversation; another user's or another
	// channel's is not.
	respURL := h.api.URL + "/response/"
	ask := func(n, user, channel, text string) string {
		t.Helper()
		body := form("command", "/ask", "text", text, "user_id", user, "channel_id", channel,
			"response_url", respURL+n, "trigger_id", "tr-"+n, "team_id", "T1")
		if status, out := h.signed(t, "/slack/commands", formType, body); status != 200 {
			t.Fatalf("/ask: status %d: %s", status, out)
		}
		testkit.WaitFor(t, 5*time.Second, "the /ask response "+n, func() bool { return len(h.rec.responsesTo("/response/"+n)) == 1 })
		return h.rec.responsesTo("/response/" + n)[0].Raw
	}
	ask("a1", "W1", "C5", firstTurn)
	checkFollowUp(t, "a second /ask", ask("a2", "W1", "C5", followTurn))
	checkAlone(t, "/ask by another user", ask("a3", "W2", "C5", followTurn))
	checkAlone(t, "/ask in another channel", ask("a4", "W1", "C6", followTurn))

	// A suggestion pressed in a thread is a turn of the thread's conversation.
	pressed := testkit.Engine(t).Answer(firstTurn)
	body := form("payload", mustJSON(t, blockAction("tr-press", "W1", "C7", "suggest:0", pressed.ID, respURL+"press",
		map[string]any{"type": "message", "message_ts": "401.000400", "thread_ts": "400.000400", "channel_id": "C7"})))
	if status, out := h.signed(t, "/slack/interactivity", formType, body); status != 200 {
		t.Fatalf("button: status %d: %s", status, out)
	}
	waitPosts(t, h.rec, "C7", "400.000400", 1)
	event(mention("EvB1", "W1", "C7", "402.000400", "400.000400", "<@UBOT> "+followTurn))
	checkFollowUp(t, "a follow-up of a pressed suggestion", waitPosts(t, h.rec, "C7", "400.000400", 2).Blocks)

	// A private /ask answer posted to the channel starts a conversation in the post's
	// thread, from the entry shared.
	body = form("payload", mustJSON(t, blockAction("tr-share", "W1", "C8", actionShare, shareValue(pressed.ID, firstTurn),
		respURL+"share", map[string]any{"type": "message", "message_ts": "500.000500", "channel_id": "C8", "is_ephemeral": true})))
	if status, out := h.signed(t, "/slack/interactivity", formType, body); status != 200 {
		t.Fatalf("share: status %d: %s", status, out)
	}
	waitPosts(t, h.rec, "C8", "", 1)
	// The private copy is deleted once the conversation is kept: wait for that.
	testkit.WaitFor(t, 5*time.Second, "the private answer deleted", func() bool { return len(h.rec.responsesTo("/response/share")) == 1 })
	all, _ := h.rec.snapshot()
	shared := ""
	for i, p := range all {
		if p.Channel == "C8" {
			shared = fmt.Sprintf("%d.000200", i+1) // the ts the fake gave it
		}
	}
	event(mention("EvS1", "W2", "C8", "501.000500", shared, "<@UBOT> "+followTurn))
	checkFollowUp(t, "a follow-up in the thread of a shared answer", waitPosts(t, h.rec, "C8", shared, 1).Blocks)

	if l := h.logs.String(); strings.Contains(l, firstTurn) || strings.Contains(l, followTurn) {
		t.Errorf("a question's text was logged at info:\n%s", l)
	}
}

// TestSocketModeConversations: a thread over Socket Mode is a conversation, through
// slack-go's socketmode client and slacktest.
func TestSocketModeConversations(t *testing.T) {
	h := newSocketHarness(t)
	logger, logs := testLogger(slog.LevelInfo)
	sm, stop := runSocket(t, h, testkit.Engine(t), logger)
	defer func() {
		if err := stop(); err != nil {
			t.Errorf("Run: %v", err)
		}
		if t.Failed() {
			t.Log(logs.String())
		}
	}()
	testkit.WaitFor(t, 5*time.Second, "the socket to connect", sm.Ready)

	h.send(t, "env-c1", "events_api", mention("EvS1", "W1", "C1", "100.000100", "", "<@UBOT> "+firstTurn))
	waitPosts(t, h.rec, "C1", "100.000100", 1)
	h.send(t, "env-c2", "events_api", mention("EvS2", "W1", "C1", "101.000100", "100.000100", "<@UBOT> "+followTurn))
	checkFollowUp(t, "a follow-up in the thread", waitPosts(t, h.rec, "C1", "100.000100", 2).Blocks)
	h.send(t, "env-c3", "events_api", mention("EvS3", "W1", "C1", "200.000200", "", "<@UBOT> "+followTurn))
	checkAlone(t, "a new thread", waitPosts(t, h.rec, "C1", "200.000200", 1).Blocks)
	h.send(t, "env-c4", "events_api", callback("EvS4", map[string]any{"type": "message", "channel_type": "im",
		"channel": "D1", "user": "W1", "text": followTurn, "ts": "300.000300"}))
	checkAlone(t, "a DM", waitPosts(t, h.rec, "D1", "", 1).Blocks)
}
