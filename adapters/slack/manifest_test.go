package slack

import (
	"os"
	"strings"
	"testing"
)

// TestManifestsAskForWhatTheBotUses checks both app manifests subscribe to the events,
// scopes and commands the adapter handles, and point HTTP mode at its routes.
func TestManifestsAskForWhatTheBotUses(t *testing.T) {
	need := []string{"app_mentions:read", "chat:write", "chat:write.public", "commands", "im:history", "im:read",
		"im:write", "- app_mention", "- message.im", "command: /ask", "command: /quote", "command: /timeline",
		"interactivity:", "is_enabled: true"}
	for file, extra := range map[string][]string{
		"manifest-socket-mode.yaml": {"socket_mode_enabled: true"},
		"manifest-events-api.yaml": {"socket_mode_enabled: false", "/slack/events", "/slack/commands",
			"/slack/interactivity"},
	} {
		raw, err := os.ReadFile("../../deploy/slack/" + file)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range append(need, extra...) {
			if !strings.Contains(string(raw), s) {
				t.Errorf("%s lacks %q", file, s)
			}
		}
	}
}
