package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/adapters/pictures"
	"github.com/borderbot/borderbot/answers"
)

// Pictures draws the timeline and the map, and tells which answers the map can show.
type Pictures = adapters.Pictures

// PictureTheme is the palette Slack's pictures are drawn in: its default, light.
const PictureTheme = pictures.ThemeLight

// CallbackCheck is the callback id of the message shortcut "Check against the article",
// as both manifests declare it.
const CallbackCheck = "check_article"

// Action ids of the fact check's and the map's buttons.
const (
	actionCheckShare = "check_share" // value: checkValue of the checked message
	actionShowMap    = "show_map"    // value: an entry id
)

// UploadTimeout bounds one upload of a picture, its three calls included.
const UploadTimeout = 30 * time.Second

// withMap adds a "Show on a map" button to an answer about a place the map shows: first
// in the row of 👍 and 👎 when the answer has one, so that the answer's actions share one
// actions block (Slack allows 25 elements in one), else in a block of its own.
func (b *bot) withMap(m message, r answers.Reply) message {
	if b.pics == nil || !r.Answered || len(m.blocks) == 0 {
		return m
	}
	places := b.pics.PlacesOf(r)
	if len(places) == 0 {
		return m
	}
	id := r.ID
	if id == "" || r.Kind == answers.KindSeveral {
		id = places[0].EntryID
	}
	btn := slack.NewButtonBlockElement(actionShowMap, id, plain("🗺️ Show on a map"))
	for i, bl := range m.blocks {
		if a, ok := bl.(*slack.ActionBlock); ok && a.BlockID == feedbackBlockID {
			elems := append([]slack.BlockElement{btn}, a.Elements.ElementSet...)
			blocks := slices.Clone(m.blocks)
			blocks[i] = slack.NewActionBlock(feedbackBlockID, elems...)
			m.blocks = blocks
			return m
		}
	}
	if len(m.blocks) >= maxBlocks {
		return m
	}
	// Before the source line, which stays last.
	blocks := append([]slack.Block{}, m.blocks[:len(m.blocks)-1]...)
	blocks = append(blocks, slack.NewActionBlock("map", btn), m.blocks[len(m.blocks)-1])
	m.blocks = blocks
	return m
}

// placesText lists places, one a line, with their dates and what happened.
func placesText(places []answers.Place) string {
	var lines []string
	for _, p := range places {
		s := "• *" + escape(p.Name) + "*"
		if p.In != "" {
			s += " (" + escape(p.In) + ")"
		}
		lines = append(lines, s+", "+p.DateText()+": "+escape(p.What))
	}
	return strings.Join(lines, "\n")
}

// upload shares a picture in a channel, or in a thread of it, with files.uploadV2's three
// calls (files.getUploadURLExternal, the upload, files.completeUploadExternal).
func (b *bot) upload(ctx context.Context, kind pictures.Kind, channel, thread, comment string) error {
	if b.pics == nil {
		return errors.New("slack: no pictures to upload")
	}
	p, err := b.pics.Get(ctx, kind, PictureTheme)
	if err != nil {
		return fmt.Errorf("slack: draw the %s: %w", kind, err)
	}
	ctx, cancel := context.WithTimeout(ctx, UploadTimeout)
	defer cancel()
	api := slack.New(b.botToken, b.clientOptions()...)
	_, err = api.UploadFileContext(ctx, slack.UploadFileParameters{
		Reader: bytes.NewReader(p.PNG), FileSize: len(p.PNG), Filename: p.Filename(), Title: p.Title,
		AltTxt: p.Alt, InitialComment: comment, Channel: channel, ThreadTimestamp: thread,
	})
	if err != nil {
		return fmt.Errorf("slack: upload the %s to %s: %w", kind, channel, err)
	}
	return nil
}

// textNoUpload tells a user the picture could not be shared in the channel.
const textNoUpload = "I couldn't share the picture in this channel (add me to it, or ask me in a DM). The text above has it all."

