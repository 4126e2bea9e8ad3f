package discord

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/internal/testkit"
)

// The turns of the conversation tests: a question, and a follow-up that only the
// question before it explains.
const (
	firstTurn  = "What did Pakistan target in its strikes?"
	followTurn = "where was that?"
	followWord = "Saravan" // what the follow-up's answer must name
)

// answered says whether an embed answers the follow-up from its conversation.
func answered(title, description string) bool {
	return title != "I don't know" && strings.Contains(description, followWord)
}

// replyTo is a MESSAGE_CREATE replying to the message ref, pinging its author as
// Discord does by default: the replied message's author is in mentions, and so is the
// bot, which is either that author or mentioned in content.
func replyTo(id, guildID, channelID, authorID, content, ref, refAuthor string) map[string]any {
	mentions := []string{fakeBotID}
	if refAuthor != fakeBotID {
		mentions = append(mentions, refAuthor)
	}
	m := messageCreate(id, guildID, channelID, authorID, false, content, mentions...)
	m["type"] = 19
	m["message_reference"] = map[string]any{"message_id": ref, "channel_id": channelID, "guild_id": guildID}
	m["referenced_message"] = map[string]any{"id": ref, "channel_id": channelID, "type": 0, "content": "",
		"author":    map[string]any{"id": refAuthor, "username": "borderbot", "bot": refAuthor == fakeBotID},
		"timestamp": "2024-01-20T10:00:00+00:00", "mentions": []any{}}
	return m
}

