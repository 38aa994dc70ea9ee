package playbook

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
)

// paste is one row of testdata/pastes.txt: what a person pastes and the symptom it must
// reach first ("" for nothing), alone when nothing else may be offered beside it.
type paste struct {
	name, text, want string
	alone            bool
	line             int
}

func readPastes(t *testing.T) []paste {
	t.Helper()
	f, err := os.Open("testdata/pastes.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []paste
	var body []string
	flush := func() {
		if len(rows) > 0 {
			rows[len(rows)-1].text = strings.TrimSpace(strings.Join(body, "\n"))
		}
		body = nil
	}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "== "):
			flush()
			head, name, ok := strings.Cut(strings.TrimPrefix(line, "== "), ": ")
			if !ok {
				t.Fatalf("pastes.txt:%d: a header is \"== WANT: name\"", n)
			}
			want, only := strings.CutSuffix(head, " only")
			if want == "none" {
				want = ""
			}
			rows = append(rows, paste{name: name, want: want, alone: only, line: n})
		case strings.HasPrefix(line, "#") && len(rows) == 0:
		default:
			body = append(body, line)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestMatchTable places the real pastes of testdata/pastes.txt: each on its symptom first,
// a whole page with nothing beside it, and noise on nothing.
func TestMatchTable(t *testing.T) {
	p := Default()
	rows := readPastes(t)
	for _, r := range rows {
		t.Run(strings.ReplaceAll(r.want+" "+r.name, " ", "_"), func(t *testing.T) {
			got := p.Match(r.text)
			switch {
			case r.text == "":
				t.Fatalf("pastes.txt:%d: no text under the header", r.line)
			case r.want == "" && len(got) > 0:
				t.Fatalf("pastes.txt:%d: Match(%q) = %+v, want nothing", r.line, r.text, got)
			case r.want != "" && (len(got) == 0 || got[0].ID != r.want):
				t.Fatalf("pastes.txt:%d: Match(%q) = %+v, want %s first", r.line, r.text, got, r.want)
			case r.alone && len(got) > 1:
				t.Fatalf("pastes.txt:%d: Match(%q) = %+v, want %s alone", r.line, r.text, got, r.want)
			}
		})
	}
}

// TestMatchTableCoversEverySymptom keeps the table at least 100 pastes, with every symptom
// a person can paste a message of and with noise that must match nothing.
func TestMatchTableCoversEverySymptom(t *testing.T) {
	rows := readPastes(t)
	if len(rows) < 100 {
		t.Errorf("the table has %d pastes, want at least 100", len(rows))
	}
	seen := map[string]int{}
	for _, r := range rows {
		if r.want != "" && !checks.KnownSymptom(r.want) {
			t.Errorf("pastes.txt:%d: %q is not a symptom id", r.line, r.want)
		}
		seen[r.want]++
	}
	for _, id := range append(checks.SymptomIDs(), "") {
		if id != checks.SymptomOther && seen[id] == 0 {
			t.Errorf("no paste in the table reaches %q", id)
		}
	}
	if !slices.ContainsFunc(rows, func(r paste) bool { return r.alone }) {
		t.Error("no whole page in the table")
	}
}