// picture answers /timeline and /map: the text to the asker, the picture uploaded to the
// channel; where the bot may not upload, the asker is told.
func (b *bot) picture(ctx context.Context, ev adapters.Event, c *slack.SlashCommand, kind pictures.Kind, reply func(message) error) (adapters.Outcome, error) {
	var m message
	switch kind {
	case pictures.KindTimeline:
		m = timelineMessage(b.engine.Timeline(), b.engine.About().Source)
	default:
		if b.pics == nil {
			return adapters.OutcomeUnknown, reply(noticeMessage("I can't draw the map right now; `/timeline` lists the events with their dates."))
		}
		m = message{text: "Where it happened", blocks: []slack.Block{
			section("*Where it happened*: the places the article names, numbered on the map in date order\n" + placesText(b.pics.Places())),
			sourceBlock(b.engine.About().Source)}}
	}
	if err := reply(m); err != nil || b.pics == nil {
		return adapters.OutcomeHelp, err
	}
	if err := b.upload(ctx, kind, c.ChannelID, "", ""); err != nil {
		b.log.Warn("picture not uploaded", "event_id", ev.ID, "channel_id", c.ChannelID, "picture", string(kind), "error", err.Error())
		return adapters.OutcomeHelp, b.respond(ctx, ev, c.ResponseURL, noticeMessage(textNoUpload), respondEphemeral)
	}
	return adapters.OutcomeAnswered, nil
}

// showMap answers the "Show on a map" button: the map uploaded where the answer is,
// with the answer's places as its comment.
func (b *bot) showMap(ctx context.Context, ev adapters.Event, cb *slack.InteractionCallback, entryID string) (adapters.Outcome, error) {
	if b.pics == nil {
		return adapters.OutcomeUnknown, b.respond(ctx, ev, cb.ResponseURL, noticeMessage("I can't draw the map right now."), respondEphemeral)
	}
	places := b.pics.PlacesOf(answers.Reply{ID: entryID})
	comment := "Where it happened:\n" + placesText(places)
	thread := ""
	if !cb.Container.IsEphemeral {
		thread = cb.Container.ThreadTs
		if thread == "" {
			thread = cb.Container.MessageTs
		}
	}
	if err := b.upload(ctx, pictures.KindMap, ev.ChannelID, thread, comment); err != nil {
		b.log.Warn("map not uploaded", "event_id", ev.ID, "channel_id", ev.ChannelID, "error", err.Error())
		return adapters.OutcomeFailed, b.respond(ctx, ev, cb.ResponseURL, noticeMessage(textNoUpload), respondEphemeral)
	}
	return adapters.OutcomeAnswered, nil
}

// checkValue is what the share button of a fact check carries: the checked message's
// text and where it is, to check it again when shared.
type checkValue struct {
	Text string `json:"t"`
	TS   string `json:"ts,omitempty"`
}

func (v checkValue) encode() string {
	for {
		b, _ := json.Marshal(v)
		if len(b) <= maxButtonValue || v.Text == "" {
			return string(b)
		}
		r := []rune(v.Text)
		v.Text = string(r[:len(r)*9/10])
	}
}

// onCheck answers the message shortcut: the message's claims and questions checked
// against the article, shown to the user alone, with a button to share the check in
// the message's thread.
func (b *bot) onCheck(ctx context.Context, ev adapters.Event, cb *slack.InteractionCallback) (adapters.Outcome, error) {
	text, _ := readText(cb.Message.Text, b.selfID())
	checks, more := adapters.FactCheck(b.engine, text)
	if len(checks) == 0 {
		return adapters.OutcomeUnknown, b.respond(ctx, ev, cb.ResponseURL, noticeMessage(escape(adapters.TextNothingToCheck)), respondEphemeral)
	}
	m := checksMessage(checks, more)
	ts := cb.Message.ThreadTimestamp
	if ts == "" {
		ts = cb.Message.Timestamp
	}
	btn := slack.NewButtonBlockElement(actionCheckShare, checkValue{Text: text, TS: ts}.encode(), plain("Share in the thread")).
		WithStyle(slack.StylePrimary)
	m.blocks = append(m.blocks[:len(m.blocks)-1], slack.NewActionBlock("check_share", btn), m.blocks[len(m.blocks)-1])
	return adapters.OutcomeAnswered, b.respond(ctx, ev, cb.ResponseURL, m, respondEphemeral)
}

