package adapters

import (
	"context"

	"github.com/borderbot/borderbot/adapters/pictures"
	"github.com/borderbot/borderbot/answers"
)

// Pictures draws the timeline and the map, and tells which answers the map can show.
type Pictures interface {
	Get(ctx context.Context, kind pictures.Kind, theme pictures.Theme) (pictures.Picture, error)
	Places() []answers.Place
	PlacesOf(r answers.Reply) []answers.Place
}
