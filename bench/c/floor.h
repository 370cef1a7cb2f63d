/*
** floor.h — the floors of the C rows (floor.c): the generator and the task
** benchmarks run by the least checked runtime, to time beside corolab.
*/
#ifndef FLOOR_H
#define FLOOR_H

#include "clbench.h"

void floor_generator_run(void *ctx, long n);   /* as native_generator_run */
void floor_task_run(void *ctx, long n);        /* as native_task_run */

#endif
