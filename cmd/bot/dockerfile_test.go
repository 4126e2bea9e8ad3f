package main

import (
	"bufio"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDockerfileBuildsAStaticBinary runs the Dockerfile's own build command (no container
// engine runs here) and checks that it yields a static binary that runs, and that the
// image is set up as an operator expects: a non-root user, the HTTP port, env config.
func TestDockerfileBuildsAStaticBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	raw, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	var build string
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); strings.HasPrefix(l, "RUN ") && strings.Contains(l, "go build") {
			build = strings.TrimPrefix(l, "RUN ")
		}
	}
	if build == "" {
		t.Fatal("the Dockerfile has no RUN ... go build line")
	}
	for _, want := range []string{"CGO_ENABLED=0", "-trimpath", "-X main.version=", "./cmd/bot"} {
		if !strings.Contains(build, want) {
			t.Errorf("build line %q lacks %s", build, want)
		}
	}
	for _, want := range []string{"USER nonroot", "EXPOSE 8080", "BOT_HTTP_ADDR=0.0.0.0:8080", "\nFROM ", "AS build",
		`HEALTHCHECK `, `CMD ["/bot", "healthcheck"]`, "org.opencontainers.image.source=", "org.opencontainers.image.version=",
		"org.opencontainers.image.revision=", "org.opencontainers.image.title="} {
		if !strings.Contains(text, want) {
			t.Errorf("the Dockerfile lacks %q", want)
		}
	}

	// Run the same command, with the Dockerfile's paths and build argument filled in.
	out := filepath.Join(t.TempDir(), "bot")
	build = strings.ReplaceAll(build, "/out/bot", out)
	build = strings.ReplaceAll(build, "${VERSION}", "v9.9.9-test")
	env, args := splitCommand(t, build)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), env...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", build, err, b)
	}
	f, err := elf.Open(out)
	if err != nil {
		t.Fatalf("not an ELF binary: %v", err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("the binary asks for a dynamic loader: it is not static")
		}
	}
	v, err := exec.Command(out, "version").Output()
	if err != nil || strings.TrimSpace(string(v)) != "bot v9.9.9-test" {
		t.Errorf("bot version = %q, %v; want the stamped version", v, err)
	}
	// The HEALTHCHECK's command, run as the image runs it: nothing listens, so it fails.
	hc := exec.Command(out, "healthcheck", "--addr", "127.0.0.1:1")
	hc.Env = []string{"BOT_HTTP_ADDR=0.0.0.0:8080"}
	if err := hc.Run(); err == nil {
		t.Error("bot healthcheck succeeded with nothing listening")
	} else if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Errorf("bot healthcheck with nothing listening: %v, want exit status 1", err)
	}
}

// splitCommand splits a shell command line of leading VAR=value words, then words and
// double-quoted strings, as the Dockerfile's build line is written.
func splitCommand(t *testing.T, line string) (env, args []string) {
	t.Helper()
	for _, m := range regexp.MustCompile(`"[^"]*"|\S+`).FindAllString(line, -1) {
		m = strings.Trim(m, `"`)
		if len(args) == 0 && regexp.MustCompile(`^[A-Z_]+=`).MatchString(m) {
			env = append(env, m)
			continue
		}
		args = append(args, m)
	}
	if len(args) == 0 {
		t.Fatalf("no command in %q", line)
	}
	return env, args
}
