package adapters_test

import (
	"strings"
	"testing"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/knowledge"
)

func factEngine(t *testing.T) *answers.Engine {
	t.Helper()
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	e, err := answers.New(b, answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestFactCheckGivesEachClaimItsFinding(t *testing.T) {
	e := factEngine(t)
	tests := []struct {
		message string
		want    []adapters.Finding
	}{
		{"Iran hit the Pakistani army.", []adapters.Finding{adapters.FindingNo}},
		{"dozens of children died", []adapters.Finding{adapters.FindingNo}},
		{"Pakistan struck Iran on 18 January", []adapters.Finding{adapters.FindingYes}},
		{"Pakistan killed seven people", []adapters.Finding{adapters.FindingYes}},
		{"Iran's strike on 16 January killed seven children", []adapters.Finding{adapters.FindingPartly}},
		{"lol. Pakistan's strike killed Iranian soldiers. The missiles cost a billion dollars.",
			[]adapters.Finding{adapters.FindingNo, adapters.FindingNotSaid}},
		// Words the article never uses of a subject it tells of: what it says instead.
		{"Pakistan only used fighter jets in its retaliation", []adapters.Finding{adapters.FindingNotAsSaid}},
		{"Iran struck Pakistan on 16 January. Why did Iran strike Pakistan?",
			[]adapters.Finding{adapters.FindingYes, adapters.FindingAnswer}},
	}
	for _, tt := range tests {
		checks, more := adapters.FactCheck(e, tt.message)
		if more || len(checks) != len(tt.want) {
			t.Errorf("FactCheck(%q): %d checks (more %v), want %d: %+v", tt.message, len(checks), more, len(tt.want), checks)
			continue
		}
		for i, c := range checks {
			if c.Finding != tt.want[i] {
				t.Errorf("FactCheck(%q)[%d] %q: %v (%s), want %v", tt.message, i, c.Claim, c.Finding, c.Reply.Answer, tt.want[i])
			}
			if c.Finding != adapters.FindingNotSaid && (c.Fact() == "" || c.Reply.Source.Citation == "" || strings.HasPrefix(c.Fact(), "That is not")) {
				t.Errorf("FactCheck(%q)[%d]: no fact or no source", tt.message, i)
			}
		}
	}
}

func TestFactCheckOfChatterFindsNothing(t *testing.T) {
	e := factEngine(t)
	for _, m := range []string{"", "lol thanks 👍", "nice weather today. see you tomorrow!", "<@123>"} {
		if checks, _ := adapters.FactCheck(e, m); len(checks) != 0 {
			t.Errorf("FactCheck(%q) = %+v, want nothing to check", m, checks)
		}
	}
}

func TestFactCheckStopsAtMaxChecks(t *testing.T) {
	e := factEngine(t)
	m := "Iran struck Pakistan. Pakistan struck Iran. Two children died. Seven people died. Kerman was attacked. Idlib was hit. Ambassadors returned."
	checks, more := adapters.FactCheck(e, m)
	if len(checks) != adapters.MaxChecks || !more {
		t.Errorf("%d checks, more %v; want %d and more", len(checks), more, adapters.MaxChecks)
	}
}
