#ifndef BACKSIM_BENCH_CGSL_SHIM_H
#define BACKSIM_BENCH_CGSL_SHIM_H

// GSL for the benchmarks' generator comparison. Swift 6 cannot read GSL's
// generator type objects (mutable globals), hence the accessors.

#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>

static inline const gsl_rng_type *bench_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *bench_rng_mt19937(void) { return gsl_rng_mt19937; }

#endif
