/*
** peers.h — the stackful libraries a C or C++ programmer would pick
** instead of corolab, timed beside it by peers.c: each a bench_fn (n
** operations; it checks its own sum). minicoro.c and boost.cpp are built
** only where bench/run finds the library (HAVE_MINICORO, HAVE_BOOST).
*/
#ifndef PEERS_H
#define PEERS_H

#ifdef __cplusplus
extern "C" {
#endif

/* n values of count(n): a resume and a yield each */
void minicoro_step_run(void *ctx, long n);
void boost_step_run(void *ctx, long n);
/* n times: a generator made, run to its first value, destroyed suspended */
void minicoro_create_run(void *ctx, long n);
void boost_create_run(void *ctx, long n);

#ifdef __cplusplus
}
#endif

#endif
