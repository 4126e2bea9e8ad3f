package main

import (
	"context"
	"fmt"

	"github.com/borderbot/borderbot/adapters/console"
)

func cmdServe(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "serve", "bot [serve] [flags]",
		"Runs every adapter the configuration enables: the Discord gateway (DISCORD_TOKEN), the Discord\ninteractions endpoint (DISCORD_PUBLIC_KEY), Slack Socket Mode (SLACK_APP_TOKEN) and the Slack\nEvents API (SLACK_SIGNING_SECRET). With none enabled it runs the console on standard input.")
	var c common
	c.register(fs, e)
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, eng, err := c.load(e)
	if err != nil {
		return err
	}
	if !cfg.AnyPlatform() {
		return console.Run(ctx, eng, e.stdin, e.stdout)
	}
	return fmt.Errorf("serve: platform adapters are not wired yet")
}

func cmdDiscord(ctx context.Context, e env, args []string) error {
	return usageError{fmt.Errorf("discord: not available yet")}
}
