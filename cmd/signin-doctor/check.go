package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/config"
	"github.com/signin-doctor/signin-doctor/doctor"
	"github.com/signin-doctor/signin-doctor/report"
)

// checkOptions are the flags of `signin-doctor check`.
type checkOptions struct {
	json    bool
	config  string
	symptom string
	only    []string
	region  string // a data centre id; "" keeps the configuration's
}

// parseCheckFlags parses the flags of `check`; an error is bad usage (exit 2).
func parseCheckFlags(args []string, stderr io.Writer) (checkOptions, error) {
	var o checkOptions
	var only string
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	fs.BoolVar(&o.json, "json", false, "print the report as JSON (schema v1)")
	fs.StringVar(&o.config, "config", "", "read the configuration from `FILE`")
	fs.StringVar(&o.symptom, "symptom", "", "run the checks that matter for symptom `ID`")
	fs.StringVar(&only, "only", "", "run only the checks `ID,ID` (and the checks they need)")
	fs.StringVar(&o.region, "region", "", "the Zoho data centre `ID` the account lives in (us, eu, in, au, jp, ca, sa)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if o.region != "" {
		if _, ok := config.RegionByID(o.region); !ok {
			return o, fmt.Errorf("--region: %w", config.ErrUnknownRegion(o.region))
		}
	}
	if o.symptom != "" {
		id, ok := checks.CanonicalSymptom(o.symptom) // an old id still names its symptom
		if !ok {
			return o, fmt.Errorf("unknown symptom %q; the symptoms are: %s", o.symptom, strings.Join(checks.SymptomIDs(), ", "))
		}
		o.symptom = id
	}
	if only != "" {
		for _, id := range strings.Split(only, ",") {
			id = strings.TrimSpace(id)
			if !checks.KnownCheck(id) {
				return o, fmt.Errorf("unknown check %q in --only; the checks are: %s", id, strings.Join(checks.CheckIDs(), ", "))
			}
			o.only = append(o.only, id)
		}
	}
	return o, nil
}

// checkCommand runs `signin-doctor check`.
func checkCommand(ctx context.Context, args []string, s streams) int {
	o, err := parseCheckFlags(args, s.Err)
	if err == flag.ErrHelp {
		return exitClean
	}
	if err != nil {
		fmt.Fprintf(s.Err, "signin-doctor check: %v\n\n%s", err, usage)
		return exitUsage
	}
	cfg, book, ok := configured(o.config, o.region, s)
	if !ok {
		return exitUsage
	}
	ids := checks.ChecksFor(o.symptom)
	if o.only != nil {
		ids = o.only
	}
	rep := doctor.New(cfg, doctor.Overrides{}).Run(ctx, ids, nil)
	adv := book.Advise(rep, o.symptom, cliLanguage(cfg.Language, o.json), runtime.GOOS)
	doc := report.New(rep, adv, version, o.symptom)
	doc.Config = cfg.Source
	write := func(w io.Writer) error { return doc.Terminal(w, adv.Lang) }
	if o.json {
		write = doc.WriteJSON
	}
	if err := write(s.Out); err != nil {
		fmt.Fprintf(s.Err, "signin-doctor: %v\n", err)
		return exitUsage
	}
	for _, f := range rep.Findings() {
		if f.Severity == checks.Warn || f.Severity == checks.Fail {
			return exitFindings
		}
	}
	return exitClean
}

// cliLanguage is the language of the command's words: the configuration's, else the system's
// (Japanese or English) for a person at a terminal, and English for JSON unless configured,
// so that scripts see the same messages on every computer.
func cliLanguage(configured string, forJSON bool) string {
	if configured == "" && forJSON {
		return i18n.English
	}
	return i18n.Language(configured, lang.SystemLocale())
}
