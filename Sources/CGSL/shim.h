#ifndef BACKSIM_CGSL_SHIM_H
#define BACKSIM_CGSL_SHIM_H

// The GSL headers BackSim uses, plus accessors for what Swift 6 cannot read
// directly: generator type objects are mutable globals (not concurrency-safe
// to Swift), and status codes come from an anonymous enum.

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_math.h>

static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_multimin_fminimizer_type *cgsl_multimin_nmsimplex2(void) {
    return gsl_multimin_fminimizer_nmsimplex2;
}

static const int CGSL_SUCCESS = GSL_SUCCESS;
static const int CGSL_FAILURE = GSL_FAILURE;
static const int CGSL_CONTINUE = GSL_CONTINUE;
static const int CGSL_EDOM = GSL_EDOM;
static const int CGSL_EINVAL = GSL_EINVAL;
static const int CGSL_ENOMEM = GSL_ENOMEM;

#endif
