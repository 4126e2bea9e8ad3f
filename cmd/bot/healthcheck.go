package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/borderbot/borderbot/internal/config"
)

// healthcheckTimeout bounds `bot healthcheck`, which a container runtime runs often.
const healthcheckTimeout = 3 * time.Second

// cmdHealthcheck asks the running bot's GET /healthz, for a container's HEALTHCHECK: the
// image has no shell and no curl. It exits 0 when the answer is 200, 1 otherwise.
func cmdHealthcheck(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "healthcheck", "bot healthcheck [--addr HOST:PORT]",
		"Exits 0 when the bot's GET /healthz answers 200 within three seconds, and 1 otherwise. By default\nit asks the address the configuration gives the HTTP server (BOT_HTTP_ADDR, PORT); an address\nthat listens on every interface is asked on loopback.")
	configPath := fs.String("config", e.getenv("BOT_CONFIG"), "TOML configuration `file` (env BOT_CONFIG)")
	addr := fs.String("addr", "", "the bot's HTTP `address`; default: the configured one")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *addr == "" {
		cfg, err := config.Load(*configPath, e.getenv)
		if err != nil {
			return usageError{err}
		}
		*addr = cfg.HTTP.Addr
	}
	host, port, err := net.SplitHostPort(*addr)
	if err != nil {
		return usageError{fmt.Errorf("healthcheck: --addr %q is not host:port", *addr)}
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, healthcheckTimeout)
	defer cancel()
	url := "http://" + net.JoinHostPort(host, port) + "/healthz"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return errors.New("healthcheck: GET " + url + ": " + res.Status)
	}
	fmt.Fprintf(e.stdout, "healthy: GET %s: %s\n", url, res.Status)
	return nil
}
