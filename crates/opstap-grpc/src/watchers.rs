//! A cap on open health `Watch` streams: they need no token, and each holds a stream
//! open for as long as the client likes, so without a cap anyone could open them without
//! end. One over the cap is refused with RESOURCE_EXHAUSTED; a stream counts until its
//! response body is dropped (the client went away or the server stopped).

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};

use tonic::codegen::Body;

const WATCH: &str = "/grpc.health.v1.Health/Watch";

/// A tower layer refusing a health `Watch` stream beyond `max` open ones.
#[derive(Debug, Clone)]
pub struct WatchLimitLayer {
    open: Arc<AtomicUsize>,
    max: usize,
}

impl WatchLimitLayer {
    pub fn new(max: usize) -> WatchLimitLayer {
        WatchLimitLayer { open: Arc::new(AtomicUsize::new(0)), max }
    }
}

impl<S> tower::Layer<S> for WatchLimitLayer {
    type Service = WatchLimit<S>;
    fn layer(&self, inner: S) -> WatchLimit<S> {
        WatchLimit { inner, open: self.open.clone(), max: self.max }
    }
}

#[derive(Debug, Clone)]
pub struct WatchLimit<S> {
    inner: S,
    open: Arc<AtomicUsize>,
    max: usize,
}

/// Counts one open stream until dropped.
#[derive(Debug)]
struct Open(Arc<AtomicUsize>);

impl Drop for Open {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A response body that holds its stream's place in the count.
struct Counted<B> {
    inner: B,
    _open: Open,
}

impl<B: Body + Unpin> Body for Counted<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

impl<S, B> tower::Service<http::Request<B>> for WatchLimit<S>
where
    S: tower::Service<http::Request<B>, Response = http::Response<tonic::body::Body>>,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future =
        Pin<Box<dyn std::future::Future<Output = Result<S::Response, S::Error>> + Send + 'static>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        if request.uri().path() != WATCH {
            return Box::pin(self.inner.call(request));
        }
        if self.open.fetch_add(1, Ordering::SeqCst) >= self.max {
            self.open.fetch_sub(1, Ordering::SeqCst);
            let max = self.max;
            tracing::warn!(max, "health watch refused: too many open");
            return Box::pin(async move {
                Ok(tonic::Status::resource_exhausted(format!(
                    "{max} health watch streams are open; use Check, or try again later"
                ))
                .into_http())
            });
        }
        let open = Open(self.open.clone());
        let future = self.inner.call(request);
        Box::pin(async move {
            let response = future.await?;
            Ok(response.map(|inner| tonic::body::Body::new(Counted { inner, _open: open })))
        })
    }
}
