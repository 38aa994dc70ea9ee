package netcheck

import (
	"net/netip"
	"sort"
)

// Agreement of the sources that answered for one family.
const (
	agreeNone      = "none"      // no source answered
	agreeSingle    = "single"    // one source answered
	agreeUnanimous = "unanimous" // two or more answered, all alike
	agreeMajority  = "majority"  // more than half answered alike, the rest differently
	agreeSplit     = "split"     // no address has more than half of the answers
)

// tally is the vote of one family's answers.
type tally struct {
	winner    netip.Addr // zero unless one address has more than half of the answers
	votes     int        // the answers that named winner
	agreement string
	// seen lists every address answered, most votes first (ties in address order).
	seen []netip.Addr
}

// vote counts answers: the address more than half of them name wins.
func vote(answers []netip.Addr) tally {
	counts := make(map[netip.Addr]int)
	for _, a := range answers {
		counts[a]++
	}
	t := tally{}
	for a := range counts {
		t.seen = append(t.seen, a)
	}
	sort.Slice(t.seen, func(i, j int) bool {
		if ci, cj := counts[t.seen[i]], counts[t.seen[j]]; ci != cj {
			return ci > cj
		}
		return t.seen[i].Less(t.seen[j])
	})
	switch {
	case len(answers) == 0:
		t.agreement = agreeNone
		return t
	case len(answers) == 1:
		t.agreement = agreeSingle
	case len(counts) == 1:
		t.agreement = agreeUnanimous
	case 2*counts[t.seen[0]] > len(answers):
		t.agreement = agreeMajority
	default:
		t.agreement = agreeSplit
		return t
	}
	t.winner, t.votes = t.seen[0], counts[t.seen[0]]
	return t
}

// disagree reports whether sources saw different addresses.
func (t tally) disagree() bool { return len(t.seen) > 1 }
