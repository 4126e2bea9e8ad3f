package discord

import (
	"net/http"
	"slices"
	"sync"
	"testing"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/testkit"
)

// recordingEngine is the real engine, recording each question as the engine receives it.
type recordingEngine struct {
	*answers.Engine
	mu    sync.Mutex
	asked []string
}

func (e *recordingEngine) Answer(q string) answers.Reply {
	e.mu.Lock()
	e.asked = append(e.asked, q)
	e.mu.Unlock()
	return e.Engine.Answer(q)
}

func (e *recordingEngine) AnswerIn(c answers.Context, q string) (answers.Reply, answers.Context) {
	e.mu.Lock()
	e.asked = append(e.asked, q)
	e.mu.Unlock()
	return e.Engine.AnswerIn(c, q)
}

func (e *recordingEngine) questions() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.asked...)
}

// TestMarkupNeverReachesTheEngine sends questions wrapped in Discord's markup through the
// real discordgo gateway client and the signed interactions endpoint: the engine gets the
// question alone, exactly.
func TestMarkupNeverReachesTheEngine(t *testing.T) {
	const want = "Why did Iran strike Pakistan?"
	wrapped := []string{
		"<@" + fakeBotID + "> " + want,
		"<@!" + fakeBotID + "> <@123456789012345678> " + want,
		"<@" + fakeBotID + "> <:flag_ir:112233445566778899> " + want + " <a:wave:998877665544332211>",
		"<@" + fakeBotID + "> @everyone <@&55> <#42> " + want + " <t:1705400000:R>",
	}

	f := newFakeDiscord(t)
	useFakeEndpoints(t, f.srv.URL)
	gwEngine := &recordingEngine{Engine: testkit.Engine(t)}
	conn := runGateway(t, f, gwEngine, GatewayOptions{Logger: testLogger(&testkit.LogBuffer{})})
	for i, content := range wrapped {
		ch := "chan-markup-" + string(rune('a'+i))
		conn.dispatch(t, "MESSAGE_CREATE", messageCreate("mk"+ch, fakeGuild, ch, "user1", false, content, fakeBotID))
		f.waitCall(t, http.MethodPost, "/channels/"+ch+"/messages")
	}
	got := gwEngine.questions()
	if len(got) != len(wrapped) || slices.ContainsFunc(got, func(q string) bool { return q != want }) {
		t.Errorf("over the gateway the engine was asked %q, want %q each time", got, want)
	}

	epEngine := &recordingEngine{Engine: testkit.Engine(t)}
	ep := newEndpoint(t, epEngine, adapters.Hooks{})
	for i, q := range wrapped {
		r := ep.post(t, command("imk"+string(rune('a'+i)), "ask", opt("question", 3, q)))
		if r.Type != 4 || len(r.Data.Embeds) != 1 {
			t.Fatalf("/ask %q: %s", q, r.raw)
		}
	}
	got = epEngine.questions()
	if len(got) != len(wrapped) || slices.ContainsFunc(got, func(q string) bool { return q != want }) {
		t.Errorf("through /ask the engine was asked %q, want %q each time", got, want)
	}
}
