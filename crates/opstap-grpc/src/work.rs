//! The bounded queue of index work: how many calls run on the blocking pool at once,
//! how many may wait, and shedding beyond that.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

use crate::error::ApiError;

/// Bounds the index work in flight: `workers` calls run on the blocking pool at once and
/// `max_waiting` more wait for one; a call beyond that is shed at once (UNAVAILABLE with
/// a retry hint) instead of queueing without end. A worker is held until its work is
/// done, even when the call was answered at its deadline, so abandoned work still counts.
pub(crate) struct WorkQueue {
    permits: Arc<tokio::sync::Semaphore>,
    workers: usize,
    waiting: AtomicUsize,
    max_waiting: usize,
    /// Calls shed since the start.
    shed: AtomicU64,
}

/// One call waiting for a worker, from `enter` until dropped.
struct Waiting<'a>(&'a AtomicUsize);

impl<'a> Waiting<'a> {
    fn enter(count: &'a AtomicUsize) -> Waiting<'a> {
        count.fetch_add(1, Ordering::SeqCst);
        Waiting(count)
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl WorkQueue {
    pub(crate) fn new(workers: usize, max_waiting: usize) -> WorkQueue {
        let workers = workers.max(1);
        WorkQueue {
            permits: Arc::new(tokio::sync::Semaphore::new(workers)),
            workers,
            waiting: AtomicUsize::new(0),
            max_waiting,
            shed: AtomicU64::new(0),
        }
    }

    /// Calls working now, waiting for a worker now, and shed so far.
    pub(crate) fn in_flight(&self) -> (usize, usize, u64) {
        (
            self.workers - self.permits.available_permits(),
            self.waiting(),
            self.shed.load(Ordering::Relaxed),
        )
    }

    /// Calls waiting for a worker now.
    pub(crate) fn waiting(&self) -> usize {
        self.waiting.load(Ordering::Relaxed)
    }

    pub(crate) async fn run<T: Send + 'static>(
        &self,
        deadline: Instant,
        work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        if deadline <= Instant::now() {
            return Err(ApiError::DeadlineExceeded);
        }
        let permit = match self.permits.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(_) => {
                // Counted as waiting until this scope ends, also when the call is dropped
                // while it waits (the client went away): the count never leaks.
                let _waiting = Waiting::enter(&self.waiting);
                if self.waiting.load(Ordering::SeqCst) > self.max_waiting {
                    self.shed.fetch_add(1, Ordering::Relaxed);
                    tracing::warn!(workers = self.workers, waiting = self.max_waiting, "call shed");
                    return Err(ApiError::Overloaded {
                        workers: self.workers,
                        waiting: self.max_waiting,
                    });
                }
                let acquired =
                    tokio::time::timeout_at(deadline.into(), self.permits.clone().acquire_owned())
                        .await;
                match acquired {
                    Err(_) => return Err(ApiError::DeadlineExceeded),
                    Ok(Err(_)) => return Err(ApiError::ShuttingDown),
                    Ok(Ok(permit)) => permit,
                }
            }
        };
        let task = tokio::task::spawn_blocking(move || {
            let _worker = permit;
            work()
        });
        match tokio::time::timeout_at(deadline.into(), task).await {
            Err(_) => Err(ApiError::DeadlineExceeded),
            Ok(Err(join)) if join.is_panic() => {
                tracing::error!("a worker panicked");
                Err(ApiError::Internal("a worker panicked while serving this call".into()))
            }
            Ok(Err(_)) => Err(ApiError::ShuttingDown),
            Ok(Ok(result)) => result,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use tonic::Status;

    use super::*;

    #[tokio::test]
    async fn work_past_the_deadline_is_deadline_exceeded() {
        let queue = WorkQueue::new(2, 4);
        let past = Instant::now();
        let r = queue.run(past, || Ok(1)).await;
        assert!(matches!(r, Err(ApiError::DeadlineExceeded)));
        // Work that is still running at the deadline: the caller is answered, the work
        // finishes in the background.
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let deadline = Instant::now() + Duration::from_millis(20);
        let r = queue
            .run(deadline, move || {
                wait.recv().ok();
                Ok(2)
            })
            .await;
        assert!(matches!(r, Err(ApiError::DeadlineExceeded)));
        release.send(()).unwrap();
        let later = Instant::now() + Duration::from_secs(60);
        assert_eq!(queue.run(later, || Ok(3)).await.unwrap(), 3);
        let r = queue.run::<()>(later, || panic!("boom")).await;
        assert!(matches!(r, Err(ApiError::Internal(_))));
    }

    /// Runs a call on the queue's one worker until `release` is sent; returns once it runs.
    async fn occupy_the_worker(
        queue: &Arc<WorkQueue>,
        deadline: Instant,
    ) -> (tokio::task::JoinHandle<Result<i32, ApiError>>, std::sync::mpsc::Sender<()>) {
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let busy = {
            let queue = queue.clone();
            tokio::spawn(async move {
                queue
                    .run(deadline, move || {
                        wait.recv().ok();
                        Ok(1)
                    })
                    .await
            })
        };
        while queue.permits.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        (busy, release)
    }

    /// A call dropped while it waits (its client went away) leaves the queue.
    #[tokio::test]
    async fn a_dropped_waiting_call_leaves_the_queue() {
        let queue = Arc::new(WorkQueue::new(1, 4));
        let later = Instant::now() + Duration::from_secs(60);
        let (busy, release) = occupy_the_worker(&queue, later).await;
        let waiter = {
            let queue = queue.clone();
            tokio::spawn(async move { queue.run(later, || Ok(2)).await })
        };
        while queue.waiting() == 0 {
            tokio::task::yield_now().await;
        }
        waiter.abort();
        let _ = waiter.await;
        assert_eq!(queue.waiting(), 0);
        release.send(()).unwrap();
        assert_eq!(busy.await.unwrap().unwrap(), 1);
    }

    /// One worker, one place in the queue: a third call is shed at once, and once the
    /// worker is free calls run again.
    #[tokio::test]
    async fn calls_beyond_the_queue_are_shed() {
        let queue = Arc::new(WorkQueue::new(1, 1));
        let later = Instant::now() + Duration::from_secs(60);
        let (busy, release) = occupy_the_worker(&queue, later).await;
        let waiting = {
            let queue = queue.clone();
            tokio::spawn(async move { queue.run(later, || Ok(2)).await })
        };
        while queue.waiting() == 0 {
            tokio::task::yield_now().await;
        }
        let shed = queue.run(later, || Ok(3)).await;
        assert!(matches!(shed, Err(ApiError::Overloaded { workers: 1, waiting: 1 })), "{shed:?}");
        let status = Status::from(shed.unwrap_err());
        assert_eq!(status.code(), tonic::Code::Unavailable);
        assert_eq!(status.metadata().get("grpc-retry-pushback-ms").unwrap(), "1000");
        release.send(()).unwrap();
        assert_eq!(busy.await.unwrap().unwrap(), 1);
        assert_eq!(waiting.await.unwrap().unwrap(), 2);
        assert_eq!(queue.run(later, || Ok(4)).await.unwrap(), 4);
    }
}
