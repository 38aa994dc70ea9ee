// Package network is the plumbing every network check shares, whichever package it lives in
// (netcheck's connectivity, publicip and reach; the clock's HTTPS Date fallback):
//
//   - SystemProxy and NewHTTPClient: the proxy this machine's programs use (the environment,
//     else the Windows registry's Internet Settings, parsed in winproxy.go), and a client for
//     one probe (one address family, no redirects, no kept connections); ReadSmall reads a
//     bounded body.
//   - NewDialer: the dialer every network check dials with; a name lookup ends when its dial
//     is cancelled. DialFunc is the seam a check's options take in its place (DialOr,
//     NewHTTPClientDialing), for tests that give the dial errors no peer makes.
//   - UntilOffline, Offline, OfflineResult and OrOffline: the offline gate. A network check
//     follows connectivity (Spec.Follows) and stops with unknown "offline" the moment
//     connectivity's payload (a Verdict) says this computer is offline.
package network
