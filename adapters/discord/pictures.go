package discord

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/adapters/pictures"
	"github.com/borderbot/borderbot/answers"
)

// Pictures draws the timeline and the map, and tells which answers the map can show.
type Pictures = adapters.Pictures

// PictureTheme is the palette Discord's pictures are drawn in: its default, dark.
const PictureTheme = pictures.ThemeDark

// mapCustomIDPrefix starts the custom ID of a "Show on a map" button: "map:<entryID>".
const mapCustomIDPrefix = "map:"

// textNoPictures is what /map says when the bot runs without pictures.
const textNoPictures = "I can't draw the map right now; `/timeline` lists the events with their dates."

// renderAnswer renders an engine reply with one action row of what can be done with the
// answer under its suggestions: "Show on a map" when the map shows a place the answer is
// about, then 👍 and 👎 when there is a curator to tell. The three buttons share the row
// (Discord allows five a row), which is added only while the message has room for one
// (five rows).
func (h *handler) renderAnswer(r answers.Reply) message {
	m := renderReply(r)
	if len(m.Components) >= maxRows {
		return m
	}
	var row []discordgo.MessageComponent
	if b, ok := h.mapButton(r); ok {
		row = append(row, b)
	}
	row = append(row, h.feedbackButtons(r)...)
	if len(row) == 0 {
		return m
	}
	m.Components = append(slices.Clip(m.Components), discordgo.ActionsRow{Components: row})
	return m
}

// mapButton is the "Show on a map" button of an answer, when the map shows a place the
// answer is about.
func (h *handler) mapButton(r answers.Reply) (discordgo.Button, bool) {
	if h.pics == nil {
		return discordgo.Button{}, false
	}
	places := h.pics.PlacesOf(r)
	if len(places) == 0 {
		return discordgo.Button{}, false
	}
	id := r.ID
	if id == "" || r.Kind == answers.KindSeveral {
		id = places[0].EntryID
	}
	cid := mapCustomIDPrefix + id
	if !entryIDPattern.MatchString(id) || len(cid) > maxCustomID {
		return discordgo.Button{}, false
	}
	return discordgo.Button{Label: "Show on a map", Style: discordgo.SecondaryButton, CustomID: cid, Emoji: &discordgo.ComponentEmoji{Name: "🗺️"}}, true
}

// timeline answers /timeline: the dated list, with the picture in the embed when there is one.
func (h *handler) timeline(ctx context.Context) *discordgo.InteractionResponse {
	m := renderTimeline(h.engine.Timeline(), h.engine.About().Source)
	resp := messageResponse(m)
	if h.pics != nil {
		h.attach(ctx, resp, pictures.KindTimeline)
	}
	return resp
}

// mapOf answers /map and the "Show on a map" button: the map, with the places listed,
// those of entryID first.
func (h *handler) mapOf(ctx context.Context, entryID string, ephemeral bool) (*discordgo.InteractionResponse, adapters.Outcome) {
	if h.pics == nil {
		return messageResponse(plain(textNoPictures, true)), adapters.OutcomeUnknown
	}
	e := &discordgo.MessageEmbed{Title: "Where it happened", Color: colourInfo, Footer: footer(h.engine.About().Source)}
	places, intro := h.pics.Places(), "The places the article names, numbered on the map in date order:"
	if entryID != "" {
		if of := h.pics.PlacesOf(answers.Reply{ID: entryID}); len(of) > 0 {
			places, intro = of, "Where this answer happened; the map numbers every place the article names, in date order:"
		}
	}
	lines := []string{intro}
	for _, p := range places {
		lines = append(lines, "• "+placeLine(p))
	}
	e.Description = fitLines(lines, maxEmbedDescription)
	resp := messageResponse(message{Embeds: []*discordgo.MessageEmbed{fitEmbed(e)}, Ephemeral: ephemeral})
	if !h.attach(ctx, resp, pictures.KindMap) {
		return messageResponse(plain(textNoPictures, true)), adapters.OutcomeUnknown
	}
	return resp, adapters.OutcomeAnswered
}

// placeLine is one place as a line of an embed: "**Saravan** (Sistan and Baluchistan, Iran), 18 January 2024: …".
func placeLine(p answers.Place) string {
	s := "**" + p.Name + "**"
	if p.In != "" {
		s += " (" + p.In + ")"
	}
	return s + ", " + p.DateText() + ": " + p.What
}

