// Package peer starts the real programs the checks' tests talk to — nginx as an IP-echo
// service and HTTPS host, chronyd under faketime as an NTP server with a known offset, tinyproxy
// as an office's forward proxy and squid as one that intercepts TLS with its own CA, network
// namespaces for offline and VPN conditions — on loopback or inside namespaces the tests make
// themselves, and removes them when the test ends. Nothing here reaches beyond this machine.
//
// A peer whose program is missing skips the test, unless SIGNIN_DOCTOR_REQUIRE_PEERS is set
// (make test sets it, after installing the programs): then it fails, so a missing install can
// never pass as a green run.
package peer
