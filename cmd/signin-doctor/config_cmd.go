package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/signin-doctor/signin-doctor/config"
)

// configCommand runs `signin-doctor config show [--json] [--config FILE]`, the configuration
// in effect with where each value comes from, and `signin-doctor config validate FILE`, which
// checks a file (and the playbook it names) without running anything: IT's test of a bundle
// before it ships.
func configCommand(args []string, s streams) int {
	if len(args) == 0 {
		fmt.Fprintf(s.Err, "signin-doctor config: say show or validate\n\n%s", usage)
		return exitUsage
	}
	switch args[0] {
	case "show":
		return configShow(args[1:], s)
	case "validate":
		return configValidate(args[1:], s)
	}
	fmt.Fprintf(s.Err, "signin-doctor config: unknown subcommand %q\n\n%s", args[0], usage)
	return exitUsage
}

// configShowJSON is `config show --json` (docs/DESIGN.md).
type configShowJSON struct {
	SchemaVersion int              `json:"schema_version"`
	File          string           `json:"file"`   // "" for the embedded defaults
	Places        []string         `json:"places"` // where the file is looked for, in order
	Settings      []config.Setting `json:"settings"`
}

func configShow(args []string, s streams) int {
	fs := flag.NewFlagSet("config show", flag.ContinueOnError)
	fs.SetOutput(s.Err)
	fs.Usage = func() { fmt.Fprint(s.Err, usage) }
	asJSON := fs.Bool("json", false, "print the configuration as JSON")
	explicit := fs.String("config", "", "read the configuration from `FILE`")
	region := fs.String("region", "", "as check --region: the Zoho data centre `ID`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(s.Err, "signin-doctor config show: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	places := config.DefaultPlaces()
	cfg, err := config.Discover(*explicit, places)
	if err != nil {
		fmt.Fprintf(s.Err, "signin-doctor: bad configuration: %v\n", err)
		return exitUsage
	}
	if *region != "" {
		r, ok := config.RegionByID(*region)
		if !ok {
			fmt.Fprintf(s.Err, "signin-doctor config show: --region: %v\n", config.ErrUnknownRegion(*region))
			return exitUsage
		}
		cfg = cfg.WithRegion(r)
	}
	settings, err := config.Settings(cfg)
	if err != nil {
		fmt.Fprintf(s.Err, "signin-doctor: %v\n", err)
		return exitUsage
	}
	for i := range settings {
		if settings[i].Key == "service.region" && *region != "" {
			settings[i].From = "--region"
		}
	}
	doc := configShowJSON{SchemaVersion: 1, File: cfg.Source, Places: places.Candidates(), Settings: settings}
	if *explicit != "" {
		doc.Places = []string{*explicit}
	}
	if *asJSON {
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			fmt.Fprintf(s.Err, "signin-doctor: %v\n", err)
			return exitUsage
		}
		return exitClean
	}
	writeConfigText(s.Out, doc)
	return exitClean
}

// writeConfigText prints the configuration as a table: key, where from, value (as JSON; last,
// as lists run long).
func writeConfigText(w io.Writer, doc configShowJSON) {
	if doc.File == "" {
		fmt.Fprintf(w, "configuration: the built-in defaults (no %s in: %s)\n\n", config.FileName, strings.Join(doc.Places, ", "))
	} else {
		fmt.Fprintf(w, "configuration: %s\n\n", doc.File)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, st := range doc.Settings {
		value, _ := json.Marshal(st.Value)
		fmt.Fprintf(tw, "%s\t%s\t%s\n", st.Key, st.From, value)
	}
	tw.Flush()
}

func configValidate(args []string, s streams) int {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(s.Err, "signin-doctor config validate: give one FILE\n\n%s", usage)
		return exitUsage
	}
	cfg, err := config.Load(args[0])
	if err != nil {
		fmt.Fprintf(s.Err, "signin-doctor: bad configuration: %v\n", err)
		return exitUsage
	}
	if _, err := loadPlaybook(cfg); err != nil {
		fmt.Fprintf(s.Err, "signin-doctor: bad playbook: %v\n", err)
		return exitUsage
	}
	set := 0
	settings, err := config.Settings(cfg)
	if err != nil {
		fmt.Fprintf(s.Err, "signin-doctor: %v\n", err)
		return exitUsage
	}
	for _, st := range settings {
		if st.From != "default" {
			set++
		}
	}
	fmt.Fprintf(s.Out, "%s: valid (%d of %d keys set; `signin-doctor config show --config %s` lists them)\n", args[0], set, len(settings), args[0])
	return exitClean
}
