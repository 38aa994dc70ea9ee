// Package checks is Sign-in Doctor's diagnosis engine: the Check interface that every local
// check implements, the Result it returns, and Run, which executes the enabled checks
// concurrently under per-check deadlines inside an overall budget.
//
// The checks themselves live in sub-packages (checks/clock, checks/netcheck, …). This package
// knows nothing of Fyne, of the playbook's words, or of how a report is printed: results are
// data, and the words people read come from the playbook and the translations.
//
// A result carries its check's typed payload in Data (netcheck.ConnectivityData, clock.Data,
// browsers.Data …), read through the accessor of the check's package (netcheck.OnlineFrom,
// clock.OffsetFrom, browsers.FromResult); Finish makes Details, the report's JSON view, from
// it. Nothing reads a result through a Details key (checks/proof holds that rule).
package checks
