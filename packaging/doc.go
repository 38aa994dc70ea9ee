// Package packaging holds what goes into IT's helpdesk bundles besides the program
// (README-IT.md, Japanese and English) and the test that opens the bundles scripts/bundle.sh
// builds and inspects them as IT would: the Linux .tar.xz (an ELF binary, its .desktop file and
// icon) and the Windows .zip (a GUI PE32+ with icon and version resources), the example
// configuration in each, and the README.
//
// The test runs only when SIGNIN_DOCTOR_BUNDLE_DIR names the folder holding the bundles;
// scripts/bundle-test.sh builds them into a temporary folder and runs it.
package packaging
