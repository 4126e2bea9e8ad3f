package answers

// Weights are the numbers an entry's score for a question is made of, in one place so
// that `bot ask --explain` can show each part and a tuning run can change them.
type Weights struct {
	// Field weights: how strongly a word found in each part of an entry ties a question to it.
	Question, Keyword, Title, Quote, Answer float64
	// Corrected scales a word that was a typo correction; Synonym, a word matched
	// through a lexicon synonym of a word the entry uses.
	Corrected, Synonym float64
	// TypeBonus is added, in share of coverage, when the entry declares the question's type.
	TypeBonus float64
	// Phrase is the share of the score that depends on how much of the entry's best
	// phrasing the question covers.
	Phrase float64
	// Order scales the share of the question's adjacent word pairs, in order, that a
	// phrasing shares: it tells "Iran struck Pakistan" from "Pakistan struck Iran".
	Order float64
	// The weight, in shares of the highest IDF, of a question word the base never uses:
	// Ordinary for an everyday English word that can be a verb or a modifier ("work",
	// "reckon"), Noun for one that is only a noun ("nationality", "population"),
	// Focus for the detail the question asks for by name ("which model", "the cost"),
	// Word for a word neither the base nor the lexicon knows, and Name for a name
	// ("Turkey", "Erdogan"): a name the article never mentions is most often a question
	// about something it does not cover.
	UnknownOrdinary, UnknownNoun, UnknownFocus, UnknownWord, UnknownName float64
	// SaidPenalty is taken off an entry that reports no one's words when the question
	// asks what someone said: "What did China say?" is not answered by a fact about China.
	SaidPenalty float64
	// SaidPerson scales the score of a person's entry when the question asks what they
	// said about something their entry does not name.
	SaidPerson float64
	// MissingName scales the score of an entry once for each name the question asks
	// about that it never uses: "What did Russia say?" is not answered without Russia.
	MissingName float64
	// OnlyEveryday scales the score of an entry that shares only everyday English words
	// with the question, no name or word of the article's own: "a good movie".
	OnlyEveryday float64
	// ClaimPredicate scales the names of a claim after its subject ("Vaez is with the
	// Swedish Institute"): what the claim says of its subject, to check, not to search by.
	ClaimPredicate float64
	// ContradictBar is the share of the confidence threshold at which the entry of a
	// claim's subject may still answer the claim, when its facts contradict it.
	ContradictBar float64
	// NotSaidBar is the share of the confidence threshold at which the entry of the
	// subject of a claim put to the bot answers it with what the article says instead,
	// when the claim's own words are not the article's.
	NotSaidBar float64
	// OtherAgent scales the score of an entry whose title makes another name the doer
	// than the question does: Pakistan's strikes for a question on "the Iranian strike".
	OtherAgent float64
	// OwnSpeaker raises, by that share, the score of an entry of the person a question
	// asks what they said, over entries that only quote them among others.
	OwnSpeaker float64
	// Near raises the score, by that share, of an entry the conversation was about, for a
	// question that names nothing ("how many people died?" after a question on Iran's strike).
	Near float64
}

// DefaultWeights are the weights tuned on the dev set, our regression and paraphrase sets
// and the blind chat set together, never on one question.
func DefaultWeights() Weights {
	return Weights{
		Question: 1.0, Keyword: 0.9, Title: 0.85, Quote: 0.65, Answer: 0.55,
		Corrected: 0.85, Synonym: 0.75,
		TypeBonus: 0.06, Phrase: 0.3, Order: 0.08,
		UnknownOrdinary: 0.2, UnknownNoun: 1.2, UnknownFocus: 1.2, UnknownWord: 0.85, UnknownName: 1.5,
		SaidPenalty: 0.25, SaidPerson: 0.85, MissingName: 0.7, OnlyEveryday: 0.5, ClaimPredicate: 0.3, ContradictBar: 0.7, NotSaidBar: 0.5, OtherAgent: 0.6, OwnSpeaker: 0.05, Near: 0.4,
	}
}
