package timesync

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"strings"
)

// w32timeKey is the W32Time service's registry key under HKEY_LOCAL_MACHINE.
const w32timeKey = `SYSTEM\CurrentControlSet\Services\W32Time`

// serviceDisabled is the service Start value of a disabled service.
const serviceDisabled = 4

// w32time is W32Time's configuration: the Parameters\Type value (NTP, NT5DS, AllSync or
// NoSync) and whether the NTP client provider and the service are enabled.
type w32time struct {
	typ             string
	clientEnabled   *bool
	serviceDisabled bool
}

// parseW32tmConfiguration reads `w32tm /query /configuration`. Its value names are registry
// names and stay in English on every Windows; "(Local)" and "(Policy)" after values are
// localised ("(ローカル)" on Japanese Windows), so only the first word of a value is read.
func parseW32tmConfiguration(out []byte) (w32time, bool) {
	var w w32time
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.Contains(k, " ") {
			if f := strings.Fields(line); len(f) > 0 && !strings.HasPrefix(line, "[") {
				section = f[0] // a provider: "NtpClient (Local)"
			}
			continue
		}
		value := firstWord(v)
		switch {
		case k == "Type" && w.typ == "":
			w.typ = value
		case k == "Enabled" && section == "NtpClient":
			w.clientEnabled = yes(value == "1")
		}
	}
	return w, w.typ != ""
}

// parseW32tmStatus reads the source from `w32tm /query /status`, whose labels are localised:
// "Source:" in English, "ソース:" in Japanese. synced is false when the clock runs on its own
// ("Local CMOS Clock", "Free-running System Clock": provider names, never translated).
func parseW32tmStatus(out []byte) (source string, synced *bool) {
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		switch strings.TrimSpace(k) {
		case "Source", "ソース":
			source = strings.TrimSpace(v)
		}
	}
	if source == "" {
		return "", nil
	}
	if source == "Local CMOS Clock" || source == "Free-running System Clock" {
		return source, yes(false)
	}
	// "time.windows.com,0x9": the flags after the comma say how, not where.
	host, _, _ := strings.Cut(source, ",")
	return host, yes(true)
}

// windowsState reads W32Time's configuration from the registry, or from w32tm where the
// registry cannot be read, and its source from w32tm's status.
func windowsState(ctx context.Context, run Runner, reg Registry) (state, error) {
	w, ok, err := w32timeConfig(ctx, run, reg)
	if !ok {
		return state{}, err
	}
	st := state{known: true, source: "W32Time"}
	st.enabled = !strings.EqualFold(w.typ, "NoSync") && !w.serviceDisabled && (w.clientEnabled == nil || *w.clientEnabled)
	if !st.enabled {
		return st, nil
	}
	// The service starts on demand on computers outside a domain, so a stopped service
	// (w32tm's error 0x80070426) does not mean the setting is off: the source stays W32Time.
	out, err := run(ctx, "w32tm", "/query", "/status")
	if src, synced := parseW32tmStatus(out); src != "" && err == nil {
		st.source, st.synchronized = "W32Time ("+src+")", synced
	}
	return st, nil
}

// w32timeConfig reads the registry first: it is the same on every language of Windows. Where
// the registry cannot tell, w32tm's configuration stands in; w32tm answers only while the
// service runs, so a configuration it prints is of a service that is not disabled.
func w32timeConfig(ctx context.Context, run Runner, reg Registry) (w32time, bool, error) {
	var regErr error
	if reg != nil {
		w, err := w32timeRegistry(reg)
		if err == nil {
			return w, true, nil
		}
		regErr = err
	}
	out, err := run(ctx, "w32tm", "/query", "/configuration")
	if err == nil {
		if w, ok := parseW32tmConfiguration(out); ok {
			return w, true, nil
		}
	}
	return w32time{}, false, errors.Join(regErr, err)
}

// w32timeRegistry reads W32Time's Type, the service's Start and the NTP client's Enabled. A
// Start or Enabled the registry does not hold is the default (a service not disabled, a client
// on); any other failure to read one — access denied, say — means the registry cannot tell,
// never that the setting is on.
func w32timeRegistry(reg Registry) (w32time, error) {
	typ, err := reg.String(w32timeKey+`\Parameters`, "Type")
	if err != nil {
		return w32time{}, err
	}
	if typ == "" {
		return w32time{}, errors.New(`HKLM\` + w32timeKey + `\Parameters\Type is empty`)
	}
	w := w32time{typ: typ}
	start, err := reg.Integer(w32timeKey, "Start")
	switch {
	case err == nil:
		w.serviceDisabled = start == serviceDisabled
	case !errors.Is(err, fs.ErrNotExist):
		return w32time{}, err
	}
	enabled, err := reg.Integer(w32timeKey+`\TimeProviders\NtpClient`, "Enabled")
	switch {
	case err == nil:
		w.clientEnabled = yes(enabled != 0)
	case !errors.Is(err, fs.ErrNotExist):
		return w32time{}, err
	}
	return w, nil
}

// firstWord returns the first word of a value: "NTP (Local)" -> "NTP".
func firstWord(v string) string {
	f := strings.Fields(v)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
