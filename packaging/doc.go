// Package packaging holds what goes into IT's helpdesk bundles besides the program
// (README-IT.md, Japanese and English; windows/signin-doctor.wxs, the MSI's source) and the
// tests that open the bundles scripts/bundle.sh builds and inspect them as IT would: the Linux
// .tar.xz (an ELF binary, its .desktop file and icon) and the Windows .zip (a GUI PE32+ with
// icon and version resources), the example configuration in each, and the README; the .msi
// read with msiinfo, installed, upgraded and removed with Wine's msiexec; and copies of the
// .exe and the .msi signed with a throwaway certificate.
//
// The tests run only when SIGNIN_DOCTOR_BUNDLE_DIR names the folder holding the bundles;
// scripts/bundle-test.sh builds them into a temporary folder and runs them.
package packaging
