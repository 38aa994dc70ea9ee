package playbook

import (
	"strings"
	"testing"
)

// texts returns every localized text of p that a person reads.
// texts are every text of p, with the data centre's placeholders filled for the article's
// (zoho.com: {accounts} is accounts.zoho.com).
func texts(p *Playbook) []Text {
	raw := rawTexts(p)
	fill := func(name string) (string, bool) { v, ok := p.currentService().values()[name]; return v, ok }
	out := make([]Text, len(raw))
	for i, t := range raw {
		out[i] = Text{JA: render(t.JA, fill, ""), EN: render(t.EN, fill, "")}
	}
	return out
}

func rawTexts(p *Playbook) []Text {
	var out []Text
	for _, s := range p.Symptoms() {
		out = append(out, s.Title, s.Error, s.About, s.Question)
		out = append(out, s.Causes...)
		for _, sit := range s.Situations {
			out = append(out, sit.Label)
		}
	}
	for _, r := range p.remedies {
		out = append(out, r.Title, r.Intro)
		for _, st := range r.Steps {
			out = append(out, st.Text)
			for _, a := range st.Actions {
				out = append(out, a.Label)
			}
		}
	}
	for _, f := range p.findings {
		out = append(out, f.Message)
	}
	return out
}

// TestArticleCoverage lists every scenario, cause and remedy step of the source article by
// its distinctive Japanese phrase, with the English the same text must carry: nothing of the
// article may be dropped from the playbook, in either language. (Where the playbook words the
// article's item with one term throughout — サインイン for its ログイン, メールクライアント for its
// メールソフト — the phrase is the playbook's.) The rows marked "help" are what Zoho Accounts'
// own help adds for the symptoms the article runs together or leaves out: the daily limit and
// the wrong-attempts block apart, and the inactive account.
func TestArticleCoverage(t *testing.T) {
	article := []struct{ part, ja, en string }{
		// scenarios (the article's headings)
		{"scenario", "このIPアドレスからのサインインは許可されていません", "Sign-in from this IP address is not allowed"},
		{"scenario", "1日あたりのサインイン回数の上限", "daily sign-in limit"},
		{"scenario", "OneAuthアプリでサインインの制限", "Restrict Sign-In"},
		{"scenario", "OneAuthアプリの更新", "OneAuth"},
		{"scenario", "同時セッション数の上限", "concurrent session limit"},
		{"scenario", "IDプロバイダーでメールアドレスを変更", "identity provider"},
		{"scenario", "承認エラー(エラー403: disallowed_useragent)", "Authorization Error (Error 403: disallowed_useragent)"},
		{"scenario", "パスワードを忘れてサインインできない", "forgot my password"},
		{"scenario", "メールクライアントに接続できない", "mail client cannot connect"},
		{"scenario", "多要素認証の不具合", "Multi-factor authentication fails"},
		{"scenario", "ワンタイムパスワードのSMS送信による多要素認証", "one-time passwords sent in SMS"},
		{"scenario", "認証アプリでのワンタイムパスワード生成による多要素認証", "authenticator app's one-time passwords"},
		{"scenario", "OneAuthによる多要素認証", "Multi-factor authentication by OneAuth"},
		{"scenario", "ワンタイムパスワードが正しくない", "one-time password is rejected as incorrect"},
		{"scenario", "Zohoヘルプセンターに問い合わせる", "Contact the Zoho Help Center"},
		// what Zoho Accounts' help adds: each limit its own symptom, the inactive account
		{"help", "1日あたりのサインイン回数が上限に達しました", "You've reached the daily sign-in limit"},
		{"help", "Zohoのデータセンターの時刻", "data center"},
		{"help", "Zoho Accountsのサポート", "Zoho Accounts support"},
		{"help", "サインインの試行回数の上限を超えました", "You've exceeded the maximum attempts"},
		{"help", "続けて8回間違える", "8 wrong entries in a row"},
		{"help", "そのタブを更新すると解除", "until that tab is refreshed"},
		{"help", "アカウントが無効(非アクティブ)", "marked as inactive"},
		{"help", "ユーザーを有効化", "activate your user"},
		{"help", "アカウントの設定(英語の表示では[Account Settings])", "[Account Settings]"},
		{"help", "[スクリーンタイム]→[コンテンツとプライバシーの制限]", "[Screen Time] > [Content & Privacy Restrictions]"},
		// causes
		{"cause", "IPアドレスの制限が有効", "IP address restriction is on"},
		{"cause", "指定したIPアドレスからのみ", "only from the IP addresses it allows"},
		{"cause", "組織の管理者によって", "by your organization's administrator"},
		{"cause", "セキュリティポリシー", "security policy"},
		{"cause", "VPNを通じて接続しているIPアドレスが制限対象", "through the VPN may be one the restriction blocks"},
		{"cause", "10回を超えた", "more than 10 attempts"},
		{"cause", "ブラウザーが一時的にブロック", "blocked for a while"},
		{"cause", "正しくない認証情報", "wrong credentials"},
		{"cause", "総当たり攻撃(ブルートフォース攻撃)", "brute-force attack"},
		{"cause", "[サインインの制限]が有効", "[Restrict Sign-In] is on"},
		{"cause", "OneAuthを含むすべてのアプリやブラウザーからサインアウト", "signs you out of every app and browser, OneAuth included"},
		{"cause", "インターネットに接続していない", "not connected to the internet"},
		{"cause", "同時セッションの上限は50件", "at most 50 sessions"},
		{"cause", "すべてのセッションが閉じるまで", "until every session is closed"},
		{"cause", "Google、Facebook、Twitterの各アカウントでメールアドレスを変更", "changed the email address of your Google, Facebook or Twitter account"},
		{"cause", "Zohoアカウントのメールアドレスは自動で更新", "updated automatically"},
		{"cause", "同じメールアドレスを2つの異なるZohoアカウント", "one email address cannot belong to two different Zoho accounts"},
		{"cause", "Googleの対応ブラウザーがモバイルデバイスにインストールされている必要", "a browser Google supports must be installed"},
		{"cause", "対応ブラウザーがインストールされていない状態", "while no supported browser is installed"},
		{"cause", "多要素認証に対応していないメールクライアント", "mail client that does not support it"},
		{"cause", "時間の同期設定が行われていない", "Time may not be synchronized"},
		{"cause", "登録した携帯電話番号のデバイスを紛失", "lost the device of the registered mobile number"},
		{"cause", "携帯電話番号を変更したため", "changed your mobile number"},
		{"cause", "携帯電話番号が無効になった", "no longer in service"},
		{"cause", "アプリをデバイスから削除してしまった", "deleted the app"},
		{"cause", "アプリがインストールされているデバイスを紛失した", "lost the device the app is installed on"},
		{"cause", "OneAuthアプリをアンインストールしてしまった", "uninstalled the OneAuth app"},
		{"cause", "OneAuthアプリがインストールされているデバイスを紛失", "lost the device OneAuth is installed on"},
		{"cause", "解決方法がこの一覧にない", "not one listed here"},
		// remedy steps: IP restriction
		{"step", "VPNの接続を切断", "Disconnect the VPN"},
		{"step", "制限を解除するように", "lift the restriction"},
		{"step", "[許可するIPアドレス]として指定したIPアドレス", "[Allowed IP Address]"},
		{"step", "accounts.zoho.comにサインイン", "sign in to accounts.zoho.com"},
		{"step", "[セキュリティ]をクリックし、[許可するIPアドレス]に移動", "click [Security], then go to [Allowed IP Address]"},
		{"step", "許可するIPアドレスの一覧に追加", "to the list of allowed IP addresses"},
		{"step", "既存のIPアドレスをすべて削除", "delete every address"},
		{"step", "該当のIPアドレス", "from the IP address that was blocked"},
		// sign-in limit
		{"step", "一定時間が経過すると、同じブラウザーから正しい認証情報", "after a while you can sign in again from the same browser with the right credentials"},
		{"step", "メールアドレスや携帯電話番号でパスワードをリセット", "Reset the password with your email address or mobile number"},
		{"step", "パスワードをリセットして", "Reset the password"},
		{"step", "Zohoヘルプセンターに連絡します", "contact the Zoho Help Center"},
		// OneAuth sign-in restriction
		{"step", "OneAuthのアプリを開きます", "Open the OneAuth app"},
		{"step", "[設定]タブに移動", "[Settings] tab"},
		{"step", "[セキュリティ]をタップ", "Tap [Security]"},
		{"step", "[サインインの制限]を無効", "Turn off [Restrict Sign-In]"},
		{"step", "再インストール", "Install the OneAuth app again"},
		{"step", "OneAuthアプリに再度アクセスできない場合", "cannot get back into the OneAuth app"},
		// OneAuth update
		{"step", "古いバージョン", "older versions"},
		{"step", "[…]アイコン", "[…] icon"},
		{"step", "[設定]→[アプリの更新]", "[Settings], then [App update]"},
		{"step", "バージョン2.0", "version 2.0"},
		{"step", "パスワードを認証してください", "Verify your password"},
		{"step", "[OK]をタップ", "Tap [OK]"},
		{"step", "ユーザー名と新しいパスワード", "user name and your new password"},
		{"step", "スマートフォンがインターネットに接続されているかどうかを確認", "check that the phone is connected to the internet"},
		// sessions
		{"step", "accounts.zoho.comに移動", "Go to accounts.zoho.com"},
		{"step", "[セッション]をクリックして、[有効なセッション]に移動", "click [Sessions], then go to [Active Sessions]"},
		{"step", "[削除]をクリック", "click [Terminate]"},
		{"step", "上記の手順を実施してもアカウントにアクセスできない", "still cannot reach the account after these steps"},
		{"step", "個別のアカウントを作成", "separate account for each"},
		// identity provider
		{"step", "Google、Facebook、Twitterアカウントのメールアドレスを変更", "Change the email address of the Google, Facebook or Twitter account"},
		{"step", "不整合の原因となっているメールアドレスを削除", "remove the email address that causes the conflict"},
		{"step", "Zohoアカウント自体を削除", "Delete the other Zoho account"},
		{"step", "管理権限がある場合", "if you manage"},
		// disallowed_useragent
		{"step", "Google ChromeまたはFirefox", "Google Chrome or Firefox"},
		{"step", "Safariのブラウザー", "Safari browser"},
		{"step", "Googleの認証情報を使用してサインインできるかどうか", "you can sign in with your Google credentials"},
		{"step", "[Googleでサインインする]をタップせずに", "Do not tap [Sign in with Google]"},
		{"step", "[次へ]をクリックします。Gmailの受信トレイ", "Click [Next]. A one-time password is sent to your Gmail inbox"},
		{"step", "[認証する]をクリック", "click [Verify]"},
		// forgotten password
		{"step", "復元用メールアドレスや復元用携帯電話番号がわかる場合", "If you know your recovery email address or recovery mobile number"},
		{"step", "設定した認証方法を使用して認証", "verify with the method you set up"},
		{"step", "復元用メールアドレスや復元用携帯電話番号が不明", "Without your recovery email address or recovery mobile number"},
		{"step", "サポート窓口", "Zoho support"},
		{"step", "パスワードをリセットするように組織の管理者に依頼", "ask your organization's administrator to reset your password"},
		// mail client
		{"step", "アプリ専用パスワードを生成", "generate an app-specific password"},
		{"step", "[新しいパスワードを生成]", "[Generate New Password]"},
		{"step", "パスワードを新しいものに更新", "replace the saved password with the new one"},
		{"step", "最近パスワードを変更していない場合", "If you have not changed the password lately"},
		{"step", "新しいパスワードで、メールクライアントにサインイン", "Sign in to the mail client with the new password"},
		// account recovery
		{"step", "Zoho Accountsのサインインページに移動", "Go to the Zoho Accounts sign-in page"},
		{"step", "ユーザー名を入力して、[次へ]をクリック", "Enter your user name and click [Next]"},
		{"step", "パスワードを入力して、[サインインする]をクリック", "Enter your password and click [Sign in]"},
		{"step", "[サインインできない場合]をクリックして、別の認証方法", "Click [Can't sign in?], choose another verification method"},
		{"step", "2段階認証を再設定", "set up two-step verification again"},
		{"step", "[モバイルデバイスにアクセスできない場合]", "[Can't access your mobile device?]"},
		{"step", "[バックアップ認証コードを使用する]", "[Use backup verification code]"},
		{"step", "12桁のバックアップ認証コード", "12-digit backup verification code"},
		// incorrect one-time password
		// The article's 「iOSデバイスの場合:」 is the step's platform (ios), which the window asks
		// once and the report names; the text no longer repeats it.
		{"step", "[設定]に移動", "Go to [Settings]"},
		{"step", "[一般]→[日付と時刻]", "[General], then [Date & Time]"},
		{"step", "[自動設定]を有効", "Turn on [Set Automatically]"},
		{"step", "認証アプリ(Google認証システムなど)の[設定]を開きます", "Open [Settings] in the authenticator app"},
		{"step", "[コードの時刻修正]", "[Time correction for codes]"},
		{"step", "[同期する]", "[Sync now]"},
		// other problems and the conclusion
		{"step", "Zohoのサポートに連絡するのが最善", "Zoho's support is the best next step"},
		{"step", "原因がわかれば解決策が見つかります", "knowing the cause leads to the way out"},
	}
	all := texts(Default())
	for _, a := range article {
		t.Run(a.part+" "+a.ja, func(t *testing.T) {
			inJA := false
			for _, tx := range all {
				if !strings.Contains(tx.JA, a.ja) {
					continue
				}
				inJA = true
				if strings.Contains(tx.EN, a.en) {
					return
				}
			}
			if !inJA {
				t.Fatalf("the article's %s %q is not in the playbook's Japanese", a.part, a.ja)
			}
			t.Fatalf("the playbook has %q in Japanese, but its English counterpart does not say %q", a.ja, a.en)
		})
	}
}
