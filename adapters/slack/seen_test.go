package slack

import (
	"context"
	"fmt"
	"testing"
	"time"
)

func TestMemoryEventsBoundedByTimeAndBytes(t *testing.T) {
	ctx := context.Background()
	now := time.Unix(1_700_000_000, 0)
	clock := func() time.Time { return now }
	m := NewMemoryEvents(10*time.Minute, DefaultSeenBytes, clock)
	claim := func(id string) bool {
		t.Helper()
		first, err := m.Claim(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return first
	}
	if !claim("Ev1") || claim("Ev1") {
		t.Fatal("an id is not remembered")
	}
	// An event, 10,000 others within the minute, then Slack's retry of the first: the
	// retry is recognised (the old store forgot it after 10,000 ids).
	for i := range 10_000 {
		claim(fmt.Sprintf("EvOther%05d", i))
	}
	now = now.Add(time.Minute)
	if claim("Ev1") {
		t.Error("a retry a minute and 10,000 events later was taken for a new event")
	}
	// Slack's last retry comes about five minutes after the event: still remembered.
	now = now.Add(4 * time.Minute)
	if claim("Ev1") {
		t.Error("a retry five minutes later was taken for a new event")
	}
	now = now.Add(11 * time.Minute)
	if !claim("Ev1") {
		t.Error("an id is remembered past its TTL")
	}
	if ids, _, _ := m.Stats(); ids != 1 {
		t.Errorf("%d ids held once the others expired, want 1", ids)
	}

	// The byte budget bounds memory whatever the rate: the oldest go first.
	small := NewMemoryEvents(time.Hour, 100*(seenOverhead+len("EvSmall000")), clock)
	for i := range 1000 {
		if _, err := small.Claim(ctx, fmt.Sprintf("EvSmall%03d", i)); err != nil {
			t.Fatal(err)
		}
	}
	ids, bytes, evicted := small.Stats()
	if ids != 100 || bytes > 100*(seenOverhead+len("EvSmall000")) || evicted != 900 {
		t.Errorf("held %d ids in %d bytes with %d evicted; want 100 within the budget, 900 evicted", ids, bytes, evicted)
	}
	if first, _ := small.Claim(ctx, "EvSmall999"); first {
		t.Error("the newest id was forgotten")
	}
}
