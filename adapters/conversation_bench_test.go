package adapters

import (
	"context"
	"fmt"
	"testing"

	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/testkit"
)

// benchConversations is how many conversations the benchmarks' store holds.
const benchConversations = 10_000

// seededConversations returns a store holding benchConversations conversations, each
// after "What did Pakistan target in its strikes?", and their keys.
func seededConversations(b *testing.B, e *answers.Engine) (Conversations, []ConversationKey) {
	b.Helper()
	ctx := context.Background()
	_, c := e.AnswerIn(answers.Context{}, "What did Pakistan target in its strikes?")
	store := NewMemoryConversations(0, 0, nil)
	keys := make([]ConversationKey, benchConversations)
	for i := range keys {
		keys[i] = ConversationKey{Platform: Slack, ID: fmt.Sprintf("thread:C%04d:1705400000.%06d", i%100, i)}
		if err := store.Put(ctx, keys[i], c); err != nil {
			b.Fatal(err)
		}
	}
	return Conversations{Store: store}, keys
}

// BenchmarkAnswerInConversation is a follow-up ("where was that?") answered in one of
// 10,000 stored conversations: the store's read, the engine, and the store's write.
func BenchmarkAnswerInConversation(b *testing.B) {
	e := testkit.Engine(b)
	cv, keys := seededConversations(b, e)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if r := cv.Answer(ctx, e, keys[i%len(keys)], "where was that?"); !r.Answered {
			b.Fatalf("the follow-up was not answered: %q", r.Answer)
		}
		i++
	}
}

// BenchmarkAnswerInConversationParallel is the same from every CPU at once, each on
// conversations of its own.
func BenchmarkAnswerInConversationParallel(b *testing.B) {
	e := testkit.Engine(b)
	cv, keys := seededConversations(b, e)
	ctx := context.Background()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			cv.Answer(ctx, e, keys[i%len(keys)], "where was that?")
			i += 7
		}
	})
}

// BenchmarkAnswerInWithoutStore is the engine alone answering the same follow-up with
// the same context, for comparison: the difference is what the store costs.
func BenchmarkAnswerInWithoutStore(b *testing.B) {
	e := testkit.Engine(b)
	_, c := e.AnswerIn(answers.Context{}, "What did Pakistan target in its strikes?")
	b.ReportAllocs()
	for b.Loop() {
		e.AnswerIn(c, "where was that?")
	}
}

// BenchmarkConversationStoreUpdate is the in-memory store alone: one Update of one of
// 10,000 conversations, with a function that changes nothing.
func BenchmarkConversationStoreUpdate(b *testing.B) {
	e := testkit.Engine(b)
	cv, keys := seededConversations(b, e)
	ctx := context.Background()
	same := func(c answers.Context) answers.Context { return c }
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := cv.Store.Update(ctx, keys[i%len(keys)], same); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