// TestGatewayConversations drives the real discordgo gateway client against the fake
// Discord: a reply to the bot's answer, a thread and a DM are conversations, read with
// the question before; a plain channel, another thread and another DM share nothing.
func TestGatewayConversations(t *testing.T) {
	f := newFakeDiscord(t)
	useFakeEndpoints(t, f.srv.URL)
	logs := &testkit.LogBuffer{}
	store := adapters.NewMemoryConversations(0, 0, nil)
	conn := runGateway(t, f, testkit.Engine(t), GatewayOptions{Logger: testLogger(logs), Conversations: store})
	// kept waits until the context as of the bot's message id is kept, which happens
	// just after Discord took the message: a person replies later than that.
	kept := func(id string) string {
		t.Helper()
		testkit.WaitFor(t, 5*time.Second, "the context of "+id, func() bool {
			c, _ := store.Get(context.Background(), replyConversation(id))
			return !c.Empty()
		})
		return id
	}
	defer func() {
		if t.Failed() {
			t.Log(logs.String())
		}
	}()
	mention := "<@" + fakeBotID + "> "

	// say sends one message and returns the bot's reply to it and that reply's id.
	sent := 0
	say := func(m map[string]any) (sentMessage, string) {
		t.Helper()
		conn.dispatch(t, "MESSAGE_CREATE", m)
		sent++
		testkit.WaitFor(t, 5*time.Second, "the reply to "+m["id"].(string), func() bool { return len(f.callsTo("/channels/")) >= sent })
		calls := f.callsTo("/channels/")
		var got sentMessage
		if err := json.Unmarshal(calls[sent-1].Body, &got); err != nil {
			t.Fatal(err)
		}
		if got.MessageReference == nil || got.MessageReference.MessageID != m["id"] || len(got.Embeds) != 1 {
			t.Fatalf("the reply to %s is %s", m["id"], calls[sent-1].Body)
		}
		return got, "sent" + strconv.Itoa(sent) // the fake numbers the messages it is sent
	}
	check := func(what string, m sentMessage, want bool) {
		t.Helper()
		e := m.Embeds[0]
		if got := answered(e.Title, e.Description); got != want {
			t.Errorf("%s: %q answered from a conversation: %v, want %v (%s: %s)", what, followTurn, got, want, e.Title, e.Description)
		}
	}

	// A mention in a channel, and a reply to the bot's answer: the reply chain.
	first, firstID := say(messageCreate("m1", fakeGuild, "chan1", "user1", false, mention+firstTurn, fakeBotID))
	if !strings.Contains(first.Embeds[0].Description, followWord) {
		t.Fatalf("the first question got %+v", first.Embeds[0])
	}
	follow, followID := say(replyTo("m2", fakeGuild, "chan1", "user1", followTurn, kept(firstID), fakeBotID))
	check("a reply to the bot's answer", follow, true)
	// The chain goes on from the bot's answer to the follow-up.
	again, _ := say(replyTo("m3", fakeGuild, "chan1", "user1", followTurn, kept(followID), fakeBotID))
	check("a reply to the bot's second answer", again, true)
	// A mention that replies to nothing, or to a user's message, starts afresh: a
	// channel is not a conversation.
	plain, _ := say(messageCreate("m4", fakeGuild, "chan1", "user1", false, mention+followTurn, fakeBotID))
	check("a new mention in the channel", plain, false)
	toUser, _ := say(replyTo("m5", fakeGuild, "chan1", "user2", mention+followTurn, "m1", "user1"))
	check("a reply to a user's message", toUser, false)

	// A reply to the bot's public answer to /ask goes on from the asker's /ask
	// conversation: the bot never learns that answer's id, but Discord says whose /ask it was.
	ask := command("i1", "ask", opt("question", 3, firstTurn))
	ask["channel_id"], ask["member"] = "chan5", map[string]any{"user": user("user5")}
	conn.dispatch(t, "INTERACTION_CREATE", ask)
	f.waitCall(t, http.MethodPost, "/interactions/i1/tok-i1/callback")
	toAsk := replyTo("m12", fakeGuild, "chan5", "user6", followTurn, "answer-to-i1", fakeBotID)
	toAsk["referenced_message"].(map[string]any)["interaction_metadata"] = map[string]any{"id": "i1", "type": 2, "user": user("user5")}
	askFollow, _ := say(toAsk)
	check("a reply to the answer to /ask", askFollow, true)

	// A suggestion pressed on the bot's answer replaces it, and a reply to that message
	// goes on from the pressed entry.
	_, vaezID := say(messageCreate("m13", fakeGuild, "chan6", "user1", false, mention+"Who is Ali Vaez?", fakeBotID))
	kept(vaezID) // so that the press comes after it, as it would
	pressed := testkit.Engine(t).Answer(firstTurn)
	press := button("i2", "ask:"+pressed.ID)
	press["guild_id"], press["channel_id"] = fakeGuild, "chan6"
	delete(press, "user")
	press["member"] = map[string]any{"user": user("user1")}
	press["message"] = map[string]any{"id": vaezID, "channel_id": "chan6", "content": "",
		"author": map[string]any{"id": fakeBotID, "username": "borderbot", "bot": true}}
	conn.dispatch(t, "INTERACTION_CREATE", press)
	if r := decodeCallback(t, f.waitCall(t, http.MethodPost, "/interactions/i2/tok-i2/callback")); r.Type != 7 {
		t.Fatalf("the pressed suggestion got %s", r.raw)
	}
	afterPress, _ := say(replyTo("m14", fakeGuild, "chan6", "user1", followTurn, vaezID, fakeBotID))
	check("a reply to the message a suggestion was pressed on", afterPress, true)

	// A thread is one conversation; another thread is another.
	say(messageCreate("m6", fakeGuild, "thread1", "user1", false, mention+firstTurn, fakeBotID))
	inThread, _ := say(messageCreate("m7", fakeGuild, "thread1", "user2", false, mention+followTurn, fakeBotID))
	check("a mention in the thread", inThread, true)
	otherThread, _ := say(messageCreate("m8", fakeGuild, "thread2", "user1", false, mention+followTurn, fakeBotID))
	check("a mention in another thread", otherThread, false)

	// A DM is one conversation; another user's DM is another.
	say(messageCreate("m9", "", "dm1", "user1", false, firstTurn))
	inDM, _ := say(messageCreate("m10", "", "dm1", "user1", false, followTurn))
	check("a follow-up in the DM", inDM, true)
	otherDM, _ := say(messageCreate("m11", "", "dm2", "user2", false, followTurn))
	check("another DM", otherDM, false)

	// Discord was asked once what each guild channel is.
	gets := 0
	for _, p := range f.paths() {
		if strings.HasPrefix(p, "GET /channels/") {
			gets++
		}
	}
	if gets != 5 {
		t.Errorf("%d channel look-ups, want 5 (chan1, chan5, chan6, thread1, thread2): %v", gets, f.paths())
	}
	if l := logs.String(); strings.Contains(l, firstTurn) || strings.Contains(l, followTurn) {
		t.Errorf("a question's text was logged:\n%s", l)
	}
}