// shareCheck posts a private fact check in the checked message's thread, then removes
// the private copy; where the bot cannot post, it posts through the response URL.
func (b *bot) shareCheck(ctx context.Context, ev adapters.Event, cb *slack.InteractionCallback, value string) (adapters.Outcome, error) {
	var v checkValue
	if err := json.Unmarshal([]byte(value), &v); err != nil {
		return adapters.OutcomeInvalid, b.respond(ctx, ev, cb.ResponseURL, noticeMessage("I can't share that check any more."), respondEphemeral)
	}
	checks, more := adapters.FactCheck(b.engine, v.Text)
	if len(checks) == 0 {
		return adapters.OutcomeUnknown, nil
	}
	m := checksMessage(checks, more)
	m.blocks = append([]slack.Block{slack.NewContextBlock("shared", mrkdwn("<@"+cb.User.ID+"> checked this message against the article"))}, m.blocks...)
	err := b.post(ctx, ev, ev.ChannelID, v.TS, m)
	var se slack.SlackErrorResponse
	if errors.As(err, &se) && cb.ResponseURL != "" {
		b.log.Info("cannot post to the channel, posting through the response URL", "event_id", ev.ID, "channel_id", ev.ChannelID, "error", se.Err)
		return adapters.OutcomeShared, b.respond(ctx, ev, cb.ResponseURL, m, respondInChannel)
	}
	if err != nil {
		return adapters.OutcomeFailed, err
	}
	if err := b.respond(ctx, ev, cb.ResponseURL, message{}, respondDelete); err != nil {
		b.log.Warn("could not remove the private check after sharing it", "event_id", ev.ID, "error", err.Error())
	}
	return adapters.OutcomeShared, nil
}

// checksMessage renders each claim with its finding, the fact that settles it, its first
// quote, then the source.
func checksMessage(checks []adapters.Check, more bool) message {
	blocks := []slack.Block{section("*Checked against the article*")}
	var fallback []string
	for _, c := range checks {
		mark := map[adapters.Finding]string{adapters.FindingYes: "✅", adapters.FindingNo: "❌", adapters.FindingPartly: "◐",
			adapters.FindingNotSaid: "❔", adapters.FindingNotAsSaid: "❔"}[c.Finding]
		if mark == "" {
			mark = "ℹ️"
		}
		body := mark + " *" + c.Finding.String() + "*\n> " + inert(truncate(c.Claim, 300)) + "\n"
		if c.Finding == adapters.FindingNotSaid {
			body += "The article does not say."
		} else {
			body += escape(c.Fact())
		}
		blocks = append(blocks, section(body))
		if len(c.Reply.Quotes) > 0 && c.Finding != adapters.FindingNotSaid {
			blocks = append(blocks, section(quoteText(c.Reply.Quotes[0])))
		}
		fallback = append(fallback, c.Finding.String())
	}
	if more {
		blocks = append(blocks, section(fmt.Sprintf("_I checked the first %d claims and questions of the message._", adapters.MaxChecks)))
	}
	blocks = append(blocks, sourceBlock(checks[0].Reply.Source))
	return message{text: "Checked against the article: " + strings.Join(fallback, ", "), blocks: blocks}
}

// fromCheck wraps the message shortcut: a question, since it asks the engine.
func fromCheck(cb slack.InteractionCallback) inbound {
	id := cb.TriggerID
	if id == "" {
		id = cb.ActionTs
	}
	return inbound{ev: adapters.Event{Platform: platform, Kind: adapters.KindQuestion, ID: id, UserID: cb.User.ID,
		ChannelID: cb.Channel.ID, Name: CallbackCheck}, action: &cb}
}