// attach adds a picture to a response's first embed as an attachment with its alt text,
// and reports whether it could; a picture that cannot be drawn is logged and left out.
func (h *handler) attach(ctx context.Context, resp *discordgo.InteractionResponse, kind pictures.Kind) bool {
	p, err := h.pics.Get(ctx, kind, PictureTheme)
	if err != nil {
		h.log.Error("picture not drawn", "picture", string(kind), "error", err.Error())
		return false
	}
	d := resp.Data
	d.Files = []*discordgo.File{{Name: p.Filename(), ContentType: "image/png", Reader: strings.NewReader(string(p.PNG))}}
	d.Attachments = &[]*discordgo.MessageAttachment{{ID: "0", Filename: p.Filename()}}
	h.alts.Store(p.Filename(), fitText(p.Alt, 1024))
	if len(d.Embeds) > 0 {
		d.Embeds[0].Image = &discordgo.MessageEmbedImage{URL: "attachment://" + p.Filename()}
	}
	return true
}

// hasFiles reports whether a response carries files, which only a multipart request can.
func hasFiles(resp *discordgo.InteractionResponse) bool {
	return resp != nil && resp.Data != nil && len(resp.Data.Files) > 0
}

// attachmentWire is an attachment as Discord reads it, with the alt text discordgo's
// own type lacks.
type attachmentWire struct {
	ID          int    `json:"id"`
	Filename    string `json:"filename"`
	Description string `json:"description,omitempty"`
}

// attachments describes a response's files, in order, with their alt text.
func (h *handler) attachments(d *discordgo.InteractionResponseData) []attachmentWire {
	out := make([]attachmentWire, len(d.Files))
	for i, f := range d.Files {
		out[i] = attachmentWire{ID: i, Filename: f.Name}
		if alt, ok := h.alts.Load(f.Name); ok {
			out[i].Description = alt.(string)
		}
	}
	return out
}

// respondWithFiles answers an interaction with files in one multipart request, as the
// gateway can.
func (h *handler) respondWithFiles(ctx context.Context, s *discordgo.Session, in *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	payload := struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data struct {
			*discordgo.InteractionResponseData
			Attachments []attachmentWire `json:"attachments"`
		} `json:"data"`
	}{Type: resp.Type}
	payload.Data.InteractionResponseData = resp.Data
	payload.Data.Attachments = h.attachments(resp.Data)
	return postMultipart(ctx, s, discordgo.EndpointInteractionResponse(in.ID, in.Token), payload, resp.Data.Files)
}

// sendFollowupFiles sends a response with files as the follow-up message of an
// interaction, through its webhook, as the HTTP endpoint must.
func (h *handler) sendFollowupFiles(ctx context.Context, s *discordgo.Session, in *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	d := resp.Data
	payload := struct {
		*discordgo.WebhookParams
		Attachments []attachmentWire `json:"attachments"`
	}{WebhookParams: &discordgo.WebhookParams{Content: d.Content, Embeds: d.Embeds, Components: d.Components,
		AllowedMentions: d.AllowedMentions, Flags: d.Flags}, Attachments: h.attachments(d)}
	return postMultipart(ctx, s, discordgo.EndpointWebhookToken(in.AppID, in.Token), payload, d.Files)
}

// postMultipart posts a JSON payload and files as multipart/form-data.
func postMultipart(ctx context.Context, s *discordgo.Session, endpoint string, payload any, files []*discordgo.File) error {
	contentType, body, err := discordgo.MultipartBodyWithJSON(payload, files)
	if err != nil {
		return fmt.Errorf("discord: encode multipart: %w", err)
	}
	if _, err := s.RequestRaw("POST", endpoint, contentType, body, endpoint, 0, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("discord: post %d files: %w", len(files), err)
	}
	return nil
}

// parseMapCustomID returns the entry ID of a "Show on a map" button.
func parseMapCustomID(cid string) (string, bool) {
	id, ok := strings.CutPrefix(cid, mapCustomIDPrefix)
	if !ok || len(cid) > maxCustomID || !entryIDPattern.MatchString(id) {
		return "", false
	}
	return id, true
}

// FollowupTimeout bounds sending a follow-up with a picture; Discord's interaction token
// lasts 15 minutes, but a follow-up that takes this long has failed.
const FollowupTimeout = 30 * time.Second

// sendFollowup sends a response with files as the follow-up of an interaction already
// answered with deferred; a failure is logged and counted as a lost reply.
func (ih *interactionsHandler) sendFollowup(ctx context.Context, in *discordgo.Interaction, resp *discordgo.InteractionResponse) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), FollowupTimeout)
	defer cancel()
	if err := ih.h.sendFollowupFiles(ctx, ih.rest, in, resp); err != nil {
		ih.h.lc.Undelivered(ctx, interactionEvent(in), fmt.Errorf("discord: follow-up with a picture: %w", err))
	}
}

// deferred is the response that holds an interaction open for its follow-up: "thinking",
// ephemeral when the follow-up is.
func deferred(resp *discordgo.InteractionResponse) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: resp.Data.Flags & discordgo.MessageFlagsEphemeral}}
}
