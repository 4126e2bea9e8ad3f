package answers_test

import "testing"

func TestPlacesCarryTheirEventsDate(t *testing.T) {
	e := newEngine(t)
	ps := e.Places()
	if len(ps) < 8 {
		t.Fatalf("%d places, want the 8 the article names", len(ps))
	}
	for _, p := range ps {
		if p.Date.IsZero() || p.What == "" || p.Name == "" {
			t.Errorf("place %q lacks a date, a name or what happened: %+v", p.ID, p)
		}
	}
	r := e.Answer("Where did Pakistan strike in Iran?")
	got := e.PlacesOf(r)
	if len(got) != 1 || got[0].Name != "Saravan" || got[0].DateText() != "18 January 2024" {
		t.Errorf("PlacesOf(%q, answered with %q) = %+v, want Saravan on 18 January 2024", r.Question, r.ID, got)
	}
	if got := e.PlacesOf(e.Answer("Who is Ali Vaez?")); len(got) != 0 {
		t.Errorf("an answer about a person has places: %+v", got)
	}
}