// TestInteractionsConversations: /ask twice by one user in one channel, over the signed
// HTTP endpoint, is one conversation; another user's or another channel's is not; a
// suggestion pressed on an /ask answer is a turn of that user's conversation.
func TestInteractionsConversations(t *testing.T) {
	eng := testkit.Engine(t)
	ep := newEndpoint(t, eng, adapters.Hooks{})
	ask := func(id, userID, channelID, q string) wireResponse {
		t.Helper()
		in := command(id, "ask", opt("question", 3, q))
		in["member"] = map[string]any{"user": user(userID)}
		in["channel_id"] = channelID
		r := ep.post(t, in)
		if r.Type != 4 || r.Data == nil || len(r.Data.Embeds) != 1 {
			t.Fatalf("/ask %q: %s", q, r.raw)
		}
		return r
	}
	check := func(what string, r wireResponse, want bool) {
		t.Helper()
		e := r.Data.Embeds[0]
		if got := answered(e.Title, e.Description); got != want {
			t.Errorf("%s: %q answered from a conversation: %v, want %v (%s: %s)", what, followTurn, got, want, e.Title, e.Description)
		}
	}
	ask("i1", "user1", "chan1", firstTurn)
	check("a second /ask", ask("i2", "user1", "chan1", followTurn), true)
	check("/ask by another user", ask("i3", "user2", "chan1", followTurn), false)
	check("/ask in another channel", ask("i4", "user1", "chan2", followTurn), false)

	// A suggestion pressed on user3's /ask answer goes on in user3's conversation.
	pressed := eng.Answer(firstTurn)
	press := button("i5", "ask:"+pressed.ID)
	press["guild_id"], press["channel_id"] = fakeGuild, "chan3"
	delete(press, "user")
	press["member"] = map[string]any{"user": user("user3")}
	press["message"] = map[string]any{"id": "answer-to-i0", "channel_id": "chan3", "content": "",
		"interaction_metadata": map[string]any{"id": "i0", "type": 2, "user": user("user3")}}
	if r := ep.post(t, press); r.Type != 7 || r.Data.Embeds[0].Title != pressed.Title {
		t.Fatalf("the pressed suggestion got %s", r.raw)
	}
	check("/ask after a pressed suggestion", ask("i6", "user3", "chan3", followTurn), true)
}

// TestGatewayAsksOnceWhatAChannelIs: Discord refusing to say what a channel is (no
// access) is remembered, so the bot does not ask again at every mention there.
func TestGatewayAsksOnceWhatAChannelIs(t *testing.T) {
	f := newFakeDiscord(t)
	useFakeEndpoints(t, f.srv.URL)
	conn := runGateway(t, f, testkit.Engine(t), GatewayOptions{Logger: testLogger(&testkit.LogBuffer{})})
	for i := range 3 {
		conn.dispatch(t, "MESSAGE_CREATE", messageCreate(strconv.Itoa(i), fakeGuild, "hidden1", "user1", false,
			"<@"+fakeBotID+"> "+firstTurn, fakeBotID))
		testkit.WaitFor(t, 5*time.Second, "the answer", func() bool { return len(f.callsTo("/channels/hidden1/messages")) == i+1 })
	}
	gets := 0
	for _, p := range f.paths() {
		if p == "GET /channels/hidden1" {
			gets++
		}
	}
	if gets != 1 {
		t.Errorf("asked %d times what the channel is, want once: %v", gets, f.paths())
	}
}
