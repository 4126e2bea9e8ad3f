// Package review is the curator's loop: it records the questions the bot answered badly
// or not at all and the votes on its answers (Recorder), keeps them in a Store (SQLite
// for one instance, Redis for several), groups and ranks them for the people who keep
// the knowledge base (Build), and shows them as text, JSON or a web page (Handler).
package review

import (
	"context"
	"time"

	"github.com/borderbot/borderbot/adapters"
)

// Outcome is why a record was kept.
type Outcome string

// The outcomes a record can have.
const (
	Unanswered    Outcome = "unanswered"     // the bot said it does not know
	NearMiss      Outcome = "near_miss"      // the article covers the subject but not the detail asked
	LowConfidence Outcome = "low_confidence" // answered, but with little confidence
	CloseSecond   Outcome = "close_second"   // answered, with another entry scored close to it
	VotedDown     Outcome = "voted_down"     // a 👎 on an answer
	VotedUp       Outcome = "voted_up"       // a 👍 on an answer
)

// Outcomes lists every outcome, in the order reports show them.
var Outcomes = []Outcome{Unanswered, NearMiss, LowConfidence, CloseSecond, VotedDown, VotedUp}

// Valid reports whether o is one of Outcomes.
func (o Outcome) Valid() bool {
	for _, x := range Outcomes {
		if o == x {
			return true
		}
	}
	return false
}

// IsVote reports whether the record is a vote rather than a question.
func (o Outcome) IsVote() bool { return o == VotedDown || o == VotedUp }

// Nearest is one entry the engine ranked for a question, with its score.
type Nearest struct {
	ID    string  `json:"id"`
	Score float64 `json:"score"`
}

// Record is one question or vote kept for the curators. It holds no user id as given:
// User is an HMAC of it.
type Record struct {
	ID         string            `json:"id"`   // unique; a vote's is the same for one user's votes on one answer
	Time       time.Time         `json:"time"` // when it was asked or voted, UTC
	Platform   adapters.Platform `json:"platform"`
	Place      adapters.Place    `json:"place"`
	User       string            `json:"user"`       // HMAC-SHA256 of the platform and user id, hex
	Question   string            `json:"question"`   // as the engine read it
	Outcome    Outcome           `json:"outcome"`    // why it was kept
	Confidence float64           `json:"confidence"` // the reply's
	Nearest    []Nearest         `json:"nearest"`    // the three nearest entries, best first
	Shown      string            `json:"shown"`      // the entry the reply showed, if any
}

// Day is a day's count of questions by platform and how they were answered, for the
// chart of questions per day.
type Day struct {
	Date     string            `json:"date"` // YYYY-MM-DD, UTC
	Platform adapters.Platform `json:"platform"`
	Class    Class             `json:"class"`
	Count    int               `json:"count"`
}

// Class is how a question was answered, as the chart of questions per day shows it.
type Class string

// The classes of the chart.
const (
	ClassAnswered    Class = "answered"
	ClassNotAnswered Class = "not_answered"
	ClassNearMiss    Class = "near_miss"
)

// Classes lists every class, in the order the chart stacks them.
var Classes = []Class{ClassAnswered, ClassNearMiss, ClassNotAnswered}

// Store keeps records and daily counts. SQLite keeps them for one instance, Redis for
// several; both pass reviewtest.Run.
type Store interface {
	// Add keeps r, replacing the record with the same ID (a changed vote).
	Add(ctx context.Context, r Record) error
	// Count adds n to the questions of one day, platform and class.
	Count(ctx context.Context, d Day) error
	// Records returns the records at or after since, oldest first.
	Records(ctx context.Context, since time.Time) ([]Record, error)
	// Days returns the daily counts of the days at or after since's day.
	Days(ctx context.Context, since time.Time) ([]Day, error)
	// Purge deletes the records and daily counts older than before and reports how
	// many records it deleted.
	Purge(ctx context.Context, before time.Time) (int, error)
	// Secret returns the store's HMAC secret for user ids, made at random and kept
	// the first time it is asked for.
	Secret(ctx context.Context) ([]byte, error)
	// Close releases the store.
	Close() error
}
