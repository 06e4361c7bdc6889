/*
 * pool: the ordered worker pool behind `extract -j N` and `ingest -j N`.
 *
 * The main thread submits jobs in input order; N worker threads run them;
 * the main thread gets them back finished in the order it submitted them,
 * so what -j N writes is what -j 1 writes.  The ring holds four jobs per
 * worker; pool_submit waits while it is full, handing finished jobs back
 * meanwhile, so memory stays bounded by the ring whatever the input.
 *
 * Ownership: a job is the caller's.  The pool holds the pointer from
 * pool_submit until it passes it to ops->done, which may free it.
 */
#ifndef SL_POOL_H
#define SL_POOL_H

typedef struct pool_ops {
	/* in each worker as it starts: its scratch state */
	void *(*start)(void *ctx);
	/* in a worker: the work of one job, nothing shared written */
	void (*run)(void *ctx, void *scratch, void *job);
	/* in each worker as it ends, with the pool's lock held (so one at a
	 * time: summing counters into ctx needs no lock of its own) */
	void (*stop)(void *ctx, void *scratch);
	/* in the thread that called pool_submit / pool_free, in input order */
	void (*done)(void *ctx, void *job);
} pool_ops;

typedef struct pool pool;

/* Starts threads (>= 1) workers.  ops and ctx must outlive the pool. */
pool *pool_new(long threads, const pool_ops *ops, void *ctx);

/* Queues job; first hands back the finished jobs at the front of the ring
 * and, while the ring is full, waits for the oldest. */
void pool_submit(pool *p, void *job);

/* Hands back every job still queued (waiting for them), stops and joins
 * the workers and frees the pool. */
void pool_free(pool *p);

#endif
