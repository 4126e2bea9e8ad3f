package adapters_test

import (
	"sync"
	"testing"
	"time"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/adapters/conversationtest"
)

// TestMemoryConversationsKeepTheStoreContract holds the in-memory store to the contract
// every ConversationStore keeps.
func TestMemoryConversationsKeepTheStoreContract(t *testing.T) {
	conversationtest.Run(t, func(t *testing.T, ttl time.Duration) (adapters.ConversationStore, func(time.Duration)) {
		var mu sync.Mutex
		now := time.Unix(1_705_400_000, 0)
		clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
		advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
		return adapters.NewMemoryConversations(ttl, 0, clock), advance
	})
}
