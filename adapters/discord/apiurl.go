package discord

import (
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// DefaultAPIURL is Discord's REST API base, as discordgo has it.
var DefaultAPIURL = discordgo.EndpointAPI

// apiMu serialises changes of discordgo's endpoints.
var apiMu sync.Mutex

// UseAPIURL points every REST call discordgo makes (commands, messages, interaction
// callbacks and follow-ups, the gateway's address) at another base, such as a REST
// rate-limit proxy or a test server, and returns a function that restores the previous
// one. discordgo keeps its endpoints in package variables, so the change holds for the
// whole process: call it once, before connecting.
func UseAPIURL(base string) (restore func(), err error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("discord: API URL %q is not an http(s) URL", base)
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	apiMu.Lock()
	defer apiMu.Unlock()
	vars := []struct {
		v    *string
		path string
	}{
		{&discordgo.EndpointAPI, ""}, {&discordgo.EndpointGuilds, "guilds/"}, {&discordgo.EndpointChannels, "channels/"},
		{&discordgo.EndpointUsers, "users/"}, {&discordgo.EndpointGateway, "gateway"}, {&discordgo.EndpointGatewayBot, "gateway/bot"},
		{&discordgo.EndpointWebhooks, "webhooks/"}, {&discordgo.EndpointStickers, "stickers/"},
		{&discordgo.EndpointStageInstances, "stage-instances"}, {&discordgo.EndpointSKUs, "skus"},
		{&discordgo.EndpointVoice, "/voice/"}, {&discordgo.EndpointVoiceRegions, "/voice/regions"},
		{&discordgo.EndpointNitroStickersPacks, "/sticker-packs"}, {&discordgo.EndpointGuildCreate, "guilds"},
		{&discordgo.EndpointApplications, "applications"}, {&discordgo.EndpointOAuth2, "oauth2/"},
		{&discordgo.EndpointOAuth2Applications, "oauth2/applications"},
	}
	saved := make([]string, len(vars))
	for i, x := range vars {
		saved[i] = *x.v
		*x.v = base + x.path
	}
	return func() {
		apiMu.Lock()
		defer apiMu.Unlock()
		for i, x := range vars {
			*x.v = saved[i]
		}
	}, nil
}
