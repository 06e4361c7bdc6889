/*
 * pool: one mutex and one condition variable around a ring of job
 * pointers (see pool.h).  Jobs are coarse (a batch of documents, about a
 * megabyte), so the lock is taken twice per job by a worker and once by
 * the main thread: contention is not what bounds -j N.
 */
#include "pool.h"

#include <pthread.h>
#include <stdlib.h>
#include "../base/buf.h"

struct pool {
	const pool_ops *ops;
	void *ctx;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	void **q;                 /* ring of jobs */
	unsigned char *fin;       /* per slot: the job is finished */
	size_t cap;               /* slots */
	size_t head, tail, next;  /* oldest queued, end, first not yet taken */
	int stop;
	pthread_t *tid;
	long nt;
};

static void *worker(void *arg)
{
	pool *p = arg;
	void *scratch = p->ops->start ? p->ops->start(p->ctx) : NULL;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->next == p->tail)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->next == p->tail && p->stop)
			break;
		size_t slot = p->next % p->cap;
		p->next++;
		pthread_mutex_unlock(&p->mu);
		p->ops->run(p->ctx, scratch, p->q[slot]);
		pthread_mutex_lock(&p->mu);
		p->fin[slot] = 1;
		pthread_cond_broadcast(&p->cv);
	}
	if (p->ops->stop)
		p->ops->stop(p->ctx, scratch);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

pool *pool_new(long threads, const pool_ops *ops, void *ctx)
{
	pool *p = xcalloc(1, sizeof *p);
	p->ops = ops;
	p->ctx = ctx;
	p->cap = (size_t)threads * 4;
	p->q = xcalloc(p->cap, sizeof *p->q);
	p->fin = xcalloc(p->cap, 1);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	p->nt = threads;
	p->tid = xcalloc((size_t)threads, sizeof *p->tid);
	for (long t = 0; t < threads; t++)
		pthread_create(&p->tid[t], NULL, worker, p);
	return p;
}

/* Hands back finished jobs from the front; waits for the oldest while
 * the ring is full, or for every job when all. */
static void deliver(pool *p, int all)
{
	pthread_mutex_lock(&p->mu);
	while (p->head != p->tail) {
		size_t slot = p->head % p->cap;
		if (!p->fin[slot]) {
			if (!all && p->tail - p->head < p->cap)
				break;
			pthread_cond_wait(&p->cv, &p->mu);
			continue;
		}
		void *job = p->q[slot];
		p->fin[slot] = 0;
		p->head++;
		pthread_mutex_unlock(&p->mu);
		p->ops->done(p->ctx, job);
		pthread_mutex_lock(&p->mu);
	}
	pthread_mutex_unlock(&p->mu);
}

void pool_submit(pool *p, void *job)
{
	deliver(p, 0);
	pthread_mutex_lock(&p->mu);
	size_t slot = p->tail % p->cap;
	p->q[slot] = job;
	p->fin[slot] = 0;
	p->tail++;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

void pool_free(pool *p)
{
	if (!p)
		return;
	deliver(p, 1);
	pthread_mutex_lock(&p->mu);
	p->stop = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	for (long t = 0; t < p->nt; t++)
		pthread_join(p->tid[t], NULL);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p->tid);
	free(p->q);
	free(p->fin);
	free(p);
}
