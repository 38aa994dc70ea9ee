package proof

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/base32"
	"io"
	"net/url"
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

// TestTOTPCalibrateLeavesNoTrace runs the real `signin-doctor totp --calibrate` as a person
// does — scans the key it shows, types the code the app then shows — in a fresh home, and looks
// for the calibration key in every form it could take: in every file written there, on
// standard output, and in the process's arguments and environment while it held the key.
// Standard error is the one place the key may be (the QR code, the setup key and the URI, for
// the person to scan): it must be there, and in no form but those.
func TestTOTPCalibrateLeavesNoTrace(t *testing.T) {
	for _, args := range [][]string{{"totp", "--calibrate"}, {"totp", "--calibrate", "--json"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			sb := newSandbox(t)
			seen, uri := runCalibrating(t, sb, args...)
			sec, err := totp.ParseURI(uri)
			if err != nil {
				t.Fatalf("the URI on standard error does not parse: %v", err)
			}
			b32, _ := url.Parse(uri)
			key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(b32.Query().Get("secret"))
			if err != nil || len(key) < 16 || sec.Algorithm != totp.SHA1 {
				t.Fatalf("the URI holds no SHA1 key (%v)", err)
			}
			stderr := seen["standard error"]
			delete(seen, "standard error")
			found, err := Traces(SecretForms(key, map[string]string{"otpauth URI": uri}), seen, sb.Root)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range found {
				t.Error(f)
			}
			// On standard error the key is shown for the person, and in no other form; the
			// search finds it there, as it would anywhere else.
			if shown, _ := Traces(SecretForms(key, nil), map[string]string{"standard error": stderr}); !strings.Contains(stderr, uri) || len(shown) == 0 {
				t.Error("standard error does not show the URI, or the search does not find the key in it")
			}
			bare := SecretForms(key, nil)
			delete(bare, "base32") // in the URI
			found, err = Traces(bare, map[string]string{"standard error": stderr})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range found {
				t.Error(f)
			}
		})
	}
}

// runCalibrating runs the binary, reads the calibration key's URI from its standard error,
// types the code the key makes now on its standard input and then ends the input, looking at
// the process's command line and environment while it holds the key. It returns every text the
// run showed, by where it was seen, and the URI.
func runCalibrating(t *testing.T, sb sandbox, args ...string) (map[string]string, string) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), signinDoctor(t), args...)
	cmd.Env, cmd.Dir = sb.Env, sb.Root
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	errPipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	lines := bufio.NewScanner(io.TeeReader(errPipe, &stderr))
	uri := ""
	for uri == "" && lines.Scan() {
		if _, after, ok := strings.Cut(lines.Text(), "otpauth://"); ok {
			uri = "otpauth://" + strings.TrimSpace(after)
		}
	}
	if uri == "" {
		t.Fatalf("%s printed no otpauth:// URI:\n%s", strings.Join(args, " "), stderr.String())
	}
	seen := map[string]string{}
	for _, f := range []string{"cmdline", "environ"} {
		b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(cmd.Process.Pid), f))
		if err != nil {
			t.Fatalf("reading /proc/%d/%s: %v", cmd.Process.Pid, f, err)
		}
		seen[f+" while it held the key"] = string(b)
	}
	sec, err := totp.ParseURI(uri)
	if err != nil {
		t.Fatal(err)
	}
	code, _ := sec.Code(time.Now())
	_, _ = io.WriteString(in, code+"\n")
	in.Close()
	_, _ = io.Copy(io.Discard, io.TeeReader(errPipe, &stderr))
	err = cmd.Wait()
	if exit := cmd.ProcessState.ExitCode(); exit != 0 && exit != 1 {
		t.Fatalf("%s: exit %d (%v); stderr:\n%s", strings.Join(args, " "), exit, err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "step") && !strings.Contains(stdout.String(), `"calibration": true`) {
		t.Errorf("%s: standard output does not give the result:\n%s", strings.Join(args, " "), stdout.String())
	}
	seen["standard output"], seen["standard error"] = stdout.String(), stderr.String()
	return seen, uri
}
