/* perf_json.h — private to report/: one performance verdict as a JSON
 * object, shared by the JSON report, the SARIF properties and the
 * attestation so the three say the same thing with the same names. */
#ifndef ASSAY_REPORT_PERF_JSON_H
#define ASSAY_REPORT_PERF_JSON_H

#include "../analyses/perf.h"

#include <jansson.h>

/* {"name", "unit", "verdict", "samples": {"baseline", "current"}, "medians":
 * {...}, "relativeEffect", "statisticU", "uBaseline", "pValue", "exact",
 * "minimumP", "hodgesLehmann": {"shift", "ciLow", "ciHigh", "confidence"},
 * "tolerance": {...}, "environmentsMatch", "message"}; test fields only for
 * wall-clock results that were tested. A new reference. */
json_t *rp_perf_result_json(const pf_result *r);
/* {"verdict", "regressions", "improvements", "inconclusive", "unchanged",
 * "added", "missing", "results": [...]}. A new reference. */
json_t *rp_perf_report_json(const pf_report *p);

#endif
