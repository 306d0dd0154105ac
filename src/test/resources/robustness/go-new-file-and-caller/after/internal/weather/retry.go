package weather

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"
)

// policy says how often and how patiently a request is retried.
type policy struct {
	attempts int
	base     time.Duration
	max      time.Duration
}

var defaultPolicy = policy{attempts: 4, base: 200 * time.Millisecond, max: 5 * time.Second}

// transientError marks a failure worth retrying (5xx, 429).
type transientError struct {
	err error
}

func (e *transientError) Error() string { return e.err.Error() }

func (e *transientError) Unwrap() error { return e.err }

// retry calls op until it succeeds, fails permanently, runs out of attempts, or ctx ends.
// Waits grow exponentially with full jitter so many clients do not retry in lockstep.
func retry(ctx context.Context, p policy, op func() error) error {
	var err error
	for attempt := 0; attempt < p.attempts; attempt++ {
		err = op()
		var transient *transientError
		if err == nil || !errors.As(err, &transient) {
			return err
		}
		if attempt == p.attempts-1 {
			break
		}
		wait := p.base << attempt
		if wait > p.max {
			wait = p.max
		}
		timer := time.NewTimer(time.Duration(rand.Int64N(int64(wait) + 1)))
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
		}
	}
	return err
}
