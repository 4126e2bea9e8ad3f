package slack

import (
	"os"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// manifest is the part of a Slack app manifest the bot depends on.
type manifest struct {
	Features struct {
		AppHome struct {
			HomeTabEnabled bool `yaml:"home_tab_enabled"`
		} `yaml:"app_home"`
		SlashCommands []struct {
			Command string `yaml:"command"`
			URL     string `yaml:"url"`
		} `yaml:"slash_commands"`
		Shortcuts []struct {
			Name       string `yaml:"name"`
			Type       string `yaml:"type"`
			CallbackID string `yaml:"callback_id"`
		} `yaml:"shortcuts"`
	} `yaml:"features"`
	OAuthConfig struct {
		Scopes struct {
			Bot []string `yaml:"bot"`
		} `yaml:"scopes"`
	} `yaml:"oauth_config"`
	Settings struct {
		EventSubscriptions struct {
			RequestURL string   `yaml:"request_url"`
			BotEvents  []string `yaml:"bot_events"`
		} `yaml:"event_subscriptions"`
		Interactivity struct {
			IsEnabled  bool   `yaml:"is_enabled"`
			RequestURL string `yaml:"request_url"`
		} `yaml:"interactivity"`
		SocketModeEnabled bool `yaml:"socket_mode_enabled"`
	} `yaml:"settings"`
}

// TestManifestsAskForWhatTheBotUses parses both app manifests: they subscribe to the
// events and commands the adapter handles, ask for exactly the scopes it uses (no
// im:read or im:write: the bot never lists or opens conversations), and point HTTP
// mode at its routes.
func TestManifestsAskForWhatTheBotUses(t *testing.T) {
	scopes := []string{
		"app_mentions:read",                                  // app_mention events
		"chat:write",                                         // posts and ephemeral notices
		"chat:write.public",                                  // a shared /ask answer in a public channel the bot has not joined
		"commands",                                           // /ask, /quote, /timeline, /map, the message shortcut
		"files:write",                                        // the timeline and the map, with files.uploadV2
		"im:history",                                         // message.im events; reading back a DM after an ambiguous failure
		"channels:history", "groups:history", "mpim:history", // reading back a thread after an ambiguous failure
	}
	for file, socket := range map[string]bool{"manifest-socket-mode.yaml": true, "manifest-events-api.yaml": false} {
		raw, err := os.ReadFile("../../deploy/slack/" + file)
		if err != nil {
			t.Fatal(err)
		}
		var m manifest
		if err := yaml.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		got := slices.Sorted(slices.Values(m.OAuthConfig.Scopes.Bot))
		if want := slices.Sorted(slices.Values(scopes)); !slices.Equal(got, want) {
			t.Errorf("%s: scopes %v, want exactly %v", file, got, want)
		}
		if events := m.Settings.EventSubscriptions.BotEvents; !slices.Equal(slices.Sorted(slices.Values(events)), []string{"app_home_opened", "app_mention", "message.im"}) {
			t.Errorf("%s: bot events %v, want app_home_opened, app_mention and message.im", file, events)
		}
		if !m.Features.AppHome.HomeTabEnabled {
			t.Errorf("%s: the Home tab is not enabled", file)
		}
		var commands []string
		for _, c := range m.Features.SlashCommands {
			commands = append(commands, c.Command)
			if !socket && !strings.HasSuffix(c.URL, "/slack/commands") {
				t.Errorf("%s: %s goes to %q, not /slack/commands", file, c.Command, c.URL)
			}
		}
		if !slices.Equal(commands, []string{"/ask", "/quote", "/timeline", "/map"}) {
			t.Errorf("%s: commands %v", file, commands)
		}
		if sc := m.Features.Shortcuts; len(sc) != 1 || sc[0].Type != "message" || sc[0].CallbackID != CallbackCheck {
			t.Errorf("%s: shortcuts %+v, want the message shortcut %q", file, sc, CallbackCheck)
		}
		if !m.Settings.Interactivity.IsEnabled || m.Settings.SocketModeEnabled != socket {
			t.Errorf("%s: interactivity %v, socket mode %v; want interactivity on and socket mode %v",
				file, m.Settings.Interactivity.IsEnabled, m.Settings.SocketModeEnabled, socket)
		}
		if !socket && (!strings.HasSuffix(m.Settings.EventSubscriptions.RequestURL, "/slack/events") ||
			!strings.HasSuffix(m.Settings.Interactivity.RequestURL, "/slack/interactivity")) {
			t.Errorf("%s: request URLs %q and %q do not point at the bot's routes", file,
				m.Settings.EventSubscriptions.RequestURL, m.Settings.Interactivity.RequestURL)
		}
	}
}
