#ifndef BACKSIM_DRAW_COUNTER_H
#define BACKSIM_DRAW_COUNTER_H

/// Calls into GSL's variate functions (and the libm functions below) made by BackSim's code since the last
/// reset, one field per function. Counted only in an executable linked with
/// `-Xlinker --wrap=<function>` for each (the DrawCount benchmark); anywhere
/// else the fields stay zero.
typedef struct {
    long uniform;            // gsl_rng_uniform (also RandomStream.bernoulli)
    long uniform_pos;        // gsl_rng_uniform_pos
    long get;                // gsl_rng_get (RandomStream.next and reseed warm-up)
    long set;                // gsl_rng_set
    long gaussian_ziggurat;  // gsl_ran_gaussian_ziggurat
    long beta;               // gsl_ran_beta
    long gamma;              // gsl_ran_gamma
    long lognormal;          // gsl_ran_lognormal
    long exponential;        // gsl_ran_exponential
    long poisson;            // gsl_ran_poisson
    // libm functions of the model's equations (not draws; counted alike)
    long exp;
    long pow;
    long log;
    long log1p;
    long round;
} backsim_draw_counts;

/// Reads every counter (relaxed; read when no other thread is drawing).
backsim_draw_counts backsim_draw_counts_read(void);

/// Sets every counter to zero.
void backsim_draw_counts_reset(void);

#endif
