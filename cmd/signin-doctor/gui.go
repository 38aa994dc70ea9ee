package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"github.com/signin-doctor/signin-doctor/assets"
	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/config"
	"github.com/signin-doctor/signin-doctor/doctor"
	"github.com/signin-doctor/signin-doctor/internal/desktop"
	"github.com/signin-doctor/signin-doctor/ui"
)

// appID names the app to the system; Fyne keys its (unused) preferences folder by it.
const appID = "io.github.signin_doctor.signin_doctor"

// openGUI runs the window until it is closed. Only this function starts Fyne's driver, so the
// CLI subcommands work without a display. A bad configuration or playbook does not stop the
// window: it says what is wrong (file, line, key) and goes on with the defaults.
func openGUI(s streams) int {
	drawn := startupWatchdog(os.Getenv, func(format string, args ...any) { fmt.Fprintf(s.Err, format, args...) })
	restoreGC := spaceGC()
	// What Fyne and GLFW log is kept, for the message a window that cannot open shows.
	logged := newLogTail(log.Writer(), 2048)
	log.SetOutput(logged)
	defer log.SetOutput(logged.out)
	a := app.NewWithID(appID)
	a.Lifecycle().SetOnStarted(func() { // the window is shown and its event loop starts
		restoreGC()
		// The loop paints a frame every 1/60 s and runs fyne.Do's calls between frames: one
		// that runs a few frames from now shows the first ones were drawn.
		time.AfterFunc(100*time.Millisecond, func() { fyne.Do(drawn) })
	})
	cfg, cfgErr := config.Discover("", config.DefaultPlaces())
	if cfgErr != nil {
		fmt.Fprintf(s.Err, "signin-doctor: bad configuration, using the defaults: %v\n", cfgErr)
		cfg = config.Default()
	}
	system := lang.SystemLocale()
	language := i18n.Language(cfg.Language, system)
	if err := i18n.Use(language, system); err != nil {
		fmt.Fprintf(s.Err, "signin-doctor: %v\n", err)
	}
	// The fonts load alongside the playbook and the display, not after them (the first frame
	// waited for all three in turn).
	fonts := ui.LoadFonts(a)
	book, err := loadPlaybook(cfg)
	if err != nil {
		fmt.Fprintf(s.Err, "signin-doctor: bad playbook, using the embedded one: %v\n", err)
		cfgErr = errors.Join(cfgErr, err)
		book = playbook.Default().ForService(serviceOf(cfg.CurrentRegion()))
	}
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	d := guiDeps(a, cfg, cfgErr, book)
	d.FontsLoaded = fonts
	if _, err := showWindow(func() fyne.Window { return ui.New(a, d, language) }); err != nil {
		drawn() // no window will draw: the message box says why, and the watchdog has nothing to add
		return noWindow(s, err, logged.String())
	}
	a.Run()
	return exitClean
}

// noWindow tells the person, on standard error and in a message box of the system's own, that
// the window could not be opened and why, and returns exitNoWindow.
func noWindow(s streams, err error, logged string) int {
	title, text := ui.NoWindow(strings.TrimSpace(logged + "\n" + err.Error()))
	fmt.Fprintf(s.Err, "signin-doctor: %s\n", text)
	if err := desktop.Alert(title, text); err != nil {
		fmt.Fprintf(s.Err, "signin-doctor: %v\n", err)
	}
	return exitNoWindow
}

// startupGCPercent is Go's GOGC while the window starts.
const startupGCPercent = 400

// spaceGC makes Go's collector run less often until the returned func (called from the app's
// OnStarted, as the window's event loop starts) sets it back. While the window starts, the
// heap grows to about 45 MB as Fyne parses its fonts and this program its playbook: at the
// default GOGC (100) the collector ran six times on the way, about 15 ms of the first frame on
// two cores. At 400 it runs twice, and the first frame's resident memory is a few MB larger
// (165 MB, not 162). A GOGC the user set higher (or off) stands.
func spaceGC() (restore func()) {
	percent := debug.SetGCPercent(startupGCPercent)
	if percent < 0 || percent >= startupGCPercent {
		debug.SetGCPercent(percent)
		return func() {}
	}
	return func() { debug.SetGCPercent(percent) }
}

// guiDeps gives the window what it runs: the checks from the configuration (the doctor also
// reads the clock and opens a supported browser), the playbook, the helpdesk, and the system's
// ways to open things.
func guiDeps(a fyne.App, cfg config.Config, cfgErr error, book *playbook.Playbook) ui.Deps {
	d := doctor.New(cfg, doctor.Overrides{})
	var region ui.RegionChooser
	if cfg.Service.Region == "" {
		region = guiRegion{cfg: cfg, book: book}
	}
	return ui.Deps{
		Checks:      diagnoseWith(d),
		Region:      region,
		Clock:       d,
		Browser:     d,
		Links:       a,
		Settings:    dateTimeSettings{a},
		Playbook:    book,
		Helpdesk:    cfg.Helpdesk,
		Hidden:      cfg.Playbook.Hidden,
		Platform:    runtime.GOOS,
		Version:     version,
		ConfigError: cfgErr,
	}
}

// diagnoseWith runs the checks of a symptom with d.
func diagnoseWith(d *doctor.Diagnoser) ui.DiagnoseFunc {
	return func(ctx context.Context, symptom string, observe func(checks.Event)) checks.Report {
		return d.Run(ctx, checks.ChecksFor(symptom), observe)
	}
}

// guiRegion makes the checks, the clock and the content for the data centre the person names,
// when IT named none (ui.RegionChooser).
type guiRegion struct {
	cfg  config.Config
	book *playbook.Playbook
}

func (g guiRegion) Regions() []config.Region { return config.Regions() }

func (g guiRegion) Choose(id string) (ui.Diagnoser, ui.ClockReader, *playbook.Playbook) {
	r, ok := config.RegionByID(id)
	if !ok {
		r = g.cfg.CurrentRegion()
	}
	d := doctor.New(g.cfg.WithRegion(r), doctor.Overrides{})
	return diagnoseWith(d), d, g.book.ForService(serviceOf(r))
}

// dateTimeSettings opens this system's date and time settings for the window.
type dateTimeSettings struct{ app fyne.App }

func (s dateTimeSettings) OpenDateTimeSettings() error { return openDateTimeSettings(s.app) }

// openDateTimeSettings opens the system's date and time settings: a settings URL on Windows
// and macOS; on Linux the desktop's own settings program, the first one installed.
func openDateTimeSettings(a fyne.App) error {
	var page string
	switch runtime.GOOS {
	case "windows":
		page = "ms-settings:dateandtime"
	case "darwin":
		page = "x-apple.systempreferences:com.apple.Date-Time-Settings.extension"
	default:
		for _, argv := range [][]string{
			{"gnome-control-center", "datetime"},
			{"systemsettings", "kcm_clock"},
			{"kcmshell5", "clock"},
			{"cinnamon-settings", "calendar"},
			{"xfce4-datetime-settings"},
			{"mate-time-admin"},
		} {
			if path, err := exec.LookPath(argv[0]); err == nil {
				cmd := exec.Command(path, argv[1:]...)
				if err := cmd.Start(); err != nil {
					return fmt.Errorf("starting %s: %w", argv[0], err)
				}
				go func() { _ = cmd.Wait() }() // reap it; the person closes it
				return nil
			}
		}
		return errors.New("no date and time settings program is installed (gnome-control-center, systemsettings, …)")
	}
	u, err := url.Parse(page)
	if err != nil {
		return fmt.Errorf("the settings address %q: %w", page, err)
	}
	return a.OpenURL(u)
}
