// Package ui is Sign-in Doctor's Fyne interface: the symptom picker, the live check list, the
// remedy wizard, the one-time-code screen and the report. It knows nothing of sockets, NTP or
// the registry: it is given a way to run the diagnosis and shows what comes back.
//
// The package never imports fyne.io/fyne/v2/app, so its tests run on Fyne's headless test
// driver; cmd/signin-doctor creates the real app and hands it to New.
package ui
