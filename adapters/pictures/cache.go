package pictures

import (
	"context"
	"fmt"
	"sync"

	"github.com/borderbot/borderbot/answers"
)

// Source is what the pictures are drawn from: the answer engine.
type Source interface {
	Timeline() []answers.Event
	Places() []answers.Place
	PlacesOf(r answers.Reply) []answers.Place
	Source() answers.Source
}

// Cache draws each picture once, on first use or by Warm, and keeps it: the knowledge
// base does not change while the bot runs. It is safe for concurrent use.
type Cache struct {
	src Source

	mu    sync.Mutex
	drawn map[cacheKey]*drawing
}

type cacheKey struct {
	kind  Kind
	theme Theme
}

// drawing is one picture being drawn or drawn; done closes when it is.
type drawing struct {
	done chan struct{}
	pic  Picture
	err  error
}

// NewCache returns a cache of the pictures of src.
func NewCache(src Source) *Cache {
	return &Cache{src: src, drawn: map[cacheKey]*drawing{}}
}

// Get returns a picture, drawing it the first time; a caller that finds it being drawn
// waits for it, or for ctx.
func (c *Cache) Get(ctx context.Context, kind Kind, theme Theme) (Picture, error) {
	k := cacheKey{kind, theme}
	c.mu.Lock()
	d, ok := c.drawn[k]
	if !ok {
		d = &drawing{done: make(chan struct{})}
		c.drawn[k] = d
		c.mu.Unlock()
		d.pic, d.err = c.draw(kind, theme)
		close(d.done)
		return d.pic, d.err
	}
	c.mu.Unlock()
	select {
	case <-d.done:
		return d.pic, d.err
	case <-ctx.Done():
		return Picture{}, fmt.Errorf("pictures: waiting for the %s: %w", kind, ctx.Err())
	}
}

// Places returns the places the map shows.
func (c *Cache) Places() []answers.Place { return c.src.Places() }

// PlacesOf returns the places the map shows that a reply is about; none means the map
// has nothing to show for it.
func (c *Cache) PlacesOf(r answers.Reply) []answers.Place { return c.src.PlacesOf(r) }

// Warm draws every picture in the themes given (both when none is), so that no one
// waits for them later.
func (c *Cache) Warm(ctx context.Context, themes ...Theme) error {
	if len(themes) == 0 {
		themes = []Theme{ThemeLight, ThemeDark}
	}
	for _, k := range []Kind{KindTimeline, KindMap} {
		for _, t := range themes {
			if _, err := c.Get(ctx, k, t); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *Cache) draw(kind Kind, theme Theme) (Picture, error) {
	cite := c.src.Source().Citation
	switch kind {
	case KindTimeline:
		return Timeline(c.src.Timeline(), cite, theme)
	case KindMap:
		return Map(c.src.Places(), c.src.Timeline(), cite, theme)
	}
	return Picture{}, fmt.Errorf("pictures: no picture of kind %q", kind)
}
