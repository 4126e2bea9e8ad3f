package slack

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/adapters/pictures"
)

// nameHome names the Home tab's event in logs and metrics.
const nameHome = "app_home_opened"

// homeFile is the timeline picture uploaded once, privately, for the Home tab to show.
type homeFile struct {
	mu sync.Mutex
	id string
}

// timelineFile returns the id of the timeline picture, uploading it the first time
// (to no channel: the file stays the app's own).
func (b *bot) timelineFile(ctx context.Context) (id, alt string, err error) {
	if b.pics == nil {
		return "", "", fmt.Errorf("slack: no pictures")
	}
	p, err := b.pics.Get(ctx, pictures.KindTimeline, PictureTheme)
	if err != nil {
		return "", "", err
	}
	b.homeFile.mu.Lock()
	defer b.homeFile.mu.Unlock()
	if b.homeFile.id != "" {
		return b.homeFile.id, p.Alt, nil
	}
	ctx, cancel := context.WithTimeout(ctx, UploadTimeout)
	defer cancel()
	api := slack.New(b.botToken, b.clientOptions()...)
	f, err := api.UploadFileContext(ctx, slack.UploadFileParameters{
		Reader: strings.NewReader(string(p.PNG)), FileSize: len(p.PNG), Filename: p.Filename(), Title: p.Title, AltTxt: p.Alt,
	})
	if err != nil {
		return "", "", fmt.Errorf("slack: upload the Home tab's timeline: %w", err)
	}
	b.homeFile.id = f.ID
	return f.ID, p.Alt, nil
}

// onHome publishes the Home tab for the user who opened it: what the bot knows, how to
// ask, the experts and the timeline picture.
func (b *bot) onHome(ctx context.Context, ev adapters.Event, e *slackevents.AppHomeOpenedEvent) (adapters.Outcome, error) {
	a := b.engine.About()
	blocks := []slack.Block{
		slack.NewHeaderBlock(plain("The Iran–Pakistan strikes of January 2024")),
		section(escape(a.Summary)),
		section("*How to ask*\n• Mention me in a channel: `@BorderBot why did Iran strike Pakistan?` (I answer in the thread)\n" +
			"• Send me a direct message, here in *Messages*\n• `/ask <question>` (only you see the answer), `/quote [expert]`, `/timeline`, `/map`\n" +
			"• On any message, ⋮ → *Check against the article*: its claims, checked"),
	}
	var experts []string
	for _, x := range b.engine.Experts() {
		experts = append(experts, "• *"+escape(x.Name)+"*, "+escape(x.Role))
	}
	if len(experts) > 0 {
		blocks = append(blocks, section("*The experts the article interviews*\n"+strings.Join(experts, "\n")))
	}
	if id, alt, err := b.timelineFile(ctx); err != nil {
		b.log.Warn("Home tab without the timeline picture", "event_id", ev.ID, "error", err.Error())
	} else {
		blocks = append(blocks, slack.NewImageBlockSlackFile(&slack.SlackFileObject{ID: id}, truncate(alt, 2000), "timeline",
			plain(truncate("Timeline", 2000))))
	}
	if b.curator != nil {
		blocks = append(blocks, section("_"+escape(adapters.PrivacyNote)+"_"))
	}
	blocks = append(blocks, sourceBlock(a.Source))
	api := slack.New(b.botToken, b.clientOptions()...)
	_, err := api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: e.User,
		View: slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}})
	if err != nil {
		return adapters.OutcomeFailed, fmt.Errorf("slack: views.publish: %w", err)
	}
	return adapters.OutcomeHelp, nil
}
