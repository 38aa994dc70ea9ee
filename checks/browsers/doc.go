// Package browsers is the browsers check: which web browsers are installed, which one opens
// links by default, and whether Google sign-in supports them. Google refuses sign-in from
// embedded web views and from browsers it does not support ("Error 403: disallowed_useragent"),
// so the remedy is to open the sign-in page in a full browser it supports.
//
// Each OS has its own Source, kept in untagged files so that every parser is tested on every
// OS: LinuxSource reads the XDG desktop entries and mimeapps.list files, WindowsSource reads
// the registry through a small reader, MacSource reads application bundles' Info.plist and the
// LaunchServices preferences. The per-OS files only pick the real world for the default source.
//
// Details: "installed" ([]Browser: name, id, path, version where cheap, supported, family),
// "default" (*Browser, null when unknown), "default_from" (where the default was read: a
// mimeapps.list path, "xdg-settings get default-web-browser", a registry key, the
// LaunchServices file), "errors" (what could not be read, for IT). FromResult gives the
// Browser values back to the wizard, for Open.
//
// Status: ok when the default is supported; warn with an unsupported default and a supported
// browser installed; fail when no supported browser is installed; unknown when nothing could
// be read or, with supported browsers installed, the default cannot be told. A place that
// could not be read for a reason other than being absent (a registry key the user may not
// read: access denied) proves nothing: with no supported browser found the check is unknown,
// not fail, and a default choice that cannot be read (Windows' UserChoiceLatest) leaves the
// default unknown rather than the next choice's (Inventory.Incomplete; only the Windows
// registry source tells it so far). "errors" holds each such raw error, unknown or not.
//
// Findings and their Params:
//   - no-supported-browser (Fail): "installed" — the names of the browsers found, comma-separated
//     (empty when there are none).
//   - default-browser-unsupported (Warn): "default" — the default browser's name; "suggestion" —
//     the name of an installed browser Google sign-in supports.
//
// Open starts a chosen installed, supported browser with a URL: the wizard's "open the sign-in
// page in this browser" action. It only ever passes the URL.
package browsers
