package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/assets/playbook"
)

// matchRun runs `signin-doctor match` with stdin and args.
func matchRun(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"match"}, args...), streams{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

// matchDoc is the JSON `match --json` prints.
type matchDoc struct {
	SchemaVersion int         `json:"schema_version"`
	Matches       []matchJSON `json:"matches"`
}

func decodeMatches(t *testing.T, stdout string) matchDoc {
	t.Helper()
	var doc matchDoc
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("stdout is not the match JSON: %v\n%s", err, stdout)
	}
	if doc.SchemaVersion != 1 {
		t.Errorf("schema_version = %d, want 1", doc.SchemaVersion)
	}
	return doc
}

func TestMatchJSON(t *testing.T) {
	google := "Access blocked: Zoho's request does not comply with Google's policies\nSign in with Google\nError 403: disallowed_useragent"
	code, stdout, stderr := matchRun(t, "", "--json", google)
	if code != exitClean {
		t.Fatalf("exit %d, want 0 for a match; stderr %q", code, stderr)
	}
	doc := decodeMatches(t, stdout)
	if len(doc.Matches) != 1 || doc.Matches[0].Symptom != "disallowed-useragent" {
		t.Fatalf("matches = %+v, want disallowed-useragent alone (the button beside the message does not count)", doc.Matches)
	}
	if m := doc.Matches[0]; m.Score <= 1 || m.Phrase == "" {
		t.Errorf("the match %+v names no whole phrase", m)
	}

	// and the window's matcher says the same, score for score
	want := playbook.Default().Match(google)
	if len(want) != len(doc.Matches) || roundScore(want[0].Score) != doc.Matches[0].Score || want[0].Phrase != doc.Matches[0].Phrase {
		t.Errorf("the command says %+v, the window's matcher %+v", doc.Matches, want)
	}
}

func TestMatchNothingExits1(t *testing.T) {
	for _, text := range []string{"エラーメッセージが表示された", "Something went wrong", "Access blocked"} {
		t.Run(text, func(t *testing.T) {
			code, stdout, _ := matchRun(t, "", "--json", text)
			if code != exitFindings {
				t.Errorf("exit %d, want 1 when nothing matches", code)
			}
			if doc := decodeMatches(t, stdout); doc.Matches == nil || len(doc.Matches) != 0 {
				t.Errorf("matches = %#v, want an empty list", doc.Matches)
			}
			if !strings.Contains(stdout, `"matches": []`) {
				t.Errorf("stdout %q, want \"matches\": [] rather than null", stdout)
			}

			code, stdout, stderr := matchRun(t, "", text)
			if code != exitFindings || stdout != "" || !strings.Contains(stderr, "no symptom matches") {
				t.Errorf("text: exit %d, stdout %q, stderr %q; want 1, nothing, a word on stderr", code, stdout, stderr)
			}
		})
	}
}

func TestMatchText(t *testing.T) {
	t.Run("the arguments are joined by spaces", func(t *testing.T) {
		code, stdout, _ := matchRun(t, "", "Error", "403:", "disallowed_useragent")
		if code != exitClean || !strings.HasPrefix(stdout, "disallowed-useragent  1.") || !strings.HasSuffix(stdout, "  Error 403: disallowed_useragent\n") {
			t.Errorf("exit %d, stdout %q; want one line: the id, the score and the phrase", code, stdout)
		}
	})
	t.Run("without arguments the text is standard input", func(t *testing.T) {
		code, stdout, _ := matchRun(t, "サインイン\nこのIPアドレスからのサインインは許可されていません。\n次へ\n")
		if code != exitClean || !strings.HasPrefix(stdout, "ip-restricted  ") {
			t.Errorf("exit %d, stdout %q; want ip-restricted", code, stdout)
		}
	})
	t.Run("standard input is read as far as the matcher reads a paste", func(t *testing.T) {
		long := strings.Repeat("x ", playbook.MaxPaste) + "Error 403: disallowed_useragent"
		if code, stdout, _ := matchRun(t, long); code != exitFindings {
			t.Errorf("a message after %d bytes matched: exit %d, %q", playbook.MaxPaste, code, stdout)
		}
	})
}

func TestMatchLeavesHiddenSymptomsOut(t *testing.T) {
	cfg := writeFile(t, "signin-doctor.toml", "[playbook]\nhidden_symptoms = [\"ip-restricted\"]\n")
	code, stdout, _ := matchRun(t, "", "--json", "--config", cfg, "Sign-in from this IP address is not allowed")
	if doc := decodeMatches(t, stdout); code != exitFindings || len(doc.Matches) != 0 {
		t.Errorf("exit %d, matches %+v; want a hidden symptom left out, as the window leaves it out", code, doc.Matches)
	}
}

func TestMatchBadUsageExits2(t *testing.T) {
	cases := []struct {
		name, stdin string
		args        []string
		want        string
	}{
		{"an unknown flag", "", []string{"--verbose", "x"}, "flag provided but not defined: -verbose"},
		{"nothing to match", " \n\t", nil, "no text to match"},
		{"a bad configuration", "", []string{"--config", "/nonexistent/signin-doctor.toml", "x"}, "bad configuration"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := matchRun(t, c.stdin, c.args...)
			if code != exitUsage || stdout != "" || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2, nothing, %q", code, stdout, stderr, c.want)
			}
		})
	}
}
