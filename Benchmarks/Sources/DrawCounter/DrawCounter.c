// Counting wrappers for GSL's variate functions.
//
// With `-Xlinker --wrap=gsl_rng_uniform`, every reference to gsl_rng_uniform
// in the executable's own object files (BackSim's modules included) resolves
// to __wrap_gsl_rng_uniform below, and __real_gsl_rng_uniform to GSL's. Calls
// that GSL makes inside itself (the ziggurat's raw outputs) are not wrapped:
// the counts are of BackSim's calls, by kind. The libm functions the model's
// equations call (exp, pow, log, log1p, round) are counted the same way.

#include <stdatomic.h>
#include "DrawCounter.h"

typedef struct gsl_rng gsl_rng;

static _Atomic long c_uniform, c_uniform_pos, c_get, c_set, c_gaussian, c_beta, c_gamma, c_lognormal,
    c_exponential, c_poisson, c_exp, c_pow, c_log, c_log1p, c_round;

#define COUNT(counter) atomic_fetch_add_explicit(&(counter), 1, memory_order_relaxed)
#define READ(counter) atomic_load_explicit(&(counter), memory_order_relaxed)
#define RESET(counter) atomic_store_explicit(&(counter), 0, memory_order_relaxed)

double __real_gsl_rng_uniform(const gsl_rng *r);
double __real_gsl_rng_uniform_pos(const gsl_rng *r);
unsigned long __real_gsl_rng_get(const gsl_rng *r);
void __real_gsl_rng_set(const gsl_rng *r, unsigned long seed);
double __real_gsl_ran_gaussian_ziggurat(const gsl_rng *r, double sigma);
double __real_gsl_ran_beta(const gsl_rng *r, double a, double b);
double __real_gsl_ran_gamma(const gsl_rng *r, double a, double b);
double __real_gsl_ran_lognormal(const gsl_rng *r, double zeta, double sigma);
double __real_gsl_ran_exponential(const gsl_rng *r, double mu);
unsigned int __real_gsl_ran_poisson(const gsl_rng *r, double mu);
double __real_exp(double x);
double __real_pow(double x, double y);
double __real_log(double x);
double __real_log1p(double x);
double __real_round(double x);

double __wrap_gsl_rng_uniform(const gsl_rng *r) { COUNT(c_uniform); return __real_gsl_rng_uniform(r); }
double __wrap_gsl_rng_uniform_pos(const gsl_rng *r) { COUNT(c_uniform_pos); return __real_gsl_rng_uniform_pos(r); }
unsigned long __wrap_gsl_rng_get(const gsl_rng *r) { COUNT(c_get); return __real_gsl_rng_get(r); }
void __wrap_gsl_rng_set(const gsl_rng *r, unsigned long seed) { COUNT(c_set); __real_gsl_rng_set(r, seed); }
double __wrap_gsl_ran_gaussian_ziggurat(const gsl_rng *r, double sigma) {
    COUNT(c_gaussian);
    return __real_gsl_ran_gaussian_ziggurat(r, sigma);
}
double __wrap_gsl_ran_beta(const gsl_rng *r, double a, double b) { COUNT(c_beta); return __real_gsl_ran_beta(r, a, b); }
double __wrap_gsl_ran_gamma(const gsl_rng *r, double a, double b) { COUNT(c_gamma); return __real_gsl_ran_gamma(r, a, b); }
double __wrap_gsl_ran_lognormal(const gsl_rng *r, double zeta, double sigma) {
    COUNT(c_lognormal);
    return __real_gsl_ran_lognormal(r, zeta, sigma);
}
double __wrap_gsl_ran_exponential(const gsl_rng *r, double mu) {
    COUNT(c_exponential);
    return __real_gsl_ran_exponential(r, mu);
}
unsigned int __wrap_gsl_ran_poisson(const gsl_rng *r, double mu) {
    COUNT(c_poisson);
    return __real_gsl_ran_poisson(r, mu);
}

double __wrap_exp(double x) { COUNT(c_exp); return __real_exp(x); }
double __wrap_pow(double x, double y) { COUNT(c_pow); return __real_pow(x, y); }
double __wrap_log(double x) { COUNT(c_log); return __real_log(x); }
double __wrap_log1p(double x) { COUNT(c_log1p); return __real_log1p(x); }
double __wrap_round(double x) { COUNT(c_round); return __real_round(x); }

backsim_draw_counts backsim_draw_counts_read(void) {
    backsim_draw_counts counts = {
        READ(c_uniform), READ(c_uniform_pos), READ(c_get), READ(c_set), READ(c_gaussian),
        READ(c_beta), READ(c_gamma), READ(c_lognormal), READ(c_exponential), READ(c_poisson),
        READ(c_exp), READ(c_pow), READ(c_log), READ(c_log1p), READ(c_round),
    };
    return counts;
}

void backsim_draw_counts_reset(void) {
    RESET(c_uniform); RESET(c_uniform_pos); RESET(c_get); RESET(c_set); RESET(c_gaussian);
    RESET(c_beta); RESET(c_gamma); RESET(c_lognormal); RESET(c_exponential); RESET(c_poisson);
    RESET(c_exp); RESET(c_pow); RESET(c_log); RESET(c_log1p); RESET(c_round);
}
