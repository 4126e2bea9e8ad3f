package adapters

import (
	"context"
	"strings"

	"github.com/borderbot/borderbot/answers"
)

// Place is the kind of place a question was asked in.
type Place string

// The kinds of place.
const (
	PlaceChannel Place = "channel" // a channel, in the open or through a slash command
	PlaceThread  Place = "thread"  // a thread of a channel
	PlaceDM      Place = "dm"      // a direct message with the bot
)

// Asked is one question answered, as a Curator sees it.
type Asked struct {
	Platform Platform
	Place    Place
	UserID   string        // as the platform gives it; a Curator must not keep it as given
	Read     string        // the question as the engine read it, on its own
	Reply    answers.Reply // the engine's reply
}

// Vote is one press of a feedback button under an answer.
type Vote struct {
	Platform Platform
	Place    Place
	UserID   string // as the platform gives it; a Curator must not keep it as given
	Answer   string // the platform's id of the message that shows the answer
	EntryID  string // the entry the answer showed
	Question string // the question the answer answered, as far as it is known
	Up       bool   // 👍 when true, 👎 when false
}

// Curator keeps what the people who keep the knowledge base need: the questions the bot
// answered badly or not at all, and the votes on its answers. Both calls return at once,
// whatever the Curator does with them, and never fail the reply.
type Curator interface {
	Asked(ctx context.Context, a Asked)
	Voted(ctx context.Context, v Vote)
}

// VotePrefix starts the custom id or action id of every feedback button: "vote:up",
// "vote:down".
const VotePrefix = "vote:"

// Vote button ids.
const (
	VoteUp   = VotePrefix + "up"
	VoteDown = VotePrefix + "down"
)

// ParseVote reports whether a button id is a feedback button's, and whether it is 👍.
func ParseVote(id string) (up, ok bool) {
	switch {
	case id == VoteUp || strings.HasPrefix(id, VoteUp+":"):
		return true, true
	case id == VoteDown || strings.HasPrefix(id, VoteDown+":"):
		return false, true
	}
	return false, false
}

// VoteThanks is what the voter alone is told after pressing a feedback button.
const VoteThanks = "Thanks for the feedback: it helps the people who keep my answers improve them."

// PrivacyNote is what /about and help say when a Curator records questions.
const PrivacyNote = "Questions I could not answer well, and the 👍 and 👎 under my answers, are kept for a while " +
	"to improve my answers; who asked is kept only as a keyed hash, never as your user id."
