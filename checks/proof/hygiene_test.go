package proof

import (
	"bytes"
	"crypto/rand"
	"encoding/base32"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// TestTOTPCommandLeavesNoTrace runs the real `signin-doctor totp` as a person does — the
// secret pasted on standard input, the phone's code as --code — in a fresh home (HOME, XDG
// folders, TMPDIR), and then looks for the secret in every form it could take: in every file
// written there, on standard output and error, and in the process's arguments and environment
// as the system saw them while it ran.
func TestTOTPCommandLeavesNoTrace(t *testing.T) {
	key := make([]byte, 20)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	b32 := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(key)
	uri := "otpauth://totp/Zoho:alice@example.com?secret=" + b32 + "&issuer=Zoho&algorithm=SHA256&digits=8"
	typed := strings.ToLower(b32[:4] + " " + b32[4:8] + " " + b32[8:])
	forms := SecretForms(key, map[string]string{"as typed": typed, "otpauth URI": uri})
	for _, input := range []struct{ name, text string }{{"typed base32", typed}, {"otpauth URI", uri}} {
		t.Run("given the secret as "+input.name, func(t *testing.T) {
			sb := newSandbox(t)
			sec, err := totp.Parse(input.text)
			if err != nil {
				t.Fatal(err)
			}
			code, err := sec.Code(time.Now())
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]string{}
			for _, args := range [][]string{{"totp", "--code", code}, {"totp", "--json", "--code", code}} {
				for where, text := range runWatched(t, sb, input.text+"\n", args...) {
					seen[strings.Join(args[:len(args)-1], " ")+": "+where] = text
				}
			}
			found, err := Traces(forms, seen, sb.Root)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range found {
				t.Error(f)
			}
		})
	}
}

// runWatched runs the binary with stdin written but left open, reads the process's command
// line and environment from /proc once it has taken the secret in and waits for the end of its
// input, then closes it. It returns every text the run showed, by where it was seen.
func runWatched(t *testing.T, sb sandbox, stdin string, args ...string) map[string]string {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), signinDoctor(t), args...)
	cmd.Env, cmd.Dir = sb.Env, sb.Root
	// The test keeps the pipe's read end too: what is still unread in it (FIONREAD) tells
	// when the process has taken the secret in.
	pipeOut, in, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pipeOut.Close()
	cmd.Stdin = pipeOut
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	proc := "/proc/" + strconv.Itoa(cmd.Process.Pid)
	seen := map[string]string{}
	look := func(when string) {
		for _, f := range []string{"cmdline", "environ"} {
			b, err := os.ReadFile(filepath.Join(proc, f))
			if err != nil {
				t.Fatalf("reading %s/%s %s: %v", proc, f, when, err)
			}
			seen[f+" "+when] = string(b)
		}
	}
	look("before the secret was given")
	if _, err := in.Write([]byte(stdin)); err != nil {
		t.Fatal(err)
	}
	waitDrained(t, pipeOut)
	look("while it held the secret")
	in.Close()
	err = cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 0 && code != 1 {
		t.Fatalf("%s: exit %d (%v); stderr:\n%s", strings.Join(args, " "), code, err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "step") && !strings.Contains(stdout.String(), "match") {
		t.Errorf("%s: standard output does not give the result:\n%s", strings.Join(args, " "), stdout.String())
	}
	seen["standard output"], seen["standard error"] = stdout.String(), stderr.String()
	return seen
}
