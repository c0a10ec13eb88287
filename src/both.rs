//! Futures run on one thread at once: each gives way at its own awaits.
//! A long read asks for its next step's rows and works through the step it
//! holds meanwhile; the form definitions are fetched while the code that
//! installs them loads; an import asks the store for every kind's ids at once.

/// Runs two futures on this thread at once and gives the output of whichever finishes first
/// (`a` if both do in the same poll); the other is dropped.
pub async fn first<T, A: std::future::Future<Output = T>, B: std::future::Future<Output = T>>(a: A, b: B) -> T {
    use std::task::Poll;
    let (mut a, mut b) = (std::pin::pin!(a), std::pin::pin!(b));
    std::future::poll_fn(move |cx| match a.as_mut().poll(cx) {
        Poll::Ready(x) => Poll::Ready(x),
        Poll::Pending => b.as_mut().poll(cx),
    })
    .await
}

/// Runs two futures on this thread at once (each gives way at its own awaits) and waits for both.
pub async fn both<A: std::future::Future, B: std::future::Future>(a: A, b: B) -> (A::Output, B::Output) {
    use std::task::Poll;
    let (mut a, mut b) = (std::pin::pin!(a), std::pin::pin!(b));
    let (mut done_a, mut done_b) = (None, None);
    std::future::poll_fn(move |cx| {
        if done_a.is_none() {
            if let Poll::Ready(x) = a.as_mut().poll(cx) {
                done_a = Some(x);
            }
        }
        if done_b.is_none() {
            if let Poll::Ready(y) = b.as_mut().poll(cx) {
                done_b = Some(y);
            }
        }
        match (done_a.take(), done_b.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                (done_a, done_b) = (x, y);
                Poll::Pending
            }
        }
    })
    .await
}

/// Runs every one of `futures` on this thread at once and waits for all: their outputs, in order.
pub async fn all<F: std::future::Future>(futures: Vec<F>) -> Vec<F::Output> {
    use std::task::Poll;
    let mut running: Vec<std::pin::Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut done: Vec<Option<F::Output>> = running.iter().map(|_| None).collect();
    std::future::poll_fn(move |cx| {
        for (f, out) in running.iter_mut().zip(done.iter_mut()) {
            if out.is_none() {
                if let Poll::Ready(x) = f.as_mut().poll(cx) {
                    *out = Some(x);
                }
            }
        }
        if done.iter().all(Option::is_some) {
            Poll::Ready(done.iter_mut().filter_map(Option::take).collect())
        } else {
            Poll::Pending
        }
    })
    .await
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::both;
    use std::cell::RefCell;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll, Waker};

    /// Pending the first time it is polled, ready the next.
    struct OneTurn(bool);
    impl Future for OneTurn {
        type Output = ();
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            if self.0 {
                Poll::Ready(())
            } else {
                self.0 = true;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        }
    }

    #[test]
    fn all_starts_each_before_any_finishes_and_gives_the_outputs_in_order() {
        let log = RefCell::new(Vec::new());
        let task = |name: &'static str, turns: usize| {
            let log = &log;
            async move {
                log.borrow_mut().push(format!("{name} asks"));
                for _ in 0..turns {
                    OneTurn(false).await;
                }
                log.borrow_mut().push(format!("{name} has it"));
                name
            }
        };
        let mut joined = std::pin::pin!(super::all(vec![task("a", 2), task("b", 0), task("c", 1)]));
        let mut cx = Context::from_waker(Waker::noop());
        let out = loop {
            if let Poll::Ready(out) = joined.as_mut().poll(&mut cx) {
                break out;
            }
        };
        assert_eq!(out, ["a", "b", "c"]);
        assert_eq!(*log.borrow(), ["a asks", "b asks", "b has it", "c asks", "c has it", "a has it"]);
    }

    #[test]
    fn the_first_runs_to_its_first_await_before_the_second_starts_and_both_finish() {
        let log = RefCell::new(Vec::new());
        let a = async {
            log.borrow_mut().push("a asks");
            OneTurn(false).await;
            log.borrow_mut().push("a has it");
            1
        };
        let b = async {
            log.borrow_mut().push("b works");
            2
        };
        let mut joined = std::pin::pin!(both(a, b));
        let mut cx = Context::from_waker(Waker::noop());
        let mut turns = 0;
        let out = loop {
            turns += 1;
            if let Poll::Ready(out) = joined.as_mut().poll(&mut cx) {
                break out;
            }
        };
        assert_eq!(out, (1, 2));
        assert_eq!(turns, 2);
        assert_eq!(*log.borrow(), ["a asks", "b works", "a has it"]);
    }
}
