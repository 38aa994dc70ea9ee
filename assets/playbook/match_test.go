package playbook

import (
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
)

func TestMatch(t *testing.T) {
	p := Default()
	cases := []struct {
		name, pasted, want string
	}{
		{"the exact Japanese text", "このIPアドレスからのサインインは許可されていません", checks.SymptomIPRestricted},
		{"the exact English text", "Sign-in from this IP address is not allowed", checks.SymptomIPRestricted},
		{"Google's error pasted with the page around it",
			"Access blocked: Zoho's request does not comply with Google's policies\nError 403: disallowed_useragent\nRequest details: ...",
			checks.SymptomDisallowedUserAgent},
		{"Google's error in Japanese brackets", "承認エラー(エラー 403: disallowed_useragent)", checks.SymptomDisallowedUserAgent},
		{"the error code alone, in another case", "DISALLOWED_USERAGENT", checks.SymptomDisallowedUserAgent},
		{"the code written without its underscore", "error 403 disalloweduseragent", checks.SymptomDisallowedUserAgent},
		{"full-width Latin letters and digits", "エラー　４０３：ｄｉｓａｌｌｏｗｅｄ＿ｕｓｅｒａｇｅｎｔ", checks.SymptomDisallowedUserAgent},
		{"full-width IP and quotes", "「このＩＰアドレスからのサインインは許可されていません。」", checks.SymptomIPRestricted},
		{"half-width katakana", "ﾜﾝﾀｲﾑﾊﾟｽﾜｰﾄﾞが正しくありません", checks.SymptomOTPIncorrect},
		{"the OTP error beats the password error it contains", "ワンタイムパスワードが正しくありません", checks.SymptomOTPIncorrect},
		{"quoted English with noise", `Zoho said: "Incorrect OTP" when I typed the code`, checks.SymptomOTPIncorrect},
		{"the session limit in other words", "I've reached the maximum concurrent sessions", checks.SymptomSessionLimit},
		// the two limits, each on its own symptom first, in both languages and in the older
		// wordings Zoho used for the attempts block
		{"the attempts error Zoho shows", "You've exceeded the maximum attempts. To try again, refresh the page.", checks.SymptomSigninAttemptLimit},
		{"the attempts error in its older English", "You've exceeded the maximum sign-in attempts. Please try again later.", checks.SymptomSigninAttemptLimit},
		{"the attempts error in Japanese", "サインインの試行回数の上限を超えました。時間をおいてもう一度お試しください。", checks.SymptomSigninAttemptLimit},
		{"the attempts error, its first sentence only", "試行回数の上限を超えました", checks.SymptomSigninAttemptLimit},
		{"the daily limit in English", "You've reached the daily sign-in limit.", checks.SymptomDailySigninLimit},
		{"the daily limit in Japanese", "1日あたりのサインイン回数が上限に達しました。", checks.SymptomDailySigninLimit},
		{"the daily limit with the page around it", "Zoho Accounts\nSign in\nYou've reached the daily sign-in limit\nContact support", checks.SymptomDailySigninLimit},
		{"the daily limit in other Japanese words", "1日のサインイン回数の上限に達しました", checks.SymptomDailySigninLimit},
		{"the inactive account in English", "This account is marked as inactive", checks.SymptomAccountInactive},
		{"an inactive user in other words", "User is inactive. Contact your administrator.", checks.SymptomAccountInactive},
		{"the inactive account in Japanese", "アカウントが無効になっています", checks.SymptomAccountInactive},
		{"Zoho's Japanese Restrict Sign-In message", "サインイン制限が有効になっています。OneAuthアプリで無効にできます。", checks.SymptomOneAuthRestriction},
		{"Zoho's Japanese OneAuth update message", "アカウントにログインするには、OneAuthアプリを更新する必要があります。", checks.SymptomOneAuthUpdate},
		{"a mail client's answer", "IMAP: AUTHENTICATIONFAILED Invalid credentials", checks.SymptomMailClient},
		{"the backup code wording", "バックアップ認証コードを使用する", checks.SymptomMFADeviceLost},
	}
	for _, c := range cases {
		t.Run("given "+c.name+", then it matches "+c.want, func(t *testing.T) {
			got := p.Match(c.pasted)
			if len(got) == 0 || got[0].ID != c.want {
				t.Fatalf("Match(%q) = %+v, want %s first", c.pasted, got, c.want)
			}
			if got[0].Phrase == "" || got[0].Score <= 0 {
				t.Errorf("best match %+v names no phrase or score", got[0])
			}
		})
	}
	// Blank text, other text, and words every sign-in message shares match nothing.
	for _, pasted := range []string{"", "   \n\t", "こんにちは", "The weather is nice today", "!!!", "12345",
		"サインインできません", "Zoho sign in error"} {
		if got := p.Match(pasted); len(got) != 0 {
			t.Errorf("Match(%q) = %+v, want nothing", pasted, got)
		}
	}
}

func TestMatchRanksWholePhrasesAboveSharedWords(t *testing.T) {
	got := Default().Match("Error 403: disallowed_useragent")
	for i := 1; i < len(got); i++ {
		if got[i].Score > got[i-1].Score {
			t.Fatalf("Match is not ranked: %+v", got)
		}
	}
	if got[0].Score <= 1 {
		t.Errorf("a whole phrase scored %v, want above 1", got[0].Score)
	}
}

func TestNormalize(t *testing.T) {
	cases := map[string]string{
		"Ｅｒｒｏｒ　４０３：ｄｉｓａｌｌｏｗｅｄ＿ｕｓｅｒａｇｅｎｔ": "error 403 disallowed useragent",
		"「許可されていません。」":                   "許可されていません",
		"ｶﾞｲﾄﾞ":                          "ガイド",
		`"Incorrect  OTP"`:               "incorrect otp",
	}
	for in, want := range cases {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzMatch(f *testing.F) {
	p := Default()
	for _, s := range p.Symptoms() {
		f.Add(s.Error.JA)
		f.Add(s.Error.EN)
	}
	f.Add("エラー　４０３：ｄｉｓａｌｌｏｗｅｄ＿ｕｓｅｒａｇｅｎｔ")
	f.Add("\xff\xfe{{}}")
	f.Add("Sign in with Google\nGoogle でサインインする\nForgot Password?")
	f.Fuzz(func(t *testing.T, pasted string) {
		got := p.Match(pasted)
		seen := map[string]bool{}
		for i, m := range got {
			if !checks.KnownSymptom(m.ID) || seen[m.ID] || m.Score < minScore || m.Phrase == "" {
				t.Fatalf("Match(%q)[%d] = %+v", pasted, i, m)
			}
			seen[m.ID] = true
			if i > 0 && m.Score > got[i-1].Score {
				t.Fatalf("Match(%q) is not ranked: %+v", pasted, got)
			}
		}
		if strings.TrimSpace(pasted) == "" && len(got) != 0 {
			t.Fatalf("Match of blank text = %+v", got)
		}
	})
}
