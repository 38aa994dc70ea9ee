package netcheck

import (
	"net/netip"
	"slices"
	"testing"
)

func TestVote(t *testing.T) {
	tests := []struct {
		name      string
		answers   []string
		winner    string
		agreement string
		seen      []string
	}{
		{"given no answers then no winner", nil, "", agreeNone, nil},
		{"given one answer then it wins alone", []string{"1.2.3.4"}, "1.2.3.4", agreeSingle, []string{"1.2.3.4"}},
		{"given three alike then unanimous", []string{"1.2.3.4", "1.2.3.4", "1.2.3.4"}, "1.2.3.4", agreeUnanimous, []string{"1.2.3.4"}},
		{"given two of three alike then the two win", []string{"5.6.7.8", "1.2.3.4", "1.2.3.4"}, "1.2.3.4", agreeMajority, []string{"1.2.3.4", "5.6.7.8"}},
		{"given one against one then split", []string{"5.6.7.8", "1.2.3.4"}, "", agreeSplit, []string{"1.2.3.4", "5.6.7.8"}},
		{"given two against two then split", []string{"1.2.3.4", "5.6.7.8", "5.6.7.8", "1.2.3.4"}, "", agreeSplit, []string{"1.2.3.4", "5.6.7.8"}},
		{"given three different then split", []string{"9.9.9.9", "5.6.7.8", "1.2.3.4"}, "", agreeSplit, []string{"1.2.3.4", "5.6.7.8", "9.9.9.9"}},
		{"given two of four alike then no majority", []string{"1.2.3.4", "1.2.3.4", "5.6.7.8", "9.9.9.9"}, "", agreeSplit, []string{"1.2.3.4", "5.6.7.8", "9.9.9.9"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var in []netip.Addr
			for _, s := range tt.answers {
				in = append(in, netip.MustParseAddr(s))
			}
			got := vote(in)
			winner := ""
			if got.winner.IsValid() {
				winner = got.winner.String()
			}
			if winner != tt.winner || got.agreement != tt.agreement || !slices.Equal(addrStrings(got.seen), tt.seen) {
				t.Fatalf("vote = %q %s %v, want %q %s %v", winner, got.agreement, addrStrings(got.seen), tt.winner, tt.agreement, tt.seen)
			}
			if got.disagree() != (len(tt.seen) > 1) {
				t.Fatalf("disagree = %v with %v seen", got.disagree(), tt.seen)
			}
		})
	}
}

func TestSettled(t *testing.T) {
	// Three sources per family; "" is a finished source without an address, "-" one still out.
	tests := []struct {
		name string
		v4   [3]string
		v6   [3]string
		want bool
	}{
		{"given every source finished then settled", [3]string{"1.2.3.4", "", "5.6.7.8"}, [3]string{"", "", ""}, true},
		{"given two of three alike and one out then settled", [3]string{"1.2.3.4", "1.2.3.4", "-"}, [3]string{"", "", ""}, true},
		{"given one answer and two out then not settled", [3]string{"1.2.3.4", "-", "-"}, [3]string{"", "", ""}, false},
		{"given one against one and one out then not settled", [3]string{"1.2.3.4", "5.6.7.8", "-"}, [3]string{"", "", ""}, false},
		{"given IPv4 settled but IPv6 still open then not settled", [3]string{"1.2.3.4", "1.2.3.4", "-"}, [3]string{"2a02:1::5", "-", "-"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out []SourceAnswer
			var finished []bool
			for _, a := range append(tt.v4[:], tt.v6[:]...) {
				finished = append(finished, a != "-")
				if a == "-" {
					a = ""
				}
				out = append(out, SourceAnswer{Address: a})
			}
			if got := settled(out, finished, 3); got != tt.want {
				t.Fatalf("settled = %v, want %v", got, tt.want)
			}
		})
	}
}
