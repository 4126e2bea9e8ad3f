package slack

import (
	"context"
	"strings"

	"github.com/slack-go/slack"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
)

// maxVoteQuestion is how much of the question a feedback button's value carries, in
// characters, for the 👎 record.
const maxVoteQuestion = 300

// feedbackBlockID is the block id of the row of 👍 and 👎, where withMap puts the map's
// button too.
const feedbackBlockID = "feedback"

// feedbackBlock is the row of 👍 and 👎 buttons under an answer; their value is the
// entry shown and the question it answered.
func feedbackBlock(r answers.Reply, question string) slack.Block {
	value := shareValue(r.ID, truncate(question, maxVoteQuestion))
	up := slack.NewButtonBlockElement(adapters.VoteUp, value, slack.NewTextBlockObject(slack.PlainTextType, "👍 Helpful", true, false))
	down := slack.NewButtonBlockElement(adapters.VoteDown, value, slack.NewTextBlockObject(slack.PlainTextType, "👎 Not helpful", true, false))
	return slack.NewActionBlock(feedbackBlockID, up, down)
}

// asked tells the curator of a question answered.
func (b *bot) asked(ctx context.Context, ev adapters.Event, place adapters.Place, read string, r answers.Reply) {
	if b.curator == nil {
		return
	}
	b.curator.Asked(ctx, adapters.Asked{Platform: platform, Place: place, UserID: ev.UserID, Read: read, Reply: r})
}

// placeOf is the kind of place a message in channel and thread was sent in.
func placeOf(channel, thread string) adapters.Place {
	switch {
	case strings.HasPrefix(channel, "D"):
		return adapters.PlaceDM
	case thread != "":
		return adapters.PlaceThread
	}
	return adapters.PlaceChannel
}

// vote records a pressed 👍 or 👎 and thanks the voter alone.
func (b *bot) vote(ctx context.Context, ev adapters.Event, cb *slack.InteractionCallback, up bool, value string) (adapters.Outcome, error) {
	if b.curator == nil {
		return adapters.OutcomeInvalid, nil
	}
	entry, question := parseShareValue(value)
	ts := cb.Container.MessageTs
	if ts == "" {
		ts = cb.Message.Timestamp
	}
	thread := cb.Container.ThreadTs
	if thread == "" {
		thread = cb.Message.ThreadTimestamp
	}
	b.curator.Voted(ctx, adapters.Vote{Platform: platform, Place: placeOf(ev.ChannelID, thread), UserID: ev.UserID,
		Answer: ev.ChannelID + "/" + ts, EntryID: entry, Question: question, Up: up})
	if cb.ResponseURL == "" {
		return adapters.OutcomeAnswered, nil
	}
	return adapters.OutcomeAnswered, b.respond(ctx, ev, cb.ResponseURL, noticeMessage(adapters.VoteThanks), respondEphemeral)
}
