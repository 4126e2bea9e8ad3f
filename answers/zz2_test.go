package answers
import ("testing";"fmt";"github.com/borderbot/borderbot/knowledge")
func TestZZ2(t *testing.T){ b, _ := knowledge.Embedded(); e, _ := New(b, Options{}); 
 a := Ask{Text: "is it true pakistan's strikes killed iranian civilians?", Claim: true}
 q := readAsk(a, ""); toks := e.an.analyze(q.Text, true)
 d, _ := e.docOf("pakistan-strike-deaths"); ok, m := e.check(d, q, toks); sub := e.claimSubject(toks, q); fmt.Println(ok, m, q.Intent, sub, d.facts.terms[sub], e.heldBesides(toks, d.facts)) }
